// Test arrangement for requests pages: the real embedded transport over an in-memory mock backend
// on a fixed clock, signed in as a seeded person, with fresh feature stores.
import TestUtils from '@tarojs/test-utils-react'
import { createMemoryStorage, createMockBackend, type MockBackend } from '../../../mock'
import { configureClient } from '../../core/api'
import { createEmbeddedTransport } from '../../core/api/embedded'
import { bootstrap } from '../../core/bootstrap'
import { configureOutbox, useOutbox } from '../../core/outbox'
import { useSession } from '../../core/session/store'
import { emptyDraft, useRequestDraft } from '../draft-store'
import { useRequests } from '../store'

export const NOW = Date.parse('2026-11-29T08:00:00+08:00')

export async function startAs(personId: string): Promise<MockBackend> {
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
  const transport = createEmbeddedTransport(backend)
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0, retries: 1 })
  configureOutbox({ retryBaseMs: 60_000 })
  useSession.getState().clear()
  useSession.setState({ privacyAccepted: true })
  await useSession.getState().switchIdentity(personId)
  useRequestDraft.setState({ ...emptyDraft(), aside: {}, others: {} })
  useOutbox.setState({ items: [], sending: [] })
  useRequests.setState({ lists: {}, byId: {}, detail: {} })
  return backend
}

export const settle = (tu: TestUtils, ms = 30) => tu.act(async () => { await new Promise((r) => setTimeout(r, ms)) })

export function click(tu: TestUtils, el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click')
  tu.fireEvent.click(el as HTMLElement)
}

/** The first element matching `selector` whose text contains `text`. */
export function byText(selector: string, text: string): HTMLElement {
  const el = Array.from(document.querySelectorAll(selector)).find((e) => e.textContent?.includes(text))
  if (!el) throw new Error(`no ${selector} with text ${text}`)
  return el as HTMLElement
}

export function typeInto(tu: TestUtils, selector: string, value: string) {
  const field = document.querySelector(`${selector} textarea, ${selector} input`) as HTMLTextAreaElement | HTMLInputElement | null
  if (!field) throw new Error(`no field in ${selector}`)
  field.value = value
  tu.fireEvent.input(field)
}

/** Chooses an option of a native Picker by its visible name. */
export function pick(tu: TestUtils, selector: string, name: string) {
  const picker = document.querySelector(selector) as (HTMLElement & { range?: string[] }) | null
  const range = picker?.range ?? []
  const index = range.findIndex((r) => r.includes(name))
  if (!picker || index < 0) throw new Error(`${name} not in ${selector}: ${range.join(',')}`)
  tu.act(() => { picker.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true })) })
}

export const fieldError = (label: string) => {
  const field = Array.from(document.querySelectorAll('.ll-field')).find((f) => f.querySelector('.ll-field__label')?.textContent?.startsWith(label))
  return field?.querySelector('.ll-field__error')?.textContent ?? null
}

/** Acts on the backend directly as a seeded person (another phone), bypassing this app's session. */
export async function asPerson(backend: MockBackend, personId: string) {
  const login = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `switch-${personId}-${Math.random()}` } })
  const token = (login.body as { token: string }).token
  let n = 0
  return async <T>(path: string, body: unknown): Promise<T> => {
    const res = await backend.handle({ method: 'POST', path, body, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `${personId}-${++n}-${Math.random()}` } })
    if (res.status !== 200) throw new Error(`${path}: ${JSON.stringify(res.body)}`)
    return res.body as T
  }
}

/** A request filed by `residentId` and taken through accept → dispatch → close by staff 陈静. */
export async function closedRequest(backend: MockBackend, residentId: string) {
  const resident = await asPerson(backend, residentId)
  const staff = await asPerson(backend, 'p_004')
  const r = await resident<{ id: string; caseNumber: string }>('/requests', {
    categoryCode: 'streetlight', answers: { lamp_state: 'off' }, description: '1栋门口的路灯连续三晚不亮，电话13812345678', location: { placeId: 'b_1' }
  })
  await staff(`/staff/requests/${r.id}/accept`, {})
  await staff(`/staff/requests/${r.id}/dispatch`, { departmentId: 'd_property' })
  await staff(`/staff/requests/${r.id}/close`, { result: '已更换灯泡，恢复照明' })
  return r
}
