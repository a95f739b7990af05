// 消息: the message center's store and endpoints, and `pushMessage`, the one way any domain
// (notices, requests, council, volunteering) addresses residents.
import { messageEndpoints, type Id, type IsoTime, type Message, type MessageKind } from '../../types/contract'
import type { Db } from '../db'
import { defineDomain } from '../domain'
import { fail } from '../errors'
import { paginate } from '../paging'

export interface MessageRecord {
  id: Id
  personId: Id
  kind: MessageKind
  title: string
  body: string
  link: string | null
  createdAt: IsoTime
  readAt: IsoTime | null
  /** What the message is about (e.g. a notice id), so reading that thing marks the message read. */
  ref: string | null
}

declare module '../db' {
  interface Db {
    /** Optional so the census seed (which knows no domains) still type-checks; seed() creates it. */
    messages?: MessageRecord[]
  }
}

export interface PushMessageInput {
  /** Census person ids (not accounts): every account bound to the person sees the message. */
  personIds: readonly Id[]
  kind: MessageKind
  title: string
  body: string
  link?: string | null
  /** When it was sent: ctx.nowIso or ctx.now. */
  at: IsoTime | number
  /** Optional subject id, e.g. the notice or request the message is about. */
  ref?: string | null
}

const BODY_PREVIEW = 200

/** Adds one message per distinct person and returns them; safe to call from any handler or seed. */
export function pushMessage(db: Db, input: PushMessageInput): MessageRecord[] {
  db.messages ??= []
  const createdAt = typeof input.at === 'number' ? new Date(input.at).toISOString() : input.at
  const created: MessageRecord[] = []
  for (const personId of new Set(input.personIds)) {
    const n = (db.seq.m ?? 0) + 1
    db.seq.m = n
    const record: MessageRecord = {
      id: `m_${String(n).padStart(4, '0')}`,
      personId,
      kind: input.kind,
      title: input.title,
      body: input.body.length > BODY_PREVIEW ? `${input.body.slice(0, BODY_PREVIEW)}…` : input.body,
      link: input.link ?? null,
      createdAt,
      readAt: null,
      ref: input.ref ?? null
    }
    db.messages.push(record)
    created.push(record)
  }
  return created
}

/** Marks a person's unread messages about `ref` read (e.g. when they open the notice itself). */
export function markMessagesReadByRef(db: Db, personId: Id, ref: string, at: IsoTime): number {
  let marked = 0
  for (const m of db.messages ?? []) {
    if (m.personId === personId && m.ref === ref && !m.readAt) {
      m.readAt = at
      marked++
    }
  }
  return marked
}

export const toMessage = (m: MessageRecord): Message => ({
  id: m.id, kind: m.kind, title: m.title, body: m.body, link: m.link, createdAt: m.createdAt, read: m.readAt !== null
})

const inboxOf = (db: Db, personId: Id) => (db.messages ?? []).filter((m) => m.personId === personId)
const unreadOf = (db: Db, personId: Id) => inboxOf(db, personId).filter((m) => !m.readAt).length

/** Newest first; ties (one push to many, or the same instant) by id, newest id first. */
const newestFirst = (a: MessageRecord, b: MessageRecord) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)

export const messagesDomain = defineDomain({
  name: 'messages',
  endpoints: messageEndpoints,
  handlers: {
    listMessages: ({ kind, cursor, limit }, ctx) => {
      const person = ctx.member()
      const items = inboxOf(ctx.db, person.id).filter((m) => !kind || m.kind === kind).sort(newestFirst)
      const page = paginate(items, { cursor, limit })
      return { ...page, items: page.items.map(toMessage), unread: unreadOf(ctx.db, person.id) }
    },

    getUnreadMessageCount: (_input, ctx) => ({ unread: unreadOf(ctx.db, ctx.member().id) }),

    markMessageRead: ({ id }, ctx) => {
      const person = ctx.member()
      const message = inboxOf(ctx.db, person.id).find((m) => m.id === id)
      if (!message) fail('NOT_FOUND', '这条消息不存在或已被删除')
      message.readAt ??= ctx.nowIso
      return toMessage(message)
    },

    markAllMessagesRead: (_input, ctx) => {
      const person = ctx.member()
      let marked = 0
      for (const m of inboxOf(ctx.db, person.id)) {
        if (!m.readAt) {
          m.readAt = ctx.nowIso
          marked++
        }
      }
      return { unread: 0, marked }
    }
  },
  seed: (db) => {
    db.messages ??= []
  }
})
