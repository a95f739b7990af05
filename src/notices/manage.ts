// One notice opened, and the author's side of 通知 (我发布的, 撤回, 阅读情况, 再次提醒): used only by the
// notices subpackage's pages, so it stays out of the main package that 首页's feed (store.ts) is in.
import { codeOf, messageOf } from '../core/api'
import { currentOwner } from '../core/session/owner'
import { noticesApi } from './api'
import { refreshUnread } from './messages-store'
import { ensureOwner, loadList, useNotices, type LoadMode } from './store'
import type { Notice, NoticeSummary } from '../../types/contract/notices'

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

