// Server data of 议事 as a cache with keys: lists by view (active, done, mine) and proposals by id.
// Actions put the returned proposal back, so every screen shows the same state.
import type { Proposal } from '../../types/contract/council'
import { codeOf, messageOf, newIdempotencyKey } from '../core/api'
import { claimReceipts, onOutboxSent, submitCall } from '../core/outbox'
import { currentOwner } from '../core/session/owner'
import { councilApi } from './api'
import { useCouncil, type CouncilState, type ListState, type ListView } from './list-store'

export { loadProposals, useCouncil, type DetailState, type ListState, type ListView } from './list-store'

export function upsertProposal(p: Proposal): void {
  useCouncil.setState((s) => {
    const lists: CouncilState['lists'] = {}
    for (const [k, l] of Object.entries(s.lists) as [ListView, ListState][]) {
      lists[k] = { ...l, items: l.items.map((i) => (i.id === p.id ? { ...i, ...p } : i)) }
    }
    return { byId: { ...s.byId, [p.id]: p }, lists, detail: { ...s.detail, [p.id]: { phase: 'ready', error: null } } }
  })
}

export async function loadProposal(id: string): Promise<void> {
  const owner = currentOwner()
  useCouncil.setState((s) => ({ detail: { ...s.detail, [id]: { phase: 'loading', error: null } } }))
  try {
    const p = await councilApi.get(id)
    if (currentOwner() === owner) upsertProposal(p)
  } catch (e) {
    if (currentOwner() !== owner) return
    useCouncil.setState((s) => ({ detail: { ...s.detail, [id]: { phase: 'error', error: messageOf(e), code: codeOf(e) } } }))
  }
}

/** Runs an action that answers with the proposal; resolves to the error message, or null on success. */
export async function runAction(action: () => Promise<Proposal>): Promise<string | null> {
  try {
    upsertProposal(await action())
    return null
  } catch (e) {
    return messageOf(e)
  }
}

/** Loads the voter roll; on failure keeps the message to show in its place. */
export async function loadVoterRoll(id: string): Promise<void> {
  try {
    const roll = await councilApi.voters(id)
    useCouncil.setState((s) => ({ rolls: { ...s.rolls, [id]: roll } }))
  } catch (e) {
    useCouncil.setState((s) => ({ rolls: { ...s.rolls, [id]: messageOf(e) } }))
  }
}

/** Ballots go through the core outbox: one cast offline is sent when the phone is back online. */
export const BALLOT_KIND = 'council.ballot'
export const ballotPath = (proposalId: string) => `/council/proposals/${encodeURIComponent(proposalId)}/ballot`

export type BallotOutcome = { status: 'sent' } | { status: 'queued' } | { status: 'refused'; message: string }

/**
 * Casts (or changes) the caller's ballot. Each cast is its own submission (a changed mind is a new
 * ballot; the last one counts), and a double tap of the same cast joins the first.
 */
export async function castBallot(p: Pick<Proposal, 'id' | 'title'>, choices: string[], label: string): Promise<BallotOutcome> {
  const outcome = await submitCall<Proposal>(BALLOT_KIND, newIdempotencyKey(), { method: 'POST', path: ballotPath(p.id), body: { choices } }, `表决「${p.title}」：${label}`)
  claimBallotReceipts()
  if (outcome.status === 'sent') return { status: 'sent' }
  if (outcome.status === 'queued') return { status: 'queued' }
  return { status: 'refused', message: messageOf(outcome.error) }
}

/** Ballots sent in the background (no 议事 page open) put their answers in place once a page is. */
export function claimBallotReceipts(): void {
  for (const r of claimReceipts<Proposal>(BALLOT_KIND)) upsertProposal(r.result)
}

/** While a 议事 page is open, a ballot sent in the background updates it at once. */
export function wireBallotReceipts(): () => void {
  claimBallotReceipts()
  return onOutboxSent((item) => { if (item.kind === BALLOT_KIND) claimBallotReceipts() })
}
