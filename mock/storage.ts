// Where the mock keeps its state between runs: a small key-value interface that Taro storage,
// a JSON file and memory all satisfy synchronously. The database is one key; uploaded files
// are one key each (WeChat caps a single storage key at 1 MB).
export interface MockStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const DB_KEY = 'db'

export function createMemoryStorage(initial: Record<string, string> = {}): MockStorage {
  const data = new Map(Object.entries(initial))
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => { data.set(key, value) },
    removeItem: (key) => { data.delete(key) }
  }
}
