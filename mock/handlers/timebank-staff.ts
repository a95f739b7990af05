// 时间银行 for staff: issue or deduct with a reason, reversals (a linked reversing transfer, never
// an edit), the ledger with filters, flags worth a look, and the monthly 公示 anyone may read.
import { chinaMonth, formatPoints, timebankEndpoints, type TbFlag } from '../../types/contract/timebank'
import type { Db } from '../db'
import type { Handlers } from '../domain'
import { fail } from '../errors'
import { paginate } from '../paging'
import { redactView } from '../redact'
import { ageOf, houseAddress } from './identity'
import { pushMessage } from './messages'
import { ACCOUNTS, balanceOf, checkLedger, ledgerOf } from './timebank-ledger'
import { ledgerEntry, nameOf, requireStaff, tbOf, transfer, transfersOf } from './timebank-store'

type E = typeof timebankEndpoints
type StaffHandlers = Pick<Handlers<E>, 'issueTbPoints' | 'reverseTbTransfer' | 'listTbLedger' | 'listTbAccounts' | 'listTbFlags' | 'getTbReport'>

const REVERSIBLE = new Set(['issue', 'deduct', 'gift', 'exchange_pay', 'seed', 'credit'])
const ELDERLY_AGE = 60
const PAIR_WINDOW_MS = 7 * 24 * 3600_000

interface Payment { transferId: string; from: string; to: string; amount: number; at: string }

/** Person-to-person payments: gifts and settled services. */
function paymentsOf(db: Db): Payment[] {
  const out: Payment[] = []
  for (const t of transfersOf(db)) {
    if (t.kind === 'gift') {
      const from = t.legs.find((l) => l.amount < 0 && l.account.startsWith('person:'))
      const to = t.legs.find((l) => l.amount > 0 && l.account.startsWith('person:'))
      if (from && to) out.push({ transferId: t.id, from: from.account.slice(7), to: to.account.slice(7), amount: to.amount, at: t.createdAt })
    } else if (t.kind === 'exchange_pay' && t.source) {
      const x = tbOf(db).exchanges.find((e) => e.id === t.source?.id)
      if (x?.providerId && x.claimed) out.push({ transferId: t.id, from: x.receiverId, to: x.providerId, amount: x.claimed, at: t.createdAt })
    }
  }
  return out
}

export function flagsOf(db: Db, now: number): TbFlag[] {
  const flags: TbFlag[] = []
  const pays = paymentsOf(db)
  const seen = new Set<string>()
  for (const [i, a] of pays.entries()) {
    for (const b of pays.slice(i + 1)) {
      const pair = (a.from === b.from && a.to === b.to) || (a.from === b.to && a.to === b.from)
      if (!pair || a.amount !== b.amount || Math.abs(Date.parse(b.at) - Date.parse(a.at)) > PAIR_WINDOW_MS) continue
      const key = [a.from, a.to].sort().join('|') + a.amount
      if (seen.has(key)) continue
      seen.add(key)
      flags.push({ kind: 'pair_repeat', label: '同一对居民 7 天内互付相同积分', detail: `${nameOf(db, a.from)} 与 ${nameOf(db, a.to)}，每次 ${formatPoints(a.amount)} 分`, transferIds: [a.transferId, b.transferId], at: b.at })
    }
  }
  for (const p of pays) {
    const payer = db.persons.find((x) => x.id === p.from)
    const payee = db.persons.find((x) => x.id === p.to)
    if (!payer || !payee || ageOf(payer, now) < ELDERLY_AGE || !payee.extraRoles.includes('building_leader')) continue
    const building = db.rooms.find((r) => r.id === payer.roomId)
    const unit = building && db.units.find((u) => u.id === building.unitId)
    if (unit && payee.leaderOf.includes(unit.buildingId)) {
      flags.push({ kind: 'leader_from_elderly', label: '楼长收到本楼老人的积分', detail: `${payer.name}（${ageOf(payer, now)} 岁）→ 楼长 ${payee.name}，${formatPoints(p.amount)} 分`, transferIds: [p.transferId], at: p.at })
    }
  }
  for (const x of tbOf(db).exchanges) {
    if (!x.autoAccepted) continue
    const t = transfersOf(db).find((tr) => tr.key === `exchange:${x.id}:settle`)
    flags.push({ kind: 'auto_accepted', label: '服务 72 小时未确认，已自动支付', detail: `「${x.title}」${nameOf(db, x.receiverId)} → ${nameOf(db, x.providerId)}，${formatPoints(x.claimed ?? 0)} 分`, transferIds: t ? [t.id] : [], at: x.settledAt ?? '' })
  }
  return redactView(flags.sort((a, b) => b.at.localeCompare(a.at)))
}

