// Identity: login, profile, census house binding and the demo identity switcher.
import { identityEndpoints, ROLE_LABELS, type CommunityStructure, type DemoIdentity, type HouseAddress, type Session, type UserProfile } from '../../types/contract'
import type { HandlerContext } from '../context'
import { rolesOf } from '../context'
import type { AccountRecord, Db, PersonRecord } from '../db'
import { defineDomain } from '../domain'
import { fail } from '../errors'
import { secretToken } from '../secrets'

const SESSION_DAYS = 30
/** Wrong names allowed per account and per room within the window, before 429. */
export const BIND_ATTEMPTS_MAX = 5
export const BIND_WINDOW_MS = 15 * 60_000

/** A wrong name given for a room: counted per account and per room (see bindHouse). */
export interface BindAttemptRecord { accountId: string; roomId: string; at: string }

declare module '../db' {
  interface Db {
    bindAttempts?: BindAttemptRecord[]
  }
}
const ELDERLY_AGE = 60

export function houseAddress(db: Db, roomId: string): HouseAddress | null {
  const room = db.rooms.find((r) => r.id === roomId)
  const unit = room && db.units.find((u) => u.id === room.unitId)
  const building = unit && db.buildings.find((b) => b.id === unit.buildingId)
  const estate = building && db.estates.find((e) => e.id === building.estateId)
  if (!room || !unit || !building || !estate) return null
  return {
    roomId: room.id, unitId: unit.id, buildingId: building.id, estateId: estate.id,
    estateName: estate.name, buildingName: building.name, unitName: unit.name, roomName: room.name,
    label: `${estate.name} ${building.name}${unit.name}${room.name}`
  }
}

export const ageOf = (person: PersonRecord, now: number) => new Date(now).getUTCFullYear() - person.birthYear

export function profileOf(db: Db, account: AccountRecord, now: number): UserProfile {
  const person = account.personId ? db.persons.find((p) => p.id === account.personId) ?? null : null
  return {
    accountId: account.id,
    personId: person?.id ?? null,
    name: person?.name ?? null,
    roles: rolesOf(person),
    house: person?.roomId ? houseAddress(db, person.roomId) : null,
    leaderOf: person?.leaderOf ?? [],
    isElderly: person ? ageOf(person, now) >= ELDERLY_AGE : false,
    staffTitle: person?.staffTitle ?? null
  }
}

function startSession(ctx: HandlerContext, account: AccountRecord): Session {
  // Crypto, never the seeded rng: a token must not repeat after a restart of the mock server.
  const token = `${account.id}.${secretToken()}`
  const expiresAt = new Date(ctx.now + SESSION_DAYS * 86400_000).toISOString()
  ctx.db.sessions.push({ token, accountId: account.id, expiresAt })
  return { token, expiresAt, user: profileOf(ctx.db, account, ctx.now) }
}

const beijingClock = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(11, 16)

/**
 * Binding proves who you are by a name, so guessing is limited: after BIND_ATTEMPTS_MAX wrong
 * names in BIND_WINDOW_MS by this account, or for this room by anyone, 429 until the oldest ages out.
 */
function throttleBinding(ctx: HandlerContext, accountId: string, roomId: string) {
  const since = ctx.now - BIND_WINDOW_MS
  const recent = (ctx.db.bindAttempts ??= []).filter((a) => Date.parse(a.at) > since)
  ctx.db.bindAttempts = recent
  for (const mine of [recent.filter((a) => a.accountId === accountId), recent.filter((a) => a.roomId === roomId)]) {
    if (mine.length < BIND_ATTEMPTS_MAX) continue
    const retryAt = Date.parse(mine[mine.length - BIND_ATTEMPTS_MAX].at) + BIND_WINDOW_MS
    fail('RATE_LIMITED', `姓名核对失败次数过多，请于 ${beijingClock(retryAt)} 后再试，或联系社区工作人员登记`, { retryAt: new Date(retryAt).toISOString() })
  }
}

function accountFor(ctx: HandlerContext, openid: string, personId: string | null): AccountRecord {
  let account = ctx.db.accounts.find((a) => a.openid === openid)
  if (!account) {
    account = { id: ctx.nextId('a'), openid, personId, createdAt: ctx.nowIso }
    ctx.db.accounts.push(account)
  }
  return account
}

function describe(db: Db, person: PersonRecord, now: number): string {
  const parts: string[] = []
  const house = person.roomId ? houseAddress(db, person.roomId) : null
  if (house) parts.push(house.label)
  if (person.staffTitle) parts.push(person.staffTitle)
  if (person.leaderOf.length) {
    parts.push(`${person.leaderOf.map((id) => db.buildings.find((b) => b.id === id)?.name).join('、')}楼长`)
  }
  if (person.extraRoles.includes('volunteer')) parts.push('志愿者')
  const age = ageOf(person, now)
  if (age >= ELDERLY_AGE) parts.push(`${age}岁`)
  return parts.join(' · ')
}

export const identityDomain = defineDomain({
  name: 'identity',
  endpoints: identityEndpoints,
  handlers: {
    login: ({ code }, ctx) => startSession(ctx, accountFor(ctx, `wx:${code}`, null)),

    logout: (_input, ctx) => {
      const account = ctx.user()
      ctx.db.sessions = ctx.db.sessions.filter((s) => s.accountId !== account.id)
      return { ok: true as const }
    },

    getMe: (_input, ctx) => profileOf(ctx.db, ctx.user(), ctx.now),

    getCommunityStructure: (_input, { db }): CommunityStructure => ({
      communityId: db.community.id,
      communityName: db.community.name,
      estates: db.estates.map((e) => ({
        ...e,
        buildings: db.buildings.filter((b) => b.estateId === e.id).map((b) => ({
          ...b,
          units: db.units.filter((u) => u.buildingId === b.id).map((u) => ({
            id: u.id, name: u.name,
            rooms: db.rooms.filter((r) => r.unitId === u.id).map((r) => ({ id: r.id, name: r.name }))
          }))
        }))
      }))
    }),

    bindHouse: ({ roomId, name }, ctx) => {
      const account = ctx.user()
      if (!ctx.db.rooms.some((r) => r.id === roomId)) {
        fail('NOT_FOUND', '该房号不存在，请重新选择', { fields: { roomId: '该房号不存在，请重新选择' } })
      }
      throttleBinding(ctx, account.id, roomId)
      const person = ctx.db.persons.find((p) => p.roomId === roomId && p.name === name)
      if (!person) {
        ;(ctx.db.bindAttempts ??= []).push({ accountId: account.id, roomId, at: ctx.nowIso })
        const message = '姓名与该房屋登记的住户不一致，请核对，或联系社区工作人员登记'
        fail('VALIDATION', message, { fields: { name: message } })
      }
      account.personId = person.id
      return profileOf(ctx.db, account, ctx.now)
    },

    listDemoIdentities: (_input, { db, now }): DemoIdentity[] =>
      db.persons.map((p) => ({
        personId: p.id,
        name: p.name,
        roles: rolesOf(p),
        description: describe(db, p, now) || rolesOf(p).map((r) => ROLE_LABELS[r]).join('、')
      })),

    switchDemoIdentity: ({ personId }, ctx) => {
      const person = ctx.db.persons.find((p) => p.id === personId)
      if (!person) fail('NOT_FOUND', '该演示身份不存在')
      return startSession(ctx, accountFor(ctx, `demo:${personId}`, person.id))
    }
  }
})
