// The one-ballot rule through the real backend: random replays (same Idempotency-Key), concurrent
// double taps and changes of mind by either account of a household always leave one counted
// ballot per household, carrying that household's last choice; nothing reveals another's choice.
import fc from 'fast-check'
import { createMemoryStorage, createMockBackend, type MockBackend } from '..'
import { findProposal } from '../handlers/council-store'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
// cp_0004 (3栋、4栋 resident vote, open now): people and their household.
const VOTERS: [string, string][] = [['p_015', 'r_3_1_502'], ['p_016', 'r_3_1_502'], ['p_017', 'r_3_2_202'], ['p_018', 'r_3_2_202'], ['p_001', 'r_3_2_502'], ['p_032', 'r_3_2_302']]

async function tokenOf(b: MockBackend, personId: string) {
  const r = await b.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `login-${personId}` } })
  return (r.body as { token: string }).token
}

describe('council ballots', () => {
  it('keeps one ballot per household, the last choice, under replays and double taps', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ voter: fc.nat(VOTERS.length - 1), choice: fc.constantFrom('yes', 'no', 'abstain'), replay: fc.boolean(), doubleTap: fc.boolean() }), { minLength: 1, maxLength: 12 }),
      async (casts) => {
        const b = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
        const tokens = new Map<string, string>()
        for (const [p] of VOTERS) tokens.set(p, await tokenOf(b, p))
        const expected = new Map<string, string>()
        let n = 0
        for (const c of casts) {
          const [person, room] = VOTERS[c.voter]
          const key = `k-${++n}`
          const send = () => b.handle({ method: 'POST', path: '/council/proposals/cp_0004/ballot', body: { choices: [c.choice] }, headers: { Authorization: `Bearer ${tokens.get(person)}`, 'Idempotency-Key': key } })
          const answers = c.doubleTap ? await Promise.all([send(), send()]) : [await send()]
          if (c.replay) answers.push(await send())
          for (const a of answers) expect(a.status).toBe(200)
          expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)
          expected.set(room, c.choice)
        }
        const vote = findProposal(b.db(), 'cp_0004')?.vote
        const seeded = 2 // p_015's household and the tenant household voted in the seed
        const rooms = new Set([...expected.keys(), 'r_3_1_502', 'r_4_2_102'])
        expect(Object.keys(vote?.ballots ?? {}).length).toBe(rooms.size)
        expect(rooms.size).toBeGreaterThanOrEqual(seeded)
        for (const [room, choice] of expected) expect(vote?.ballots[room].choices).toEqual([choice])
      }
    ), { numRuns: 25 })
  })

  it('never shows another household\'s choice in any view', async () => {
    const b = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
    const voter = await tokenOf(b, 'p_017')
    await b.handle({ method: 'POST', path: '/council/proposals/cp_0004/ballot', body: { choices: ['no'] }, headers: { Authorization: `Bearer ${voter}`, 'Idempotency-Key': 'v1' } })
    for (const person of ['p_004', 'p_002', 'p_001']) {
      const token = await tokenOf(b, person)
      const view = await b.handle({ method: 'GET', path: '/council/proposals/cp_0004', headers: { Authorization: `Bearer ${token}` } })
      const vote = (view.body as { vote: { myBallot: unknown; result: unknown } }).vote
      expect(vote.result).toBeNull()
      expect(vote.myBallot).toBeNull()
      expect(JSON.stringify(view.body)).not.toContain('"no"')
    }
  })
})
