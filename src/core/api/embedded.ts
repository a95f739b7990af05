// The default transport: the mock backend runs in-process, persisted in Taro storage, so the
// weapp build works in WeChat DevTools with no server. Only imported by embedded builds.
import Taro from '@tarojs/taro'
import { createMockBackend, MockNetworkDown, type MockBackend, type MockStorage } from '../../../mock'
import { isOnline } from '../network'
import { TransportFailure, type Transport, type TransportRequest, type UploadRequest } from './transport'

const PREFIX = 'linli.mock.'

export const taroStorage: MockStorage = {
  getItem: (key) => {
    const value: unknown = Taro.getStorageSync(PREFIX + key)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (key, value) => Taro.setStorageSync(PREFIX + key, value),
  removeItem: (key) => Taro.removeStorageSync(PREFIX + key)
}

async function readAsDataUrl(filePath: string): Promise<string> {
  if (filePath.startsWith('data:')) return filePath
  if (process.env.TARO_ENV === 'h5') {
    const blob = await (await fetch(filePath)).blob()
    return new Promise((resolve, reject) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.onerror = () => reject(reader.error)
      reader.readAsDataURL(blob)
    })
  }
  const base64 = Taro.getFileSystemManager().readFileSync(filePath, 'base64') as string
  const mime = /\.png$/i.test(filePath) ? 'image/png' : 'image/jpeg'
  return `data:${mime};base64,${base64}`
}

export function createEmbeddedTransport(backend: MockBackend = createMockBackend({ storage: taroStorage, faults: { latencyMs: 200 } })): Transport & { backend: MockBackend } {
  const handle = async (request: Parameters<MockBackend['handle']>[0]) => {
    if (!isOnline()) throw new TransportFailure('network', 'device offline')
    try {
      return await backend.handle(request)
    } catch (e) {
      if (e instanceof MockNetworkDown) throw new TransportFailure('network', e.message)
      throw e
    }
  }
  return {
    kind: 'embedded',
    backend,
    send: (r: TransportRequest) => handle({ method: r.method, path: r.path, query: r.query, body: r.body, headers: r.headers }),
    async upload(r: UploadRequest) {
      r.onProgress?.(0)
      const dataUrl = await readAsDataUrl(r.filePath)
      r.onProgress?.(50)
      const response = await handle({ method: 'POST', path: r.path, body: { ...r.fields, dataUrl }, headers: r.headers })
      r.onProgress?.(100)
      return response
    }
  }
}
