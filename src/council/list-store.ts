// The 议事 cache and the list loader: what the 议事 tab (main package) needs, with only the list
// endpoint's schema. Proposals and actions (store.ts) load with the council subpackage.
import { create } from 'zustand'
import { councilListEndpoints } from '../../types/contract/council-list'
import type { Proposal, ProposalSummary, VoterRoll } from '../../types/contract/council-model'
import { call, messageOf, type ErrorCode } from '../core/api'
import { currentOwner, resetOnIdentityChange } from '../core/session/owner'

export type ListView = 'active' | 'done' | 'mine'
export interface ListState { phase: 'loading' | 'ready' | 'error'; items: ProposalSummary[]; error: string | null }
export interface DetailState { phase: 'loading' | 'ready' | 'error'; error: string | null; code?: ErrorCode }

export interface CouncilState {
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
    const page = await call(councilListEndpoints.listProposals, { view, limit: 50 })
    if (currentOwner() !== owner) return
    useCouncil.setState((s) => ({ lists: { ...s.lists, [view]: { items: page.items, phase: 'ready', error: null } } }))
  } catch (e) {
    if (currentOwner() !== owner) return
    useCouncil.setState((s) => ({ lists: { ...s.lists, [view]: { items: s.lists[view]?.items ?? [], phase: 'error', error: messageOf(e) } } }))
  }
}

