import { createMemoryStorage, createMockBackend } from '..'
import { proposalsOf } from '../handlers/council-store'

it('seeds a proposal in every stage', () => {
  const b = createMockBackend({ storage: createMemoryStorage(), now: () => Date.parse('2026-11-29T08:00:00+08:00') })
  expect(proposalsOf(b.db()).map((p) => p.stage)).toEqual(['gathering', 'reviewing', 'deliberating', 'voting', 'voting', 'publicity', 'executing', 'evaluating', 'archived', 'rejected'])
  const pub = proposalsOf(b.db())[5]
  expect(pub.vote?.result).toMatchObject({ eligibleUnits: 7, votedUnits: 6, yesUnits: 4, passed: true })
})

it('knows floor areas in 0.1 m², owners and tenants, and one owner of two rooms', () => {
  const b = createMockBackend({ storage: createMemoryStorage(), now: () => Date.parse('2026-11-29T08:00:00+08:00') })
  const db = b.db()
  expect(db.rooms.length).toBeGreaterThan(0)
  expect(db.rooms.every((r) => Number.isInteger(r.areaDm) && r.areaDm > 800 && r.areaDm < 1200)).toBe(true)
  const owned = db.rooms.filter((r) => r.ownerIds.includes('p_002')).map((r) => r.id)
  expect(owned).toEqual(['r_3_1_301', 'r_4_2_102'])
  expect(db.persons.find((p) => p.id === 'p_044')).toMatchObject({ roomId: 'r_4_2_102', tenure: 'tenant' })
  expect(db.persons.filter((p) => p.roomId).length).toBeGreaterThan(0)
  expect(db.persons.filter((p) => !p.roomId).length).toBeGreaterThan(0)
  expect(db.persons.filter((p) => p.roomId).every((p) => p.tenure === 'owner' || p.tenure === 'tenant')).toBe(true)
  expect(db.persons.filter((p) => !p.roomId).every((p) => p.tenure === null)).toBe(true)
  expect(db.version).toBe(8)
})
