// The pure tally at its edges (⌈2/3 × 301⌉ = 201, exactly half, ties, two-room owners, fractional
// areas) and as properties over random rolls, ballots and replays.
import fc from 'fast-check'
import { atLeast, moreThan, tally, type CountedBallot, type RollUnit, type VoteRules } from '../../types/contract/council-tally'

const YESNO: VoteRules = { kind: 'resident', major: false, question: { type: 'yesno', text: '是否同意' } }
const OWNER: VoteRules = { kind: 'owner', major: false, question: { type: 'yesno', text: '是否同意' } }
const MAJOR: VoteRules = { ...OWNER, major: true }
const units = (n: number, area = 0): RollUnit[] => Array.from({ length: n }, (_, i) => ({ unit: `u${i}`, area, buildingId: `b_${i % 3}` }))
const votes = (choices: string[]): CountedBallot[] => choices.map((c, i) => ({ unit: `u${i}`, choices: [c] }))

describe('council tally lines', () => {
  it('computes ⌈2/3 × 301⌉ = 201 and a strict majority of 8 as 5', () => {
    expect(atLeast(301, 2, 3)).toBe(201)
    expect(atLeast(300, 2, 3)).toBe(200)
    expect(moreThan(8, 1, 2)).toBe(5)
    expect(moreThan(7, 1, 2)).toBe(4)
    expect(atLeast(4, 3, 4)).toBe(3)
  })

  it('fails a resident vote at exactly half turnout and on a tie', () => {
    expect(tally(YESNO, units(8), votes(['yes', 'yes', 'yes', 'yes'])).quorumMet).toBe(false)
    const tie = tally(YESNO, units(8), votes(['yes', 'yes', 'yes', 'no', 'no', 'no']))
    expect(tie).toMatchObject({ quorumMet: true, yesUnits: 3, approvalUnitsNeeded: 4, passed: false })
  })

  it('counts 弃权 for turnout but never for 赞成', () => {
    const r = tally(YESNO, units(6), votes(['yes', 'yes', 'abstain', 'abstain']))
    expect(r).toMatchObject({ votedUnits: 4, quorumMet: true, yesUnits: 2, approvalUnitsNeeded: 3, passed: false })
  })

  it('needs 2/3 of owners AND of area, then > 1/2 of each among participants', () => {
    // 3 owners: one big owner with two rooms (89.3 + 107.7 m²) counted once, two small ones.
    const roll: RollUnit[] = [{ unit: 'big', area: 893 + 1077, buildingId: 'b_1' }, { unit: 's1', area: 501, buildingId: 'b_1' }, { unit: 's2', area: 502, buildingId: 'b_1' }]
    const small = tally(OWNER, roll, [{ unit: 's1', choices: ['yes'] }, { unit: 's2', choices: ['yes'] }])
    expect(small).toMatchObject({ eligibleUnits: 3, eligibleArea: 2973, votedUnits: 2, quorumUnitsNeeded: 2, quorumAreaNeeded: 1982, votedArea: 1003, quorumMet: false, passed: false, quorumAreaMissing: 979 })
    const withBig = tally(OWNER, roll, [{ unit: 'big', choices: ['no'] }, { unit: 's1', choices: ['yes'] }, { unit: 's2', choices: ['yes'] }])
    expect(withBig).toMatchObject({ quorumMet: true, yesUnits: 2, yesArea: 1003, approvalAreaNeeded: 1487, passed: false })
  })

  it('applies ¾ of area and owners for the special matters', () => {
    const roll = units(4, 1000)
    expect(tally(MAJOR, roll, votes(['yes', 'yes', 'yes', 'no'])).passed).toBe(true)
    expect(tally(MAJOR, roll, votes(['yes', 'yes', 'no', 'no'])).passed).toBe(false)
    expect(tally(OWNER, roll, votes(['yes', 'yes', 'yes', 'no'])).passed).toBe(true)
  })

  it('merges buildings with fewer than 5 ballots', () => {
    const r = tally(YESNO, units(12).map((u) => ({ ...u, buildingId: u.unit === 'u0' ? 'b_9' : 'b_1' })), votes(Array(10).fill('yes')))
    // 1 ballot alone would expose b_9, so b_1 is folded in too: only the merged line is left.
    expect(r.breakdown).toEqual([{ label: '其他楼栋（合并统计）', ballots: 10, counts: { yes: 10 } }])
    const three = tally(YESNO, units(30).map((u, i) => ({ ...u, buildingId: i < 12 ? 'b_1' : i < 24 ? 'b_2' : 'b_3' })), votes(Array(27).fill('yes')))
    expect(three.breakdown.map((b) => [b.label, b.ballots])).toEqual([['b_2', 12], ['其他楼栋（合并统计）', 15]])
  })

  it('never shows a breakdown line of fewer than 5 ballots', () => {
    fc.assert(fc.property(fc.array(fc.nat(5), { minLength: 1, maxLength: 40 }), (buildings) => {
      const roll = buildings.map((b, i) => ({ unit: `u${i}`, area: 0, buildingId: `b_${b}` }))
      const r = tally(YESNO, roll, votes(buildings.map(() => 'yes')))
      for (const line of r.breakdown) expect(line.ballots).toBeGreaterThanOrEqual(5)
      expect(r.breakdown.reduce((n, l) => n + l.ballots, 0)).toBe(buildings.length >= 5 ? buildings.length : 0)
    }))
  })
})

