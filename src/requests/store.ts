// Server data of 民生诉求 as a cache with keys: paged lists (mine:<status>, staff:<status>,
// public) and requests by id. Pull-down refreshes a list; actions put the returned request back.
import { create } from 'zustand'
import type { ElderlyResident } from '../../types/contract/notices'
import type { Page } from '../../types/contract/common'
import type { RequestGroup, RequestStatus } from '../../types/contract/requests-catalog'
import type { ServiceRequest } from '../../types/contract/requests-model'
import { codeOf, messageOf, type ErrorCode } from '../core/api'
import { applyPage, emptyList, failLoad, startLoad, type ListPhase, type ListState, type LoadMode } from '../core/paged-list'
import { currentOwner, resetOnIdentityChange } from '../core/session/owner'
import { requestsApi } from './api'

export type { ListPhase, ListState }

export interface DetailState { phase: 'loading' | 'ready' | 'error'; error: string | null; code?: ErrorCode }

interface RequestsState {
  lists: Record<string, ListState<unknown>>
  byId: Record<string, ServiceRequest>
  detail: Record<string, DetailState>
}

export const useRequests = create<RequestsState>(() => ({ lists: {}, byId: {}, detail: {} }))

// Lists and requests are the signed-in person's: another person starts from nothing.
resetOnIdentityChange(() => useRequests.setState({ lists: {}, byId: {}, detail: {} }))

const PAGE_SIZE = 10

const EMPTY_LIST: ListState<unknown> = emptyList('loading')

const setList = (key: string, next: ListState<unknown>) => useRequests.setState((s) => ({ lists: { ...s.lists, [key]: next } }))
const listOf = <T,>(key: string) => (useRequests.getState().lists[key] ?? EMPTY_LIST) as ListState<T>

/**
 * Loads a list: `first` (keeps cached items on screen while it loads), `refresh` (pull-down) or
 * `more` (next page, when there is one).
 */
export async function loadList<T>(key: string, fetchPage: (q: { cursor?: string; limit: number }) => Promise<Page<T>>,
  mode: LoadMode): Promise<void> {
  const start = startLoad(listOf(key), mode)
  if (!start) return
  setList(key, start.state)
  const owner = currentOwner()
  try {
    const page = await fetchPage({ cursor: start.cursor, limit: PAGE_SIZE })
    if (currentOwner() !== owner) return // answered for the person who was signed in before
    setList(key, applyPage(listOf<T>(key), page, mode))
    for (const item of page.items) if (isFullRequest(item)) remember(item)
  } catch (e) {
    if (currentOwner() !== owner) return
    setList(key, failLoad(listOf(key), messageOf(e)))
  }
}

const isFullRequest = (x: unknown): x is ServiceRequest => typeof x === 'object' && x !== null && 'timeline' in x

function remember(r: ServiceRequest) {
  useRequests.setState((s) => ({ byId: { ...s.byId, [r.id]: r } }))
}

/** Puts a request returned by an action everywhere it is shown. */
export function upsertRequest(r: ServiceRequest): void {
  useRequests.setState((s) => {
    const lists: Record<string, ListState<unknown>> = {}
    for (const [key, list] of Object.entries(s.lists)) {
      lists[key] = isFullRequest(list.items[0]) ? { ...list, items: list.items.map((i) => ((i as ServiceRequest).id === r.id ? r : i)) } : list
    }
    return { byId: { ...s.byId, [r.id]: r }, lists, detail: { ...s.detail, [r.id]: { phase: 'ready', error: null } } }
  })
}

export async function loadRequest(id: string): Promise<void> {
  useRequests.setState((s) => ({ detail: { ...s.detail, [id]: { phase: 'loading', error: null } } }))
  const owner = currentOwner()
  try {
    const r = await requestsApi.get(id)
    if (currentOwner() === owner) upsertRequest(r)
  } catch (e) {
    if (currentOwner() !== owner) return
    useRequests.setState((s) => ({ detail: { ...s.detail, [id]: { phase: 'error', error: messageOf(e), code: codeOf(e) } } }))
  }
}

/**
 * Runs an action that returns the updated request (rate, reopen, accept …) and caches the result.
 * Rejects with the ApiError so the caller shows its message (422/403/field messages).
 */
export async function act(run: () => Promise<ServiceRequest>): Promise<ServiceRequest> {
  const owner = currentOwner()
  const r = await run()
  if (currentOwner() === owner) upsertRequest(r)
  return r
}

type In<K extends keyof typeof requestsApi> = Parameters<(typeof requestsApi)[K]>[0]

/** Every action on one request; each resolves with the updated request, already cached. */
export const requestActions = {
  follow: (id: string) => act(() => requestsApi.follow(id)),
  rate: (input: In<'rate'>) => act(() => requestsApi.rate(input)),
  reopen: (input: In<'reopen'>) => act(() => requestsApi.reopen(input)),
  accept: (input: In<'accept'>) => act(() => requestsApi.accept(input)),
  decline: (input: In<'decline'>) => act(() => requestsApi.decline(input)),
  duplicate: (input: In<'duplicate'>) => act(() => requestsApi.duplicate(input)),
  dispatch: (input: In<'dispatch'>) => act(() => requestsApi.dispatch(input)),
  note: (input: In<'note'>) => act(() => requestsApi.note(input)),
  close: (input: In<'close'>) => act(() => requestsApi.close(input))
}

/** This month's figures for 公示 (not cached: they change with every closure). */
export const fetchStats = () => requestsApi.stats()

export const listKey = {
  mine: (group: string | null) => `mine:${group ?? 'all'}`,
  staff: (status: string | null) => `staff:${status ?? 'all'}`,
  public: 'public'
}

type Mode = LoadMode
const byStatus = (status: RequestStatus | null) => (status ? { status } : {})

export const loadMine = (group: RequestGroup | null, mode: Mode) =>
  loadList(listKey.mine(group), (q) => requestsApi.mine({ ...q, ...(group ? { group } : {}) }), mode)
export const loadStaffQueue = (status: RequestStatus | null, mode: Mode) =>
  loadList(listKey.staff(status), (q) => requestsApi.staffQueue({ ...q, ...byStatus(status) }), mode)
export const loadPublic = (mode: Mode) => loadList(listKey.public, (q) => requestsApi.publicList(q), mode)

/** Selector for a list's state, typed by the caller. */
export const selectList = <T,>(key: string) => (s: RequestsState) => s.lists[key] as ListState<T> | undefined

/**
 * 代办: name and house of the resident a 楼长 files for, from the leader's list of residents they
 * may file for. null when the person is not on it (the server refuses such a filing with 403).
 */
export async function fetchOnBehalfResident(personId: string): Promise<ElderlyResident | null> {
  const residents = await requestsApi.elderly()
  return residents.find((r) => r.personId === personId) ?? null
}
