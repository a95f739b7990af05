// Benchmark (a script, not a timed test): the council tally over 20,000 households × 3 options,
// reported as a ratio to a plain loop that only counts the same ballots.
// Run: npx tsx scripts/bench-tally.ts
import { tally, type CountedBallot, type RollUnit, type VoteRules } from '../types/contract/council-tally'

const HOUSEHOLDS = 20_000
const ROUNDS = 20
const OPTIONS = ['yes', 'no', 'abstain']

let seed = 7
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
const roll: RollUnit[] = Array.from({ length: HOUSEHOLDS }, (_, i) => ({ unit: `r_${i}`, area: 600 + Math.floor(rnd() * 900), buildingId: `b_${i % 40}` }))
const ballots: CountedBallot[] = roll.filter(() => rnd() < 0.8).map((u) => ({ unit: u.unit, choices: [OPTIONS[Math.floor(rnd() * 3)]] }))

function plainLoop(): number[] {
  const counts = [0, 0, 0]
  for (const b of ballots) counts[OPTIONS.indexOf(b.choices[0])]++
  return counts
}

function time(run: () => unknown): number {
  run() // warm up
  const start = process.hrtime.bigint()
  for (let i = 0; i < ROUNDS; i++) run()
  return Number(process.hrtime.bigint() - start) / 1e6 / ROUNDS
}

for (const rules of [
  { kind: 'resident', major: false, question: { type: 'yesno', text: '居民协商' } },
  { kind: 'owner', major: true, question: { type: 'yesno', text: '业主共同决定（¾）' } }
] as VoteRules[]) {
  const loop = time(plainLoop)
  const full = time(() => tally(rules, roll, ballots))
  const r = tally(rules, roll, ballots)
  console.log(`${rules.question.text}: ${HOUSEHOLDS} households, ${ballots.length} ballots — tally ${full.toFixed(2)} ms, plain loop ${loop.toFixed(2)} ms, ratio ${(full / loop).toFixed(1)}× (${r.verdict})`)
}
