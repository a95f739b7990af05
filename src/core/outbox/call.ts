// Outbox items as data: the endpoint (method + filled path), the body, and the photos to upload
// first. Core sends them itself — at launch, on network regain, on return to the foreground — so a
// vote, a sign-up or a request filed offline goes out with no feature page open. What the server
// answered is kept as a receipt until the feature that filed it claims it.
import type { FilePurpose } from '../../../types/contract/files'
import { callRoute } from '../api'
import { sendPhoto } from '../media/send'

export interface CallPhoto {
  /** The draft photo's id: also the upload's idempotency key, so a retry uploads it once. */
  id: string
  localPath: string
  sendPath: string | null
  /** Set once uploaded (by the form or an earlier try). */
  fileId: string | null
}

export interface CallPayload {
  call: {
    method: 'POST' | 'PUT' | 'DELETE'
    path: string
    body: Record<string, unknown>
    /** Photos uploaded before the call; their file ids go into `body[field]`, in order. */
    photos?: { field: string; purpose: FilePurpose; items: CallPhoto[] }
  }
}

export const isCallPayload = (p: unknown): p is CallPayload => {
  const call = (p as CallPayload | null)?.call
  return typeof call === 'object' && call !== null && typeof call.path === 'string' && typeof call.method === 'string'
}

/** Sends one data item: uploads what is missing, then calls the endpoint with the item's key. */
export async function sendCall(payload: CallPayload, key: string, save: (next: CallPayload) => void = () => undefined): Promise<unknown> {
  const { method, path, body, photos } = payload.call
  if (!photos) return callRoute(method, path, body, { idempotencyKey: key, retries: 0 })
  const ids: string[] = []
  let items = photos.items
  for (const p of photos.items) {
    if (p.fileId) { ids.push(p.fileId); continue }
    const { file } = await sendPhoto({ path: p.localPath, sendPath: p.sendPath }, { purpose: photos.purpose, idempotencyKey: p.id, retries: 0 })
    ids.push(file.id)
    // Saved on the item at once, so a later try (after a failure of the call) does not upload it again.
    items = items.map((x) => (x.id === p.id ? { ...x, fileId: file.id } : x))
    save({ call: { ...payload.call, photos: { ...photos, items } } })
  }
  return callRoute(method, path, { ...body, [photos.field]: ids }, { idempotencyKey: key, retries: 0 })
}
