// 议事 (the residents' council): raise → support → review → deliberate → vote → 公示 → execute → evaluate.
//
// Stage machine (enforced in mock/handlers/council-machine.ts; illegal → 422 INVALID_STATE):
//   gathering ──supports reach threshold──> reviewing      gathering ──30 days (tick)──> expired
//   gathering ──withdraw (author, no support)──> withdrawn
//   reviewing ──agenda──> deliberating | ──return──> returned ──resubmit──> reviewing
//             ──merge──> merged | ──reject──> rejected            (a written reason every time)
//   deliberating ──schedule (notice ≥ 7 / ≥ 15 days; roll, question, rules frozen)──> scheduled
//   scheduled ──opensAt (tick)──> voting ──closesAt (tick, tally)──> publicity
//   publicity ──7 days (tick)──> executing (passed) | archived (not passed)
//   executing ──completed (staff, 100 %)──> evaluating ──≥ 60 % satisfied──> archived
//   evaluating ──< 60 % satisfied (tick at the end of the round)──> executing (整改)
import * as z from 'zod/mini'
import { daySchema, idString, instantSchema, intSchema, optionalText, plainText } from './common'
import { councilListEndpoints } from './council-list'
import { endpoint } from './endpoint'
import type { CouncilScopeChoice, Proposal, ProxyCandidate, VoterRoll } from './council-model'

export * from './council-model'
export * from './council-list'
export * from './council-tally'

export const TITLE_MAX = 30
export const REASON_MAX = 1000
export const COMMENT_MAX = 500
export const REVIEW_REASON_MAX = 300
export const COUNCIL_PHOTOS_MAX = 6
export const OPTIONS_MAX = 10
export const SCOPE_IDS_MAX = 8

const id = (msg: string) => idString(msg)
const photos = z._default(z.array(id('照片编号不正确'), { error: '照片格式不正确' })
  .check(z.maxLength(COUNCIL_PHOTOS_MAX, `最多上传 ${COUNCIL_PHOTOS_MAX} 张照片`)), [])

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('buildings'), ids: z.array(id('楼栋编号不正确')).check(z.minLength(1, '请选择楼栋'), z.maxLength(SCOPE_IDS_MAX, '最多选择 8 个楼栋')) }),
  z.object({ kind: z.literal('estate'), id: id('小区编号不正确') }),
  z.object({ kind: z.literal('community') })
], { error: '请选择议题涉及的范围' })

const proposalFields = {
  title: plainText('议题标题', 4, TITLE_MAX),
  reason: plainText('提议理由', 10, REASON_MAX),
  solution: plainText('建议方案', 5, REASON_MAX),
  photos,
  scope: scopeSchema,
  kind: z.enum(['resident', 'owner'], { error: '请选择事项类型' }),
  ownerClass: z._default(z.enum(['ordinary', 'major'], { error: '请选择业主事项的类别' }), 'ordinary')
}
export const raiseProposalInput = z.object(proposalFields)
export const editProposalInput = z.object({ id: id('缺少议题编号'), ...proposalFields })

const byId = z.object({ id: id('缺少议题编号') })

export const commentInput = z.object({
  id: id('缺少议题编号'),
  body: plainText('评论', 1, COMMENT_MAX),
  parentId: z.optional(id('回复的评论不存在'))
})

export const reviewInput = z.object({
  id: id('缺少议题编号'),
  outcome: z.enum(['agenda', 'return', 'merge', 'reject'], { error: '请选择审查结果' }),
  reason: plainText('审查理由', 5, REVIEW_REASON_MAX),
  mergeInto: z.optional(id('请填写合并到的议题编号'))
})

const optionSchema = z.object({ id: id('选项编号不正确'), label: plainText('选项', 1, 30) })
export const questionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('yesno'), text: plainText('表决事项', 4, 100) }),
  z.object({
    type: z.literal('options'), text: plainText('表决事项', 4, 100),
    options: z.array(optionSchema).check(z.minLength(2, '至少需要 2 个选项'), z.maxLength(OPTIONS_MAX, `最多 ${OPTIONS_MAX} 个选项`)),
    maxChoices: intSchema(1, OPTIONS_MAX, '可选项数不正确')
  })
], { error: '请填写表决事项' })

