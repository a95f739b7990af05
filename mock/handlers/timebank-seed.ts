// The 时间银行's demo state: balances minted from seeded volunteer hours (through `credit`, once
// per record, one still in 公示), a catalogue with stock (醋 nearly gone), service offers
// (通下水道 by 张伟), open and fulfilled orders and exchanges, and a month of history.
import type { Db } from '../db'
import { ACCOUNTS, credit, postTransfer } from './timebank-ledger'
export { finalizeSeededHours } from './timebank-seed-tick'
import { TB_ACCOUNTS, tbLink, tbOf, type GoodsRecord } from './timebank-store'

const DAY = 24 * 3600_000

function seqId(db: Db, prefix: string) {
  const n = (db.seq[prefix] ?? 0) + 1
  db.seq[prefix] = n
  return `${prefix}_${String(n).padStart(4, '0')}`
}

/** Seeded pickup codes are fixed (demo only: they unlock nothing but seeded oil and soy sauce). */
const SEEDED_CODES = ['SEED2K', 'SEED7Q']

const GOODS: [string, string, number, number, number][] = [
  // name, description, points (units), stock, monthly limit
  ['食用油', '5 升花生油一桶', 40, 12, 1],
  ['大米', '10 公斤东北大米', 50, 8, 1],
  ['酱油', '500 毫升生抽', 12, 30, 2],
  ['醋', '500 毫升陈醋', 10, 1, 2],
  ['洗衣液', '2 公斤装', 20, 15, 2],
  ['理发券', '社区理发室单次理发', 16, 20, 1]
]

// Hours served offline (an activity the community ran on paper and staff recorded afterwards):
// person, units (half points: 2 per hour of service), activity, days ago, final. Hours served
// through the app are credited by the volunteer domain, from its own records.
const HOURS: [string, number, string, number, boolean][] = [
  ['p_003', 24, '重阳节敬老探访', 28, true],
  ['p_003', 16, '社区垃圾分类督导', 14, true],
  ['p_003', 6, '周末社区清洁', 2, false],
  ['p_006', 10, '防诈骗宣传', 20, true],
  ['p_011', 8, '四点半课堂', 18, true],
  ['p_012', 6, '电脑义诊', 10, true],
  ['p_008', 40, '社区图书角整理', 21, true],
  ['p_008', 30, '疫苗接种引导', 15, true],
  ['p_001', 24, '老年合唱团排练', 25, true],
  ['p_009', 6, '缝补角', 16, true]
]

