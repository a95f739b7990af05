// The transport a build gets (found unguarded by npm run mutate:sample): LINLI_TRANSPORT=http is the
// HTTP transport, anything else the embedded mock, which on H5 loads on the first request.
import { createTransport, isMockBuild } from '..'

const g = globalThis as unknown as { LINLI_TRANSPORT: string }
const built = g.LINLI_TRANSPORT

afterEach(() => { g.LINLI_TRANSPORT = built })

test('an embedded H5 build gets the lazily loaded mock', () => {
  expect(built).toBe('embedded')
  expect(process.env.TARO_ENV).toBe('h5')
  expect(isMockBuild).toBe(true)
  const transport = createTransport() as ReturnType<typeof createTransport> & { loadedBackend?: () => unknown }
  expect(transport.kind).toBe('embedded')
  expect(typeof transport.loadedBackend).toBe('function')
  expect(transport.loadedBackend!()).toBeNull()
})

test('an HTTP build gets the HTTP transport and no mock', () => {
  g.LINLI_TRANSPORT = 'http'
  const transport = createTransport()
  expect(transport.kind).toBe('http')
  expect('loadedBackend' in transport).toBe(false)
  expect('backend' in transport).toBe(false)
})
