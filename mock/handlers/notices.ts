// 通知: publish / edit / withdraw, the resident feed, detail with read receipts, 再次提醒, and the
// 楼长's list of elderly residents for 代办.
import {
  expiryProblem, fileUrl, isExpired, needsAck, NOTICE_REMIND_INTERVAL_MS, noticeEndpoints,
  type Notice, type NoticeDraft, type NoticeSummary
} from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Db, PersonRecord } from '../db'
import { defineDomain } from '../domain'
import { fail, failField } from '../errors'
import { paginate } from '../paging'
import { ownPhotos } from './files'
import { ageOf, houseAddress } from './identity'
import { markMessagesReadByRef, pushMessage } from './messages'
import {
  authorizeTargets, householdsOf, maskName, placeOf, reaches, roleLabelOf, roomLabel, scopeOptions, targetsLabel,
  type NoticeRecord
} from './notices-audience'
import { announce, excerptOf, insertNotice, noticeLink, seedFeedFixture, seedNotices } from './notices-seed'

const ELDERLY_AGE = 60

function summaryOf(db: Db, n: NoticeRecord, viewer: PersonRecord): NoticeSummary {
  const author = db.persons.find((p) => p.id === n.authorId)
  return {
    id: n.id, title: n.title, excerpt: excerptOf(n.body), category: n.category, pinned: n.pinned,
    expiresOn: n.expiresOn, publishedAt: n.publishedAt, editedAt: n.editedAt,
    author: { personId: n.authorId, name: author?.name ?? '', roleLabel: roleLabelOf(db, n, author) },
    targetLabel: targetsLabel(db, n.targets), photoCount: n.photoIds.length,
    read: n.authorId === viewer.id || n.readBy[viewer.id] !== undefined,
    requiresAck: n.requiresAck,
    acknowledged: n.requiresAck && n.ackedBy[viewer.id] !== undefined,
    status: n.withdrawnAt ? 'withdrawn' : 'published'
  }
}

function noticeOf(db: Db, n: NoticeRecord, viewer: PersonRecord): Notice {
  return {
    ...summaryOf(db, n, viewer), body: n.body, targets: n.targets, withdrawnAt: n.withdrawnAt,
    photos: n.photoIds.map((id) => ({ id, url: fileUrl(id) })), mine: n.authorId === viewer.id
  }
}

const noticesOf = (db: Db) => db.notices ?? []

function find(ctx: HandlerContext, id: string): NoticeRecord {
  return noticesOf(ctx.db).find((n) => n.id === id) ?? fail('NOT_FOUND', '该通知不存在')
}

/** The author, or staff (who answer for every notice in the community). */
function requireManager(ctx: HandlerContext, n: NoticeRecord, message: string): PersonRecord {
  const person = ctx.member()
  if (n.authorId !== person.id && !ctx.roles.includes('staff')) fail('FORBIDDEN', message)
  return person
}

/** Shared checks of publish and edit beyond the schema: scope, expiry, photos (own uploads, or kept from before). */
function checkDraft(ctx: HandlerContext, person: PersonRecord, draft: Required<NoticeDraft>, kept: readonly string[] = []) {
  const postingAs = authorizeTargets(ctx.db, person, ctx.roles, draft.targets)
  const expiry = expiryProblem(draft.expiresOn, ctx.now)
  if (expiry) failField('expiresOn', expiry)
  ownPhotos(ctx, draft.photoIds.filter((id) => !kept.includes(id)), 'photoIds')
  draft.photoIds = [...new Set(draft.photoIds)]
  return postingAs
}

const newestFirst = (a: NoticeRecord, b: NoticeRecord) => b.publishedAt.localeCompare(a.publishedAt) || b.id.localeCompare(a.id)

/** `11月30日 08:00` in China time, for messages that say when something is allowed again. */
function chinaTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  const pad = (x: number) => String(x).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

function receiptCounts(db: Db, n: NoticeRecord) {
  const households = householdsOf(db, n)
  const entries = [...households.entries()]
  const unread = entries.filter(([, people]) => !people.some((p) => n.readBy[p.id] !== undefined))
  const unacked = n.requiresAck ? entries.filter(([, people]) => !people.some((p) => n.ackedBy[p.id] !== undefined)) : []
  return {
    households, unread, read: households.size - unread.length,
    /** Not confirmed 我已知晓 (unread ones included); empty when the notice asks for none. */
    unacked,
    acked: n.requiresAck ? households.size - unacked.length : null
  }
}

/** Whom 提醒 reaches: households not confirmed (important notices) or not read (the others). */
const remindees = (n: NoticeRecord, counts: ReturnType<typeof receiptCounts>) => (n.requiresAck ? counts.unacked : counts.unread)