export function seedTimebank(db: Db, now: number): void {
  const state = tbOf(db)
  const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString()
  const tt = () => seqId(db, 'tt')

  for (const [i, [personId, hours, title, ago, final]] of HOURS.entries()) {
    const source = { kind: 'offline_record', id: `sa_${i + 1}`, title: `${title} ${hours / 2} 小时`, link: null }
    credit(db, { personId, amount: hours, source, final: false, at: iso(ago + 3) }, tt)
    if (final) credit(db, { personId, amount: hours, source, final: true, at: iso(ago) }, tt)
    // 公示 of seeded hours ends 7 days after they were recorded (2 days after seeding).
    else (state.pendingSeeds ??= []).push({ personId, amount: hours, source, finalAt: iso(ago + 3 - 7), done: false })
  }

  for (const [name, description, points, stock, monthlyLimit] of GOODS) {
    const g: GoodsRecord = { id: seqId(db, 'tg'), name, description, photoUrl: null, points, stock, monthlyLimit, active: true, stockIn: stock, handedOver: 0, createdAt: iso(30) }
    state.goods.push(g)
    state.stockMoves.push({ goodsId: g.id, quantity: stock, reason: '月初入库', at: iso(30), actorId: 'p_004' })
  }
  const [, rice, soy] = state.goods

  // A fulfilled order (周婷's rice) and an open one (王秀英's soy sauce).
  const order = (personId: string, g: GoodsRecord, ago: number, code: string, picked: boolean) => {
    const id = seqId(db, 'to')
    const at = iso(ago)
    const source = { kind: 'order', id, title: `${g.name} ×1`, link: tbLink.order(id) }
    postTransfer(db, { key: `order:${id}:hold`, kind: 'order_hold', at, actorId: personId, memo: `兑换 ${g.name} ×1（待取货）`, source,
      legs: [{ account: ACCOUNTS.available(personId), amount: -g.points }, { account: TB_ACCOUNTS.hold(id), amount: g.points }] }, tt)
    g.stock -= 1
    if (picked) {
      postTransfer(db, { key: `order:${id}:pickup`, kind: 'order_pickup', at: iso(ago - 1), actorId: 'p_004', memo: `${g.name} ×1 已领取`, source,
        legs: [{ account: TB_ACCOUNTS.hold(id), amount: -g.points }, { account: ACCOUNTS.store, amount: g.points }] }, tt)
      g.handedOver += 1
    }
    state.orders.push({ id, goodsId: g.id, personId, quantity: 1, points: g.points, status: picked ? 'picked_up' : 'reserved', pickupCode: code,
      createdAt: at, expiresAt: new Date(now - ago * DAY + 7 * DAY).toISOString(), closedAt: picked ? iso(ago - 1) : null, handedBy: picked ? 'p_004' : null })
  }
  order('p_008', rice, 12, SEEDED_CODES[0], true)
  order('p_001', soy, 1, SEEDED_CODES[1], false)

  // Offers: 通下水道 by the volunteer 张伟, and a few more.
  const offers: [string, string, string, number][] = [
    ['p_003', '通下水道', '厨房、卫生间下水道疏通，自带工具', 2],
    ['p_012', '修电脑', '重装系统、清灰、装打印机', 3],
    ['p_009', '缝补', '缝扣子、改裤脚、补衣服', 2],
    ['p_011', '辅导作业', '小学数学、语文作业辅导', 2]
  ]
  for (const [providerId, title, description, ratePerHour] of offers) {
    state.offers.push({ id: seqId(db, 'tf'), providerId, title, description, ratePerHour, active: true, createdAt: iso(25) })
  }

  // A fulfilled exchange: 王秀英 had her computer fixed by 何晓东 (2 hours = 3 points).
  const fixed = seqId(db, 'tx')
  const src = { kind: 'exchange', id: fixed, title: '修电脑', link: tbLink.exchange(fixed) }
  postTransfer(db, { key: `exchange:${fixed}:escrow`, kind: 'escrow_hold', at: iso(9), actorId: 'p_001', memo: '预付 修电脑', source: src,
    legs: [{ account: ACCOUNTS.available('p_001'), amount: -6 }, { account: TB_ACCOUNTS.escrow(fixed), amount: 6 }] }, tt)
  postTransfer(db, { key: `exchange:${fixed}:settle`, kind: 'exchange_pay', at: iso(8), memo: '修电脑：王秀英 → 何晓东', source: src,
    legs: [{ account: TB_ACCOUNTS.escrow(fixed), amount: -6 }, { account: ACCOUNTS.available('p_012'), amount: 6 }] }, tt)
  state.exchanges.push({ id: fixed, origin: 'offer', offerId: 'tf_0002', title: '修电脑', description: '电脑开机很慢', providerId: 'p_012', receiverId: 'p_001',
    escrow: 6, claimed: 6, claimedAt: iso(8), autoAccepted: false, status: 'settled', createdAt: iso(9), settledAt: iso(8), disputes: [] })

  // An open need: 周婷 needs help moving a wardrobe, 4 points pre-paid.
  const need = seqId(db, 'tx')
  postTransfer(db, { key: `exchange:${need}:escrow`, kind: 'escrow_hold', at: iso(1), actorId: 'p_008', memo: '预付 帮忙搬衣柜', source: { kind: 'exchange', id: need, title: '帮忙搬衣柜', link: tbLink.exchange(need) },
    legs: [{ account: ACCOUNTS.available('p_008'), amount: -8 }, { account: TB_ACCOUNTS.escrow(need), amount: 8 }] }, tt)
  state.exchanges.push({ id: need, origin: 'need', offerId: null, title: '帮忙搬衣柜', description: '周六上午，从客厅搬到卧室，需要两个人', providerId: null, receiverId: 'p_008',
    escrow: 8, claimed: null, claimedAt: null, autoAccepted: false, status: 'open', createdAt: iso(1), settledAt: null, disputes: [] })

  // 赵敏 gave 2 points to the 公益池; staff issued a bonus to 吴桂兰 and reversed a mistaken one.
  postTransfer(db, { key: 'seed:gift:1', kind: 'gift', at: iso(6), actorId: 'p_006', memo: '赵敏 转赠 公益池',
    legs: [{ account: ACCOUNTS.available('p_006'), amount: -4 }, { account: ACCOUNTS.pool, amount: 4 }] }, tt)
  postTransfer(db, { key: 'seed:issue:1', kind: 'issue', at: iso(5), actorId: 'p_004', memo: '缝补角义务服务奖励',
    legs: [{ account: ACCOUNTS.issuance, amount: -4 }, { account: ACCOUNTS.available('p_009'), amount: 4 }] }, tt)
  const twice = postTransfer(db, { key: 'seed:issue:2', kind: 'issue', at: iso(5), actorId: 'p_004', memo: '缝补角义务服务奖励',
    legs: [{ account: ACCOUNTS.issuance, amount: -4 }, { account: ACCOUNTS.available('p_009'), amount: 4 }] }, tt)
  const rev = postTransfer(db, { key: `reverse:${twice.id}`, kind: 'reversal', at: iso(4), actorId: 'p_004', reverses: twice.id, memo: `冲正 ${twice.memo}：重复发放`,
    legs: twice.legs.map((l) => ({ account: l.account, amount: -l.amount })) }, tt)
  state.reversedBy[twice.id] = rev.id
}
