// 志愿服务: activities with time slots and places, sign-up with a waitlist, check-in that proves
// presence (a code that changes every minute), hours in 公示 then final, and the 志愿服务证明.
// 邻里互助 help tasks are in volunteer-help.ts; shared rules in volunteer-rules.ts.
import * as z from 'zod/mini'
import type { Id, IsoTime, Page } from './common'
import { idString, instantSchema, intSchema, optionalText, pageQueryShape, plainText } from './common'
import { endpoint } from './endpoint'
import type { FileRef } from './files'
import { helpEndpoints } from './volunteer-help'

export * from './volunteer-rules'
export * from './volunteer-help'

export const ACTIVITY_TITLE_MAX = 40
export const ACTIVITY_DESCRIPTION_MAX = 1000
export const ACTIVITY_PLACE_MAX = 60
export const ACTIVITY_SLOTS_MAX = 10
export const ACTIVITY_PHOTOS_MAX = 3
export const SLOT_CAPACITY_MAX = 500
export const VOLUNTEER_REASON_MAX = 100

export const VOLUNTEER_AUDIENCES = ['everyone', 'adults', 'students'] as const
export type VolunteerAudience = (typeof VOLUNTEER_AUDIENCES)[number]
export const VOLUNTEER_AUDIENCE_LABELS: Record<VolunteerAudience, string> = {
  everyone: '所有人', adults: '仅限成年人', students: '仅限学生'
}

/** confirmed 已报名 · waitlisted 候补 · offered 候补转正待确认 · cancelled · removed 被移除 · no_show 缺席 · expired 逾期未确认. */
export type SignupStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'removed' | 'no_show' | 'expired'
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名', waitlisted: '候补', offered: '候补转正待确认', cancelled: '已取消', removed: '已被移除', no_show: '缺席', expired: '逾期未确认'
}
/** Hours of one sign-up: provisional 待公示 (objection possible), objected 异议处理中, final 已确认. */
export type HoursState = 'provisional' | 'objected' | 'final'
export const HOURS_STATE_LABELS: Record<HoursState, string> = { provisional: '待公示', objected: '异议处理中', final: '已确认' }

export interface VolunteerSlot {
  id: Id
  startAt: IsoTime
  endAt: IsoTime
  capacity: number
  /** Places taken (已报名 + offered). */
  taken: number
  waitlisted: number
  /** The caller's live sign-up for this slot, if any. */
  mySignupId: Id | null
  myStatus: SignupStatus | null
  /** Place in the waitlist (1 = next), when waitlisted. */
  myWaitlistPosition: number | null
}

export interface VolunteerActivitySummary {
  id: Id
  title: string
  place: string
  status: 'published' | 'cancelled'
  audience: VolunteerAudience
  minAge: number
  signupOpensAt: IsoTime
  firstStartAt: IsoTime
  lastEndAt: IsoTime
  organiserName: string
  /** `社区工作人员` or `5栋楼长`. */
  organiserLabel: string
  slotCount: number
  openPlaces: number
}

export interface VolunteerActivity extends VolunteerActivitySummary {
  description: string
  photos: FileRef[]
  buildingId: Id | null
  slots: VolunteerSlot[]
  cancelReason: string | null
  /** The caller organises it (or is staff): roster, code, edit, cancel. */
  canManage: boolean
}

export interface PublishScope {
  canPublish: boolean
  postingAs: 'staff' | 'building_leader' | null
  /** 楼长: the buildings they may publish for; staff: every building (or none = the whole 社区). */
  buildings: { id: Id; label: string }[]
}

export interface VolunteerHours {
  minutes: number
  state: HoursState
  /** End of 公示 while provisional. */
  publicUntil: IsoTime | null
  objection: string | null
  resolution: string | null
}

export interface MyVolunteerSignup {
  id: Id
  activityId: Id
  activityTitle: string
  place: string
  slotId: Id
  startAt: IsoTime
  endAt: IsoTime
  status: SignupStatus
  waitlistPosition: number | null
  offeredUntil: IsoTime | null
  checkInAt: IsoTime | null
  checkOutAt: IsoTime | null
  /** Check-in / out is open now (30 minutes before the start until 30 minutes after the end). */
  checkOpen: boolean
  /** Self-cancel is still allowed (until 3 hours before the start). */
  canCancel: boolean
  hours: VolunteerHours | null
}

export interface VolunteerProfile {
  personId: Id
  name: string
  student: boolean
  minor: boolean
  guardianConsent: boolean
  paused: boolean
  pausedReason: string | null
  /** A student's yearly target in minutes; null = none set. */
  targetMinutes: number | null
}

