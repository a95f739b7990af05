// 时间银行 models and the pure rules both sides share: points are integers in HALF points
// (1 hour of service = 1 point = 2 units), formatted and parsed here only.
import type { Id, IsoTime, Page } from './common'

/** Ledger units per point (half points). Mirrors mock/handlers/timebank-ledger.ts. */
export const TB_UNITS_PER_POINT = 2
/** Largest amount in one movement: 10,000 points. */
export const TB_AMOUNT_MAX = 20_000
/** An uncollected order is released after this. */
export const TB_ORDER_HOLD_MS = 7 * 24 * 3600_000
/** A service claim the receiver does not answer is accepted after this (and flagged). */
export const TB_AUTO_ACCEPT_MS = 72 * 3600_000
/** 同一对居民 7 天内互转相同积分 is flagged. */
export const TB_PAIR_WINDOW_MS = 7 * 24 * 3600_000
export const TB_ORDER_QTY_MAX = 10
export const TB_REASON_MAX = 100
export const TB_TITLE_MAX = 30
export const TB_TEXT_MAX = 300

/** `3` → `1.5`, `4` → `2`, `-1` → `-0.5`. */
export function formatPoints(units: number): string {
  const sign = units < 0 ? '-' : ''
  const abs = Math.abs(units)
  const whole = Math.floor(abs / TB_UNITS_PER_POINT)
  return `${sign}${whole}${abs % TB_UNITS_PER_POINT ? '.5' : ''}`
}

/** `+1.5` / `-2` for a statement line. */
export const signedPoints = (units: number) => (units > 0 ? `+${formatPoints(units)}` : formatPoints(units))

/**
 * What a person typed as points → units, or the Chinese reason it is refused: empty, not a
 * number, 0 or negative, finer than half a point, or above the maximum.
 */
export function parsePoints(text: string, max = TB_AMOUNT_MAX): { units: number } | { error: string } {
  const t = text.trim()
  if (!t) return { error: '请填写积分' }
  if (!/^\d{1,6}(\.\d{1,6})?$/.test(t)) return { error: '积分应为数字，最小单位 0.5' }
  const units = Number(t) * TB_UNITS_PER_POINT
  if (!Number.isInteger(units)) return { error: '积分最小单位为 0.5 分' }
  if (units <= 0) return { error: '积分必须大于 0' }
  if (units > max) return { error: `积分不能超过 ${formatPoints(max)} 分` }
  return { units }
}

/** `YYYY-MM` of an instant in China time. */
export const chinaMonth = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 7)
export const chinaYear = (at: number) => chinaMonth(at).slice(0, 4)

export type TbLineKind =
  | 'credit_pending' | 'credit' | 'issue' | 'deduct' | 'reversal'
  | 'order_hold' | 'order_release' | 'order_pickup'
  | 'escrow_hold' | 'escrow_refund' | 'exchange_pay'
  | 'gift' | 'seed'

export const TB_KIND_LABELS: Record<TbLineKind, string> = {
  credit_pending: '服务时长进入公示',
  credit: '服务时长',
  issue: '社区发放',
  deduct: '社区调整',
  reversal: '冲正',
  order_hold: '兑换商品',
  order_release: '兑换退回',
  order_pickup: '商品已领取',
  escrow_hold: '邻里服务预付',
  escrow_refund: '邻里服务退回',
  exchange_pay: '邻里服务',
  gift: '转赠',
  seed: '历史积分'
}

export interface TbBalance {
  personId: Id
  name: string
  /** Spendable, in units. */
  available: number
  /** From hours still in 公示: shown, not spendable. */
  pending: number
  /** Held by open orders and service pre-payments. */
  held: number
  yearEarned: number
  yearSpent: number
  year: string
}

