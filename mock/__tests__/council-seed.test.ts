import { createMemoryStorage, createMockBackend } from '..'
import { DB_VERSION } from '../db'
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
  expect(db.rooms.length).toBe(192)
  expect(db.rooms.filter((r) => !(Number.isInteger(r.areaDm) && r.areaDm > 800 && r.areaDm < 1200))).toEqual([])
  const owned = db.rooms.filter((r) => r.ownerIds.includes('p_002')).map((r) => r.id)
  expect(owned).toEqual(['r_3_1_301', 'r_4_2_102'])
  expect(db.persons.find((p) => p.id === 'p_044')).toMatchObject({ roomId: 'r_4_2_102', tenure: 'tenant' })
  const housed = db.persons.filter((p) => p.roomId)
  expect(housed.length).toBeGreaterThan(50)
  expect(housed.filter((p) => p.tenure !== 'owner' && p.tenure !== 'tenant')).toEqual([])
  expect(housed.filter((p) => p.tenure === 'tenant').length).toBeGreaterThan(0)
  const unhoused = db.persons.filter((p) => !p.roomId)
  expect(unhoused.length).toBeGreaterThan(0)
  expect(unhoused.filter((p) => p.tenure !== null)).toEqual([])
  // The seed is stamped with the version that re-seeds stored databases of another shape.
  expect(db.version).toBe(DB_VERSION)
})
