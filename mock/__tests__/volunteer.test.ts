// 志愿服务 rules in the mock: capacity and waitlist under random sequences of sign-ups and
// cancellations (fast-check), hours rounding and the daily cap, the check-in code, offers under 3 h.
import fc from 'fast-check'
import { createMemoryStorage, createMockBackend, type MockBackend } from '..'
import { checkLedger } from '../handlers/timebank-ledger'
import {
  cappedMinutes, checkInCodeFor, countedMinutes, DAILY_CAP_MINUTES, overlaps, parseCheckInText, unitsForMinutes
} from '../../types/contract/volunteer'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const H = 3600_000
const iso = (t: number) => new Date(t).toISOString()

async function session(backend: MockBackend, personId: string) {
  const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `s-${personId}-${Math.random()}` } })
  const token = (res.body as { token: string }).token
  return (method: 'GET' | 'POST' | 'PUT', path: string, body: unknown = {}) => backend.handle({
    method, path, body: method === 'GET' ? undefined : body, query: method === 'GET' ? (body as Record<string, string>) : undefined,
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `${personId}-${Math.random()}` }
  })
}

async function publish(backend: MockBackend, capacity: number, startInHours = 24) {
  const staff = await session(backend, 'p_004')
  const res = await staff('POST', '/volunteer/activities', {
    title: '属性测试活动', description: '说明', place: '地点',
    slots: [{ startAt: iso(NOW + startInHours * H), endAt: iso(NOW + (startInHours + 2) * H), capacity }]
  })
  expect(res.status).toBe(200)
  return (res.body as { slots: { id: string }[] }).slots[0].id
}

const people = Array.from({ length: 12 }, (_, i) => `p_${String(13 + i).padStart(3, '0')}`)

describe('volunteer capacity and waitlist (property)', () => {
  it('never seats more than capacity, keeps the waitlist first come first served, and fills freed places', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.record({ who: fc.integer({ min: 0, max: people.length - 1 }), cancel: fc.boolean() }), { minLength: 1, maxLength: 25 }),
      async (capacity, steps) => {
        const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
        const slotId = await publish(backend, capacity)
        const calls = new Map<string, Awaited<ReturnType<typeof session>>>()
        const joined: string[] = []
        for (const step of steps) {
          const who = people[step.who]
          const as = calls.get(who) ?? await session(backend, who)
          calls.set(who, as)
          const mine = backend.db().volunteer?.signups.find((s) => s.slotId === slotId && s.personId === who && ['confirmed', 'waitlisted'].includes(s.status))
          if (step.cancel && mine) {
            expect((await as('POST', `/volunteer/signups/${mine.id}/cancel`)).status).toBe(200)
            joined.splice(joined.indexOf(who), 1)
          } else if (!mine) {
            expect((await as('POST', `/volunteer/slots/${slotId}/signups`)).status).toBe(200)
            joined.push(who)
          }
          const live = (backend.db().volunteer?.signups ?? []).filter((s) => s.slotId === slotId && ['confirmed', 'waitlisted'].includes(s.status)).sort((a, b) => a.seq - b.seq)
          const confirmed = live.filter((s) => s.status === 'confirmed')
          // Seated: exactly min(capacity, people in line); the rest wait, in the order they joined.
          expect(confirmed).toHaveLength(Math.min(capacity, joined.length))
          expect(live.map((s) => s.personId)).toEqual(joined)
          const firstWaiting = live.findIndex((s) => s.status === 'waitlisted')
          if (firstWaiting >= 0) expect(live.slice(firstWaiting).every((s) => s.status === 'waitlisted')).toBe(true)
        }
      }
    ), { numRuns: 25 })
  })
})