export interface TbStatementLine {
  transferId: Id
  at: IsoTime
  kind: string
  kindLabel: string
  /** What it was: `兑换 食用油 ×1`, `通下水道 — 张伟`. */
  title: string
  /** Change of the available balance (units). */
  amount: number
  /** Change of the pending balance (units). */
  pendingAmount: number
  /** The page of the source record, or null. */
  link: string | null
  memo: string
  reversed: boolean
}

export interface TbStatementPage extends Page<TbStatementLine> {
  month: string | null
  /** Sum of `amount` over the month (all lines when no month). */
  monthIn: number
  monthOut: number
}

export interface TbGoods {
  id: Id
  name: string
  description: string
  photoUrl: string | null
  /** Price per piece, units. */
  points: number
  /** Free stock (not reserved by open orders). */
  stock: number
  /** Pieces per person per calendar month; 0 = no limit. */
  monthlyLimit: number
  active: boolean
  /** The caller's pieces this month (reserved or picked up). */
  myMonthCount: number
}

export type TbOrderStatus = 'reserved' | 'picked_up' | 'cancelled' | 'expired'
export const TB_ORDER_STATUS_LABELS: Record<TbOrderStatus, string> = {
  reserved: '待取货', picked_up: '已领取', cancelled: '已取消', expired: '已过期退回'
}

export interface TbOrder {
  id: Id
  goodsId: Id
  goodsName: string
  quantity: number
  points: number
  status: TbOrderStatus
  /** Shown to the one who redeemed it (and to staff at hand-over), null otherwise. */
  pickupCode: string | null
  personName: string
  createdAt: IsoTime
  expiresAt: IsoTime
  closedAt: IsoTime | null
}

export interface TbOffer {
  id: Id
  providerId: Id
  providerName: string
  title: string
  description: string
  /** Units per hour. */
  ratePerHour: number
  active: boolean
  mine: boolean
}

export type TbExchangeStatus = 'open' | 'agreed' | 'claimed' | 'settled' | 'cancelled'
export const TB_EXCHANGE_STATUS_LABELS: Record<TbExchangeStatus, string> = {
  open: '等待邻居接单', agreed: '服务中', claimed: '待确认', settled: '已完成', cancelled: '已取消'
}

export interface TbExchange {
  id: Id
  origin: 'offer' | 'need'
  title: string
  description: string
  providerId: Id | null
  providerName: string | null
  receiverId: Id
  receiverName: string
  /** Pre-paid by the receiver, held on the ledger until settled. */
  escrow: number
  /** What the provider asked for (≤ escrow). */
  claimed: number | null
  claimedAt: IsoTime | null
  /** When an unanswered claim is accepted. */
  autoAcceptAt: IsoTime | null
  autoAccepted: boolean
  status: TbExchangeStatus
  createdAt: IsoTime
  settledAt: IsoTime | null
  role: 'provider' | 'receiver' | 'other'
}

export interface TbHouseholdMember { personId: Id; name: string }

export interface TbLedgerEntry {
  id: Id
  at: IsoTime
  kind: string
  kindLabel: string
  memo: string
  legs: { account: string; label: string; amount: number }[]
  reverses: Id | null
  reversedBy: Id | null
  actorName: string | null
  sourceTitle: string | null
}

export interface TbFlag {
  kind: 'pair_repeat' | 'leader_from_elderly' | 'auto_accepted'
  label: string
  detail: string
  transferIds: Id[]
  at: IsoTime
}

export interface TbMonthReport {
  month: string
  issued: number
  spent: number
  givenToPool: number
  exchanged: number
  reversed: number
  goodsIn: number
  goodsOut: number
  poolBalance: number
  storeBalance: number
  ordersToHandOver: number
  /** Sum over every account of the ledger: always 0. */
  ledgerSum: number
  /** checkLedger's findings; empty when every balance equals its movements. */
  problems: string[]
  goods: { id: Id; name: string; stock: number; reserved: number; handedOver: number }[]
}

export interface TbAccountRow { personId: Id; name: string; houseLabel: string; available: number; pending: number }
