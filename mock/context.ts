// Per-request context handed to every handler: the database, the clock, and who is calling.
import type { Role } from '../types/contract'
import type { AccountRecord, Db, PersonRecord } from './db'
import { fail } from './errors'
import type { Rng } from './rng'
import type { MockStorage } from './storage'

export interface HandlerContext {
  db: Db
  now: number
  nowIso: string
  rng: Rng
  account: AccountRecord | null
  person: PersonRecord | null
  roles: Role[]
  /** Key-value storage beside the database, for blobs such as uploaded photos. */
  blobs: MockStorage
  /** A GET that changes state (opening a notice marks it read) calls this so the change is saved. */
  markChanged(): void
  readonly changed: boolean
  /** A new id with the given prefix: `nextId('sr')` → `sr_0001`. */
  nextId(prefix: string): string
  /** The calling account, or 401. */
  user(): AccountRecord
  /** The census person behind the session, or 403 asking to bind a house first. */
  member(): PersonRecord
  /** The caller if they hold `role`, or 403 with `message`. */
  requireRole(role: Role, message?: string): PersonRecord
}

export function rolesOf(person: PersonRecord | null): Role[] {
  if (!person) return []
  return [...(person.roomId ? (['resident'] as Role[]) : []), ...person.extraRoles]
}

export function createContext(db: Db, now: number, rng: Rng, account: AccountRecord | null, blobs: MockStorage): HandlerContext {
  const person = account?.personId ? db.persons.find((p) => p.id === account.personId) ?? null : null
  const roles = rolesOf(person)
  let changed = false
  const ctx: HandlerContext = {
    db, now, rng, account, person, roles, blobs,
    markChanged() { changed = true },
    get changed() { return changed },
    nowIso: new Date(now).toISOString(),
    nextId(prefix) {
      const n = (db.seq[prefix] ?? 0) + 1
      db.seq[prefix] = n
      return `${prefix}_${String(n).padStart(4, '0')}`
    },
    user() {
      return account ?? fail('UNAUTHENTICATED', '请先登录')
    },
    member() {
      ctx.user()
      return person ?? fail('FORBIDDEN', '请先绑定房屋后再使用此功能')
    },
    requireRole(role, message) {
      const p = ctx.member()
      if (!roles.includes(role)) fail('FORBIDDEN', message ?? `仅${ROLE_TEXT[role]}可以进行此操作`)
      return p
    }
  }
  return ctx
}

const ROLE_TEXT: Record<Role, string> = {
  resident: '已绑定房屋的居民',
  building_leader: '楼长',
  volunteer: '志愿者',
  staff: '社区工作人员'
}
