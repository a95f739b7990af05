// Test arrangement for council pages: the real embedded transport over an in-memory mock backend
// on a fixed clock, signed in as a seeded person, with fresh council stores.
import { Current } from '@tarojs/runtime'
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { createMemoryStorage, createMockBackend, type MockBackend } from '../../../mock'
import { configureClient } from '../../core/api'
import { createEmbeddedTransport } from '../../core/api/embedded'
import { bootstrap } from '../../core/bootstrap'
import { useSession } from '../../core/session/store'
import { emptyProposalDraft, useProposalDraft } from '../draft-store'
import ProposalDetailPage from '../pages/detail'
import { useCouncil } from '../store'

export const NOW = Date.parse('2026-11-29T08:00:00+08:00')

export async function startAs(personId: string): Promise<MockBackend> {
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
  const transport = createEmbeddedTransport(backend)
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0, retries: 1 })
  useSession.getState().clear()
  useSession.setState({ privacyAccepted: true })
  await useSession.getState().switchIdentity(personId)
  useProposalDraft.setState(emptyProposalDraft())
  useCouncil.setState({ lists: {}, byId: {}, detail: {}, rolls: {} })
  return backend
}

export const settle = (tu: TestUtils, ms = 40) => tu.act(async () => { await new Promise((r) => setTimeout(r, ms)) })

export function route(path: string, params: Record<string, string>) {
  Current.router = { params, path } as unknown as typeof Current.router
}

export const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((n) => n.textContent ?? '')

export function button(text: string): HTMLElement {
  const el = Array.from(document.querySelectorAll('.ll-button')).find((e) => e.textContent?.includes(text))
  if (!el) throw new Error(`no button ${text}`)
  return el as HTMLElement
}

export function typeInto(tu: TestUtils, selector: string, value: string) {
  const field = document.querySelector(`${selector} textarea, ${selector} input`) as HTMLTextAreaElement | HTMLInputElement | null
  if (!field) throw new Error(`no field in ${selector}`)
  field.value = value
  tu.fireEvent.input(field)
}

/** Opens a proposal's detail page and waits for its title. */
export async function openProposal(id: string): Promise<TestUtils> {
  route('/council/pages/detail/index', { id })
  const tu = new TestUtils()
  await tu.mount(ProposalDetailPage)
  await tu.queries.waitForQuerySelector('.cl-detail__title', { timeout: 5000 })
  return tu
}

/** Toasts answer at once and every confirmation is accepted, as a person tapping 确定 would. */
export function acceptDialogs(): void {
  beforeEach(() => {
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
  })
  afterEach(() => jest.restoreAllMocks())
}
