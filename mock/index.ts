export { createMockBackend, seedDatabase, type FaultSettings, type MockBackend, type MockBackendOptions, type MockRequest, type MockResponse } from './backend'
export { MockNetworkDown } from './errors'
export { createMemoryStorage, DB_KEY, type MockStorage } from './storage'
export { KEY_PEOPLE, roomId } from './seed-community'
