// 时间银行 state beside the ledger: goods, orders, service offers and exchanges, and the views
// built from them. Accounts beyond timebank-ledger's ACCOUNTS: `hold:<orderId>` (points held by an
// open order) and `escrow:<exchangeId>` (a service pre-paid by its receiver).
import {
  TB_KIND_LABELS, chinaMonth, type TbExchange, type TbExchangeStatus, type TbGoods,
  type TbLedgerEntry, type TbOrder, type TbOrderStatus, type TbOffer
} from '../../types/contract/timebank'
import type { Id, IsoTime } from '../../types/contract/common'
import type { HandlerContext } from '../context'
import type { Db, PersonRecord } from '../db'
import { fail } from '../errors'
import { redactView } from '../redact'
import { ACCOUNTS, ledgerOf, postTransfer, type LedgerLeg, type SourceRef, type TransferRecord } from './timebank-ledger'

export interface GoodsRecord {
  id: Id; name: string; description: string; photoUrl: string | null; points: number
  stock: number; monthlyLimit: number; active: boolean
  /** Pieces ever put in (opening stock + 入库), so in − out = stock + reserved. */
  stockIn: number
  handedOver: number
  createdAt: IsoTime
}

export interface OrderRecord {
  id: Id; goodsId: Id; personId: Id; quantity: number; points: number; status: TbOrderStatus
  pickupCode: string; createdAt: IsoTime; expiresAt: IsoTime; closedAt: IsoTime | null; handedBy: Id | null
}

export interface OfferRecord { id: Id; providerId: Id; title: string; description: string; ratePerHour: number; active: boolean; createdAt: IsoTime }

export interface ExchangeRecord {
  id: Id; origin: 'offer' | 'need'; offerId: Id | null; title: string; description: string
  providerId: Id | null; receiverId: Id; escrow: number; claimed: number | null; claimedAt: IsoTime | null
  autoAccepted: boolean; status: TbExchangeStatus; createdAt: IsoTime; settledAt: IsoTime | null
  disputes: { reason: string; at: IsoTime }[]
}

export interface StockMove { goodsId: Id; quantity: number; reason: string; at: IsoTime; actorId: Id | null }

export interface TimebankState {
  goods: GoodsRecord[]
  orders: OrderRecord[]
  offers: OfferRecord[]
  exchanges: ExchangeRecord[]
  stockMoves: StockMove[]
  /** transferId → the reversal that undid it. */
  reversedBy: Record<Id, Id>
  /**
   * Seeded hours still in 公示 and when it ends (demo only, until the volunteer domain credits
   * final hours itself): tick credits them as final once.
   */
  pendingSeeds?: { personId: Id; amount: number; source: SourceRef; finalAt: IsoTime; done: boolean }[]
}

declare module '../db' {
  interface Db { timebank?: TimebankState }
}

export const TB_ACCOUNTS = {
  hold: (orderId: Id) => `hold:${orderId}`,
  escrow: (exchangeId: Id) => `escrow:${exchangeId}`
}

export function tbOf(db: Db): TimebankState {
  db.timebank ??= { goods: [], orders: [], offers: [], exchanges: [], stockMoves: [], reversedBy: {} }
  return db.timebank
}

export const nameOf = (db: Db, personId: Id | null) => (personId ? db.persons.find((p) => p.id === personId)?.name ?? '' : '')

export const tbLink = {
  order: (id: Id) => `/timebank/pages/orders/index?id=${id}`,
  exchange: (id: Id) => `/timebank/pages/exchange/index?id=${id}`,
  goods: (id: Id) => `/timebank/pages/goods/index?id=${id}`
}

/** A transfer through the ledger with a fresh `tt_` id; `key` is derived from the record that caused it. */
export function transfer(db: Db, nextId: (p: string) => string, input: {
  key: string; kind: string; legs: LedgerLeg[]; memo: string; at: IsoTime; source?: SourceRef | null; actorId?: Id | null; reverses?: Id | null
}): TransferRecord {
  return postTransfer(db, input, () => nextId('tt'))
}

export const isStaff = (ctx: HandlerContext) => ctx.roles.includes('staff')
export function requireStaff(ctx: HandlerContext): PersonRecord {
  return ctx.requireRole('staff', '仅社区工作人员可以管理时间银行')
}

// ---- goods and orders ---------------------------------------------------------------------

export function monthCount(db: Db, goodsId: Id, personId: Id, now: number): number {
  const month = chinaMonth(now)
  return tbOf(db).orders
    .filter((o) => o.goodsId === goodsId && o.personId === personId && (o.status === 'reserved' || o.status === 'picked_up') && chinaMonth(Date.parse(o.createdAt)) === month)
    .reduce((n, o) => n + o.quantity, 0)
}

export function goodsView(db: Db, g: GoodsRecord, viewerId: Id, now: number): TbGoods {
  return redactView({
    id: g.id, name: g.name, description: g.description, photoUrl: g.photoUrl, points: g.points, stock: g.stock,
    monthlyLimit: g.monthlyLimit, active: g.active, myMonthCount: monthCount(db, g.id, viewerId, now)
  })
}

