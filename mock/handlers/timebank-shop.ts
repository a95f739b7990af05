// 兑换: the community store's catalogue, redemption (points held + stock reserved together, one
// pickup code), hand-over by code, cancel, and release of uncollected orders after 7 days.
import { TB_ORDER_HOLD_MS, formatPoints, timebankEndpoints } from '../../types/contract/timebank'
import type { HandlerContext } from '../context'
import type { Db } from '../db'
import type { Handlers } from '../domain'
import { fail } from '../errors'
import { paginate } from '../paging'
import { secretCode } from '../secrets'
import { pushMessage } from './messages'
import { ACCOUNTS, balanceOf } from './timebank-ledger'
import {
  goodsView, isStaff, monthCount, orderView, releaseOrder, requireStaff, tbLink, tbOf, transfer, type GoodsRecord, type OrderRecord
} from './timebank-store'

type E = typeof timebankEndpoints
type ShopHandlers = Pick<Handlers<E>, 'listTbGoods' | 'getTbGoods' | 'createTbGoods' | 'updateTbGoods' | 'restockTbGoods' | 'redeemTbGoods'
  | 'listMyTbOrders' | 'cancelTbOrder' | 'listTbOrdersToHandOver' | 'handOverTbOrder'>

const findGoods = (db: Db, id: string) => tbOf(db).goods.find((g) => g.id === id) ?? fail('NOT_FOUND', '该商品不存在')

function findOwnOrder(ctx: HandlerContext, id: string): OrderRecord {
  const me = ctx.member()
  const o = tbOf(ctx.db).orders.find((x) => x.id === id)
  // Another person's order is as good as absent.
  if (!o || o.personId !== me.id) fail('NOT_FOUND', '该兑换订单不存在')
  return o
}

function newCode(db: Db): string {
  const used = new Set(tbOf(db).orders.map((o) => o.pickupCode))
  let code = secretCode(6)
  while (used.has(code)) code = secretCode(6)
  return code
}

