// Presence and hours: the rotating check-in code, check in / out, 补录, no-shows and the pause,
// hours in 公示 then final (credited to the time bank once per sign-up), objections, the 证明.
import {
  cappedMinutes, checkInCodeFor, checkInQrText, chinaDay, codeMinute, countedMinutes, HOURS_STEP_MINUTES, inCheckWindow,
  MINUTE, NO_SHOW_AFTER_MS, NO_SHOW_PAUSE_COUNT, NO_SHOW_WINDOW_MS, PUBLICITY_MS, unitsForMinutes, volunteerEndpoints,
  type HoursObjection
} from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Db } from '../db'
import type { Handlers } from '../domain'
import { fail, failField } from '../errors'
import { redactView } from '../redact'
import { secretToken } from '../secrets'
import { credit } from './timebank-ledger'
import { slotLabel, tell } from './volunteer-places'
import {
  findSignup, findSlot, interval, mySignupOf, ownSignup, profileRecord, profileView, requireOrganiser, rosterEntryOf,
  slotSignups, slotView, vol, type ActivityRecord, type SignupRecord, type SlotRecord
} from './volunteer-store'

type H = Handlers<typeof volunteerEndpoints>

export const ISSUER = '幸福里社区居民委员会'

/** The code is valid in the minute it is shown and the one before (a slow typist is not refused). */
export function codeMatches(db: Db, slotId: string, code: string, now: number): boolean {
  const secret = vol(db).slotSecrets[slotId]
  if (!secret) return false
  const m = codeMinute(now)
  return code === checkInCodeFor(secret, m) || code === checkInCodeFor(secret, m - 1)
}

function mySlotSignup(ctx: HandlerContext, slotId: string) {
  const person = ctx.member()
  const { activity, slot } = findSlot(ctx, slotId)
  const signup = slotSignups(ctx.db, slot.id).find((s) => s.personId === person.id && s.status === 'confirmed')
  if (!signup) fail('FORBIDDEN', '您没有报名这个时段，不能签到')
  if (activity.status !== 'published') fail('INVALID_STATE', '该活动已取消')
  return { activity, slot, signup }
}

function checkCode(ctx: HandlerContext, slot: SlotRecord, code: string) {
  if (!inCheckWindow(ctx.now, interval(slot))) fail('INVALID_STATE', '不在签到时间内（活动开始前 30 分钟至结束后 30 分钟）')
  if (!codeMatches(ctx.db, slot.id, code, ctx.now)) failField('code', '签到码已过期或不正确，请看组织者手机上最新的签到码')
}

/** Minutes already counted for the person on that China day, other sign-ups only. */
function minutesThatDay(db: Db, signup: SignupRecord, day: string): number {
  let total = 0
  for (const s of vol(db).signups) {
    if (s.personId !== signup.personId || s.id === signup.id || !s.hours || !s.checkInAt) continue
    if (chinaDay(Date.parse(s.checkInAt)) === day) total += s.hours.minutes
  }
  return total
}

const source = (a: ActivityRecord, s: SignupRecord) => ({ kind: 'volunteer_hours', id: s.id, title: `志愿服务：${a.title}`, link: '/volunteer/pages/mine/index' })

/** Counts the hours of a finished sign-up: overlap with the slot, half hours, the daily cap; then 公示. */
function countHours(ctx: HandlerContext, activity: ActivityRecord, slot: SlotRecord, signup: SignupRecord) {
  const checkIn = Date.parse(signup.checkInAt as string)
  const raw = countedMinutes(checkIn, Date.parse(signup.checkOutAt as string), interval(slot))
  const minutes = cappedMinutes(raw, minutesThatDay(ctx.db, signup, chinaDay(checkIn)))
  signup.hours = { minutes, state: 'provisional', publicUntil: new Date(ctx.now + PUBLICITY_MS).toISOString(), objection: null, resolution: null, finalAt: null }
  credit(ctx.db, { personId: signup.personId, amount: unitsForMinutes(minutes), source: source(activity, signup), final: false, at: ctx.nowIso }, () => ctx.nextId('tx'))
  tell(ctx.db, [signup.personId], '服务时长待公示', `${slotLabel(activity, slot)}记录 ${minutes} 分钟，公示 3 天，如有异议请在公示期内提出。`, ctx.now)
}

