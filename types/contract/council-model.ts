// 议事 data model: what the council endpoints return, the stage table and the settings object.
import type { Id, IsoTime } from './common'
import type { FileRef } from './files'
import type { TallyResult, VoteQuestion } from './council-tally'

/** 居民协商 (one ballot per household) or 业主共同决定 (《民法典》第二百七十八条, owners only). */
export type MatterKind = 'resident' | 'owner'
export const MATTER_LABELS: Record<MatterKind, string> = { resident: '居民协商事项', owner: '业主共同决定事项' }

/** For owner matters: ordinary (过半数) or special (¾: 维修资金, 改建重建, 改变共有部分用途/经营). */
export type OwnerMatterClass = 'ordinary' | 'major'

/** Who a proposal concerns: some buildings, one 小区 (estate), or the whole 社区. */
export type ProposalScope =
  | { kind: 'buildings'; ids: Id[] }
  | { kind: 'estate'; id: Id }
  | { kind: 'community' }

export const PROPOSAL_STAGES = [
  'gathering', 'expired', 'withdrawn', 'reviewing', 'returned', 'merged', 'rejected',
  'deliberating', 'scheduled', 'voting', 'publicity', 'executing', 'evaluating', 'archived'
] as const
export type ProposalStage = typeof PROPOSAL_STAGES[number]

export const STAGE_LABELS: Record<ProposalStage, string> = {
  gathering: '征集支持', expired: '未达支持数', withdrawn: '已撤回', reviewing: '社区审查', returned: '退回修改',
  merged: '已合并', rejected: '未予立项', deliberating: '协商讨论', scheduled: '待表决', voting: '表决中',
  publicity: '结果公示', executing: '执行督办', evaluating: '群众评议', archived: '已归档'
}

/** The council's rules, in one object the page shows and the mock enforces. */
export const COUNCIL_SETTINGS = {
  /** Support threshold: at least this share of the households in scope… */
  supportShare: 0.1,
  /** …and at least this many households. */
  supportMin: 3,
  supportDays: 30,
  reviewDays: 7,
  /** Notice before a vote opens. */
  noticeDaysResident: 7,
  noticeDaysOwner: 15,
  /** Longest a vote may stay open. */
  voteMaxDays: 60,
  publicityDays: 7,
  /** Evaluation: below this share of 满意+基本满意 the proposal returns to execution for 整改. */
  satisfiedShare: 0.6,
  /** 代投: residents a 楼长 may cast for in one vote. */
  proxyMax: 3,
  /** Per-building breakdowns with fewer ballots are merged into 其他楼栋. */
  breakdownMin: 5,
  /** Households that have not voted are reminded this long before close. */
  remindHours: 48
} as const

export type CouncilSettings = typeof COUNCIL_SETTINGS

/** Households that must support: ⌈share × households⌉, at least `supportMin`. */
export function supportThreshold(households: number, settings: CouncilSettings = COUNCIL_SETTINGS): number {
  return Math.max(settings.supportMin, Math.ceil(households * settings.supportShare - 1e-9))
}

export interface CouncilPersonRef { personId: Id | null; name: string; /** 作者 / 楼长 / 社区工作人员 */ mark: string | null }

export interface ProposalEvent { at: IsoTime; stage: ProposalStage; action: string; actorName: string; note: string | null }

export interface ProposalComment {
  id: Id
  parentId: Id | null
  author: CouncilPersonRef
  body: string
  at: IsoTime
  replies: ProposalComment[]
}

export type MeetingKind = 'hearing' | 'coordination' | 'evaluation'
export const MEETING_LABELS: Record<MeetingKind, string> = { hearing: '听证会', coordination: '协调会', evaluation: '评议会' }

export interface Meeting {
  id: Id
  kind: MeetingKind
  kindLabel: string
  startsAt: IsoTime
  place: string
  capacity: number
  signedUp: number
  /** The caller's sign-up code (shown at the door); null when not signed up. */
  myCode: string | null
  checkedIn: number
  minutes: string | null
}

