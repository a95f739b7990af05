// Shared arrange helpers for the 民生诉求 mock tests: a seeded backend on a movable clock,
// sessions as seeded people, and a request driven to any status through legal transitions only.
import { createMockBackend, KEY_PEOPLE, type MockBackend } from '..'
import type { RequestStatus, ServiceRequest } from '../../types/contract'

export const NOW = Date.parse('2026-11-29T08:00:00+08:00')
export const DAY = 86400_000

/** A tiny real JPEG (1×1) as a data URL. */
export const JPEG_DATA_URL = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA='

export const VALID_REQUEST = {
  categoryCode: 'streetlight',
  answers: { lamp_state: 'off' },
  description: '1栋门口的路灯连续三晚不亮，晚上回家很黑',
  location: { placeId: 'b_1' }
}

export interface Res<T = unknown> { status: number; body: T }

export async function setup() {
  let now = NOW
  let seq = 0
  const backend: MockBackend = createMockBackend({ now: () => now })
  const tokens: Record<string, string> = {}

  async function tokenOf(personId: string) {
    if (!tokens[personId]) {
      const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `switch-${personId}` } })
      tokens[personId] = (res.body as { token: string }).token
    }
    return tokens[personId]
  }
  const auth = async (as?: string) => (as ? { Authorization: `Bearer ${await tokenOf(as)}` } : {})

  const t = {
    backend,
    db: () => backend.db(),
    advance: (ms: number) => { now += ms },
    now: () => now,
    async get<T = unknown>(path: string, as?: string): Promise<Res<T>> {
      return backend.handle({ method: 'GET', path, headers: await auth(as) }) as Promise<Res<T>>
    },
    async post<T = unknown>(path: string, body: unknown, as?: string, key?: string): Promise<Res<T>> {
      return backend.handle({ method: 'POST', path, body, headers: { ...(await auth(as)), 'Idempotency-Key': key ?? `k${++seq}` } }) as Promise<Res<T>>
    },
    /** Files a request as 周婷 (or `as`) and returns it; fails the test on anything but 200. */
    async file(body: Record<string, unknown> = {}, as: string = KEY_PEOPLE.resident): Promise<ServiceRequest> {
      const res = await t.post<ServiceRequest>('/requests', { ...VALID_REQUEST, ...body }, as)
      if (res.status !== 200) throw new Error(`filing failed: ${JSON.stringify(res.body)}`)
      return res.body
    },
    /** Staff action as 陈静. */
    staff: (id: string, action: string, body: Record<string, unknown> = {}) => t.post<ServiceRequest>(`/staff/requests/${id}/${action}`, body, KEY_PEOPLE.staff),
    /** A new request by 周婷 brought to `status` through legal transitions only. */
    async requestIn(status: RequestStatus): Promise<ServiceRequest> {
      const r = await t.file()
      const path: Record<RequestStatus, [string, Record<string, unknown>][]> = {
        submitted: [],
        accepted: [['accept', {}]],
        dispatched: [['accept', {}], ['dispatch', { departmentId: 'd_property' }]],
        in_progress: [['accept', {}], ['dispatch', { departmentId: 'd_property' }], ['notes', { note: '物业电工已到现场查看' }]],
        closed: [['accept', {}], ['dispatch', { departmentId: 'd_property' }], ['notes', { note: '物业电工已到现场查看' }], ['close', { result: '已更换灯泡，恢复照明' }]],
        declined: [['decline', { reason: '不属于社区受理范围' }]],
        duplicate: [['duplicate', { duplicateOf: 'sr_0031' }]]
      }
      for (const [action, body] of path[status]) {
        const res = await t.staff(r.id, action, body)
        if (res.status !== 200) throw new Error(`${action} failed: ${JSON.stringify(res.body)}`)
      }
      return (await t.get<ServiceRequest>(`/requests/${r.id}`, KEY_PEOPLE.resident)).body
    }
  }
  return t
}
