// 邻里服务: skills offered at a points rate per hour, needs posted with points offered. The
// receiver pre-pays into escrow; after the service the provider claims N ≤ escrow; the receiver
// accepts (or it is accepted after 72 h, flagged) and the provider is paid.
import { TB_AUTO_ACCEPT_MS, formatPoints, timebankEndpoints } from '../../types/contract/timebank'
import type { HandlerContext } from '../context'
import type { Db } from '../db'
import type { Handlers } from '../domain'
import { fail } from '../errors'
import { pushMessage } from './messages'
import { ACCOUNTS, balanceOf } from './timebank-ledger'
import {
  TB_ACCOUNTS, exchangeView, findExchange, nameOf, offerView, settleExchange, tbLink, tbOf, transfer,
  type ExchangeRecord, type OfferRecord
} from './timebank-store'

type E = typeof timebankEndpoints
type ExchangeHandlers = Pick<Handlers<E>, 'listTbOffers' | 'createTbOffer' | 'withdrawTbOffer' | 'bookTbOffer' | 'postTbNeed'
  | 'listTbExchanges' | 'getTbExchange' | 'takeTbNeed' | 'claimTbExchange' | 'acceptTbExchange' | 'disputeTbExchange' | 'cancelTbExchange'>

const view = (ctx: HandlerContext, x: ExchangeRecord) => exchangeView(ctx.db, x, ctx.member().id, TB_AUTO_ACCEPT_MS)

function resident(ctx: HandlerContext) {
  const me = ctx.member()
  if (!me.roomId) fail('FORBIDDEN', '邻里服务仅限已绑定房屋的居民')
  return me
}

/** A party of the exchange, or 404 (another person's exchange is as good as absent; open needs are public). */
function partyOf(ctx: HandlerContext, id: string): ExchangeRecord {
  const me = ctx.member()
  const x = findExchange(ctx.db, id)
  if (x.receiverId !== me.id && x.providerId !== me.id && x.status !== 'open') fail('NOT_FOUND', '该服务记录不存在')
  return x
}

function prepay(ctx: HandlerContext, x: ExchangeRecord) {
  if (balanceOf(ctx.db, ACCOUNTS.available(x.receiverId)) < x.escrow) fail('INVALID_STATE', `积分余额不足：需要预付 ${formatPoints(x.escrow)} 分`)
  transfer(ctx.db, ctx.nextId, {
    key: `exchange:${x.id}:escrow`, kind: 'escrow_hold', at: ctx.nowIso, actorId: x.receiverId,
    legs: [{ account: ACCOUNTS.available(x.receiverId), amount: -x.escrow }, { account: TB_ACCOUNTS.escrow(x.id), amount: x.escrow }],
    memo: `预付 ${x.title}`, source: { kind: 'exchange', id: x.id, title: x.title, link: tbLink.exchange(x.id) }
  })
}

const notify = (db: Db, personId: string, title: string, body: string, x: ExchangeRecord, at: string) =>
  pushMessage(db, { personIds: [personId], kind: 'timebank', title, body, link: tbLink.exchange(x.id), at, ref: x.id })

