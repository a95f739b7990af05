// Page tests of 志愿服务: the real embedded transport over an in-memory mock backend on a fixed
// clock, signed in as a seeded person, with fresh drafts.
import { Current } from '@tarojs/runtime'
import TestUtils from '@tarojs/test-utils-react'
import type { ComponentType } from 'react'
import { createMemoryStorage, createMockBackend, type MockBackend } from '../../../mock'
import { configureClient } from '../../core/api'
import { createEmbeddedTransport } from '../../core/api/embedded'
import { bootstrap } from '../../core/bootstrap'
import { useSession } from '../../core/session/store'
import { emptyHelp, emptyPublish, useVolunteerDrafts } from '../draft-store'

export const NOW = Date.parse('2026-11-29T08:00:00+08:00')

export async function startAs(personId: string, now: () => number = () => NOW): Promise<MockBackend> {
  const backend = createMockBackend({ storage: createMemoryStorage(), now })
  const transport = createEmbeddedTransport(backend)
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0, retries: 1 })
  useSession.getState().clear()
  useSession.setState({ privacyAccepted: true })
  await useSession.getState().switchIdentity(personId)
  useVolunteerDrafts.setState({ publish: emptyPublish(), edit: null, help: emptyHelp() })
  return backend
}

export async function mountPage(page: ComponentType, params: Record<string, string>, ready: string) {
  Current.router = { params, path: '/volunteer/pages/x/index' } as unknown as typeof Current.router
  const tu = new TestUtils()
  await tu.mount(page)
  await tu.queries.waitForQuerySelector(ready, { timeout: 5000 })
  return tu
}

export const settle = (tu: TestUtils, ms = 40) => tu.act(async () => { await new Promise((r) => setTimeout(r, ms)) })

export function byText(selector: string, text: string): HTMLElement {
  const el = Array.from(document.querySelectorAll(selector)).find((e) => e.textContent?.includes(text))
  if (!el) throw new Error(`no ${selector} with text ${text}`)
  return el as HTMLElement
}

export async function typeInto(tu: TestUtils, selector: string, value: string) {
  // Taro's input renders its native field a moment after the page.
  await tu.queries.waitForQuerySelector(`${selector} input, ${selector} textarea`, { timeout: 3000 })
  const field = document.querySelector(`${selector} textarea, ${selector} input`) as HTMLTextAreaElement | HTMLInputElement | null
  if (!field) throw new Error(`no field in ${selector}`)
  field.value = value
  tu.fireEvent.input(field)
}

export async function eventually(check: () => void, timeoutMs = 3000) {
  const start = Date.now()
  for (;;) {
    try { check(); return } catch (e) {
      if (Date.now() - start > timeoutMs) throw e
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}