export const scheduleInput = z.object({
  id: id('缺少议题编号'),
  question: questionSchema,
  opensAt: instantSchema('请选择表决开始时间'),
  closesAt: instantSchema('请选择表决截止时间')
})

export const ballotInput = z.object({
  id: id('缺少议题编号'),
  choices: z.array(id('选项不正确')).check(z.minLength(1, '请选择您的意见'), z.maxLength(OPTIONS_MAX, `最多 ${OPTIONS_MAX} 项`)),
  /** 代投: the elderly resident a 楼长 casts for, under a recorded 委托. */
  onBehalfOf: z.optional(id('请选择代投的居民'))
})

export const delegateInput = z.object({
  id: id('缺少议题编号'),
  /** The 楼长 the resident entrusts. */
  leaderId: id('请选择受托的楼长'),
  /** Staff recording a 委托 after a phone call name the resident; a resident leaves it out. */
  residentId: z.optional(id('请选择委托的居民')),
  note: optionalText('委托说明', 100)
})

export const meetingInput = z.object({
  id: id('缺少议题编号'),
  kind: z.enum(['hearing', 'coordination', 'evaluation'], { error: '请选择会议类型' }),
  startsAt: instantSchema('请选择会议时间'),
  place: plainText('会议地点', 2, 50),
  capacity: intSchema(1, 500, '人数上限应为 1–500')
})
export const meetingByIdInput = z.object({ meetingId: id('缺少会议编号') })
export const checkInInput = z.object({ meetingId: id('缺少会议编号'), code: z.string({ error: '请输入签到码' }).check(z.minLength(4, '签到码不正确'), z.maxLength(12, '签到码不正确')) })
export const minutesInput = z.object({ meetingId: id('缺少会议编号'), minutes: plainText('会议纪要', 10, 2000) })

export const objectionInput = z.object({ id: id('缺少议题编号'), body: plainText('异议内容', 5, COMMENT_MAX) })
export const answerObjectionInput = z.object({ id: id('缺少议题编号'), objectionId: id('缺少异议编号'), answer: plainText('答复', 5, COMMENT_MAX) })

export const executionInput = z.object({
  id: id('缺少议题编号'),
  responsible: plainText('责任单位', 2, 50),
  dueOn: daySchema('请选择完成期限'),
  milestones: z.array(z.object({ title: plainText('节点', 2, 50), dueOn: daySchema('节点日期不正确') }))
    .check(z.minLength(1, '至少填写 1 个节点'), z.maxLength(10, '最多 10 个节点'))
})
export const progressInput = z.object({
  id: id('缺少议题编号'),
  percent: intSchema(0, 100, '进度应为 0–100 的整数'),
  note: plainText('进展说明', 2, COMMENT_MAX),
  photos,
  /** Milestones (by index) this update completes. */
  milestonesDone: z._default(z.array(intSchema(0, 9, '节点不正确')).check(z.maxLength(10, '节点不正确')), [])
})
export const evaluateInput = z.object({ id: id('缺少议题编号'), rating: z.enum(['satisfied', 'basic', 'unsatisfied'], { error: '请选择满意度' }) })

