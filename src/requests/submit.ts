// Filing the draft: local validation with the contract's schema, then the outbox (idempotency key
// = draft key) so an offline or failing submission waits as 待发送 and is sent once.
import { categoryOf, endpoints, PHOTOS_MAX, type FileRef, type InputOf, type QuickAnswer, type ServiceRequest, type SimilarRequest } from '../../types/contract'
import { validateInput } from '../core/api'
import { onOutboxSent, registerSender, startOutbox, submit, useOutbox, type SubmitOutcome } from '../core/outbox'
import { sendPhoto } from '../core/media'
import { requestsApi } from './api'
import { useRequestDraft, type RequestDraft } from './draft-store'
import { uploadDraftPhoto } from './photos'
import { upsertRequest } from './store'

export const SUBMIT_KIND = 'requests.create'

type CreateInput = InputOf<typeof endpoints.createServiceRequest>

/** What the outbox keeps: the input without photo ids, and the photos to upload first if needed. */
export interface SubmitPayload {
  input: Omit<CreateInput, 'photos'>
  photos: Array<{ id: string; localPath: string; sendPath: string | null; file: FileRef | null }>
}

export function toPayload(d: RequestDraft): SubmitPayload {
  const note = d.note.trim()
  return {
    input: {
      categoryCode: (d.categoryCode ?? '') as CreateInput['categoryCode'],
      answers: Object.fromEntries(Object.entries(d.answers).filter(([, v]) => v.trim() !== '')),
      description: d.description,
      location: { placeId: d.place?.id ?? '', ...(d.place?.point ? { point: d.place.point } : {}), ...(note ? { note } : {}) },
      anonymous: d.anonymous,
      ...(d.onBehalfOf ? { onBehalfOf: d.onBehalfOf } : {})
    },
    photos: d.photos.map((p) => ({ id: p.id, localPath: p.localPath, sendPath: p.sendPath, file: p.file }))
  }
}

/** Field messages (`description`, `answers.lamp_state`, `location.placeId`, `photos`) or null when it can be sent. */
export function draftProblems(d: RequestDraft): Record<string, string> | null {
  const payload = toPayload(d)
  // Photos not uploaded yet count with a stand-in id: the limit is on how many, not which.
  const invalid = validateInput(endpoints.createServiceRequest, { ...payload.input, photos: payload.photos.map((p) => p.file?.id ?? `local_${p.id}`) })
  const fields: Record<string, string> = { ...(invalid?.fields ?? {}) }
  if (!d.categoryCode) fields.categoryCode = '请选择诉求类别'
  if (d.photos.length > PHOTOS_MAX) fields.photos = `最多上传 ${PHOTOS_MAX} 张照片`
  const failed = d.photos.find((p) => p.status === 'failed' && /失效|图片/.test(p.error ?? ''))
  if (failed) fields.photos = failed.error ?? '有照片无法上传，请删除后重试'
  return Object.keys(fields).length ? fields : null
}

/** Uploads what is missing, then files; used for the first try and every retry from the outbox. */
async function send(payload: SubmitPayload, key: string): Promise<ServiceRequest> {
  const ids: string[] = []
  for (const p of payload.photos) {
    // A photo still uploading from the form is awaited, not uploaded a second time.
    if (!p.file && useRequestDraft.getState().photos.some((d) => d.id === p.id && (d.status === 'preparing' || d.status === 'uploading'))) {
      await uploadDraftPhoto(p.id)
    }
    const inDraft = useRequestDraft.getState().photos.find((d) => d.id === p.id)
    const known = p.file ?? inDraft?.file ?? null
    if (known) { ids.push(known.id); continue }
    const patch = (x: Parameters<ReturnType<typeof useRequestDraft.getState>['patchPhoto']>[1]) => {
      if (inDraft) useRequestDraft.getState().patchPhoto(p.id, x)
    }
    const { file } = await sendPhoto({ path: p.localPath, sendPath: inDraft?.sendPath ?? p.sendPath }, {
      purpose: 'request_photo', idempotencyKey: p.id, retries: 0,
      onStage: (status, progress) => patch({ status, progress })
    })
    patch({ status: 'uploaded', progress: 100, file: { id: file.id, url: file.url }, error: null })
    ids.push(file.id)
  }
  return requestsApi.create({ ...payload.input, photos: ids }, { idempotencyKey: key, retries: 0 })
}

let wired = false

/** Registers the sender and the after-send bookkeeping once (every requests page calls it). */
export function wireRequestOutbox(): void {
  if (wired) return
  wired = true
  registerSender<SubmitPayload, ServiceRequest>(SUBMIT_KIND, send)
  onOutboxSent((item, result) => {
    if (item.kind !== SUBMIT_KIND) return
    upsertRequest(result as ServiceRequest)
    // The form is cleared only once the request is filed (a 代办 draft put aside included).
    useRequestDraft.getState().filed(item.key)
  })
  startOutbox()
}

export const labelOf = (d: RequestDraft, forWhom?: string) =>
  [forWhom ? `代${forWhom}` : null, categoryOf(d.categoryCode ?? '')?.name ?? '诉求', d.place?.name].filter(Boolean).join(' · ')

/** Files the current draft; a double tap joins the first try (same key). */
export function submitDraft(forWhom?: string): Promise<SubmitOutcome<ServiceRequest>> {
  wireRequestOutbox()
  const d = useRequestDraft.getState()
  return submit<SubmitPayload, ServiceRequest>(SUBMIT_KIND, d.key, toPayload(d), labelOf(d, forWhom))
}

/** The outbox entry holding the current draft, if it is waiting (待发送) or was refused later. */
export const selectDraftInOutbox = (key: string) => (s: ReturnType<typeof useOutbox.getState>) => s.items.find((i) => i.key === key) ?? null

/** 我也遇到了 candidates and 秒回 answers for the draft; empty when offline or on failure (filing goes on). */
export async function checkBeforeSubmit(d: RequestDraft): Promise<{ similar: SimilarRequest[]; quickAnswers: QuickAnswer[] }> {
  const point = d.place?.point
  const [similar, quickAnswers] = await Promise.all([
    d.categoryCode && d.place
      ? requestsApi.similar({ categoryCode: d.categoryCode, placeId: d.place.id, ...(point ? { lat: point.lat, lng: point.lng } : {}) }).catch(() => [])
      : Promise.resolve([]),
    requestsApi.quickAnswers(d.description.trim()).catch(() => [])
  ])
  return { similar: similar.filter((r) => !r.mine), quickAnswers }
}
