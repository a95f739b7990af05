// The HTTP transport: Taro.request / Taro.uploadFile to a configured API root.
import Taro from '@tarojs/taro'
import { toQueryString, TransportFailure, type Transport } from './transport'

const failure = (errMsg: string | undefined) =>
  new TransportFailure(/timeout|超时/i.test(errMsg ?? '') ? 'timeout' : 'network', errMsg)

const parseBody = (data: unknown) => {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}

export function createHttpTransport(baseUrl: string): Transport {
  const root = baseUrl.replace(/\/$/, '')
  return {
    kind: 'http',
    send: (r) => new Promise((resolve, reject) => {
      Taro.request({
        url: root + r.path + toQueryString(r.query),
        method: r.method,
        data: r.body as Record<string, unknown> | undefined,
        header: { 'content-type': 'application/json', ...r.headers },
        timeout: r.timeoutMs,
        dataType: 'json',
        success: (res) => resolve({ status: res.statusCode, body: parseBody(res.data) }),
        fail: (err) => reject(failure(err.errMsg))
      })
    }),
    upload: (r) => new Promise((resolve, reject) => {
      const task = Taro.uploadFile({
        url: root + r.path,
        filePath: r.filePath,
        name: 'file',
        formData: r.fields,
        header: r.headers,
        timeout: r.timeoutMs,
        success: (res) => resolve({ status: res.statusCode, body: parseBody(res.data) }),
        fail: (err) => reject(failure(err.errMsg))
      })
      task?.onProgressUpdate?.((p) => r.onProgress?.(p.progress))
    })
  }
}