describe('volunteer rules', () => {
  it('counts the overlap with the slot, rounded down to half hours', () => {
    const slot = { start: 0, end: 2 * H }
    expect(countedMinutes(-30 * 60_000, 3 * H, slot)).toBe(120) // early and late count only inside the slot
    expect(countedMinutes(0, 59 * 60_000, slot)).toBe(30) // 59 minutes → half an hour
    expect(countedMinutes(0, 60 * 60_000, slot)).toBe(60)
    expect(countedMinutes(0, 29 * 60_000, slot)).toBe(0)
    expect(countedMinutes(3 * H, 4 * H, slot)).toBe(0)
  })

  it('caps a day at 8 hours: exactly at, one step under and over the cap', () => {
    expect(cappedMinutes(60, DAILY_CAP_MINUTES - 60)).toBe(60)
    expect(cappedMinutes(90, DAILY_CAP_MINUTES - 60)).toBe(60)
    expect(cappedMinutes(30, DAILY_CAP_MINUTES)).toBe(0)
    expect(unitsForMinutes(90)).toBe(3)
  })

  it('treats back-to-back slots as not overlapping', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false)
    expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true)
  })

  it('makes a 6-digit code per secret and minute and reads QR texts back', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 1e8 }), (secret, minute) => {
      expect(checkInCodeFor(secret, minute)).toMatch(/^\d{6}$/)
      expect(checkInCodeFor(secret, minute)).toBe(checkInCodeFor(secret, minute))
    }))
    const codes = new Set(Array.from({ length: 200 }, (_, m) => checkInCodeFor('secret', m)))
    expect(codes.size).toBeGreaterThan(190)
    expect(parseCheckInText('linli-vol:vs_0004:123456')).toEqual({ slotId: 'vs_0004', code: '123456' })
    expect(parseCheckInText(' 654321 ')).toEqual({ slotId: null, code: '654321' })
    expect(parseCheckInText('<script>')).toBeNull()
  })
})

describe('volunteer offers under 3 hours before the start', () => {
  it('offers a freed place for 30 minutes, then moves it to the next in line', async () => {
    let clock = NOW
    const backend = createMockBackend({ storage: createMemoryStorage(), now: () => clock })
    const slotId = await publish(backend, 1, 2)
    const [a, b, c] = await Promise.all(['p_013', 'p_014', 'p_015'].map((p) => session(backend, p)))
    await a('POST', `/volunteer/slots/${slotId}/signups`)
    await b('POST', `/volunteer/slots/${slotId}/signups`)
    await c('POST', `/volunteer/slots/${slotId}/signups`)
    const staff = await session(backend, 'p_004')
    const first = backend.db().volunteer?.signups.find((s) => s.personId === 'p_013')
    expect((await staff('POST', `/volunteer/signups/${first?.id}/remove`, { reason: '临时有事' })).status).toBe(200)
    const statusOf = (p: string) => backend.db().volunteer?.signups.find((s) => s.slotId === slotId && s.personId === p)?.status
    expect(statusOf('p_014')).toBe('offered')
    clock += 31 * 60_000
    await staff('GET', '/volunteer/me')
    expect(statusOf('p_014')).toBe('expired')
    expect(statusOf('p_015')).toBe('offered')
    const offer = backend.db().volunteer?.signups.find((s) => s.personId === 'p_015' && s.slotId === slotId)
    expect((await c('POST', `/volunteer/signups/${offer?.id}/accept`)).status).toBe(200)
    expect(statusOf('p_015')).toBe('confirmed')
  })

  it('keeps the ledger balanced after the seed and after hours become final', async () => {
    let clock = NOW
    const backend = createMockBackend({ storage: createMemoryStorage(), now: () => clock })
    const z = await session(backend, 'p_003')
    clock += 4 * 24 * H
    await z('GET', '/volunteer/me')
    expect(checkLedger(backend.db())).toEqual([])
    const credits = backend.db().ledger?.credits ?? {}
    const hours = Object.keys(credits).filter((k) => k.startsWith('volunteer_hours:'))
    expect(hours.length).toBeGreaterThan(0)
    expect(hours.every((k) => credits[k].final)).toBe(true)
  })
})