export const shopHandlers: ShopHandlers = {
  listTbGoods: ({ all }, ctx) => {
    const me = ctx.member()
    const showAll = all === '1' && isStaff(ctx)
    return tbOf(ctx.db).goods.filter((g) => showAll || g.active).map((g) => goodsView(ctx.db, g, me.id, ctx.now))
  },

  getTbGoods: ({ id }, ctx) => {
    const me = ctx.member()
    const g = findGoods(ctx.db, id)
    if (!g.active && !isStaff(ctx)) fail('NOT_FOUND', '该商品已下架')
    return goodsView(ctx.db, g, me.id, ctx.now)
  },

  createTbGoods: (input, ctx) => {
    const staff = requireStaff(ctx)
    const state = tbOf(ctx.db)
    if (state.goods.some((g) => g.name === input.name)) fail('CONFLICT', '已有同名商品，请直接编辑或入库')
    const g: GoodsRecord = { id: ctx.nextId('tg'), ...input, stockIn: input.stock, handedOver: 0, createdAt: ctx.nowIso }
    state.goods.push(g)
    if (input.stock > 0) state.stockMoves.push({ goodsId: g.id, quantity: input.stock, reason: '新品入库', at: ctx.nowIso, actorId: staff.id })
    return goodsView(ctx.db, g, staff.id, ctx.now)
  },

  updateTbGoods: ({ id, ...draft }, ctx) => {
    const staff = requireStaff(ctx)
    const g = findGoods(ctx.db, id)
    if (tbOf(ctx.db).goods.some((x) => x.id !== id && x.name === draft.name)) fail('CONFLICT', '已有同名商品')
    Object.assign(g, draft)
    return goodsView(ctx.db, g, staff.id, ctx.now)
  },

  restockTbGoods: ({ id, quantity, reason }, ctx) => {
    const staff = requireStaff(ctx)
    const g = findGoods(ctx.db, id)
    g.stock += quantity
    g.stockIn += quantity
    tbOf(ctx.db).stockMoves.push({ goodsId: g.id, quantity, reason, at: ctx.nowIso, actorId: staff.id })
    return goodsView(ctx.db, g, staff.id, ctx.now)
  },

  redeemTbGoods: ({ id, quantity }, ctx) => {
    const me = ctx.member()
    if (!me.roomId) fail('FORBIDDEN', '请先绑定房屋后再兑换')
    const g = findGoods(ctx.db, id)
    if (!g.active) fail('INVALID_STATE', '该商品已下架')
    if (g.stock <= 0) fail('INVALID_STATE', `${g.name}已兑完，请等补货后再来`)
    if (g.stock < quantity) fail('INVALID_STATE', `${g.name}只剩 ${g.stock} 件了`)
    if (g.monthlyLimit > 0) {
      const used = monthCount(ctx.db, g.id, me.id, ctx.now)
      if (used + quantity > g.monthlyLimit) fail('INVALID_STATE', `${g.name}每人每月限兑 ${g.monthlyLimit} 件，您本月已兑 ${used} 件`)
    }
    const points = g.points * quantity
    if (balanceOf(ctx.db, ACCOUNTS.available(me.id)) < points) fail('INVALID_STATE', `积分余额不足：需要 ${formatPoints(points)} 分`)
    const o: OrderRecord = {
      id: ctx.nextId('to'), goodsId: g.id, personId: me.id, quantity, points, status: 'reserved', pickupCode: newCode(ctx.db),
      createdAt: ctx.nowIso, expiresAt: new Date(ctx.now + TB_ORDER_HOLD_MS).toISOString(), closedAt: null, handedBy: null
    }
    // Points and stock move together: the ledger refuses first, so stock is touched only after.
    transfer(ctx.db, ctx.nextId, {
      key: `order:${o.id}:hold`, kind: 'order_hold', at: ctx.nowIso, actorId: me.id,
      legs: [{ account: ACCOUNTS.available(me.id), amount: -points }, { account: `hold:${o.id}`, amount: points }],
      memo: `兑换 ${g.name} ×${quantity}（待取货）`, source: { kind: 'order', id: o.id, title: `${g.name} ×${quantity}`, link: tbLink.order(o.id) }
    })
    g.stock -= quantity
    tbOf(ctx.db).orders.push(o)
    return orderView(ctx.db, o, true)
  },

  listMyTbOrders: ({ cursor, limit }, ctx) => {
    const me = ctx.member()
    const mine = tbOf(ctx.db).orders.filter((o) => o.personId === me.id).reverse()
    const page = paginate(mine, { cursor, limit })
    return { ...page, items: page.items.map((o) => orderView(ctx.db, o, true)) }
  },

  cancelTbOrder: ({ id }, ctx) => {
    const o = findOwnOrder(ctx, id)
    if (o.status !== 'reserved') fail('INVALID_STATE', o.status === 'picked_up' ? '商品已领取，不能取消' : '该订单已关闭')
    releaseOrder(ctx.db, ctx.nextId, o, 'cancelled', ctx.nowIso)
    return orderView(ctx.db, o, true)
  },

  listTbOrdersToHandOver: ({ cursor, limit }, ctx) => {
    requireStaff(ctx)
    const open = tbOf(ctx.db).orders.filter((o) => o.status === 'reserved')
    const page = paginate(open, { cursor, limit })
    return { ...page, items: page.items.map((o) => orderView(ctx.db, o, false)) }
  },

  handOverTbOrder: ({ code }, ctx) => {
    const staff = requireStaff(ctx)
    const o = tbOf(ctx.db).orders.find((x) => x.pickupCode === code) ?? fail('NOT_FOUND', '取货码不正确，请核对后重新输入')
    if (o.status === 'picked_up') fail('INVALID_STATE', '该取货码已使用，商品已领取')
    if (o.status !== 'reserved') fail('INVALID_STATE', '该订单已取消或已过期，不能领取')
    const g = tbOf(ctx.db).goods.find((x) => x.id === o.goodsId) as GoodsRecord
    transfer(ctx.db, ctx.nextId, {
      key: `order:${o.id}:pickup`, kind: 'order_pickup', at: ctx.nowIso, actorId: staff.id,
      legs: [{ account: `hold:${o.id}`, amount: -o.points }, { account: ACCOUNTS.store, amount: o.points }],
      memo: `${g.name} ×${o.quantity} 已领取`, source: { kind: 'order', id: o.id, title: `${g.name} ×${o.quantity}`, link: tbLink.order(o.id) }
    })
    g.handedOver += o.quantity
    o.status = 'picked_up'
    o.closedAt = ctx.nowIso
    o.handedBy = staff.id
    pushMessage(ctx.db, { personIds: [o.personId], kind: 'timebank', title: `${g.name}已领取`, body: `您兑换的 ${g.name} ×${o.quantity} 已由工作人员交付。`, link: tbLink.order(o.id), at: ctx.nowIso, ref: o.id })
    return orderView(ctx.db, o, true)
  }
}

/** Releases orders not collected within 7 days. */
export function expireOrders(db: Db, now: number, nextId: (p: string) => string): boolean {
  let changed = false
  for (const o of tbOf(db).orders) {
    if (o.status !== 'reserved' || Date.parse(o.expiresAt) > now) continue
    releaseOrder(db, nextId, o, 'expired', o.expiresAt)
    const g = tbOf(db).goods.find((x) => x.id === o.goodsId)
    pushMessage(db, { personIds: [o.personId], kind: 'timebank', title: '兑换已过期退回', body: `${g?.name ?? '商品'}超过 7 天未领取，积分已退回。`, link: tbLink.order(o.id), at: o.expiresAt, ref: o.id })
    changed = true
  }
  return changed
}
