// Server data of 通知 as a cache with keys: the resident feed, the author's history, notices by
// id and read receipts by id. Pull-down refreshes; actions put the returned notice back.
// The first page of the feed is kept on the device so the 首页 shows something when offline.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { MyNoticeSummary, Notice, NoticeReceipts, NoticeSummary } from '../../types/contract/notices'
import type { Page } from '../../types/contract/common'
import { messageOf, type ErrorCode } from '../core/api'
import { applyPage, emptyList, failLoad, startLoad, type ListPhase, type ListState, type LoadMode } from '../core/paged-list'
import { currentOwner, resetOnIdentityChange } from '../core/session/owner'
import { taroStateStorage } from '../core/storage'
import { noticesApi } from './api'

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

export type ListKey = 'feed' | 'mine'

export async function loadList<T>(key: ListKey, mode: LoadMode, fetchPage: (q: { cursor?: string; limit: number }) => Promise<Page<T> & { unread?: number }>) {
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
