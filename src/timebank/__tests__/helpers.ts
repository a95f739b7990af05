// Page tests run the real embedded transport over a fresh in-memory mock backend, signed in as a seeded person.
import { createMemoryStorage, createMockBackend, type MockBackend } from '../../../mock'
import { configureClient } from '../../core/api'
import { createEmbeddedTransport } from '../../core/api/embedded'
import { bootstrap } from '../../core/bootstrap'
import { useSession } from '../../core/session/store'
import { useTbDrafts } from '../draft-store'
import { resetTimebank } from '../store'

export const NOW = Date.parse('2026-11-29T08:00:00+08:00')

export function startBackend(): MockBackend {
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
  const transport = createEmbeddedTransport(backend)
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0, retries: 1 })
  resetTimebank()
  useTbDrafts.setState({ drafts: {} })
  return backend
}

export async function signInAs(personId: string) {
  useSession.getState().clear()
  return useSession.getState().switchIdentity(personId)
}

/** Resolves when `check` passes, polling like a person glancing at the screen again. */
export async function eventually(check: () => void, timeoutMs = 3000) {
  const start = Date.now()
  for (;;) {
    try {
      check()
      return
    } catch (e) {
      if (Date.now() - start > timeoutMs) throw e
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}
