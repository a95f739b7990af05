// 邻里互助: an elderly resident (or their 楼长 on their behalf) asks for help at home; a volunteer
// claims it, does it and records the time; the requester confirms (or it is confirmed after 72 h).
import * as z from 'zod/mini'
import type { Id, IsoTime } from './common'
import { idString, intSchema, plainText } from './common'
import { endpoint } from './endpoint'

export const HELP_KINDS = ['medicine', 'haircut', 'lightbulb', 'hospital', 'groceries', 'other'] as const
export type HelpKind = (typeof HELP_KINDS)[number]
export const HELP_KIND_LABELS: Record<HelpKind, string> = {
  medicine: '拿药', haircut: '理发', lightbulb: '换灯泡', hospital: '陪同就医', groceries: '代买菜', other: '其他'
}
export const HELP_DETAIL_MAX = 200
export const HELP_WHEN_MAX = 40

/** open 待认领 · claimed 已认领 · done 待确认 · confirmed 已确认 · disputed 有异议 · settled 已处理 · cancelled 已撤销. */
export type HelpStatus = 'open' | 'claimed' | 'done' | 'confirmed' | 'disputed' | 'settled' | 'cancelled'
export const HELP_STATUS_LABELS: Record<HelpStatus, string> = {
  open: '待认领', claimed: '已认领', done: '待确认', confirmed: '已确认', disputed: '有异议', settled: '已处理', cancelled: '已撤销'
}

export interface HelpTask {
  id: Id
  kind: HelpKind
  detail: string
  whenText: string
  status: HelpStatus
  /** `王*`: the requester, masked for everyone but the requester, the claimer and staff. */
  requesterName: string
  /** `桂花苑 3栋`: everyone sees the building. */
  buildingLabel: string
  /** The full address: only for the volunteer who claimed it (and the requester). */
  address: string | null
  /** Filed by a 楼长 on the requester's behalf. */
  filedByLeader: string | null
  claimerName: string | null
  minutes: number | null
  createdAt: IsoTime
  claimedAt: IsoTime | null
  doneAt: IsoTime | null
  confirmedAt: IsoTime | null
  /** Confirmed automatically after 72 hours: flagged for staff to look at. */
  autoConfirmed: boolean
  dispute: string | null
  settlement: string | null
  /** Metres from the caller's building (for the nearest-first list); null when unknown. */
  distanceM: number | null
  /** What the caller may do now. */
  can: { claim: boolean; release: boolean; complete: boolean; confirm: boolean; dispute: boolean; settle: boolean; cancel: boolean }
}

export interface HelpOnBehalfOption { personId: Id; name: string; houseLabel: string }

const idInput = z.object({ id: idString('缺少互助编号') })

export const askHelpInput = z.object({
  kind: z.enum(HELP_KINDS, { error: '请选择需要的帮助' }),
  detail: plainText('需要帮什么', 2, HELP_DETAIL_MAX),
  whenText: plainText('希望的时间', 2, HELP_WHEN_MAX),
  forPersonId: z._default(z.nullable(idString('请选择居民')), null)
})
export type AskHelpDraft = z.input<typeof askHelpInput>

export const helpEndpoints = {
  listHelpTasks: endpoint<HelpTask[]>()({
    method: 'GET', path: '/volunteer/help',
    input: z.object({ view: z._default(z.enum(['open', 'claimed', 'asked', 'staff'], '列表类型不正确'), 'open') }), access: 'user',
    summary: 'open: tasks to claim, nearest building first (volunteers); claimed: the caller\'s; asked: asked by or for the caller; staff: flagged and disputed.'
  }),
  listHelpOnBehalf: endpoint<HelpOnBehalfOption[]>()({
    method: 'GET', path: '/volunteer/help-on-behalf', input: z.object({}), access: 'user',
    summary: '楼长: residents of their buildings they may ask for help on behalf of.'
  }),
  getHelpTask: endpoint<HelpTask>()({
    method: 'GET', path: '/volunteer/help/:id', input: idInput, access: 'user', summary: 'One help task; the address only for its claimer and requester.'
  }),
  askForHelp: endpoint<HelpTask>()({
    method: 'POST', path: '/volunteer/help', input: askHelpInput, access: 'user',
    summary: 'A resident asks for help at home, or a 楼长 for a resident of their buildings (recorded as such).'
  }),
  claimHelpTask: endpoint<HelpTask>()({
    method: 'POST', path: '/volunteer/help/:id/claim', input: idInput, access: 'user',
    summary: 'A volunteer claims an open task (not the requester or the 楼长 who filed it); a second claim is 409.'
  }),
  releaseHelpTask: endpoint<HelpTask>()({
    method: 'POST', path: '/volunteer/help/:id/release', input: idInput, access: 'user', summary: 'The claimer gives the task back.'
  }),
  cancelHelpTask: endpoint<HelpTask>()({
    method: 'POST', path: '/volunteer/help/:id/cancel', input: idInput, access: 'user',
    summary: 'The requester or the 楼长 who filed it withdraws a task nobody has finished (the claimer is messaged).'
  }),
  completeHelpTask: endpoint<HelpTask>()({
    method: 'POST', path: '/volunteer/help/:id/done',
    input: z.object({ id: idString('缺少互助编号'), minutes: intSchema(10, 480, '用时应为 10–480 分钟') }), access: 'user',
    summary: 'The claimer marks it done with the time it took.'
  }),
  confirmHelpTask: endpoint<HelpTask>()({
    method: 'POST', path: '/volunteer/help/:id/confirm', input: idInput, access: 'user',
    summary: 'The requester or their 楼长 confirms (never the helper); the hours go to the time bank once.'
  }),
  disputeHelpTask: endpoint<HelpTask>()({
    method: 'POST', path: '/volunteer/help/:id/dispute', input: z.object({ id: idString('缺少互助编号'), reason: plainText('异议说明', 2, 100) }), access: 'user',
    summary: 'The requester or their 楼长 disputes within 7 days of done; staff settle.'
  }),
  settleHelpTask: endpoint<HelpTask>()({
    method: 'POST', path: '/volunteer/help/:id/settle',
    input: z.object({ id: idString('缺少互助编号'), minutes: intSchema(0, 480, '时长应为 0–480 分钟'), note: plainText('处理说明', 2, 100) }), access: 'user',
    summary: 'Staff settle a dispute with the minutes to count.'
  })
}
