// Server data of 议事 as a cache with keys: lists by view (active, done, mine) and proposals by id.
// Actions put the returned proposal back, so every screen shows the same state.
import { create } from 'zustand'
import type { Proposal, ProposalSummary, VoterRoll } from '../../types/contract/council'
import { messageOf } from '../core/api'
import { currentOwner, resetOnIdentityChange } from '../core/session/owner'
import { councilApi } from './api'

export type ListView = 'active' | 'done' | 'mine'
export interface ListState { phase: 'loading' | 'ready' | 'error'; items: ProposalSummary[]; error: string | null }
export interface DetailState { phase: 'loading' | 'ready' | 'error'; error: string | null }

interface CouncilState {
  lists: Partial<Record<ListView, ListState>>
  byId: Record<string, Proposal>
  detail: Record<string, DetailState>
  /** Staff / 楼长: who has voted per proposal (never the choice). */
  rolls: Record<string, VoterRoll | string>
}

export const useCouncil = create<CouncilState>(() => ({ lists: {}, byId: {}, detail: {}, rolls: {} }))
resetOnIdentityChange(() => useCouncil.setState({ lists: {}, byId: {}, detail: {}, rolls: {} }))

export async function loadProposals(view: ListView): Promise<void> {
  const owner = currentOwner()
  useCouncil.setState((s) => ({ lists: { ...s.lists, [view]: { items: s.lists[view]?.items ?? [], phase: 'loading', error: null } } }))
  try {
    const page = await councilApi.list({ view, limit: 50 })
    if (currentOwner() !== owner) return
    useCouncil.setState((s) => ({ lists: { ...s.lists, [view]: { items: page.items, phase: 'ready', error: null } } }))
  } catch (e) {
    if (currentOwner() !== owner) return
    useCouncil.setState((s) => ({ lists: { ...s.lists, [view]: { items: s.lists[view]?.items ?? [], phase: 'error', error: messageOf(e) } } }))
  }
}

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
    useCouncil.setState((s) => ({ detail: { ...s.detail, [id]: { phase: 'error', error: messageOf(e) } } }))
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