describe('council tally properties', () => {
  const choice = fc.constantFrom('yes', 'no', 'abstain')
  const rollArb = fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 40 })
    .map((areas) => areas.map((area, i) => ({ unit: `u${i}`, area, buildingId: `b_${i % 4}` })))

  it('counts one ballot per unit whatever the replays and double taps: the last one', () => {
    fc.assert(fc.property(rollArb, fc.array(fc.tuple(fc.nat(60), choice), { maxLength: 200 }), (roll, casts) => {
      const ballots = casts.map(([i, c]) => ({ unit: `u${i}`, choices: [c] }))
      const doubled = ballots.flatMap((b) => [b, b])
      const last = new Map(ballots.filter((b) => roll.some((u) => u.unit === b.unit)).map((b) => [b.unit, b.choices]))
      const r = tally(OWNER, roll, doubled)
      expect(r.votedUnits).toBe(last.size)
      expect(r.yesUnits).toBe([...last.values()].filter((c) => c[0] === 'yes').length)
      expect(r).toEqual(tally(OWNER, roll, [...last.entries()].map(([unit, choices]) => ({ unit, choices }))))
    }))
  })

  it('never passes without both lines, and never counts a non-voter as agreeing', () => {
    fc.assert(fc.property(rollArb, fc.array(choice, { maxLength: 40 }), fc.boolean(), (roll, cs, major) => {
      const r = tally({ ...OWNER, major }, roll, votes(cs))
      if (r.passed) {
        expect(r.votedUnits * 3).toBeGreaterThanOrEqual(r.eligibleUnits * 2)
        expect(r.votedArea * 3).toBeGreaterThanOrEqual(r.eligibleArea * 2)
        if (major) expect(r.yesArea * 4).toBeGreaterThanOrEqual(r.votedArea * 3)
        else expect(r.yesArea * 2).toBeGreaterThan(r.votedArea)
      }
      expect(r.yesUnits).toBeLessThanOrEqual(Math.min(cs.length, roll.length))
      // Adding a 反对 from a non-voter can never turn a failed vote into a pass.
      const more = tally({ ...OWNER, major }, roll, [...votes(cs), { unit: `u${cs.length}`, choices: ['no'] }])
      if (!r.passed && more.quorumMet === r.quorumMet) expect(more.passed).toBe(false)
    }))
  })
})