function finalize(db: Db, activity: ActivityRecord, signup: SignupRecord, at: number, nextId: () => string) {
  if (!signup.hours || signup.hours.state === 'final') return
  signup.hours.state = 'final'
  signup.hours.finalAt = new Date(at).toISOString()
  credit(db, { personId: signup.personId, amount: unitsForMinutes(signup.hours.minutes), source: source(activity, signup), final: true, at: new Date(at).toISOString() }, nextId)
  tell(db, [signup.personId], '服务时长已确认', `「${activity.title}」${signup.hours.minutes} 分钟已计入您的志愿服务记录和时间银行。`, at)
}

/** Tick: provisional hours whose 公示 ended become final (objected ones wait for staff). */
export function finalizeDue(db: Db, now: number, nextId: (p: string) => string): boolean {
  let changed = false
  const v = vol(db)
  for (const s of v.signups) {
    if (s.hours?.state !== 'provisional' || Date.parse(s.hours.publicUntil) > now) continue
    const activity = v.activities.find((a) => a.id === s.activityId) as ActivityRecord
    finalize(db, activity, s, now, () => nextId('tx'))
    changed = true
  }
  return changed
}

function objectionOf(ctx: HandlerContext, s: SignupRecord): HoursObjection {
  const { activity, slot } = findSlot(ctx, s.slotId)
  const person = ctx.db.persons.find((p) => p.id === s.personId)
  return redactView({
    signupId: s.id, name: person?.name ?? '', activityTitle: activity.title, startAt: slot.startAt, endAt: slot.endAt,
    minutes: s.hours?.minutes ?? 0, objection: s.hours?.objection ?? ''
  })
}

