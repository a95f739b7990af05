// Test arrangement for council pages: the real embedded transport over an in-memory mock backend
// on a fixed clock, signed in as a seeded person, with fresh council stores.
import { Current } from '@tarojs/runtime'
import TestUtils from '@tarojs/test-utils-react'
import { createMemoryStorage, createMockBackend, type MockBackend } from '../../../mock'
import { configureClient } from '../../core/api'
import { createEmbeddedTransport } from '../../core/api/embedded'
import { bootstrap } from '../../core/bootstrap'
import { useSession } from '../../core/session/store'
import { emptyProposalDraft, useProposalDraft } from '../draft-store'
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
