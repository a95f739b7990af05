// Filing the draft: local validation with the contract's schema, then the outbox (idempotency key
// = draft key) so an offline or failing submission waits as 待发送 and is sent once.
import { requestEndpoints } from '../../types/contract/requests'
import { categoryOf } from '../../types/contract/requests-catalog'
import { PHOTOS_MAX } from '../../types/contract/requests'
import { type InputOf } from '../../types/contract/endpoint'
import { type QuickAnswer, type ServiceRequest, type SimilarRequest } from '../../types/contract/requests-model'
import { validateInput } from '../core/api'
import { claimReceipts, onOutboxSent, startOutbox, submitCall, useOutbox, type CallPayload, type SubmitOutcome } from '../core/outbox'
import { requestsApi } from './api'
import { useRequestDraft, type RequestDraft } from './draft-store'
import { uploadDraftPhoto } from './photos'
import { upsertRequest } from './store'

// Only this feature's endpoints (not the aggregated table): a page carries the schemas it uses.
const endpoints = { ...requestEndpoints }

export const SUBMIT_KIND = 'requests.create'

type CreateInput = InputOf<typeof endpoints.createServiceRequest>

/** What the outbox keeps: a data item core sends by itself (photos uploaded first when missing). */
export type SubmitPayload = CallPayload

export function toInput(d: RequestDraft): Omit<CreateInput, 'photos'> {
  const note = d.note.trim()
  return {
    categoryCode: (d.categoryCode ?? '') as CreateInput['categoryCode'],
    answers: Object.fromEntries(Object.entries(d.answers).filter(([, v]) => v.trim() !== '')),
    description: d.description,
    location: { placeId: d.place?.id ?? '', ...(d.place?.point ? { point: d.place.point } : {}), ...(note ? { note } : {}) },
    anonymous: d.anonymous,
    ...(d.onBehalfOf ? { onBehalfOf: d.onBehalfOf } : {})
  }
}

export function toPayload(d: RequestDraft): SubmitPayload {
  const e = endpoints.createServiceRequest
  return {
    call: {
      method: e.method as 'POST',
      path: e.path,
      body: toInput(d) as Record<string, unknown>,
      photos: { field: 'photos', purpose: 'request_photo', items: d.photos.map((p) => ({ id: p.id, localPath: p.localPath, sendPath: p.sendPath, fileId: p.file?.id ?? null })) }
    }
  }
}

/** Field messages (`description`, `answers.lamp_state`, `location.placeId`, `photos`) or null when it can be sent. */
export function draftProblems(d: RequestDraft): Record<string, string> | null {
  // Photos not uploaded yet count with a stand-in id: the limit is on how many, not which.
  const invalid = validateInput(endpoints.createServiceRequest, { ...toInput(d), photos: d.photos.map((p) => p.file?.id ?? `local_${p.id}`) })
  const fields: Record<string, string> = { ...(invalid?.fields ?? {}) }
  if (!d.categoryCode) fields.categoryCode = '请选择诉求类别'
  if (d.photos.length > PHOTOS_MAX) fields.photos = `最多上传 ${PHOTOS_MAX} 张照片`
  const failed = d.photos.find((p) => p.status === 'failed' && /失效|图片/.test(p.error ?? ''))
  if (failed) fields.photos = failed.error ?? '有照片无法上传，请删除后重试'
  return Object.keys(fields).length ? fields : null
}

/** The form's photos still compressing or uploading are awaited, so the item carries their ids. */
async function settleUploads(): Promise<void> {
  const busy = useRequestDraft.getState().photos.filter((p) => p.status === 'preparing' || p.status === 'uploading')
  await Promise.all(busy.map((p) => uploadDraftPhoto(p.id)))
}

function filed(key: string, result: ServiceRequest) {
  upsertRequest(result)
  // The form is cleared only once the request is filed (a 代办 draft put aside included).
  useRequestDraft.getState().filed(key)
}

let wired = false

/**
 * Core sends the items (at launch, with no requests page open); every requests page calls this to
 * take in what was filed meanwhile and to hear what is filed while it is open.
 */
export function wireRequestOutbox(): void {
  claimReceipts<ServiceRequest>(SUBMIT_KIND).forEach((r) => filed(r.key, r.result))
  startOutbox()
  if (wired) return
  wired = true
  onOutboxSent((item, result) => {
    if (item.kind !== SUBMIT_KIND) return
    useOutbox.getState().claimReceipts(SUBMIT_KIND)
    filed(item.key, result as ServiceRequest)
  })
}

export const labelOf = (d: RequestDraft, forWhom?: string) =>
  [forWhom ? `代${forWhom}` : null, categoryOf(d.categoryCode ?? '')?.name ?? '诉求', d.place?.name].filter(Boolean).join(' · ')

/** Files the current draft; a double tap joins the first try (same key). */
export async function submitDraft(forWhom?: string): Promise<SubmitOutcome<ServiceRequest>> {
  wireRequestOutbox()
  await settleUploads()
  const d = useRequestDraft.getState()
  return submitCall<ServiceRequest>(SUBMIT_KIND, d.key, toPayload(d).call, labelOf(d, forWhom))
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
