// Server data of 通知 as a cache with keys: the resident feed, the author's history, notices by
// id and read receipts by id. Pull-down refreshes; actions put the returned notice back.
// The first page of the feed is kept on the device so the 首页 shows something when offline.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { MyNoticeSummary, Notice, NoticeReceipts, NoticeSummary } from '../../types/contract/notices'
import type { Page } from '../../types/contract/common'
import { codeOf, messageOf, type ErrorCode } from '../core/api'
import { applyPage, emptyList, failLoad, startLoad, type ListPhase, type ListState, type LoadMode } from '../core/paged-list'
import { currentOwner, resetOnIdentityChange } from '../core/session/owner'
import { taroStateStorage } from '../core/storage'
import { noticesApi } from './api'
import { refreshUnread } from './messages-store'

export type { ListPhase, ListState, LoadMode }

export interface Loadable { phase: 'loading' | 'ready' | 'error'; error: string | null; code?: ErrorCode }

interface NoticesState {
  /** Whose data this is: a switch of identity (or a new login) starts from empty. */
  owner: string | null
  feed: ListState<NoticeSummary> & { unread: number }
  mine: ListState<MyNoticeSummary>
  byId: Record<string, Notice>
  detail: Record<string, Loadable>
  receipts: Record<string, NoticeReceipts>
  receiptsState: Record<string, Loadable>
}

export const FEED_PAGE_SIZE = 20
const CACHED_FEED_ITEMS = FEED_PAGE_SIZE

export const useNotices = create<NoticesState>()(persist((): NoticesState => ({
  owner: null,
  feed: { ...emptyList<NoticeSummary>(), unread: 0 },
  mine: emptyList<MyNoticeSummary>(),
  byId: {},
  detail: {},
  receipts: {},
  receiptsState: {}
}), {
  name: 'linli.notices',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  // Only the first page of the feed, so the stored copy stays small even with 1,000 notices loaded.
  partialize: (s) => ({ owner: s.owner, feed: { ...s.feed, items: s.feed.items.slice(0, CACHED_FEED_ITEMS), nextCursor: null, phase: 'idle' as const, error: null } }),
  merge: (stored, current) => ({ ...current, ...(stored as Partial<NoticesState>) })
}))

type ListKey = 'feed' | 'mine'

async function loadList<T>(key: ListKey, mode: LoadMode, fetchPage: (q: { cursor?: string; limit: number }) => Promise<Page<T> & { unread?: number }>) {
  ensureOwner()
  const start = startLoad(useNotices.getState()[key] as ListState<T>, mode)
  if (!start) return
  useNotices.setState({ [key]: start.state } as Partial<NoticesState>)
  const owner = currentOwner()
  try {
    const page = await fetchPage({ cursor: start.cursor, limit: FEED_PAGE_SIZE })
    if (currentOwner() !== owner) return // answered for the person who was signed in before
    useNotices.setState((s) => {
      const extra = page.unread === undefined ? {} : { unread: page.unread }
      return { [key]: { ...applyPage(s[key] as ListState<T>, page, mode), ...extra } } as Partial<NoticesState>
    })
  } catch (e) {
    if (currentOwner() !== owner) return
    useNotices.setState((s) => ({ [key]: failLoad(s[key] as ListState<T>, messageOf(e)) }) as Partial<NoticesState>)
  }
}

export const loadFeed = (mode: LoadMode) => loadList('feed', mode, (q) => noticesApi.feed(q))
export const loadMine = (mode: LoadMode) => loadList('mine', mode, (q) => noticesApi.mine(q))

/** Marks a notice read in the feed as soon as it is opened (the server records it with the detail call). */
function markReadLocally(id: string) {
  useNotices.setState((s) => {
    const hit = s.feed.items.find((n) => n.id === id)
    if (!hit || hit.read) return {}
    return { feed: { ...s.feed, unread: Math.max(0, s.feed.unread - 1), items: s.feed.items.map((n) => (n.id === id ? { ...n, read: true } : n)) } }
  })
}

/** Puts a notice returned by the server everywhere it is shown. */
export function upsertNotice(n: Notice) {
  useNotices.setState((s) => ({
    byId: { ...s.byId, [n.id]: n },
    detail: { ...s.detail, [n.id]: { phase: 'ready', error: null } },
    feed: { ...s.feed, items: n.status === 'withdrawn' ? s.feed.items.filter((x) => x.id !== n.id) : s.feed.items.map((x) => (x.id === n.id ? { ...x, ...summaryOf(n) } : x)) },
    mine: { ...s.mine, items: s.mine.items.map((x) => (x.id === n.id ? { ...x, ...summaryOf(n), withdrawnAt: n.withdrawnAt } : x)) }
  }))
}

function summaryOf(n: Notice): NoticeSummary {
  const { body: _body, photos: _photos, targets: _targets, withdrawnAt: _w, mine: _m, ...summary } = n
  return summary
}

export async function loadNotice(id: string): Promise<void> {
  ensureOwner()
  useNotices.setState((s) => ({ detail: { ...s.detail, [id]: { phase: 'loading', error: null } } }))
  try {
    const wasUnread = useNotices.getState().feed.items.some((n) => n.id === id && !n.read) || !useNotices.getState().byId[id]
    const owner = currentOwner()
    const notice = await noticesApi.get(id)
    if (currentOwner() !== owner) return
    upsertNotice(notice)
    markReadLocally(id)
    // Opening it also read its messages on the server: bring the tab badge along.
    if (wasUnread) void refreshUnread()
  } catch (e) {
    useNotices.setState((s) => ({ detail: { ...s.detail, [id]: { phase: 'error', error: messageOf(e), code: codeOf(e) } } }))
  }
}

/** Throws ApiError; the page shows messageOf(e). */
export async function withdrawNotice(id: string): Promise<Notice> {
  const notice = await noticesApi.withdraw(id)
  upsertNotice(notice)
  return notice
}

export async function loadReceipts(id: string): Promise<void> {
  ensureOwner()
  useNotices.setState((s) => ({ receiptsState: { ...s.receiptsState, [id]: { phase: 'loading', error: null } } }))
  try {
    const owner = currentOwner()
    const receipts = await noticesApi.receipts(id)
    if (currentOwner() !== owner) return
    useNotices.setState((s) => ({ receipts: { ...s.receipts, [id]: receipts }, receiptsState: { ...s.receiptsState, [id]: { phase: 'ready', error: null } } }))
  } catch (e) {
    useNotices.setState((s) => ({ receiptsState: { ...s.receiptsState, [id]: { phase: 'error', error: messageOf(e), code: codeOf(e) } } }))
  }
}

/** 再次提醒; throws ApiError (429 carries retryAt). Refreshes the receipts afterwards. */
export async function remindUnread(id: string) {
  const result = await noticesApi.remind(id)
  await loadReceipts(id)
  return result
}

/** Another person signed in on this device: forget the previous person's notices. */
export function ensureOwner() {
  const owner = currentOwner()
  if (useNotices.getState().owner !== owner) resetNotices(owner)
}

/** Forget everything: another person sees another feed. */
export function resetNotices(owner: string | null = null) {
  useNotices.setState({ owner, feed: { ...emptyList<NoticeSummary>(), unread: 0 }, mine: emptyList<MyNoticeSummary>(), byId: {}, detail: {}, receipts: {}, receiptsState: {} })
}

// The stored feed shows only to its owner; a switch of identity empties it at once, before any load.
ensureOwner()
resetOnIdentityChange(resetNotices)
