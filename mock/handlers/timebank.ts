// 时间银行: the domain. Balances and statement here; the shop, services and staff sides in their
// own files; time-driven moves (orders released after 7 days, claims accepted after 72 h) in tick.
import { TB_KIND_LABELS, chinaMonth, chinaYear, formatPoints, timebankEndpoints, type TbBalance, type TbStatementLine } from '../../types/contract/timebank'
import type { HandlerContext } from '../context'
import type { Db } from '../db'
import { defineDomain } from '../domain'
import { fail } from '../errors'
import { paginate } from '../paging'
import { redactView } from '../redact'
import { pushMessage } from './messages'
import { ACCOUNTS, balanceOf, postTransfer, type TransferRecord } from './timebank-ledger'
import { autoAccept, exchangeHandlers } from './timebank-exchange'
import { finalizeSeededHours, seedTimebank } from './timebank-seed'
import { expireOrders, shopHandlers } from './timebank-shop'
import { staffHandlers } from './timebank-staff'
import { TB_ACCOUNTS, tbOf, transfersOf } from './timebank-store'

const REFUND_KINDS = new Set(['order_release', 'escrow_refund'])

const deltaOf = (t: TransferRecord, account: string) => t.legs.filter((l) => l.account === account).reduce((n, l) => n + l.amount, 0)

export function balanceFor(db: Db, personId: string, now: number): TbBalance {
  const state = tbOf(db)
  const available = ACCOUNTS.available(personId)
  const held = state.orders.filter((o) => o.personId === personId && o.status === 'reserved').reduce((n, o) => n + balanceOf(db, TB_ACCOUNTS.hold(o.id)), 0)
    + state.exchanges.filter((x) => x.receiverId === personId && ['open', 'agreed', 'claimed'].includes(x.status)).reduce((n, x) => n + balanceOf(db, TB_ACCOUNTS.escrow(x.id)), 0)
  const year = chinaYear(now)
  let earned = 0, spent = 0
  for (const t of transfersOf(db)) {
    if (chinaYear(Date.parse(t.createdAt)) !== year) continue
    const d = deltaOf(t, available)
    if (d === 0) continue
    // Refunds (a cancelled order, the unused part of a pre-payment) undo spending, they are not income.
    const refund = REFUND_KINDS.has(t.kind) || (t.kind === 'exchange_pay' && state.exchanges.some((x) => x.id === t.source?.id && x.receiverId === personId))
    if (refund) spent -= d
    else if (d > 0) earned += d
    else spent -= d
  }
  return {
    personId, name: db.persons.find((p) => p.id === personId)?.name ?? '',
    available: balanceOf(db, available), pending: balanceOf(db, ACCOUNTS.pending(personId)), held,
    yearEarned: earned, yearSpent: Math.max(0, spent), year
  }
}

function statementLine(db: Db, t: TransferRecord, personId: string): TbStatementLine {
  return {
    transferId: t.id, at: t.createdAt, kind: t.kind, kindLabel: TB_KIND_LABELS[t.kind as keyof typeof TB_KIND_LABELS] ?? t.kind,
    title: t.source?.title ?? t.memo, amount: deltaOf(t, ACCOUNTS.available(personId)), pendingAmount: deltaOf(t, ACCOUNTS.pending(personId)),
    link: t.source?.link ?? null, memo: t.memo, reversed: !!tbOf(db).reversedBy[t.id]
  }
}

function householdOf(ctx: HandlerContext) {
  const me = ctx.member()
  if (!me.roomId) return []
  return ctx.db.persons.filter((p) => p.roomId === me.roomId && p.id !== me.id)
}

export const timebankDomain = defineDomain({
  name: 'timebank',
  endpoints: timebankEndpoints,
  handlers: {
    getTbBalance: (_input, ctx) => balanceFor(ctx.db, ctx.member().id, ctx.now),

    listTbStatement: ({ cursor, limit, month }, ctx) => {
      const me = ctx.member()
      const accounts = [ACCOUNTS.available(me.id), ACCOUNTS.pending(me.id)]
      const lines = transfersOf(ctx.db)
        .filter((t) => t.legs.some((l) => accounts.includes(l.account)) && (!month || chinaMonth(Date.parse(t.createdAt)) === month))
        .reverse()
        .map((t) => statementLine(ctx.db, t, me.id))
      const page = paginate(lines, { cursor, limit })
      return redactView({
        ...page, month: month ?? null,
        monthIn: lines.filter((l) => l.amount > 0).reduce((n, l) => n + l.amount, 0),
        monthOut: lines.filter((l) => l.amount < 0).reduce((n, l) => n - l.amount, 0)
      })
    },

    listTbHousehold: (_input, ctx) => householdOf(ctx).map((p) => ({ personId: p.id, name: p.name })),

    giftTbPoints: ({ to, points, note }, ctx) => {
      const me = ctx.member()
      if (to === me.id) fail('INVALID_STATE', '不能转赠给自己')
      const target = to === 'pool' ? null : householdOf(ctx).find((p) => p.id === to) ?? fail('FORBIDDEN', '只能转赠给公益池或同一户的家人')
      const from = ACCOUNTS.available(me.id)
      if (balanceOf(ctx.db, from) < points) fail('INVALID_STATE', `积分余额不足：可用 ${formatPoints(balanceOf(ctx.db, from))} 分`)
      const toLabel = target ? target.name : '公益池'
      const t = postTransfer(ctx.db, {
        key: `gift:${ctx.nextId('tgk')}`, kind: 'gift', at: ctx.nowIso, actorId: me.id,
        legs: [{ account: from, amount: -points }, { account: target ? ACCOUNTS.available(target.id) : ACCOUNTS.pool, amount: points }],
        memo: `${me.name} 转赠 ${toLabel}${note ? `：${note}` : ''}`
      }, () => ctx.nextId('tt'))
      if (target) pushMessage(ctx.db, { personIds: [target.id], kind: 'timebank', title: `${me.name}转赠您 ${formatPoints(points)} 分`, body: note || '家人转赠的时间银行积分', link: '/timebank/pages/index/index', at: ctx.nowIso, ref: t.id })
      return { transferId: t.id, balance: balanceFor(ctx.db, me.id, ctx.now) }
    },

    ...shopHandlers,
    ...exchangeHandlers,
    ...staffHandlers
  },
  seed: (db, env) => seedTimebank(db, env.now),
  tick: (db, { now, nextId }) => {
    const a = expireOrders(db, now, nextId)
    const b = autoAccept(db, now, nextId)
    const c = finalizeSeededHours(db, now, nextId)
    return a || b || c
  }
})