export const attendanceHandlers = {
  getVolunteerRoster: ({ slotId }, ctx) => {
    const { activity, slot } = findSlot(ctx, slotId)
    const viewer = requireOrganiser(ctx, activity)
    const entries = slotSignups(ctx.db, slot.id).filter((s) => s.status !== 'cancelled' && s.status !== 'expired').map((s) => rosterEntryOf(ctx.db, s))
    const view = slotView(ctx.db, slot, viewer)
    return redactView({ activityId: activity.id, activityTitle: activity.title, slot: view, entries, noShowFrom: new Date(Date.parse(slot.startAt) + NO_SHOW_AFTER_MS).toISOString() })
  },

  getVolunteerCheckInCode: ({ slotId }, ctx) => {
    const { activity, slot } = findSlot(ctx, slotId)
    requireOrganiser(ctx, activity)
    const secrets = vol(ctx.db).slotSecrets
    if (!secrets[slot.id]) {
      // Crypto, never the seeded rng: the secret is what makes the code unguessable.
      secrets[slot.id] = secretToken()
      ctx.markChanged()
    }
    const secret = secrets[slot.id]
    const code = checkInCodeFor(secret, codeMinute(ctx.now))
    return {
      slotId: slot.id, code, qrText: checkInQrText(slot.id, code),
      changesAt: new Date((codeMinute(ctx.now) + 1) * MINUTE).toISOString(), windowOpen: inCheckWindow(ctx.now, interval(slot))
    }
  },

  checkInVolunteer: ({ slotId, code }, ctx) => {
    const { slot, signup } = mySlotSignup(ctx, slotId)
    if (signup.checkInAt) return mySignupOf(ctx.db, signup, ctx.now)
    checkCode(ctx, slot, code)
    signup.checkInAt = ctx.nowIso
    return mySignupOf(ctx.db, signup, ctx.now)
  },

  checkOutVolunteer: ({ slotId, code }, ctx) => {
    const { activity, slot, signup } = mySlotSignup(ctx, slotId)
    if (!signup.checkInAt) fail('INVALID_STATE', '您还没有签到，不能签退')
    if (signup.checkOutAt) fail('INVALID_STATE', '您已签退，不能重复签退')
    checkCode(ctx, slot, code)
    signup.checkOutAt = ctx.nowIso
    countHours(ctx, activity, slot, signup)
    return mySignupOf(ctx.db, signup, ctx.now)
  },

  recordVolunteerCheckOut: ({ id, checkOutAt }, ctx) => {
    const { signup, activity, slot } = findSignup(ctx, id)
    requireOrganiser(ctx, activity)
    if (signup.status !== 'confirmed' || !signup.checkInAt) fail('INVALID_STATE', '此人没有签到，不能补录签退')
    if (signup.checkOutAt) fail('INVALID_STATE', '此人已签退，不能重复补录')
    const at = Date.parse(checkOutAt)
    if (at > Date.parse(slot.endAt)) failField('checkOutAt', '补录的签退时间不能晚于时段结束时间')
    if (at < Date.parse(signup.checkInAt)) failField('checkOutAt', '签退时间不能早于签到时间')
    if (at > ctx.now) failField('checkOutAt', '签退时间不能晚于现在')
    signup.checkOutAt = new Date(at).toISOString()
    signup.checkOutRecorded = true
    countHours(ctx, activity, slot, signup)
    return rosterEntryOf(ctx.db, signup)
  },

  markVolunteerNoShow: ({ id, reason }, ctx) => {
    const { signup, activity, slot } = findSignup(ctx, id)
    requireOrganiser(ctx, activity)
    if (signup.status !== 'confirmed') fail('INVALID_STATE', '只有已报名的人可以标记缺席')
    if (signup.checkInAt) fail('INVALID_STATE', '此人已签到，不能标记缺席')
    if (ctx.now < Date.parse(slot.startAt) + NO_SHOW_AFTER_MS) fail('INVALID_STATE', '活动开始 15 分钟后才能标记缺席')
    signup.status = 'no_show'
    signup.noShowReason = reason
    signup.noShowAt = ctx.nowIso
    const recent = vol(ctx.db).signups.filter((s) => s.personId === signup.personId && s.status === 'no_show' && s.noShowAt && ctx.now - Date.parse(s.noShowAt) <= NO_SHOW_WINDOW_MS)
    const profile = profileRecord(ctx.db, signup.personId)
    if (recent.length >= NO_SHOW_PAUSE_COUNT && !profile.pausedAt) {
      profile.pausedAt = ctx.nowIso
      tell(ctx.db, [signup.personId], '自主报名已暂停', '您 90 天内缺席 2 次志愿活动，自主报名已暂停，请联系社区工作人员恢复。', ctx.now)
    } else {
      tell(ctx.db, [signup.personId], '志愿活动记为缺席', `${slotLabel(activity, slot)}：${reason}`, ctx.now)
    }
    return rosterEntryOf(ctx.db, signup)
  },

  getMyVolunteerOverview: (_input, ctx) => {
    const person = ctx.member()
    const year = new Date(ctx.now + 8 * 3600_000).getUTCFullYear()
    const mine = vol(ctx.db).signups.filter((s) => s.personId === person.id && s.status !== 'expired').map((s) => mySignupOf(ctx.db, s, ctx.now))
    const live = (s: { status: string }) => ['confirmed', 'offered', 'waitlisted'].includes(s.status)
    const upcoming = mine.filter((s) => live(s) && !s.checkOutAt && Date.parse(s.endAt) + 30 * MINUTE > ctx.now).sort((a, b) => a.startAt.localeCompare(b.startAt))
    const history = mine.filter((s) => !upcoming.includes(s)).sort((a, b) => b.startAt.localeCompare(a.startAt))
    const thisYear = history.filter((s) => s.hours && chinaDay(Date.parse(s.startAt)).startsWith(String(year)))
    return {
      profile: profileView(ctx.db, person, ctx.now), upcoming, history, year,
      yearFinalMinutes: thisYear.filter((s) => s.hours?.state === 'final').reduce((n, s) => n + (s.hours?.minutes ?? 0), 0),
      yearProvisionalMinutes: thisYear.filter((s) => s.hours?.state !== 'final').reduce((n, s) => n + (s.hours?.minutes ?? 0), 0)
    }
  },

  setVolunteerTarget: ({ targetHours }, ctx) => {
    const person = ctx.member()
    const profile = profileRecord(ctx.db, person.id)
    if (!profile.student) fail('FORBIDDEN', '只有登记为学生的志愿者可以设置年度目标')
    profile.targetMinutes = targetHours * 60
    return profileView(ctx.db, person, ctx.now)
  },

  getVolunteerCertificate: (_input, ctx) => {
    const person = ctx.member()
    const finals = vol(ctx.db).signups.filter((s) => s.personId === person.id && s.hours?.state === 'final')
    const records = finals.map((s) => {
      const { activity, slot } = findSlot(ctx, s.slotId)
      return { activityTitle: activity.title, startAt: slot.startAt, endAt: slot.endAt, minutes: s.hours?.minutes ?? 0 }
    }).sort((a, b) => a.startAt.localeCompare(b.startAt))
    const day = chinaDay(ctx.now)
    // The number is made of the date and ids, not typed text: set after the redaction, which would
    // take its run of digits for a phone number.
    const number = `LLZY-${day.replace(/-/g, '')}-${person.id.replace(/\D/g, '')}-${String(records.length).padStart(3, '0')}`
    return {
      ...redactView({ name: person.name, records, totalMinutes: records.reduce((n, r) => n + r.minutes, 0), issuer: ISSUER, issuedOn: day }),
      number
    }
  },

  objectVolunteerHours: ({ id, reason }, ctx) => {
    const { signup } = ownSignup(ctx, id)
    if (!signup.hours) fail('INVALID_STATE', '这次活动还没有服务时长记录')
    if (signup.hours.state === 'objected') return mySignupOf(ctx.db, signup, ctx.now)
    if (signup.hours.state !== 'provisional') fail('INVALID_STATE', '公示期已结束，时长已确认，不能再提出异议')
    signup.hours.state = 'objected'
    signup.hours.objection = reason
    return mySignupOf(ctx.db, signup, ctx.now)
  },

  listVolunteerObjections: (_input, ctx) => {
    ctx.requireRole('staff', '仅社区工作人员可以处理时长异议')
    return vol(ctx.db).signups.filter((s) => s.hours?.state === 'objected').map((s) => objectionOf(ctx, s))
  },

  resolveVolunteerHours: ({ id, minutes, note }, ctx) => {
    ctx.requireRole('staff', '仅社区工作人员可以处理时长异议')
    const { signup, activity } = findSignup(ctx, id)
    if (signup.hours?.state !== 'objected') fail('INVALID_STATE', '这条时长没有待处理的异议')
    if (minutes % HOURS_STEP_MINUTES !== 0) failField('minutes', '时长按半小时计，应为 30 分钟的整数倍')
    const day = chinaDay(Date.parse(signup.checkInAt as string))
    if (minutes > cappedMinutes(minutes, minutesThatDay(ctx.db, signup, day))) failField('minutes', '每人每天最多计 8 小时')
    signup.hours.minutes = minutes
    signup.hours.resolution = note
    finalize(ctx.db, activity, signup, ctx.now, () => ctx.nextId('tx'))
    return { ...objectionOf(ctx, signup), state: 'final' as const }
  },

  listPausedVolunteers: (_input, ctx) => {
    ctx.requireRole('staff', '仅社区工作人员可以查看')
    const v = vol(ctx.db)
    return Object.values(v.profiles).filter((p) => p.pausedAt).map((p) => ({
      personId: p.personId, name: ctx.db.persons.find((x) => x.id === p.personId)?.name ?? '', pausedAt: p.pausedAt as string,
      noShows: v.signups.filter((s) => s.personId === p.personId && s.status === 'no_show').length
    }))
  },

  liftVolunteerPause: ({ personId }, ctx) => {
    ctx.requireRole('staff', '仅社区工作人员可以恢复报名')
    const person = ctx.db.persons.find((p) => p.id === personId) ?? fail('NOT_FOUND', '没有这个人')
    const profile = profileRecord(ctx.db, person.id)
    if (profile.pausedAt) {
      profile.pausedAt = null
      tell(ctx.db, [person.id], '自主报名已恢复', '社区工作人员已恢复您的志愿活动自主报名。', ctx.now)
    }
    return profileView(ctx.db, person, ctx.now)
  }
} satisfies Partial<H>
