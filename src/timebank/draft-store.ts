// The 时间银行 forms as typed (a need, an offer, a gift, a staff issue, a goods form), persisted on
// every change per person so closing the page loses nothing; cleared after a successful submit.
// Each draft carries the idempotency key of its submission: a retry files it once.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { newIdempotencyKey } from '../core/api'
import { currentOwner } from '../core/session/owner'
import { taroStateStorage } from '../core/storage'

export type Draft = Record<string, string> & { key: string }

interface DraftState {
  drafts: Record<string, Draft>
  set(form: string, field: string, value: string): void
  clear(form: string): void
}

const slot = (form: string) => `${currentOwner() ?? ''}|${form}`

export const useTbDrafts = create<DraftState>()(persist((setState) => ({
  drafts: {},
  set: (form, field, value) => setState((s) => {
    const k = slot(form)
    const d = s.drafts[k] ?? { key: newIdempotencyKey() }
    return { drafts: { ...s.drafts, [k]: { ...d, [field]: value } } }
  }),
  clear: (form) => setState((s) => {
    const drafts = { ...s.drafts }
    delete drafts[slot(form)]
    return { drafts }
  })
}), { name: 'linli.timebank.drafts', version: 1, storage: createJSONStorage(() => taroStateStorage), partialize: (s) => ({ drafts: s.drafts }) }))

/** The person's draft of `form` (fields '' until typed) and its setter. */
export function useDraft(form: string) {
  const draft = useTbDrafts((s) => s.drafts[slot(form)])
  const set = useTbDrafts((s) => s.set)
  return {
    value: (field: string) => draft?.[field] ?? '',
    key: draft?.key,
    set: (field: string, value: string) => set(form, field, value),
    clear: () => useTbDrafts.getState().clear(form)
  }
}
