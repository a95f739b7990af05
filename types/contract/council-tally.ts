// The council tally: ONE pure function shared by the mock (at close) and the page (还差 N 户 / N ㎡).
// All arithmetic is on integers (households, owners, 0.1 m² area units): no float ever decides a vote.
//
// 居民协商 (resident): a unit is a household (户). Quorum: more than half of the households voted.
//   Passes with more than half of the ballots cast 赞成 (tie fails; 弃权 counts for turnout only).
// 业主共同决定 (owner, 《民法典》第二百七十八条): a unit is an owner (one per owner, all their rooms'
//   area). Participation: ≥ 2/3 of the area AND ≥ 2/3 of the owners. Passes with > 1/2 of the
//   participating area AND owners (ordinary) or ≥ 3/4 of each (major). Non-voters never agree.
// Option questions (choose one, or up to k): resident matters only; the quorum as above, then the
//   option with the most ballots wins if no other option has as many.

export type YesNoChoice = 'yes' | 'no' | 'abstain'
export const YES_NO_LABELS: Record<YesNoChoice, string> = { yes: '赞成', no: '反对', abstain: '弃权' }

export type VoteQuestion =
  | { type: 'yesno'; text: string }
  | { type: 'options'; text: string; options: { id: string; label: string }[]; maxChoices: number }

export interface VoteRules {
  kind: 'resident' | 'owner'
  /** Owner matters only: the ¾ rule for the special matters. */
  major: boolean
  question: VoteQuestion
}

/** One voting unit of the frozen roll. `area` in 0.1 m² (0 for households of a resident matter). */
export interface RollUnit { unit: string; area: number; buildingId: string }
/** The counted (last) ballot of a unit. */
export interface CountedBallot { unit: string; choices: readonly string[] }

export interface OptionCount { id: string; label: string; units: number; area: number }
export interface BuildingBreakdown { label: string; ballots: number; counts: Record<string, number> }

export interface TallyResult {
  kind: 'resident' | 'owner'
  major: boolean
  eligibleUnits: number
  eligibleArea: number
  votedUnits: number
  votedArea: number
  quorumUnitsNeeded: number
  quorumAreaNeeded: number
  quorumMet: boolean
  /** 还差 N 户/人 and N (0.1 m²) to the quorum line; 0 once met. */
  quorumUnitsMissing: number
  quorumAreaMissing: number
  /** Yes/no questions: 赞成 figures and the line each must pass. */
  yesUnits: number
  yesArea: number
  noUnits: number
  abstainUnits: number
  approvalUnitsNeeded: number
  approvalAreaNeeded: number
  options: OptionCount[]
  winner: string | null
  passed: boolean
  /** One line for the page: 通过 / 未通过 and why. */
  verdict: string
  breakdown: BuildingBreakdown[]
}

/** Smallest integer n with n / total ≥ num / den. */
export const atLeast = (total: number, num: number, den: number) => Math.ceil((total * num) / den - 1e-9)
/** Smallest integer n with n / total > num / den (a strict majority when 1/2). */
export const moreThan = (total: number, num: number, den: number) => Math.floor((total * num) / den) + 1

export const AREA_UNIT = 10
export const formatArea = (tenths: number) => `${(tenths / AREA_UNIT).toFixed(1)}㎡`

/** Which choices a ballot may carry (the contract schema checks the same before the mock). */
export function ballotProblem(question: VoteQuestion, choices: readonly string[]): string | null {
  if (choices.length === 0) return '请选择您的意见'
  if (new Set(choices).size !== choices.length) return '同一选项只能选一次'
  if (question.type === 'yesno') {
    if (choices.length !== 1 || !['yes', 'no', 'abstain'].includes(choices[0])) return '请选择赞成、反对或弃权'
    return null
  }
  if (choices.length > question.maxChoices) return `最多只能选 ${question.maxChoices} 项`
  const ids = new Set(question.options.map((o) => o.id))
  if (choices.some((c) => !ids.has(c))) return '请从给出的选项中选择'
  return null
}

