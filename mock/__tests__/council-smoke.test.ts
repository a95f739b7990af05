import { createMemoryStorage, createMockBackend } from '..'
import { proposalsOf } from '../handlers/council-store'

it('seeds a proposal in every stage', () => {
  const b = createMockBackend({ storage: createMemoryStorage(), now: () => Date.parse('2026-11-29T08:00:00+08:00') })
  expect(proposalsOf(b.db()).map((p) => p.stage)).toEqual(['gathering', 'reviewing', 'deliberating', 'voting', 'voting', 'publicity', 'executing', 'evaluating', 'archived', 'rejected'])
  const pub = proposalsOf(b.db())[5]
  expect(pub.vote?.result).toMatchObject({ eligibleUnits: 7, votedUnits: 6, yesUnits: 4, passed: true })
})