export function orderView(db: Db, o: OrderRecord, showCode: boolean): TbOrder {
  const g = tbOf(db).goods.find((x) => x.id === o.goodsId)
  return redactView({
    id: o.id, goodsId: o.goodsId, goodsName: g?.name ?? '', quantity: o.quantity, points: o.points, status: o.status,
    pickupCode: showCode && o.status === 'reserved' ? o.pickupCode : null, personName: nameOf(db, o.personId),
    createdAt: o.createdAt, expiresAt: o.expiresAt, closedAt: o.closedAt
  })
}

/** Closes an open order: released points go back to the person and the pieces back to stock. */
export function releaseOrder(db: Db, nextId: (p: string) => string, o: OrderRecord, status: 'cancelled' | 'expired', at: IsoTime) {
  const g = tbOf(db).goods.find((x) => x.id === o.goodsId) as GoodsRecord
  transfer(db, nextId, {
    key: `order:${o.id}:release`, kind: 'order_release', at,
    legs: [{ account: TB_ACCOUNTS.hold(o.id), amount: -o.points }, { account: ACCOUNTS.available(o.personId), amount: o.points }],
    memo: `${status === 'cancelled' ? '取消兑换' : '超过 7 天未取货，已退回'} ${g.name} ×${o.quantity}`,
    source: { kind: 'order', id: o.id, title: `${g.name} ×${o.quantity}`, link: tbLink.order(o.id) }
  })
  g.stock += o.quantity
  o.status = status
  o.closedAt = at
}

// ---- exchanges --------------------------------------------------------------------------------

export const findExchange = (db: Db, id: Id) => tbOf(db).exchanges.find((x) => x.id === id) ?? fail('NOT_FOUND', '该服务记录不存在')

export function exchangeView(db: Db, x: ExchangeRecord, viewerId: Id, autoAcceptMs: number): TbExchange {
  return redactView({
    id: x.id, origin: x.origin, title: x.title, description: x.description,
    providerId: x.providerId, providerName: x.providerId ? nameOf(db, x.providerId) : null,
    receiverId: x.receiverId, receiverName: nameOf(db, x.receiverId), escrow: x.escrow, claimed: x.claimed,
    claimedAt: x.claimedAt, autoAcceptAt: x.claimedAt && x.status === 'claimed' ? new Date(Date.parse(x.claimedAt) + autoAcceptMs).toISOString() : null,
    autoAccepted: x.autoAccepted, status: x.status, createdAt: x.createdAt, settledAt: x.settledAt,
    role: x.providerId === viewerId ? 'provider' as const : x.receiverId === viewerId ? 'receiver' as const : 'other' as const
  })
}

export function offerView(db: Db, o: OfferRecord, viewerId: Id): TbOffer {
  return redactView({
    id: o.id, providerId: o.providerId, providerName: nameOf(db, o.providerId), title: o.title, description: o.description,
    ratePerHour: o.ratePerHour, active: o.active, mine: o.providerId === viewerId
  })
}

/** Pays the provider what was claimed and returns the rest of the escrow to the receiver. */
export function settleExchange(db: Db, nextId: (p: string) => string, x: ExchangeRecord, at: IsoTime, auto: boolean) {
  const claimed = x.claimed as number
  const provider = x.providerId as Id
  transfer(db, nextId, {
    key: `exchange:${x.id}:settle`, kind: 'exchange_pay', at,
    legs: [
      { account: TB_ACCOUNTS.escrow(x.id), amount: -x.escrow },
      { account: ACCOUNTS.available(provider), amount: claimed },
      { account: ACCOUNTS.available(x.receiverId), amount: x.escrow - claimed }
    ],
    memo: `${x.title}：${nameOf(db, x.receiverId)} → ${nameOf(db, provider)}${auto ? '（72 小时未确认，自动确认）' : ''}`,
    source: { kind: 'exchange', id: x.id, title: x.title, link: tbLink.exchange(x.id) }
  })
  x.status = 'settled'
  x.settledAt = at
  x.autoAccepted = auto
}

// ---- ledger views -------------------------------------------------------------------------------

export function accountLabel(db: Db, account: string): string {
  if (account === ACCOUNTS.issuance) return '社区发行'
  if (account === ACCOUNTS.pool) return '公益池'
  if (account === ACCOUNTS.store) return '社区兑换站'
  const [kind, id] = account.split(':')
  if (kind === 'person') return `${nameOf(db, id)}（可用）`
  if (kind === 'pending') return `${nameOf(db, id)}（公示中）`
  if (kind === 'hold') return `兑换冻结 ${id}`
  if (kind === 'escrow') return `服务预付 ${id}`
  return account
}

export function ledgerEntry(db: Db, t: TransferRecord): TbLedgerEntry {
  return redactView({
    id: t.id, at: t.createdAt, kind: t.kind, kindLabel: TB_KIND_LABELS[t.kind as keyof typeof TB_KIND_LABELS] ?? t.kind,
    memo: t.memo, legs: t.legs.map((l) => ({ account: l.account, label: accountLabel(db, l.account), amount: l.amount })),
    reverses: t.reverses, reversedBy: tbOf(db).reversedBy[t.id] ?? null,
    actorName: t.actorId ? nameOf(db, t.actorId) : null, sourceTitle: t.source?.title ?? null
  })
}

export const transfersOf = (db: Db) => ledgerOf(db).transfers