export const exchangeHandlers: ExchangeHandlers = {
  listTbOffers: (_input, ctx) => {
    const me = ctx.member()
    return tbOf(ctx.db).offers.filter((o) => o.active || o.providerId === me.id).map((o) => offerView(ctx.db, o, me.id))
  },

  createTbOffer: (input, ctx) => {
    const me = resident(ctx)
    const state = tbOf(ctx.db)
    if (state.offers.some((o) => o.active && o.providerId === me.id && o.title === input.title)) fail('CONFLICT', '您已发布过同名服务')
    const o: OfferRecord = { id: ctx.nextId('tf'), providerId: me.id, ...input, active: true, createdAt: ctx.nowIso }
    state.offers.push(o)
    return offerView(ctx.db, o, me.id)
  },

  withdrawTbOffer: ({ id }, ctx) => {
    const me = ctx.member()
    const o = tbOf(ctx.db).offers.find((x) => x.id === id && (x.providerId === me.id || x.active)) ?? fail('NOT_FOUND', '该服务不存在')
    if (o.providerId !== me.id) fail('FORBIDDEN', '只能下架您自己发布的服务')
    if (!o.active) fail('INVALID_STATE', '该服务已下架')
    o.active = false
    return offerView(ctx.db, o, me.id)
  },

  bookTbOffer: ({ id, hours, note }, ctx) => {
    const me = resident(ctx)
    const o = tbOf(ctx.db).offers.find((x) => x.id === id && x.active) ?? fail('NOT_FOUND', '该服务不存在或已下架')
    if (o.providerId === me.id) fail('INVALID_STATE', '不能预约自己提供的服务')
    // hours are half hours: rate (units per hour) × half hours / 2, rounded up to a whole unit.
    const escrow = Math.ceil((o.ratePerHour * hours) / 2)
    const x: ExchangeRecord = {
      id: ctx.nextId('tx'), origin: 'offer', offerId: o.id, title: o.title, description: note, providerId: o.providerId,
      receiverId: me.id, escrow, claimed: null, claimedAt: null, autoAccepted: false, status: 'agreed', createdAt: ctx.nowIso, settledAt: null, disputes: []
    }
    prepay(ctx, x)
    tbOf(ctx.db).exchanges.push(x)
    notify(ctx.db, o.providerId, `${me.name}预约了您的「${o.title}」`, `预付 ${formatPoints(escrow)} 分，服务后请在邻里服务中申请积分。`, x, ctx.nowIso)
    return view(ctx, x)
  },

  postTbNeed: ({ title, description, points }, ctx) => {
    const me = resident(ctx)
    const x: ExchangeRecord = {
      id: ctx.nextId('tx'), origin: 'need', offerId: null, title, description, providerId: null, receiverId: me.id,
      escrow: points, claimed: null, claimedAt: null, autoAccepted: false, status: 'open', createdAt: ctx.nowIso, settledAt: null, disputes: []
    }
    prepay(ctx, x)
    tbOf(ctx.db).exchanges.push(x)
    return view(ctx, x)
  },

  listTbExchanges: ({ scope }, ctx) => {
    const me = ctx.member()
    const all = tbOf(ctx.db).exchanges
    const picked = scope === 'open' ? all.filter((x) => x.status === 'open') : all.filter((x) => x.receiverId === me.id || x.providerId === me.id)
    return [...picked].reverse().map((x) => view(ctx, x))
  },

  getTbExchange: ({ id }, ctx) => view(ctx, partyOf(ctx, id)),

  takeTbNeed: ({ id }, ctx) => {
    const me = resident(ctx)
    const x = partyOf(ctx, id)
    if (x.status !== 'open') fail('INVALID_STATE', '该需求已有邻居接单')
    if (x.receiverId === me.id) fail('INVALID_STATE', '不能接自己发布的需求')
    x.providerId = me.id
    x.status = 'agreed'
    notify(ctx.db, x.receiverId, `${me.name}接了您的需求「${x.title}」`, '服务完成后，对方会申请积分，请及时确认。', x, ctx.nowIso)
    return view(ctx, x)
  },

  claimTbExchange: ({ id, points }, ctx) => {
    const me = ctx.member()
    const x = partyOf(ctx, id)
    if (x.providerId !== me.id) fail('FORBIDDEN', '只有服务提供者可以申请积分')
    if (x.status !== 'agreed') fail('INVALID_STATE', x.status === 'claimed' ? '已申请积分，请等待对方确认' : '当前状态不能申请积分')
    if (points > x.escrow) fail('INVALID_STATE', `申请积分不能超过对方预付的 ${formatPoints(x.escrow)} 分`)
    x.claimed = points
    x.claimedAt = ctx.nowIso
    x.status = 'claimed'
    notify(ctx.db, x.receiverId, `${me.name}申请 ${formatPoints(points)} 分`, `「${x.title}」已完成，请确认支付；72 小时未确认将自动确认。`, x, ctx.nowIso)
    return view(ctx, x)
  },

  acceptTbExchange: ({ id }, ctx) => {
    const me = ctx.member()
    const x = partyOf(ctx, id)
    if (x.receiverId !== me.id) fail('FORBIDDEN', '只有服务接受者可以确认支付')
    if (x.status !== 'claimed') fail('INVALID_STATE', x.status === 'settled' ? '该服务已完成支付' : '对方还没有申请积分')
    settleExchange(ctx.db, ctx.nextId, x, ctx.nowIso, false)
    notify(ctx.db, x.providerId as string, `收到 ${formatPoints(x.claimed as number)} 分`, `${nameOf(ctx.db, x.receiverId)}确认了「${x.title}」。`, x, ctx.nowIso)
    return view(ctx, x)
  },

  disputeTbExchange: ({ id, reason }, ctx) => {
    const me = ctx.member()
    const x = partyOf(ctx, id)
    if (x.receiverId !== me.id) fail('FORBIDDEN', '只有服务接受者可以提出异议')
    if (x.status !== 'claimed') fail('INVALID_STATE', '当前没有待确认的积分申请')
    x.disputes.push({ reason, at: ctx.nowIso })
    x.status = 'agreed'
    x.claimed = null
    x.claimedAt = null
    notify(ctx.db, x.providerId as string, '对方对积分申请有异议', reason, x, ctx.nowIso)
    return view(ctx, x)
  },

  cancelTbExchange: ({ id }, ctx) => {
    const me = ctx.member()
    const x = partyOf(ctx, id)
    if (x.receiverId !== me.id) fail('FORBIDDEN', '只有发起人可以取消')
    if (x.status !== 'open' && x.status !== 'agreed') fail('INVALID_STATE', '对方已申请积分或服务已结束，不能取消')
    transfer(ctx.db, ctx.nextId, {
      key: `exchange:${x.id}:refund`, kind: 'escrow_refund', at: ctx.nowIso, actorId: me.id,
      legs: [{ account: TB_ACCOUNTS.escrow(x.id), amount: -x.escrow }, { account: ACCOUNTS.available(x.receiverId), amount: x.escrow }],
      memo: `取消 ${x.title}，预付积分退回`, source: { kind: 'exchange', id: x.id, title: x.title, link: tbLink.exchange(x.id) }
    })
    x.status = 'cancelled'
    x.settledAt = ctx.nowIso
    if (x.providerId) notify(ctx.db, x.providerId, `「${x.title}」已取消`, `${me.name}取消了这次服务。`, x, ctx.nowIso)
    return view(ctx, x)
  }
}

/** Accepts claims unanswered for 72 hours (flagged for staff as auto-accepted). */
export function autoAccept(db: Db, now: number, nextId: (p: string) => string): boolean {
  let changed = false
  for (const x of tbOf(db).exchanges) {
    if (x.status !== 'claimed' || !x.claimedAt) continue
    const due = Date.parse(x.claimedAt) + TB_AUTO_ACCEPT_MS
    if (due > now) continue
    settleExchange(db, nextId, x, new Date(due).toISOString(), true)
    changed = true
  }
  return changed
}
