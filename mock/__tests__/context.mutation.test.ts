// The handler context's rules (found unguarded by npm run mutate): who counts as a resident,
// the 401/403 ladder and its messages, and ids that count on per prefix.
import { createMockBackend } from '..'
import { createContext, rolesOf } from '../context'
import type { AccountRecord, PersonRecord } from '../db'
import { MockFailure } from '../errors'
import { createRng } from '../rng'
import { createMemoryStorage } from '../storage'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const db = () => createMockBackend({ now: () => NOW }).db()

function failureOf(fn: () => unknown) {
  try {
    fn()
  } catch (e) {
    if (e instanceof MockFailure) return { status: e.status, body: e.body }
    throw e
  }
  throw new Error('did not fail')
}

const person = (over: Partial<PersonRecord>): PersonRecord => ({ ...db().persons[0], extraRoles: [], ...over })
const account: AccountRecord = { id: 'acc_x', openid: 'o', personId: null, createdAt: new Date(NOW).toISOString() }

describe('rolesOf', () => {
  it('a person with a room is a resident, plus their extra roles; without a room only the extras', () => {
    expect(rolesOf(null)).toEqual([])
    expect(rolesOf(person({ roomId: 'r_1_1_101', extraRoles: ['volunteer'] }))).toEqual(['resident', 'volunteer'])
    expect(rolesOf(person({ roomId: null, extraRoles: ['staff'] }))).toEqual(['staff'])
  })
})

describe('createContext', () => {
  it('no account: user() is 401 请先登录, and so are member() and requireRole()', () => {
    const ctx = createContext(db(), NOW, createRng(1), null, createMemoryStorage())
    const unauth = { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } }
    expect(failureOf(() => ctx.user())).toEqual(unauth)
    expect(failureOf(() => ctx.member())).toEqual(unauth)
    expect(failureOf(() => ctx.requireRole('staff'))).toEqual(unauth)
    expect(ctx.person).toBeNull()
    expect(ctx.roles).toEqual([])
    expect(ctx.nowIso).toBe('2026-11-29T00:00:00.000Z')
  })

  it('an account without a person: 403 asking to bind a house first', () => {
    const d = db()
    d.accounts.push(account)
    const ctx = createContext(d, NOW, createRng(1), account, createMemoryStorage())
    expect(ctx.user()).toBe(account)
    expect(failureOf(() => ctx.member())).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '请先绑定房屋后再使用此功能' } })
  })

  it('requireRole: 403 naming the role, or the given message; the person when they hold it', () => {
    const d = db()
    const staff = d.persons.find((p) => p.extraRoles.includes('staff')) as PersonRecord
    const plain = d.persons.find((p) => p.roomId && p.extraRoles.length === 0) as PersonRecord
    const asStaff = createContext(d, NOW, createRng(1), { ...account, personId: staff.id }, createMemoryStorage())
    expect(asStaff.requireRole('staff')).toBe(staff)
    const asPlain = createContext(d, NOW, createRng(1), { ...account, personId: plain.id }, createMemoryStorage())
    expect(asPlain.person).toBe(plain)
    expect(asPlain.requireRole('resident')).toBe(plain)
    expect(failureOf(() => asPlain.requireRole('staff'))).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '仅社区工作人员可以进行此操作' } })
    expect(failureOf(() => asPlain.requireRole('building_leader'))).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '仅楼长可以进行此操作' } })
    expect(failureOf(() => asPlain.requireRole('volunteer'))).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '仅志愿者可以进行此操作' } })
    expect(failureOf(() => asPlain.requireRole('staff', '仅社区工作人员可以查看'))).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '仅社区工作人员可以查看' } })
    staff.roomId = null
    const homeless = createContext(d, NOW, createRng(1), { ...account, personId: staff.id }, createMemoryStorage())
    expect(homeless.roles).toEqual(staff.extraRoles)
    expect(failureOf(() => homeless.requireRole('resident'))).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '仅已绑定房屋的居民可以进行此操作' } })
  })

  it('an account pointing at no census person has no person', () => {
    const ctx = createContext(db(), NOW, createRng(1), { ...account, personId: 'p_missing' }, createMemoryStorage())
    expect(ctx.person).toBeNull()
    expect(failureOf(() => ctx.member())).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '请先绑定房屋后再使用此功能' } })
  })

  it('nextId counts on per prefix, padded to 4 digits, and writes the counter to the db', () => {
    const d = db()
    d.seq.zz = 9
    const ctx = createContext(d, NOW, createRng(1), null, createMemoryStorage())
    expect([ctx.nextId('zz'), ctx.nextId('zz'), ctx.nextId('qq')]).toEqual(['zz_0010', 'zz_0011', 'qq_0001'])
    expect([d.seq.zz, d.seq.qq]).toEqual([11, 1])
  })

  it('changed is false until markChanged()', () => {
    const ctx = createContext(db(), NOW, createRng(1), null, createMemoryStorage())
    expect(ctx.changed).toBe(false)
    ctx.markChanged()
    expect(ctx.changed).toBe(true)
  })
})
