// 消息: the message center's list and the unread count, mirrored on the tab bar badge.
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { Message, MessageKind } from '../../types/contract/messages'
import { messageOf } from '../core/api'
import { applyPage, emptyList as blankList, failLoad, startLoad, type ListState, type LoadMode } from '../core/paged-list'
import { currentOwner, resetOnIdentityChange } from '../core/session/owner'
import { messagesApi } from './api'

/**
 * The badge sits on 我的 (tab index 3): that is where the 消息 entry lives, and on 首页 the feed
 * already marks unread notices itself, so a badge there would repeat what the page shows.
 */
export const MESSAGES_TAB_INDEX = 3

interface MessagesState {
  owner: string | null
  kind: MessageKind | null
  list: ListState<Message>
  unread: number
}

const emptyList = (): ListState<Message> => blankList<Message>()

export const useMessages = create<MessagesState>(() => ({ owner: null, kind: null, list: emptyList(), unread: 0 }))

const PAGE_SIZE = 20

/** Shows the unread count on the tab bar; silently skipped where there is no tab bar. */
export function syncTabBadge(unread: number) {
  const done = unread > 0
    ? Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) })
    : Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX })
  void Promise.resolve(done).catch(() => undefined)
}

function setUnread(unread: number) {
  useMessages.setState({ unread })
  syncTabBadge(unread)
}

function resetMessages(owner: string | null) {
  useMessages.setState({ owner, kind: null, list: emptyList(), unread: 0 })
}

function ensureOwner() {
  const owner = currentOwner()
  if (useMessages.getState().owner !== owner) resetMessages(owner)
}

// Another person's messages and badge never show: a switch of identity empties both at once.
resetOnIdentityChange((owner) => {
  resetMessages(owner)
  syncTabBadge(0)
})

/** Refreshes the badge; failures leave the last known count (the badge is a courtesy). */
export async function refreshUnread(): Promise<number> {
  ensureOwner()
  const owner = currentOwner()
  try {
    const { unread } = await messagesApi.unread()
    if (currentOwner() !== owner) return useMessages.getState().unread
    setUnread(unread)
    return unread
  } catch {
    return useMessages.getState().unread
  }
}

export async function loadMessages(mode: LoadMode, kind: MessageKind | null = useMessages.getState().kind) {
  ensureOwner()
  const state = useMessages.getState()
  const switching = kind !== state.kind
  const current = switching ? emptyList() : state.list
  const start = startLoad(current, mode)
  if (!start) return
  useMessages.setState({ kind, list: start.state })
  const owner = currentOwner()
  try {
    const page = await messagesApi.list({ kind: kind ?? undefined, cursor: start.cursor, limit: PAGE_SIZE })
    if (useMessages.getState().kind !== kind || currentOwner() !== owner) return // switched tabs or person meanwhile
    useMessages.setState((s) => ({ list: applyPage(s.list, page, mode) }))
    setUnread(page.unread)
  } catch (e) {
    if (useMessages.getState().kind !== kind || currentOwner() !== owner) return
    useMessages.setState((s) => ({ list: failLoad(s.list, messageOf(e)) }))
  }
}

const markLocally = (ids: string[] | 'all') => useMessages.setState((s) => ({
  list: { ...s.list, items: s.list.items.map((m) => (ids === 'all' || ids.includes(m.id) ? { ...m, read: true } : m)) }
}))

/** Opening a message reads it; the count drops at once and is corrected by the server's answer. */
export async function readMessage(message: Message) {
  if (message.read) return
  markLocally([message.id])
  setUnread(Math.max(0, useMessages.getState().unread - 1))
  try {
    await messagesApi.read(message.id)
  } finally {
    void refreshUnread()
  }
}

/** Throws ApiError for the page to show. */
export async function readAllMessages() {
  const { unread } = await messagesApi.readAll()
  markLocally('all')
  setUnread(unread)
}
