// 议事 records in the mock database, and the census questions the council asks: who lives in a
// scope, which households and owners form a vote's roll, which unit a person votes for.
import type {
  CountedBallot, Id, IsoTime, MatterKind, OwnerMatterClass, ProposalEvent, ProposalScope, ProposalStage,
  RollUnit, Satisfaction, TallyResult, VoteQuestion, VoteRules
} from '../../types/contract'
import type { Db, PersonRecord } from '../db'

export interface CommentRecord { id: Id; parentId: Id | null; authorId: Id; body: string; at: IsoTime }
export interface SignupRecord { personId: Id; code: string; at: IsoTime; checkedInAt: IsoTime | null }
export interface MeetingRecord {
  id: Id; kind: 'hearing' | 'coordination' | 'evaluation'; startsAt: IsoTime; place: string; capacity: number
  signups: SignupRecord[]; minutes: string | null
}
export interface BallotRecord { choices: string[]; receipt: string; castBy: Id; proxyFor: Id | null; at: IsoTime }
/** Every cast and change, without the choice: who, for whom, when. */
export interface BallotAudit { unit: string; castBy: Id; proxyFor: Id | null; at: IsoTime; change: boolean }
export interface DelegationRecord { residentId: Id; leaderId: Id; recordedBy: Id; at: IsoTime; note: string }
export interface VoteRecord {
  rules: VoteRules
  opensAt: IsoTime
  closesAt: IsoTime
  scheduledAt: IsoTime
  /** Frozen at scheduling: the units, their area and building, and who may cast each unit's ballot. */
  roll: RollUnit[]
  members: Record<string, Id[]>
  labels: Record<string, string>
  ballots: Record<string, BallotRecord>
  audit: BallotAudit[]
  delegations: DelegationRecord[]
  opened: boolean
  reminded: boolean
  result: TallyResult | null
  closedAt: IsoTime | null
}
export interface ObjectionRecord { id: Id; personId: Id; body: string; at: IsoTime; answer: string | null; answeredAt: IsoTime | null }
export interface ExecutionRecord {
  responsible: string; dueOn: string
  milestones: { title: string; dueOn: string; done: boolean }[]
  updates: { at: IsoTime; percent: number; note: string; photos: Id[]; by: string }[]
  percent: number; escalated: boolean
}
export interface EvaluationRecord { ratings: Record<Id, Satisfaction>; rounds: number; roundEndsAt: IsoTime }

export interface ProposalRecord {
  id: Id
  title: string
  reason: string
  solution: string
  photos: Id[]
  scope: ProposalScope
  kind: MatterKind
  ownerClass: OwnerMatterClass
  authorId: Id
  stage: ProposalStage
  createdAt: IsoTime
  updatedAt: IsoTime
  supportDeadline: IsoTime
  /** One per household (room). */
  supports: { roomId: Id; personId: Id; at: IsoTime }[]
  reviewDueAt: IsoTime | null
  review: { outcome: 'agenda' | 'return' | 'merge' | 'reject'; reason: string; at: IsoTime; by: string; mergedInto: Id | null } | null
  comments: CommentRecord[]
  meetings: MeetingRecord[]
  vote: VoteRecord | null
  objections: ObjectionRecord[]
  publicityEndsAt: IsoTime | null
  execution: ExecutionRecord | null
  evaluation: EvaluationRecord | null
  history: ProposalEvent[]
}

declare module '../db' {
  interface Db {
    proposals?: ProposalRecord[]
  }
}

export const proposalsOf = (db: Db) => (db.proposals ??= [])
export const findProposal = (db: Db, id: Id) => proposalsOf(db).find((p) => p.id === id)

export const DAY = 86_400_000
export const ELDERLY_AGE = 60

export function buildingOfRoom(db: Db, roomId: Id | null): Id | null {
  if (!roomId) return null
  const room = db.rooms.find((r) => r.id === roomId)
  return room ? db.units.find((u) => u.id === room.unitId)?.buildingId ?? null : null
}

