// Seeded hours leave 公示 when it ends: credit() moves them from pending to available, once.
import type { Db } from '../db'
import { pushMessage } from './messages'
import { credit, UNITS_PER_POINT } from './timebank-ledger'
import { tbOf } from './timebank-store'

export function finalizeSeededHours(db: Db, now: number, nextId: (p: string) => string): boolean {
  let changed = false
  for (const p of tbOf(db).pendingSeeds ?? []) {
    if (p.done || Date.parse(p.finalAt) > now) continue
    credit(db, { personId: p.personId, amount: p.amount, source: p.source, final: true, at: p.finalAt }, () => nextId('tt'))
    p.done = true
    pushMessage(db, { personIds: [p.personId], kind: 'timebank', title: `${p.amount / UNITS_PER_POINT} 积分已到账`, body: `${p.source.title}公示结束，积分可以使用了。`, link: '/timebank/pages/index/index', at: p.finalAt, ref: p.source.id })
    changed = true
  }
  return changed
}
