// 消息 (message center): one message type for everything addressed to a resident — notices,
// reminders, status changes of their requests, and later council and volunteering news.
import * as z from 'zod/mini'
import type { Id, IsoTime, Page } from './common'
import { idString, pageQueryShape } from './common'
import { endpoint } from './endpoint'

export type MessageKind = 'notice' | 'reminder' | 'request_status' | 'council' | 'volunteer' | 'timebank'

export const MESSAGE_KINDS: readonly MessageKind[] = ['notice', 'reminder', 'request_status', 'council', 'volunteer', 'timebank']

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  notice: '通知',
  reminder: '提醒',
  request_status: '诉求进度',
  council: '议事',
  volunteer: '志愿服务',
  timebank: '时间银行'
}

export interface Message {
  id: Id
  kind: MessageKind
  title: string
  /** Plain text; pages render it as text, never as markup. */
  body: string
  /** The page to open, e.g. `/notices/pages/detail/index?id=n_0001`; null when there is none. */
  link: string | null
  createdAt: IsoTime
  read: boolean
}

/** A page of messages, newest first, with the caller's unread count so the badge stays in step. */
export interface MessagePage extends Page<Message> { unread: number }

export interface UnreadCount { unread: number }

export const listMessagesInput = z.object({
  ...pageQueryShape,
  kind: z.optional(z.enum(['notice', 'reminder', 'request_status', 'council', 'volunteer', 'timebank'], '消息类型不正确'))
})

const idInput = z.object({ id: idString('缺少消息编号') })

export const messageEndpoints = {
  listMessages: endpoint<MessagePage>()({
    method: 'GET', path: '/messages', input: listMessagesInput, access: 'user',
    summary: 'The caller\'s messages, newest first, optionally of one kind, with the unread count.'
  }),
  getUnreadMessageCount: endpoint<UnreadCount>()({
    method: 'GET', path: '/messages/unread-count', input: z.object({}), access: 'user',
    summary: 'How many of the caller\'s messages are unread (the tab bar badge).'
  }),
  markMessageRead: endpoint<Message>()({
    method: 'POST', path: '/messages/:id/read', input: idInput, access: 'user',
    summary: 'Mark one of the caller\'s messages read; 404 for a message addressed to someone else.'
  }),
  markAllMessagesRead: endpoint<UnreadCount & { marked: number }>()({
    method: 'POST', path: '/messages/read-all', input: z.object({}), access: 'user',
    summary: 'Mark all of the caller\'s messages read.'
  })
}