export const staffHandlers: StaffHandlers = {
  issueTbPoints: ({ personId, points, direction, reason }, ctx) => {
    const staff = requireStaff(ctx)
    const person = ctx.db.persons.find((p) => p.id === personId) ?? fail('NOT_FOUND', '该居民不存在')
    const account = ACCOUNTS.available(person.id)
    if (direction === 'debit' && balanceOf(ctx.db, account) < points) fail('INVALID_STATE', `${person.name}的可用积分只有 ${formatPoints(balanceOf(ctx.db, account))} 分，不能扣减 ${formatPoints(points)} 分`)
    const sign = direction === 'credit' ? 1 : -1
    const t = transfer(ctx.db, ctx.nextId, {
      key: `staff:${ctx.nextId('tbk')}`, kind: direction === 'credit' ? 'issue' : 'deduct', at: ctx.nowIso, actorId: staff.id,
      legs: [{ account: ACCOUNTS.issuance, amount: -sign * points }, { account, amount: sign * points }], memo: reason
    })
    pushMessage(ctx.db, { personIds: [person.id], kind: 'timebank', title: `社区${direction === 'credit' ? '发放' : '扣减'} ${formatPoints(points)} 分`, body: reason, link: '/timebank/pages/index/index', at: ctx.nowIso, ref: t.id })
    return ledgerEntry(ctx.db, t)
  },

  reverseTbTransfer: ({ id, reason }, ctx) => {
    const staff = requireStaff(ctx)
    const state = tbOf(ctx.db)
    const original = transfersOf(ctx.db).find((t) => t.id === id) ?? fail('NOT_FOUND', '该笔流水不存在')
    if (state.reversedBy[id]) fail('INVALID_STATE', '该笔流水已冲正，不能重复冲正')
    if (original.kind === 'reversal') fail('INVALID_STATE', '冲正记录不能再冲正，如需更正请发放或扣减')
    if (!REVERSIBLE.has(original.kind)) fail('INVALID_STATE', '兑换和预付由订单或服务自动处理，请取消订单或服务')
    // Negated legs; what was settled out of 公示 goes back to issuance (not into pending again), and
    // a settled service's escrow is closed, so its part goes back to the one who paid.
    const merged = new Map<string, number>()
    const payerOf = (escrow: string) => state.exchanges.find((x) => `escrow:${x.id}` === escrow)?.receiverId
    for (const l of original.legs) {
      const payer = l.account.startsWith('escrow:') ? payerOf(l.account) : undefined
      const account = l.account.startsWith('pending:') ? ACCOUNTS.issuance : payer ? ACCOUNTS.available(payer) : l.account
      merged.set(account, (merged.get(account) ?? 0) - l.amount)
    }
    const legs = [...merged].map(([account, amount]) => ({ account, amount })).filter((l) => l.amount !== 0)
    const short = legs.find((l) => l.account !== ACCOUNTS.issuance && balanceOf(ctx.db, l.account) + l.amount < 0)
    if (short) fail('INVALID_STATE', '相关账户积分已被使用，余额不足以冲正，请改用扣减')
    const t = transfer(ctx.db, ctx.nextId, {
      key: `reverse:${id}`, kind: 'reversal', at: ctx.nowIso, actorId: staff.id, legs, reverses: id,
      memo: `冲正 ${original.memo}：${reason}`, source: original.source
    })
    state.reversedBy[id] = t.id
    const people = legs.filter((l) => l.account.startsWith('person:')).map((l) => l.account.slice(7))
    pushMessage(ctx.db, { personIds: people, kind: 'timebank', title: '积分冲正', body: `${original.memo}：${reason}`, link: '/timebank/pages/index/index', at: ctx.nowIso, ref: t.id })
    return ledgerEntry(ctx.db, t)
  },

  listTbLedger: ({ cursor, limit, kind, personId }, ctx) => {
    requireStaff(ctx)
    const accounts = personId ? [ACCOUNTS.available(personId), ACCOUNTS.pending(personId)] : null
    const rows = transfersOf(ctx.db)
      .filter((t) => (!kind || t.kind === kind) && (!accounts || t.legs.some((l) => accounts.includes(l.account))))
      .reverse()
    const page = paginate(rows, { cursor, limit })
    return { ...page, items: page.items.map((t) => ledgerEntry(ctx.db, t)) }
  },

  listTbAccounts: (_input, ctx) => {
    requireStaff(ctx)
    return redactView(ctx.db.persons.filter((p) => p.roomId).map((p) => ({
      personId: p.id, name: p.name, houseLabel: houseAddress(ctx.db, p.roomId as string)?.label ?? '',
      available: balanceOf(ctx.db, ACCOUNTS.available(p.id)), pending: balanceOf(ctx.db, ACCOUNTS.pending(p.id))
    })))
  },

  listTbFlags: (_input, ctx) => {
    requireStaff(ctx)
    return flagsOf(ctx.db, ctx.now)
  },

  getTbReport: ({ month }, ctx) => {
    ctx.member()
    const m = month ?? chinaMonth(ctx.now)
    const inMonth = (at: string) => chinaMonth(Date.parse(at)) === m
    const state = tbOf(ctx.db)
    let issued = 0, spent = 0, givenToPool = 0, exchanged = 0, reversed = 0
    for (const t of transfersOf(ctx.db)) {
      if (!inMonth(t.createdAt)) continue
      for (const l of t.legs) {
        if (l.account === ACCOUNTS.issuance) issued -= l.amount
        if (l.account === ACCOUNTS.store) spent += l.amount
        if (l.account === ACCOUNTS.pool && l.amount > 0) givenToPool += l.amount
      }
      if (t.kind === 'exchange_pay') exchanged += t.legs.filter((l) => l.amount > 0 && l.account.startsWith('person:')).reduce((n, l) => n + l.amount, 0)
      if (t.kind === 'reversal') reversed++
    }
    const ledger = ledgerOf(ctx.db)
    return {
      month: m, issued, spent, givenToPool, exchanged, reversed,
      goodsIn: state.stockMoves.filter((s) => inMonth(s.at)).reduce((n, s) => n + s.quantity, 0),
      goodsOut: state.orders.filter((o) => o.status === 'picked_up' && o.closedAt && inMonth(o.closedAt)).reduce((n, o) => n + o.quantity, 0),
      poolBalance: balanceOf(ctx.db, ACCOUNTS.pool), storeBalance: balanceOf(ctx.db, ACCOUNTS.store),
      ordersToHandOver: state.orders.filter((o) => o.status === 'reserved').length,
      ledgerSum: Object.values(ledger.balances).reduce((n, v) => n + v, 0),
      problems: checkLedger(ctx.db),
      goods: state.goods.map((g) => ({
        id: g.id, name: g.name, stock: g.stock, handedOver: g.handedOver,
        reserved: state.orders.filter((o) => o.goodsId === g.id && o.status === 'reserved').reduce((n, o) => n + o.quantity, 0)
      }))
    }
  }
}