const nextRemindAt = (n: NoticeRecord) => {
  const last = n.remindedAt[n.remindedAt.length - 1]
  return last ? new Date(Date.parse(last) + NOTICE_REMIND_INTERVAL_MS).toISOString() : null
}

export const noticesDomain = defineDomain({
  name: 'notices',
  endpoints: noticeEndpoints,
  handlers: {
    getNoticeScope: (_input, ctx) => {
      const person = ctx.member()
      const options = scopeOptions(ctx.db, person, ctx.roles)
      const postingAs = ctx.roles.includes('staff') ? 'staff' as const : ctx.roles.includes('building_leader') ? 'building_leader' as const : null
      return { canPublish: options.length > 0, postingAs, options }
    },

    listNoticeFeed: ({ cursor, limit }, ctx) => {
      const person = ctx.member()
      const place = placeOf(ctx.db, person.roomId)
      const visible = noticesOf(ctx.db)
        .filter((n) => !n.withdrawnAt && !isExpired(n.expiresOn, ctx.now) && reaches(n.targets, place))
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || newestFirst(a, b))
      const unread = visible.filter((n) => n.authorId !== person.id && n.readBy[person.id] === undefined).length
      const page = paginate(visible, { cursor, limit })
      return { ...page, items: page.items.map((n) => summaryOf(ctx.db, n, person)), unread }
    },

    listMyNotices: ({ cursor, limit }, ctx) => {
      const person = ctx.member()
      const mine = noticesOf(ctx.db).filter((n) => n.authorId === person.id).sort(newestFirst)
      const page = paginate(mine, { cursor, limit })
      return {
        ...page,
        items: page.items.map((n) => {
          const { households, read, acked } = receiptCounts(ctx.db, n)
          return { ...summaryOf(ctx.db, n, person), readHouseholds: read, targetHouseholds: households.size, ackHouseholds: acked, withdrawnAt: n.withdrawnAt }
        })
      }
    },

    listElderlyResidents: (_input, ctx) => {
      const leader = ctx.requireRole('building_leader', '仅楼长可以代居民办理')
      return ctx.db.persons
        .filter((p) => p.id !== leader.id && ageOf(p, ctx.now) >= ELDERLY_AGE)
        .map((p) => ({ p, place: placeOf(ctx.db, p.roomId) }))
        .filter(({ place }) => place && leader.leaderOf.includes(place.buildingId))
        .map(({ p }) => ({ personId: p.id, name: p.name, age: ageOf(p, ctx.now), houseLabel: houseAddress(ctx.db, p.roomId as string)?.label ?? '' }))
    },

    publishNotice: (draft, ctx) => {
      const person = ctx.member()
      const postingAs = checkDraft(ctx, person, draft)
      const notice = insertNotice(ctx.db, { ...draft, authorId: person.id, postingAs, publishedAt: ctx.nowIso, requiresAck: needsAck(draft.category, draft.requiresAck) })
      announce(ctx.db, notice, ctx.nowIso)
      return noticeOf(ctx.db, notice, person)
    },

    getNotice: ({ id }, ctx) => {
      const person = ctx.member()
      const n = find(ctx, id)
      const manager = n.authorId === person.id || ctx.roles.includes('staff')
      if (n.withdrawnAt && !manager) fail('NOT_FOUND', '该通知已被发布人撤回')
      const place = placeOf(ctx.db, person.roomId)
      const audience = reaches(n.targets, place) && n.authorId !== person.id
      if (!audience && !manager) fail('FORBIDDEN', '这条通知不是发给您所在楼栋的')
      if (audience && !n.withdrawnAt && n.readBy[person.id] === undefined) {
        n.readBy[person.id] = ctx.nowIso
        markMessagesReadByRef(ctx.db, person.id, n.id, ctx.nowIso)
        ctx.markChanged()
      }
      return noticeOf(ctx.db, n, person)
    },

    updateNotice: ({ id, ...draft }, ctx) => {
      const person = ctx.member()
      const n = find(ctx, id)
      if (n.authorId !== person.id) fail('FORBIDDEN', '只能修改您自己发布的通知')
      if (n.withdrawnAt) fail('INVALID_STATE', '通知已撤回，不能再修改')
      n.postingAs = checkDraft(ctx, person, draft, n.photoIds)
      Object.assign(n, {
        title: draft.title, body: draft.body, category: draft.category, pinned: draft.pinned,
        expiresOn: draft.expiresOn, photoIds: draft.photoIds, targets: draft.targets, editedAt: ctx.nowIso,
        // Confirmations already given stay; an edit may ask for them from now on, not take them back.
        requiresAck: n.requiresAck || needsAck(draft.category, draft.requiresAck)
      })
      return noticeOf(ctx.db, n, person)
    },

    withdrawNotice: ({ id }, ctx) => {
      const n = find(ctx, id)
      const person = requireManager(ctx, n, '只能撤回您自己发布的通知')
      if (n.withdrawnAt) fail('INVALID_STATE', '该通知已撤回')
      n.withdrawnAt = ctx.nowIso
      // A withdrawn notice disappears for residents everywhere, the message center included.
      ctx.db.messages = (ctx.db.messages ?? []).filter((m) => m.ref !== n.id)
      return noticeOf(ctx.db, n, person)
    },

    getNoticeReceipts: ({ id }, ctx) => {
      const n = find(ctx, id)
      requireManager(ctx, n, '只有发布人可以查看阅读情况')
      const { households, unread, read, unacked, acked } = receiptCounts(ctx.db, n)
      const next = nextRemindAt(n)
      const listed = (rows: typeof unread) => rows
        .map(([roomId, people]) => ({ roomId, label: roomLabel(ctx.db, roomId), maskedName: maskName(people[0].name) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }))
      const unreadRooms = new Set(unread.map(([roomId]) => roomId))
      return {
        noticeId: n.id, title: n.title, status: n.withdrawnAt ? 'withdrawn' as const : 'published' as const,
        readHouseholds: read, targetHouseholds: households.size,
        unreadHouseholds: listed(unread),
        ackHouseholds: acked,
        readUnacknowledgedHouseholds: listed(unacked.filter(([roomId]) => !unreadRooms.has(roomId))),
        lastRemindedAt: n.remindedAt[n.remindedAt.length - 1] ?? null,
        nextRemindAt: next && Date.parse(next) > ctx.now ? next : null
      }
    },

    remindNotice: ({ id }, ctx) => {
      const n = find(ctx, id)
      requireManager(ctx, n, '只有发布人可以提醒未读住户')
      if (n.withdrawnAt) fail('INVALID_STATE', '通知已撤回，无法提醒')
      const next = nextRemindAt(n)
      if (next && Date.parse(next) > ctx.now) {
        fail('RATE_LIMITED', `每条通知 24 小时内只能提醒一次，请于 ${chinaTime(next)} 后再试`, { retryAt: next })
      }
      const due = remindees(n, receiptCounts(ctx.db, n))
      if (due.length === 0) fail('INVALID_STATE', n.requiresAck ? '所有住户都已确认知晓，无需再提醒' : '所有住户都已阅读，无需再提醒')
      const personIds = due.flatMap(([, people]) => people.map((p) => p.id))
      sendReminders(ctx, n, personIds)
      n.remindedAt.push(ctx.nowIso)
      return { remindedHouseholds: due.length, remindedPersons: personIds.length, nextRemindAt: nextRemindAt(n) as string }
    },

    acknowledgeNotice: ({ id }, ctx) => {
      const person = ctx.member()
      const n = find(ctx, id)
      if (n.withdrawnAt) fail('NOT_FOUND', '该通知已被发布人撤回')
      if (n.authorId === person.id) fail('INVALID_STATE', '这是您自己发布的通知，无需确认')
      if (!reaches(n.targets, placeOf(ctx.db, person.roomId))) fail('FORBIDDEN', '这条通知不是发给您所在楼栋的')
      if (!n.requiresAck) fail('INVALID_STATE', '这条通知不需要确认知晓')
      const first = n.ackedBy[person.id]
      if (first) return { noticeId: n.id, acknowledgedAt: first }
      n.ackedBy[person.id] = ctx.nowIso
      // Confirming is reading too: a receipt for a resident who confirms from a message's link.
      if (n.readBy[person.id] === undefined) {
        n.readBy[person.id] = ctx.nowIso
        markMessagesReadByRef(ctx.db, person.id, n.id, ctx.nowIso)
      }
      return { noticeId: n.id, acknowledgedAt: ctx.nowIso }
    },

    seedNoticeFixture: ({ buildingId, count }, ctx) => {
      if (!ctx.db.buildings.some((b) => b.id === buildingId)) fail('NOT_FOUND', '该楼栋不存在')
      return { created: seedFeedFixture(ctx.db, buildingId, count, ctx.now) }
    }
  },
  seed: (db, { now }) => seedNotices(db, now)
})

function sendReminders(ctx: HandlerContext, n: NoticeRecord, personIds: string[]) {
  return pushMessage(ctx.db, {
    personIds, kind: 'reminder', title: n.requiresAck ? `请查看并确认知晓：${n.title}` : `请查看通知：${n.title}`, body: excerptOf(n.body, 120),
    link: noticeLink(n.id), at: ctx.nowIso, ref: n.id
  })
}
