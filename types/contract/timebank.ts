// 时间银行: balances, statement, goods redemption with pickup codes, neighbour services paid in
// points, 转赠, and the staff side (issue, reverse, hand over, ledger, flags, monthly 公示).
import * as z from 'zod/mini'
import type { Page } from './common'
import { idString, intSchema, optionalText, pageQueryShape, plainText } from './common'
import { endpoint } from './endpoint'
import { timebankBalanceEndpoints } from './timebank-balance'
import {
  TB_AMOUNT_MAX, TB_ORDER_QTY_MAX, TB_REASON_MAX, TB_TEXT_MAX, TB_TITLE_MAX,
  type TbAccountRow, type TbBalance, type TbExchange, type TbFlag, type TbGoods, type TbHouseholdMember, type TbLedgerEntry,
  type TbMonthReport, type TbOffer, type TbOrder, type TbStatementPage
} from './timebank-model'

export * from './timebank-model'
export * from './timebank-balance'

const AMOUNT_MESSAGE = `积分应为 0.5–${TB_AMOUNT_MAX / 2} 分，最小单位 0.5 分`
/** An amount in units (half points): a whole number 1..TB_AMOUNT_MAX. */
export const unitsSchema = (message = AMOUNT_MESSAGE) => intSchema(1, TB_AMOUNT_MAX, message)
const monthSchema = z.string({ error: '月份格式不正确' }).check(z.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式不正确'))
const idInput = z.object({ id: idString('编号不正确') })
const reason = plainText('原因', 2, TB_REASON_MAX)

export const goodsDraftShape = {
  name: plainText('商品名称', 1, TB_TITLE_MAX),
  description: optionalText('商品说明', TB_TEXT_MAX),
  photoUrl: z._default(z.nullable(z.string({ error: '图片地址不正确' }).check(z.maxLength(300, '图片地址太长'), z.regex(/^(\/|https:\/\/)[^\s]*$/, '图片地址不正确'))), null),
  points: unitsSchema('兑换积分应为 0.5–10000 分，最小单位 0.5 分'),
  monthlyLimit: intSchema(0, 99, '每月限兑应为 0–99 件（0 表示不限）'),
  active: z._default(z.boolean({ error: '上架状态格式不正确' }), true)
}

export const timebankEndpoints = {
  ...timebankBalanceEndpoints,
  listTbStatement: endpoint<TbStatementPage>()({
    method: 'GET', path: '/timebank/statement', input: z.object({ ...pageQueryShape, month: z.optional(monthSchema) }), access: 'user',
    summary: 'The caller\'s history, newest first, each line with where the points came from or went and a link; optional month.'
  }),
  listTbGoods: endpoint<TbGoods[]>()({
    method: 'GET', path: '/timebank/goods', input: z.object({ all: z.optional(z.enum(['1'], '参数不正确')) }), access: 'user',
    summary: 'The catalogue (active goods; staff may pass all=1), with the caller\'s count this month.'
  }),
  getTbGoods: endpoint<TbGoods>()({
    method: 'GET', path: '/timebank/goods/:id', input: idInput, access: 'user', summary: 'One item.'
  }),
  createTbGoods: endpoint<TbGoods>()({
    method: 'POST', path: '/timebank/goods', input: z.object({ ...goodsDraftShape, stock: intSchema(0, 9999, '库存应为 0–9999 件') }), access: 'user',
    summary: 'Staff only: add an item with its opening stock (goods in).'
  }),
  updateTbGoods: endpoint<TbGoods>()({
    method: 'PUT', path: '/timebank/goods/:id', input: z.object({ ...goodsDraftShape, id: idInput.shape.id }), access: 'user',
    summary: 'Staff only: edit name, price, monthly limit, 上架/下架 (open orders keep their price).'
  }),
  restockTbGoods: endpoint<TbGoods>()({
    method: 'POST', path: '/timebank/goods/:id/restock', input: z.object({ id: idInput.shape.id, quantity: intSchema(1, 9999, '入库数量应为 1–9999 件'), reason }), access: 'user',
    summary: 'Staff only: goods in (入库) with a reason.'
  }),
  redeemTbGoods: endpoint<TbOrder>()({
    method: 'POST', path: '/timebank/goods/:id/redeem', input: z.object({ id: idInput.shape.id, quantity: intSchema(1, TB_ORDER_QTY_MAX, `数量应为 1–${TB_ORDER_QTY_MAX} 件`) }), access: 'user',
    summary: 'Hold the points and reserve the stock together; answers the order with its 取货码. 422 已兑完 / 积分余额不足 / 超过每月限兑.'
  }),
  listMyTbOrders: endpoint<Page<TbOrder>>()({
    method: 'GET', path: '/timebank/orders/mine', input: z.object(pageQueryShape), access: 'user',
    summary: 'The caller\'s orders, newest first, with pickup codes of open ones.'
  }),
  cancelTbOrder: endpoint<TbOrder>()({
    method: 'POST', path: '/timebank/orders/:id/cancel', input: idInput, access: 'user',
    summary: 'Cancel one\'s own open order: points and stock come back at once.'
  }),
  listTbOrdersToHandOver: endpoint<Page<TbOrder>>()({
    method: 'GET', path: '/timebank/orders/open', input: z.object(pageQueryShape), access: 'user',
    summary: 'Staff only: open orders, oldest first (codes hidden: the resident shows theirs).'
  }),
  handOverTbOrder: endpoint<TbOrder>()({
    method: 'POST', path: '/timebank/pickups', input: z.object({ code: z.string({ error: '请输入取货码' }).check(z.overwrite((s) => s.trim().toUpperCase().replace(/[\s-]/g, '')), z.minLength(1, '请输入取货码'), z.maxLength(12, '取货码不正确')) }), access: 'user',
    summary: 'Staff only: hand over by the pickup code; 404 取货码不正确, 422 已领取 / 已取消.'
  }),
  listTbOffers: endpoint<TbOffer[]>()({
    method: 'GET', path: '/timebank/offers', input: z.object({}), access: 'user', summary: 'Skills neighbours offer, with a rate per hour.'
  }),
  createTbOffer: endpoint<TbOffer>()({
    method: 'POST', path: '/timebank/offers', input: z.object({ title: plainText('服务名称', 2, TB_TITLE_MAX), description: optionalText('服务说明', TB_TEXT_MAX), ratePerHour: intSchema(1, 20, '每小时积分应为 0.5–10 分') }), access: 'user',
    summary: 'Offer a skill (通下水道, 修电脑, 缝补, 辅导作业) at a points rate per hour.'
  }),
  withdrawTbOffer: endpoint<TbOffer>()({
    method: 'POST', path: '/timebank/offers/:id/withdraw', input: idInput, access: 'user', summary: 'Take one\'s own offer down.'
  }),
  bookTbOffer: endpoint<TbExchange>()({
    method: 'POST', path: '/timebank/offers/:id/book', input: z.object({ id: idInput.shape.id, hours: intSchema(1, 16, '时长应为 0.5–8 小时'), note: optionalText('备注', TB_TEXT_MAX) }), access: 'user',
    summary: 'Book a neighbour\'s service: rate × hours is pre-paid into escrow (hours in half hours). Payer and payee must differ.'
  }),
  postTbNeed: endpoint<TbExchange>()({
    method: 'POST', path: '/timebank/needs', input: z.object({ title: plainText('需求', 2, TB_TITLE_MAX), description: optionalText('需求说明', TB_TEXT_MAX), points: unitsSchema() }), access: 'user',
    summary: 'Post a need with the points offered; they are pre-paid into escrow until settled or cancelled.'
  }),
  listTbExchanges: endpoint<TbExchange[]>()({
    method: 'GET', path: '/timebank/exchanges', input: z.object({ scope: z._default(z.enum(['mine', 'open'], '参数不正确'), 'mine') }), access: 'user',
    summary: 'mine: exchanges the caller gives or receives; open: needs waiting for a neighbour.'
  }),
  getTbExchange: endpoint<TbExchange>()({
    method: 'GET', path: '/timebank/exchanges/:id', input: idInput, access: 'user', summary: 'One exchange (its parties, or an open need).'
  }),
  takeTbNeed: endpoint<TbExchange>()({
    method: 'POST', path: '/timebank/exchanges/:id/take', input: idInput, access: 'user', summary: '我来帮忙: take an open need.'
  }),
  claimTbExchange: endpoint<TbExchange>()({
    method: 'POST', path: '/timebank/exchanges/:id/claim', input: z.object({ id: idInput.shape.id, points: unitsSchema() }), access: 'user',
    summary: 'Provider: ask for N points (≤ the pre-paid amount) after the service; accepted after 72 h if unanswered.'
  }),
  acceptTbExchange: endpoint<TbExchange>()({
    method: 'POST', path: '/timebank/exchanges/:id/accept', input: idInput, access: 'user',
    summary: 'Receiver: accept the claim; the provider is paid, the rest of the escrow returns.'
  }),
  disputeTbExchange: endpoint<TbExchange>()({
    method: 'POST', path: '/timebank/exchanges/:id/dispute', input: z.object({ id: idInput.shape.id, reason }), access: 'user',
    summary: 'Receiver: refuse the claim with a reason; the provider may claim again.'
  }),
  cancelTbExchange: endpoint<TbExchange>()({
    method: 'POST', path: '/timebank/exchanges/:id/cancel', input: idInput, access: 'user',
    summary: 'Receiver: cancel before a claim; the escrow returns at once.'
  }),
  listTbHousehold: endpoint<TbHouseholdMember[]>()({
    method: 'GET', path: '/timebank/household', input: z.object({}), access: 'user', summary: 'Members of the caller\'s household (转赠 targets).'
  }),
  giftTbPoints: endpoint<{ transferId: string; balance: TbBalance }>()({
    method: 'POST', path: '/timebank/gifts',
    input: z.object({ to: z.union([z.literal('pool'), idString('转赠对象不正确')], { error: '请选择转赠对象' }), points: unitsSchema(), note: optionalText('留言', TB_REASON_MAX) }),
    access: 'user', summary: '转赠 to the 公益池 or to a member of one\'s own household.'
  }),
  issueTbPoints: endpoint<TbLedgerEntry>()({
    method: 'POST', path: '/timebank/staff/issue',
    input: z.object({ personId: idString('请选择居民'), points: unitsSchema(), direction: z._default(z.enum(['credit', 'debit'], '方向不正确'), 'credit'), reason }),
    access: 'user', summary: 'Staff only: issue (credit) or deduct (debit) points with a reason.'
  }),
  reverseTbTransfer: endpoint<TbLedgerEntry>()({
    method: 'POST', path: '/timebank/staff/transfers/:id/reverse', input: z.object({ id: idInput.shape.id, reason }), access: 'user',
    summary: 'Staff only: a linked reversing transfer with a reason (never an edit); once per transfer.'
  }),
  listTbLedger: endpoint<Page<TbLedgerEntry>>()({
    method: 'GET', path: '/timebank/staff/ledger',
    input: z.object({ ...pageQueryShape, kind: z.optional(z.string().check(z.maxLength(20, '类型不正确'), z.regex(/^[a-z_]+$/, '类型不正确'))), personId: z.optional(idString('居民编号不正确')) }),
    access: 'user', summary: 'Staff only: every transfer, newest first, filtered by kind or person.'
  }),
  listTbAccounts: endpoint<TbAccountRow[]>()({
    method: 'GET', path: '/timebank/staff/accounts', input: z.object({}), access: 'user',
    summary: 'Staff only: every resident with a balance (available, pending), the 公益池 and the store, for issuing and review.'
  }),
  listTbFlags: endpoint<TbFlag[]>()({
    method: 'GET', path: '/timebank/staff/flags', input: z.object({}), access: 'user',
    summary: 'Staff only: patterns worth a look (same pair same amount within 7 days, 楼长 paid by an elderly resident, auto-accepted exchanges).'
  }),
  getTbReport: endpoint<TbMonthReport>()({
    method: 'GET', path: '/timebank/report', input: z.object({ month: z.optional(monthSchema) }), access: 'user',
    summary: 'The monthly 公示 any member can read: issued, spent, given to the pool, goods in/out, ledger sum (always 0).'
  })
}