export interface MyVolunteerOverview {
  profile: VolunteerProfile
  upcoming: MyVolunteerSignup[]
  history: MyVolunteerSignup[]
  year: number
  /** This calendar year: final and provisional minutes (objected count as provisional). */
  yearFinalMinutes: number
  yearProvisionalMinutes: number
}

export interface RosterEntry {
  signupId: Id
  personId: Id
  name: string
  status: SignupStatus
  waitlistPosition: number | null
  checkInAt: IsoTime | null
  checkOutAt: IsoTime | null
  checkOutRecorded: boolean
  noShowReason: string | null
  removedReason: string | null
  hours: VolunteerHours | null
}

export interface SlotRoster {
  activityId: Id
  activityTitle: string
  slot: VolunteerSlot
  entries: RosterEntry[]
  /** When a no-show may be marked (15 minutes after the start). */
  noShowFrom: IsoTime
}

export interface CheckInCode {
  slotId: Id
  code: string
  /** What the QR code carries. */
  qrText: string
  /** The code changes at this instant. */
  changesAt: IsoTime
  windowOpen: boolean
}

export interface CertificateRecord { activityTitle: string; startAt: IsoTime; endAt: IsoTime; minutes: number }
export interface VolunteerCertificate {
  /** `LLZY-2026-p_003-0004`-like: stable for the same records. */
  number: string
  name: string
  records: CertificateRecord[]
  totalMinutes: number
  issuer: string
  issuedOn: string
}

export interface HoursObjection {
  signupId: Id
  name: string
  activityTitle: string
  startAt: IsoTime
  endAt: IsoTime
  minutes: number
  objection: string
}

export interface PausedVolunteer { personId: Id; name: string; pausedAt: IsoTime; noShows: number }

/** A resident under 18 as staff see them for the guardian's consent (those without one first). */
export interface MinorVolunteer {
  personId: Id
  name: string
  age: number
  /** `幸福里 5栋` — the building only, enough to tell two children of one name apart. */
  building: string
  guardianName: string | null
  consentAt: IsoTime | null
}

export const GUARDIAN_NAME_MIN = 2
export const GUARDIAN_NAME_MAX = 20

/** The WeChat subscription template of the day-before reminder (one-time: one accepted answer = one message). */
export const VOLUNTEER_REMINDER_TEMPLATE = 'tmpl_volunteer_reminder'
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number]
export interface VolunteerReminderSubscription { slotId: Id; result: SubscribeResult; at: IsoTime }

const slotInput = z.object({
  id: z.optional(idString('时段编号不正确')),
  startAt: instantSchema('请选择开始时间'),
  endAt: instantSchema('请选择结束时间'),
  capacity: intSchema(1, SLOT_CAPACITY_MAX, `每个时段名额应为 1–${SLOT_CAPACITY_MAX} 人`)
}, { error: '时段格式不正确' })

export const activityDraftShape = {
  title: plainText('活动名称', 2, ACTIVITY_TITLE_MAX),
  description: plainText('活动说明', 1, ACTIVITY_DESCRIPTION_MAX),
  place: plainText('活动地点', 1, ACTIVITY_PLACE_MAX),
  photoIds: z._default(z.array(idString('照片编号不正确'), { error: '照片格式不正确' }).check(z.maxLength(ACTIVITY_PHOTOS_MAX, `最多上传 ${ACTIVITY_PHOTOS_MAX} 张照片`)), []),
  slots: z.array(slotInput, { error: '请添加时段' }).check(z.minLength(1, '请至少添加一个时段'), z.maxLength(ACTIVITY_SLOTS_MAX, `最多 ${ACTIVITY_SLOTS_MAX} 个时段`)),
  audience: z._default(z.enum(VOLUNTEER_AUDIENCES, { error: '请选择参加对象' }), 'everyone'),
  minAge: z._default(intSchema(0, 80, '最低年龄应为 0–80 岁'), 0),
  signupOpensAt: z._default(z.nullable(instantSchema('报名开始时间格式不正确')), null),
  buildingId: z._default(z.nullable(idString('楼栋不正确')), null)
}
export const activityDraftInput = z.object(activityDraftShape)
export type ActivityDraft = z.input<typeof activityDraftInput>

/** Checks of a draft both sides make beyond the schema; `now` refuses slots in the past. */
export function slotProblems(slots: readonly { startAt: string; endAt: string }[], now: number): string | null {
  for (const [i, s] of slots.entries()) {
    const start = Date.parse(s.startAt)
    const end = Date.parse(s.endAt)
    const n = slots.length > 1 ? `第 ${i + 1} 个时段` : '时段'
    if (!(end > start)) return `${n}的结束时间应晚于开始时间`
    if (end - start > 12 * 3600_000) return `${n}不能超过 12 小时`
    if (start <= now) return `${n}的开始时间已过，请重新选择`
  }
  return null
}