export const councilEndpoints = {
  listCouncilScopes: endpoint<CouncilScopeChoice[]>()({
    method: 'GET', path: '/council/scopes', input: z.object({}), access: 'user',
    summary: 'The scopes the caller may raise a proposal for (their building, 小区, 社区), with household counts.'
  }),
  ...councilListEndpoints,
  raiseProposal: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals', input: raiseProposalInput, access: 'user',
    summary: 'Raise a proposal for a scope the caller lives in; opens a 30-day support window.'
  }),
  getProposal: endpoint<Proposal>()({
    method: 'GET', path: '/council/proposals/:id', input: byId, access: 'user',
    summary: 'One proposal with its stages, comments, meetings, vote (turnout only while open), result, execution.'
  }),
  editProposal: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/edit', input: editProposalInput, access: 'user',
    summary: 'The author edits until the first support or comment, or after a return (then it goes back to review).'
  }),
  withdrawProposal: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/withdraw', input: byId, access: 'user',
    summary: 'The author withdraws a proposal no household supports yet.'
  }),
  supportProposal: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/support', input: byId, access: 'user',
    summary: 'One support per household in scope; a second support is a no-op with the same answer.'
  }),
  unsupportProposal: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/unsupport', input: byId, access: 'user',
    summary: 'Withdraw the household\'s support while the threshold is not reached.'
  }),
  commentProposal: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/comments', input: commentInput, access: 'user',
    summary: 'A comment (≤ 500) or a reply to a top-level comment; author / 楼长 / staff are marked.'
  }),
  reviewProposal: endpoint<Proposal>()({
    method: 'POST', path: '/council/staff/proposals/:id/review', input: reviewInput, access: 'user',
    summary: 'Staff: agenda / return / merge / reject, each with a written reason shown to everyone.'
  }),
  scheduleVote: endpoint<Proposal>()({
    method: 'POST', path: '/council/staff/proposals/:id/schedule', input: scheduleInput, access: 'user',
    summary: 'Staff: schedule the vote with notice (≥ 7 / ≥ 15 days); freezes the roll, question and rules.'
  }),
  castBallot: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/ballot', input: ballotInput, access: 'user',
    summary: 'Cast or change the household\'s (or owner\'s) ballot while open; 楼长 代投 under a 委托.'
  }),
  delegateProxy: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/delegations', input: delegateInput, access: 'user',
    summary: 'Record a 委托: a resident entrusts a 楼长 of their building (or staff record it after a call).'
  }),
  listProxyCandidates: endpoint<ProxyCandidate[]>()({
    method: 'GET', path: '/council/staff/proposals/:id/proxy-candidates', input: byId, access: 'user',
    summary: 'Staff: residents aged 60+ on the frozen roll, with the 楼长 of their building and any 委托, for recording a 委托 made by phone.'
  }),
  getVoterRoll: endpoint<VoterRoll>()({
    method: 'GET', path: '/council/proposals/:id/voters', input: byId, access: 'user',
    summary: 'Staff (all) and 楼长 (their buildings): households that have / have not voted — never the choice.'
  }),
  closeVote: endpoint<Proposal>()({
    method: 'POST', path: '/council/staff/proposals/:id/close', input: byId, access: 'user',
    summary: 'Staff: close a vote whose closing time has passed (the tick does it too) and publish the result.'
  }),
  raiseObjection: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/objections', input: objectionInput, access: 'user',
    summary: 'A resident in scope objects to the result during 公示.'
  }),
  answerObjection: endpoint<Proposal>()({
    method: 'POST', path: '/council/staff/proposals/:id/objections/:objectionId/answer', input: answerObjectionInput, access: 'user',
    summary: 'Staff answer an objection (every objection must be answered).'
  }),
  planExecution: endpoint<Proposal>()({
    method: 'POST', path: '/council/staff/proposals/:id/execution', input: executionInput, access: 'user',
    summary: 'Staff: the responsible party, due date and milestones of a passed proposal.'
  }),
  postProgress: endpoint<Proposal>()({
    method: 'POST', path: '/council/staff/proposals/:id/progress', input: progressInput, access: 'user',
    summary: 'Staff: a progress update with photos and a percentage; 100 % opens 群众评议.'
  }),
  evaluateProposal: endpoint<Proposal>()({
    method: 'POST', path: '/council/proposals/:id/evaluate', input: evaluateInput, access: 'user',
    summary: 'A household in scope rates a completed proposal 满意 / 基本满意 / 不满意 (changeable).'
  }),
  scheduleMeeting: endpoint<Proposal>()({
    method: 'POST', path: '/council/staff/proposals/:id/meetings', input: meetingInput, access: 'user',
    summary: 'Staff: a 听证会 / 协调会 / 评议会 with time, place and capacity.'
  }),
  signUpMeeting: endpoint<Proposal>()({
    method: 'POST', path: '/council/meetings/:meetingId/signup', input: meetingByIdInput, access: 'user',
    summary: 'A resident in scope signs up; the answer carries their door code (once per person).'
  }),
  checkInMeeting: endpoint<{ ok: true; name: string }>()({
    method: 'POST', path: '/council/staff/meetings/:meetingId/checkin', input: checkInInput, access: 'user',
    summary: 'Staff check a sign-up code at the door.'
  }),
  attachMinutes: endpoint<Proposal>()({
    method: 'POST', path: '/council/staff/meetings/:meetingId/minutes', input: minutesInput, access: 'user',
    summary: 'Staff attach the minutes (纪要) after the meeting.'
  })
}