export interface VoteView {
  question: VoteQuestion
  opensAt: IsoTime
  closesAt: IsoTime
  /** open = opensAt ≤ now < closesAt. */
  phase: 'upcoming' | 'open' | 'closed'
  /** Who may vote (frozen at scheduling): households, or owners with their area. */
  eligibleUnits: number
  eligibleArea: number
  /** Turnout so far, against the quorum line (never the choices while open). */
  votedUnits: number
  votedArea: number
  quorumUnitsNeeded: number
  quorumAreaNeeded: number
  /** Can the caller vote, and why not (e.g. 该事项由业主表决). */
  canVote: boolean
  cannotVoteReason: string | null
  /** The caller's household/owner ballot: only that it exists, its receipt, and the caller's own choice. */
  myBallot: { receipt: string; choices: string[] | null; castAt: IsoTime; byProxy: boolean } | null
  /** After close: the result with every figure. */
  result: TallyResult | null
  /** After close: every counted receipt code, so a voter can check theirs. */
  receipts: string[] | null
  /** 委托: the 楼长 of the caller's building the caller may entrust (empty when none). */
  proxyLeaders: { personId: Id; name: string }[]
  /** Whom the caller has entrusted in this vote. */
  myDelegate: string | null
  /** For a 楼长: residents who entrusted them, and whether they 代投 already. */
  entrustedToMe: { personId: Id; name: string; label: string; proxied: boolean }[]
}

export interface Milestone { title: string; dueOn: string; done: boolean }
export interface ProgressUpdate { at: IsoTime; percent: number; note: string; photos: FileRef[]; by: string }
export interface Execution {
  responsible: string
  dueOn: string
  milestones: Milestone[]
  updates: ProgressUpdate[]
  percent: number
  overdue: boolean
  /** 督办: set when past due (staff side). */
  escalated: boolean
}

export type Satisfaction = 'satisfied' | 'basic' | 'unsatisfied'
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }
export interface EvaluationView { satisfied: number; basic: number; unsatisfied: number; households: number; mine: Satisfaction | null; rounds: number }

export interface Objection { id: Id; body: string; at: IsoTime; answer: string | null; answeredAt: IsoTime | null; mine: boolean }

export interface ProposalSummary {
  id: Id
  title: string
  kind: MatterKind
  kindLabel: string
  stage: ProposalStage
  stageLabel: string
  scopeLabel: string
  supports: number
  supportNeeded: number
  /** 还差 N 户支持 (0 once reached). */
  supportMissing: number
  supportDeadline: IsoTime
  createdAt: IsoTime
  updatedAt: IsoTime
}

export interface Proposal extends ProposalSummary {
  reason: string
  solution: string
  photos: FileRef[]
  scope: ProposalScope
  ownerClass: OwnerMatterClass
  author: CouncilPersonRef
  mine: boolean
  /** The caller's household supports it. */
  supportedByMe: boolean
  canEdit: boolean
  canWithdraw: boolean
  canSupport: boolean
  /** Why the caller may not support (out of scope, staff …); null when they may. */
  supportProblem: string | null
  reviewDueAt: IsoTime | null
  review: { outcome: 'agenda' | 'return' | 'merge' | 'reject'; reason: string; at: IsoTime; by: string; mergedInto: Id | null } | null
  comments: ProposalComment[]
  commentCount: number
  meetings: Meeting[]
  vote: VoteView | null
  objections: Objection[]
  publicityEndsAt: IsoTime | null
  execution: Execution | null
  evaluation: EvaluationView | null
  history: ProposalEvent[]
}

/** Staff / 楼长: households that have voted or not (never what they chose). */
/** An elderly resident on a vote's roll, for staff recording a 委托 made by phone. */
export interface ProxyCandidate {
  personId: Id
  name: string
  age: number
  /** `3栋2单元502` */
  houseLabel: string
  /** The 楼长 of their building: whom they may entrust. */
  leaders: { personId: Id; name: string }[]
  /** The 楼长 already entrusted, if any. */
  delegatedTo: string | null
  /** Voted in person (a 委托 is then moot until they change their mind). */
  voted: boolean
}

/** Residents this old or older are offered for 代投 by phone. */
export const PROXY_MIN_AGE = 60

export interface VoterRoll {
  proposalId: Id
  voted: { label: string; buildingId: Id }[]
  notVoted: { label: string; buildingId: Id }[]
}

export interface CouncilScopeChoice { label: string; scope: ProposalScope; households: number }