export function roomLabel(db: Db, roomId: Id): string {
  const room = db.rooms.find((r) => r.id === roomId)
  const unit = room && db.units.find((u) => u.id === room.unitId)
  const building = unit && db.buildings.find((b) => b.id === unit.buildingId)
  return room && unit && building ? `${building.name}${unit.name}${room.name}` : roomId
}

/** The building ids a scope covers. */
export function scopeBuildings(db: Db, scope: ProposalScope): Id[] {
  if (scope.kind === 'community') return db.buildings.map((b) => b.id)
  if (scope.kind === 'estate') return db.buildings.filter((b) => b.estateId === scope.id).map((b) => b.id)
  return db.buildings.filter((b) => scope.ids.includes(b.id)).map((b) => b.id)
}

export function scopeLabel(db: Db, scope: ProposalScope): string {
  if (scope.kind === 'community') return db.community.name
  if (scope.kind === 'estate') return db.estates.find((e) => e.id === scope.id)?.name ?? scope.id
  return scope.ids.map((id) => db.buildings.find((b) => b.id === id)?.name ?? id).join('、')
}

/** Occupied rooms (households) in a scope. */
export function householdsIn(db: Db, scope: ProposalScope): Id[] {
  const buildings = new Set(scopeBuildings(db, scope))
  const rooms = new Set<Id>()
  for (const p of db.persons) if (p.roomId && buildings.has(buildingOfRoom(db, p.roomId) ?? '')) rooms.add(p.roomId)
  return [...rooms].sort()
}

export const livesIn = (db: Db, person: PersonRecord | null, scope: ProposalScope) =>
  !!person?.roomId && scopeBuildings(db, scope).includes(buildingOfRoom(db, person.roomId) ?? '')

export const isElderly = (p: PersonRecord, now: number) => new Date(now).getUTCFullYear() - p.birthYear >= ELDERLY_AGE

/**
 * The roll of a vote, frozen when it is scheduled.
 * Resident matter: one unit per household in scope; every person living there may cast it (tenants too).
 * Owner matter: one unit per owner (the first owner of record of each room in scope), with the area
 * of all their rooms in scope; any owner of record of those rooms may cast it.
 */
export function buildRoll(db: Db, scope: ProposalScope, kind: MatterKind) {
  const roll: RollUnit[] = []
  const members: Record<string, Id[]> = {}
  const labels: Record<string, string> = {}
  const households = householdsIn(db, scope)
  if (kind === 'resident') {
    for (const roomId of households) {
      roll.push({ unit: roomId, area: 0, buildingId: buildingOfRoom(db, roomId) ?? '' })
      members[roomId] = db.persons.filter((p) => p.roomId === roomId).map((p) => p.id)
      labels[roomId] = roomLabel(db, roomId)
    }
    return { roll, members, labels }
  }
  const byOwner = new Map<Id, RollUnit>()
  for (const roomId of households) {
    const room = db.rooms.find((r) => r.id === roomId)
    const owner = room?.ownerIds[0]
    if (!room || !owner) continue
    const unit = `o_${owner}`
    const entry = byOwner.get(owner) ?? { unit, area: 0, buildingId: buildingOfRoom(db, roomId) ?? '' }
    entry.area += room.areaDm
    byOwner.set(owner, entry)
    members[unit] = [...new Set([...(members[unit] ?? []), ...room.ownerIds])]
    labels[unit] = labels[unit] ? `${labels[unit]}、${roomLabel(db, roomId)}` : roomLabel(db, roomId)
  }
  roll.push(...byOwner.values())
  return { roll, members, labels }
}

/** The unit a person casts for in this vote, or null. */
export function unitOf(vote: VoteRecord, personId: Id): string | null {
  for (const [unit, ids] of Object.entries(vote.members)) if (ids.includes(personId)) return unit
  return null
}

export const countedBallots = (vote: VoteRecord): CountedBallot[] =>
  Object.entries(vote.ballots).map(([unit, b]) => ({ unit, choices: b.choices }))

export const votedArea = (vote: VoteRecord) => vote.roll.filter((u) => vote.ballots[u.unit]).reduce((s, u) => s + u.area, 0)

export function questionOf(vote: VoteRecord): VoteQuestion { return vote.rules.question }