const id = (message: string) => z.object({ id: idString(message) })
const slotId = z.object({ slotId: idString('缺少时段编号') })
const reason = (label: string) => plainText(label, 2, VOLUNTEER_REASON_MAX)
const codeInput = z.object({
  slotId: idString('缺少时段编号'),
  code: z.string({ error: '请输入 6 位签到码' }).check(z.overwrite((s) => s.trim()), z.regex(/^\d{6}$/, '请输入 6 位数字签到码'))
})

export const volunteerEndpoints = {
  getVolunteerPublishScope: endpoint<PublishScope>()({
    method: 'GET', path: '/volunteer/scope', input: z.object({}), access: 'user',
    summary: 'Whether the caller may publish activities (staff anywhere, 楼长 for their buildings) and for which buildings.'
  }),
  listVolunteerActivities: endpoint<Page<VolunteerActivitySummary>>()({
    method: 'GET', path: '/volunteer/activities',
    input: z.object({ ...pageQueryShape, view: z._default(z.enum(['upcoming', 'organising', 'past'], '列表类型不正确'), 'upcoming') }), access: 'user',
    summary: 'Upcoming activities (soonest first), the caller\'s own (organising), or past ones.'
  }),
  getVolunteerActivity: endpoint<VolunteerActivity>()({
    method: 'GET', path: '/volunteer/activities/:id', input: id('缺少活动编号'), access: 'user',
    summary: 'An activity with its slots, places left and the caller\'s sign-up per slot.'
  }),
  publishVolunteerActivity: endpoint<VolunteerActivity>()({
    method: 'POST', path: '/volunteer/activities', input: activityDraftInput, access: 'user',
    summary: 'Publish (staff anything; 楼长 for their buildings; others 403). Idempotent by key.'
  }),
  updateVolunteerActivity: endpoint<VolunteerActivity>()({
    method: 'PUT', path: '/volunteer/activities/:id', input: z.object({ ...activityDraftShape, id: idString('缺少活动编号') }), access: 'user',
    summary: 'Edit; capacity below those signed up is refused with how many to remove first; a time or place change messages everyone signed up.'
  }),
  cancelVolunteerActivity: endpoint<VolunteerActivity>()({
    method: 'POST', path: '/volunteer/activities/:id/cancel', input: z.object({ id: idString('缺少活动编号'), reason: reason('取消原因') }), access: 'user',
    summary: 'Cancel the activity; everyone signed up or waitlisted is messaged.'
  }),
  signUpVolunteerSlot: endpoint<MyVolunteerSignup>()({
    method: 'POST', path: '/volunteer/slots/:slotId/signups', input: slotId, access: 'user',
    summary: '已报名 while places are left, else 候补 (first come first served); refuses overlap, past, minors without consent, paused people.'
  }),
  cancelVolunteerSignup: endpoint<MyVolunteerSignup>()({
    method: 'POST', path: '/volunteer/signups/:id/cancel', input: id('缺少报名编号'), access: 'user',
    summary: 'Cancel one\'s own sign-up until 3 hours before the start (waitlist any time); the place goes to the next in line.'
  }),
  acceptVolunteerOffer: endpoint<MyVolunteerSignup>()({
    method: 'POST', path: '/volunteer/signups/:id/accept', input: id('缺少报名编号'), access: 'user',
    summary: 'Take a place offered from the waitlist (within 30 minutes of the offer).'
  }),
  removeVolunteerSignup: endpoint<RosterEntry>()({
    method: 'POST', path: '/volunteer/signups/:id/remove', input: z.object({ id: idString('缺少报名编号'), reason: reason('移除原因') }), access: 'user',
    summary: 'Organiser: remove someone (with a reason); the place goes to the next in line.'
  }),
  getVolunteerRoster: endpoint<SlotRoster>()({
    method: 'GET', path: '/volunteer/slots/:slotId/roster', input: slotId, access: 'user',
    summary: 'Organiser or staff: everyone signed up or waitlisted for a slot, with check-in times and hours.'
  }),
  getVolunteerCheckInCode: endpoint<CheckInCode>()({
    method: 'GET', path: '/volunteer/slots/:slotId/code', input: slotId, access: 'user',
    summary: 'Organiser: the code of this minute (6 digits and the QR text); the previous minute\'s code is accepted too.'
  }),
  checkInVolunteer: endpoint<MyVolunteerSignup>()({
    method: 'POST', path: '/volunteer/slots/:slotId/check-in', input: codeInput, access: 'user',
    summary: 'Check in with the live code, 30 minutes before the start until 30 minutes after the end.'
  }),
  checkOutVolunteer: endpoint<MyVolunteerSignup>()({
    method: 'POST', path: '/volunteer/slots/:slotId/check-out', input: codeInput, access: 'user',
    summary: 'Check out with the live code; hours are counted and stay 待公示 for 3 days.'
  }),
  recordVolunteerCheckOut: endpoint<RosterEntry>()({
    method: 'POST', path: '/volunteer/signups/:id/record-check-out',
    input: z.object({ id: idString('缺少报名编号'), checkOutAt: instantSchema('请选择签退时间') }), access: 'user',
    summary: 'Organiser: 补录 a forgotten check-out, never beyond the slot\'s end.'
  }),
  markVolunteerNoShow: endpoint<RosterEntry>()({
    method: 'POST', path: '/volunteer/signups/:id/no-show', input: z.object({ id: idString('缺少报名编号'), reason: reason('缺席说明') }), access: 'user',
    summary: 'Organiser: mark a no-show from 15 minutes after the start; two within 90 days pause self sign-up.'
  }),
  getMyVolunteerOverview: endpoint<MyVolunteerOverview>()({
    method: 'GET', path: '/volunteer/me', input: z.object({}), access: 'user',
    summary: 'The caller\'s sign-ups (upcoming, history with hours), this year\'s totals and profile.'
  }),
  setVolunteerTarget: endpoint<VolunteerProfile>()({
    method: 'POST', path: '/volunteer/me/target', input: z.object({ targetHours: intSchema(1, 500, '目标时长应为 1–500 小时') }), access: 'user',
    summary: 'A student sets this year\'s target of hours.'
  }),
  getVolunteerCertificate: endpoint<VolunteerCertificate>()({
    method: 'GET', path: '/volunteer/me/certificate', input: z.object({}), access: 'user',
    summary: '志愿服务证明 built only from final records: number, name, records, total, issuer, date.'
  }),
  objectVolunteerHours: endpoint<MyVolunteerSignup>()({
    method: 'POST', path: '/volunteer/signups/:id/object', input: z.object({ id: idString('缺少报名编号'), reason: reason('异议说明') }), access: 'user',
    summary: 'The volunteer objects to provisional hours during 公示; staff resolve.'
  }),
  listVolunteerObjections: endpoint<HoursObjection[]>()({
    method: 'GET', path: '/volunteer/staff/objections', input: z.object({}), access: 'user',
    summary: 'Staff: hours under objection.'
  }),
  resolveVolunteerHours: endpoint<HoursObjection & { state: HoursState }>()({
    method: 'POST', path: '/volunteer/signups/:id/resolve',
    input: z.object({ id: idString('缺少报名编号'), minutes: intSchema(0, 480, '时长应为 0–480 分钟'), note: plainText('处理说明', 2, VOLUNTEER_REASON_MAX) }), access: 'user',
    summary: 'Staff settle an objection with the counted minutes (half hours); the hours become final.'
  }),
  listPausedVolunteers: endpoint<PausedVolunteer[]>()({
    method: 'GET', path: '/volunteer/staff/paused', input: z.object({}), access: 'user',
    summary: 'Staff: people whose self sign-up is paused for no-shows.'
  }),
  liftVolunteerPause: endpoint<VolunteerProfile>()({
    method: 'POST', path: '/volunteer/people/:personId/lift-pause', input: z.object({ personId: idString('缺少人员编号'), note: optionalText('说明', VOLUNTEER_REASON_MAX) }), access: 'user',
    summary: 'Staff lift a no-show pause.'
  }),
  recordGuardianConsent: endpoint<VolunteerProfile>()({
    method: 'POST', path: '/volunteer/people/:personId/guardian-consent', input: z.object({ personId: idString('缺少人员编号'), guardianName: plainText('监护人姓名', GUARDIAN_NAME_MIN, GUARDIAN_NAME_MAX) }), access: 'user',
    summary: 'Staff record a guardian\'s consent for a minor volunteer (adults 409); the minor may then sign up.'
  }),
  listMinorVolunteers: endpoint<MinorVolunteer[]>()({
    method: 'GET', path: '/volunteer/staff/minors', input: z.object({}), access: 'user',
    summary: 'Staff: residents under 18 with their guardian consent, those without one first (others 403).'
  }),
  recordVolunteerSubscription: endpoint<VolunteerReminderSubscription>()({
    method: 'POST', path: '/volunteer/slots/:slotId/subscription',
    input: z.object({ slotId: idString('缺少时段编号'), result: z.enum(SUBSCRIBE_RESULTS, { error: '订阅结果不正确' }) }), access: 'user',
    summary: 'Record the wx.requestSubscribeMessage answer for the day-before reminder of a slot the caller signed up for (404 otherwise).'
  }),
  ...helpEndpoints
}