describe('volunteer day-before reminder through the subscription', () => {
  const ANSWERS = ['accept', 'reject', 'ban', 'filter', null] as const

  it('reminds within 24 hours of the start, once per slot and person: in-app for all signed up, WeChat only for accepted answers', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.constantFrom(...ANSWERS), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 12, maxLength: 12 }),
      async (capacity, answers, stepsInHours) => {
        let clock = NOW
        const backend = createMockBackend({ storage: createMemoryStorage(), now: () => clock })
        const slotId = await publish(backend, capacity, 30)
        const start = NOW + 30 * H
        const who = people.slice(0, answers.length)
        for (const [i, p] of who.entries()) {
          const as = await session(backend, p)
          expect((await as('POST', `/volunteer/slots/${slotId}/signups`)).status).toBe(200)
          const answer = answers[i]
          if (answer) expect((await as('POST', `/volunteer/slots/${slotId}/subscription`, { result: answer })).status).toBe(200)
        }
        const confirmed = who.slice(0, capacity)
        const accepted = confirmed.filter((p) => answers[who.indexOf(p)] === 'accept')
        const staff = await session(backend, 'p_004')
        const log = () => (backend.db().volunteer?.reminders ?? []).filter((r) => r.slotId === slotId)
        for (const step of stepsInHours) {
          clock += step * H
          await staff('GET', '/volunteer/me')
          if (clock < start - 24 * H) expect(log()).toEqual([])
          else if (clock < start) {
            expect(log().filter((r) => r.channel === 'app').map((r) => r.personId).sort()).toEqual([...confirmed].sort())
            expect(log().filter((r) => r.channel === 'subscription').map((r) => r.personId).sort()).toEqual([...accepted].sort())
          }
        }
        // Whenever the clock passed into the last day, each person was reminded exactly once.
        const counts = new Map<string, number>()
        for (const r of log()) counts.set(`${r.personId}:${r.channel}`, (counts.get(`${r.personId}:${r.channel}`) ?? 0) + 1)
        expect([...counts.values()].every((n) => n === 1)).toBe(true)
        // The waitlisted get no reminder of a place they do not have.
        expect(log().some((r) => !confirmed.includes(r.personId))).toBe(false)
      }
    ), { numRuns: 15 })
  })

  it('uses an accepted subscription up: a moved slot is reminded again in-app only, until the person subscribes again', async () => {
    let clock = NOW
    const backend = createMockBackend({ storage: createMemoryStorage(), now: () => clock })
    const slotId = await publish(backend, 3, 30)
    const z = await session(backend, 'p_013')
    await z('POST', `/volunteer/slots/${slotId}/signups`)
    await z('POST', `/volunteer/slots/${slotId}/subscription`, { result: 'accept' })
    const staff = await session(backend, 'p_004')
    const channels = () => (backend.db().volunteer?.reminders ?? []).filter((r) => r.slotId === slotId).map((r) => r.channel)
    clock = NOW + 7 * H
    await staff('GET', '/volunteer/me')
    expect(channels()).toEqual(['app', 'subscription'])
    const activity = backend.db().volunteer?.activities.find((a) => a.slots.some((s) => s.id === slotId))
    const moveTo = async (startInHours: number) => {
      const res = await staff('PUT', `/volunteer/activities/${activity?.id}`, {
        title: '属性测试活动', description: '说明', place: '地点',
        slots: [{ id: slotId, startAt: iso(NOW + startInHours * H), endAt: iso(NOW + (startInHours + 2) * H), capacity: 3 }]
      })
      expect(res.status).toBe(200)
    }
    await moveTo(40)
    clock = NOW + 17 * H
    await staff('GET', '/volunteer/me')
    expect(channels()).toEqual(['app', 'subscription', 'app'])
    await z('POST', `/volunteer/slots/${slotId}/subscription`, { result: 'accept' })
    await moveTo(50)
    clock = NOW + 27 * H
    await staff('GET', '/volunteer/me')
    expect(channels()).toEqual(['app', 'subscription', 'app', 'app', 'subscription'])
  })
})
