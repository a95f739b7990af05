// MockStorage on the file system, for the HTTP mock server: one file per key in a folder
// (the database is `db.json`, each uploaded photo its own file). Synchronous, like Taro storage.
import fs from 'node:fs'
import path from 'node:path'
import type { MockStorage } from './storage'

export const DEFAULT_DATA_DIR = '.mock-data'

/** Keys become file names; anything outside [A-Za-z0-9._-] is percent-encoded. */
const fileName = (key: string) => `${key.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}.json`

export function createFileStorage(dir: string = DEFAULT_DATA_DIR): MockStorage & { dir: string } {
  fs.mkdirSync(dir, { recursive: true })
  const file = (key: string) => path.join(dir, fileName(key))
  return {
    dir,
    getItem(key) {
      try {
        return fs.readFileSync(file(key), 'utf8')
      } catch {
        return null
      }
    },
    setItem(key, value) {
      // Write then rename, so a crash mid-write never leaves a half-written database behind.
      const target = file(key)
      const tmp = `${target}.${process.pid}.tmp`
      fs.writeFileSync(tmp, value)
      fs.renameSync(tmp, target)
    },
    removeItem(key) {
      fs.rmSync(file(key), { force: true })
    }
  }
}