export function tally(rules: VoteRules, roll: readonly RollUnit[], ballots: readonly CountedBallot[], breakdownMin = 5): TallyResult {
  const owner = rules.kind === 'owner'
  const byUnit = new Map<string, RollUnit>()
  for (const u of roll) byUnit.set(u.unit, u)
  const counted = new Map<string, readonly string[]>()
  // Only units on the frozen roll count, and each once (the last ballot given wins).
  for (const b of ballots) if (byUnit.has(b.unit) && ballotProblem(rules.question, b.choices) === null) counted.set(b.unit, b.choices)

  let eligibleArea = 0
  for (const u of roll) eligibleArea += u.area
  const eligibleUnits = byUnit.size
  let votedArea = 0, yesUnits = 0, yesArea = 0, noUnits = 0, abstainUnits = 0
  const optionIds = rules.question.type === 'options' ? rules.question.options : [
    { id: 'yes', label: '赞成' }, { id: 'no', label: '反对' }, { id: 'abstain', label: '弃权' }]
  const counts = new Map(optionIds.map((o) => [o.id, { units: 0, area: 0 }]))
  const perBuilding = new Map<string, { ballots: number; counts: Record<string, number> }>()
  for (const [unit, choices] of counted) {
    const u = byUnit.get(unit) as RollUnit
    votedArea += u.area
    for (const c of choices) {
      const n = counts.get(c)
      if (n) { n.units++; n.area += u.area }
    }
    if (choices[0] === 'yes') { yesUnits++; yesArea += u.area }
    if (choices[0] === 'no') noUnits++
    if (choices[0] === 'abstain') abstainUnits++
    const b = perBuilding.get(u.buildingId) ?? { ballots: 0, counts: {} }
    b.ballots++
    for (const c of choices) b.counts[c] = (b.counts[c] ?? 0) + 1
    perBuilding.set(u.buildingId, b)
  }
  const votedUnits = counted.size

  const quorumUnitsNeeded = owner ? atLeast(eligibleUnits, 2, 3) : moreThan(eligibleUnits, 1, 2)
  const quorumAreaNeeded = owner ? atLeast(eligibleArea, 2, 3) : 0
  const quorumMet = eligibleUnits > 0 && votedUnits >= quorumUnitsNeeded && (!owner || votedArea >= quorumAreaNeeded)
  const [num, den, strict] = owner && rules.major ? [3, 4, false] : [1, 2, true]
  const line = (total: number) => (strict ? moreThan(total, num, den) : atLeast(total, num, den))
  const approvalUnitsNeeded = line(votedUnits)
  const approvalAreaNeeded = owner ? line(votedArea) : 0

  const options = optionIds.map((o) => ({ id: o.id, label: o.label, ...(counts.get(o.id) as { units: number; area: number }) }))
  let passed = false
  let winner: string | null = null
  let verdict: string
  if (!quorumMet) {
    verdict = owner ? '未通过：参与表决的业主人数或专有部分面积未达三分之二' : '未通过：投票户数未过半数'
  } else if (rules.question.type === 'yesno') {
    passed = yesUnits >= approvalUnitsNeeded && (!owner || yesArea >= approvalAreaNeeded)
    const share = owner && rules.major ? '四分之三' : '过半数'
    verdict = passed ? `通过：赞成${owner ? '的业主人数和面积均' : '户数'}达到${share}` : `未通过：赞成${owner ? '的业主人数或面积' : '户数'}未达到${share}`
  } else {
    const top = Math.max(...options.map((o) => o.units))
    const leaders = options.filter((o) => o.units === top)
    if (top > 0 && leaders.length === 1) {
      winner = leaders[0].id
      passed = true
      verdict = `通过：「${leaders[0].label}」得票最多`
    } else {
      verdict = '未通过：没有得票最多的唯一选项'
    }
  }

  // Buildings with fewer than `breakdownMin` ballots are merged, so a small building's choice is not exposed.
  const breakdown: BuildingBreakdown[] = []
  const merged = { label: '其他楼栋（合并统计）', ballots: 0, counts: {} as Record<string, number> }
  for (const [buildingId, b] of [...perBuilding.entries()].sort(([a], [c]) => a.localeCompare(c))) {
    if (b.ballots >= breakdownMin) breakdown.push({ label: buildingId, ballots: b.ballots, counts: b.counts })
    else {
      merged.ballots += b.ballots
      for (const [k, v] of Object.entries(b.counts)) merged.counts[k] = (merged.counts[k] ?? 0) + v
    }
  }
  // A merged line of one small building (or of too few ballots) would expose it: fold the smallest
  // shown buildings in until it holds at least `breakdownMin` ballots.
  breakdown.sort((a, b) => a.ballots - b.ballots)
  while (merged.ballots > 0 && merged.ballots < breakdownMin && breakdown.length > 0) {
    const next = breakdown.shift() as BuildingBreakdown
    merged.ballots += next.ballots
    for (const [k, v] of Object.entries(next.counts)) merged.counts[k] = (merged.counts[k] ?? 0) + v
  }
  breakdown.sort((a, b) => a.label.localeCompare(b.label))
  if (merged.ballots >= breakdownMin) breakdown.push(merged)

  return {
    kind: rules.kind, major: owner && rules.major,
    eligibleUnits, eligibleArea, votedUnits, votedArea,
    quorumUnitsNeeded, quorumAreaNeeded, quorumMet,
    quorumUnitsMissing: Math.max(0, quorumUnitsNeeded - votedUnits),
    quorumAreaMissing: owner ? Math.max(0, quorumAreaNeeded - votedArea) : 0,
    yesUnits, yesArea, noUnits, abstainUnits, approvalUnitsNeeded, approvalAreaNeeded,
    options, winner, passed, verdict, breakdown
  }
}

/** Whether a question fits the matter: a 278 owner matter is decided 赞成/反对/弃权, never as a poll. */
export function questionProblem(kind: 'resident' | 'owner', question: VoteQuestion): string | null {
  if (kind === 'owner' && question.type !== 'yesno') return '业主共同决定事项只能以赞成、反对、弃权表决'
  if (question.type === 'options') {
    if (new Set(question.options.map((o) => o.id)).size !== question.options.length) return '选项编号不能重复'
    if (question.maxChoices > question.options.length) return '可选项数不能超过选项数'
  }
  return null
}
