// 志愿活动: publish / edit / cancel, the lists, and sign-up, cancel, offers and removal.
import {
  ADULT_AGE, chinaTimeText, overlaps, SELF_CANCEL_BEFORE_MS, slotProblems, volunteerEndpoints,
  type ActivityDraft, type Id
} from '../../types/contract'
import type { HandlerContext } from '../context'
import type { PersonRecord } from '../db'
import type { Handlers } from '../domain'
import { fail, failField } from '../errors'
import { paginate } from '../paging'
import { secretToken } from '../secrets'
import { ownPhotos } from './files'
import { ageOf } from './identity'
import { fillPlaces, slotLabel, tell } from './volunteer-places'
import {
  activityLink, activityOf, findActivity, findSignup, findSlot, interval, isStaff, LIVE, mySignupOf, ownSignup,
  profileRecord, requireOrganiser, rosterEntryOf, slotSignups, summaryOf, TAKING, vol, type ActivityRecord, type SlotRecord
} from './volunteer-store'

type H = Handlers<typeof volunteerEndpoints>

function buildingLabel(ctx: HandlerContext, id: Id): string {
  const b = ctx.db.buildings.find((x) => x.id === id)
  const e = b && ctx.db.estates.find((x) => x.id === b.estateId)
  return b ? `${e?.name ?? ''} ${b.name}` : ''
}

/** Who may publish for which building: staff anything, 楼长 their buildings, others 403. */
function authorizePublish(ctx: HandlerContext, buildingId: Id | null): 'staff' | 'building_leader' {
  const person = ctx.member()
  if (isStaff(ctx)) {
    if (buildingId && !ctx.db.buildings.some((b) => b.id === buildingId)) failField('buildingId', '楼栋不存在')
    return 'staff'
  }
  if (!ctx.roles.includes('building_leader')) fail('FORBIDDEN', '仅社区工作人员或楼长可以发布志愿活动')
  if (!buildingId) failField('buildingId', '请选择活动所属的楼栋')
  if (!person.leaderOf.includes(buildingId)) fail('FORBIDDEN', '只能为您负责的楼栋发布志愿活动')
  return 'building_leader'
}

function checkDraft(ctx: HandlerContext, draft: Required<ActivityDraft>, keptSlotIds: readonly Id[] = []) {
  const fresh = draft.slots.filter((s) => !s.id || !keptSlotIds.includes(s.id))
  const problem = slotProblems(fresh, ctx.now)
  if (problem) failField('slots', problem)
  const others = draft.slots.filter((s) => s.id && keptSlotIds.includes(s.id))
  const bad = others.find((s) => !(Date.parse(s.endAt) > Date.parse(s.startAt)))
  if (bad) failField('slots', '时段的结束时间应晚于开始时间')
}

function newSlot(ctx: HandlerContext, s: { startAt: string; endAt: string; capacity: number }): SlotRecord {
  const id = ctx.nextId('vs')
  // Crypto, never the seeded rng: the secret is what makes the check-in code unguessable.
  vol(ctx.db).slotSecrets[id] = secretToken()
  return { id, startAt: new Date(s.startAt).toISOString(), endAt: new Date(s.endAt).toISOString(), capacity: s.capacity, remindedAt: null }
}

const peopleOf = (ctx: HandlerContext, a: ActivityRecord, statuses = LIVE) =>
  vol(ctx.db).signups.filter((s) => s.activityId === a.id && statuses.includes(s.status)).map((s) => s.personId)

function refuseSignup(ctx: HandlerContext, person: PersonRecord, activity: ActivityRecord, slot: SlotRecord) {
  if (activity.status !== 'published') fail('INVALID_STATE', '该活动已取消')
  if (Date.parse(slot.startAt) <= ctx.now) fail('INVALID_STATE', '该时段已开始或已结束，不能报名')
  if (Date.parse(activity.signupOpensAt) > ctx.now) fail('INVALID_STATE', `报名 ${chinaTimeText(activity.signupOpensAt)} 开始`)
  const profile = profileRecord(ctx.db, person.id)
  if (profile.pausedAt) fail('FORBIDDEN', '您 90 天内缺席 2 次，已暂停自主报名，请联系社区工作人员恢复')
  const age = ageOf(person, ctx.now)
  if (age < activity.minAge) fail('FORBIDDEN', `该活动要求年满 ${activity.minAge} 岁`)
  if (activity.audience === 'adults' && age < ADULT_AGE) fail('FORBIDDEN', '该活动仅限成年人参加')
  if (activity.audience === 'students' && !profile.student) fail('FORBIDDEN', '该活动仅限学生参加')
  if (age < ADULT_AGE && !profile.guardianConsent) fail('FORBIDDEN', '未成年人报名需先由监护人同意，请联系社区工作人员登记')
  const mine = vol(ctx.db).signups.filter((s) => s.personId === person.id && s.status === 'confirmed' && s.slotId !== slot.id)
  for (const s of mine) {
    const other = findSlot(ctx, s.slotId)
    if (overlaps(interval(other.slot), interval(slot))) fail('CONFLICT', `与您已报名的${slotLabel(other.activity, other.slot)}时间重叠`)
  }
}

export const activityHandlers = {
  getVolunteerPublishScope: (_input, ctx) => {
    const person = ctx.member()
    if (isStaff(ctx)) return { canPublish: true, postingAs: 'staff' as const, buildings: ctx.db.buildings.map((b) => ({ id: b.id, label: buildingLabel(ctx, b.id) })) }
    if (ctx.roles.includes('building_leader')) return { canPublish: true, postingAs: 'building_leader' as const, buildings: person.leaderOf.map((id) => ({ id, label: buildingLabel(ctx, id) })) }
    return { canPublish: false, postingAs: null, buildings: [] }
  },

  listVolunteerActivities: ({ view, cursor, limit }, ctx) => {
    const person = ctx.member()
    const all = vol(ctx.db).activities
    const last = (a: ActivityRecord) => Math.max(...a.slots.map((s) => Date.parse(s.endAt)))
    const first = (a: ActivityRecord) => Math.min(...a.slots.map((s) => Date.parse(s.startAt)))
    const chosen = view === 'organising'
      ? all.filter((a) => a.organiserId === person.id || (isStaff(ctx) && a.postingAs === 'staff')).sort((a, b) => first(b) - first(a))
      : view === 'past'
        ? all.filter((a) => a.status === 'published' && last(a) <= ctx.now).sort((a, b) => first(b) - first(a))
        : all.filter((a) => a.status === 'published' && last(a) > ctx.now).sort((a, b) => first(a) - first(b))
    const page = paginate(chosen, { cursor, limit })
    return { ...page, items: page.items.map((a) => summaryOf(ctx.db, a, person)) }
  },

  getVolunteerActivity: ({ id }, ctx) => activityOf(ctx, findActivity(ctx, id), ctx.member()),

  publishVolunteerActivity: (draft, ctx) => {
    const person = ctx.member()
    const postingAs = authorizePublish(ctx, draft.buildingId)
    checkDraft(ctx, draft)
    const photoIds = ownPhotos(ctx, draft.photoIds, 'photoIds')
    const activity: ActivityRecord = {
      id: ctx.nextId('va'), title: draft.title, description: draft.description, place: draft.place, photoIds,
      audience: draft.audience, minAge: draft.minAge, signupOpensAt: draft.signupOpensAt ? new Date(draft.signupOpensAt).toISOString() : ctx.nowIso,
      organiserId: person.id, postingAs, buildingId: draft.buildingId, status: 'published', cancelReason: null, createdAt: ctx.nowIso,
      slots: [...draft.slots].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt)).map((s) => newSlot(ctx, s))
    }
    vol(ctx.db).activities.push(activity)
    return activityOf(ctx, activity, person)
  },

  updateVolunteerActivity: (draft, ctx) => {
    const activity = findActivity(ctx, draft.id)
    const person = requireOrganiser(ctx, activity)
    if (activity.status !== 'published') fail('INVALID_STATE', '该活动已取消，不能再修改')
    if (!isStaff(ctx)) authorizePublish(ctx, draft.buildingId)
    const kept = activity.slots.map((s) => s.id)
    const unknown = draft.slots.find((s) => s.id && !kept.includes(s.id))
    if (unknown) failField('slots', '有时段不属于这个活动，请刷新后重试')
    checkDraft(ctx, draft, kept)
    const next: SlotRecord[] = []
    const changedSlots: SlotRecord[] = []
    for (const s of draft.slots) {
      const old = s.id ? activity.slots.find((x) => x.id === s.id) : undefined
      if (!old) { next.push(newSlot(ctx, s)); continue }
      const taken = slotSignups(ctx.db, old.id).filter((x) => TAKING.includes(x.status)).length
      if (s.capacity < taken) failField('slots', `${slotLabel(activity, old)}已有 ${taken} 人报名，需先移除 ${taken - s.capacity} 人才能把名额降到 ${s.capacity}`)
      const startAt = new Date(s.startAt).toISOString()
      const endAt = new Date(s.endAt).toISOString()
      const moved = startAt !== old.startAt || endAt !== old.endAt
      next.push({ ...old, startAt, endAt, capacity: s.capacity, remindedAt: moved ? null : old.remindedAt })
      if (moved) changedSlots.push(old)
    }
    const dropped = activity.slots.filter((s) => !next.some((x) => x.id === s.id))
    const busy = dropped.find((s) => slotSignups(ctx.db, s.id).some((x) => LIVE.includes(x.status)))
    if (busy) failField('slots', `${slotLabel(activity, busy)}已有人报名，不能删除，请先取消或移除报名`)
    const placeMoved = draft.place !== activity.place
    Object.assign(activity, {
      title: draft.title, description: draft.description, place: draft.place, audience: draft.audience, minAge: draft.minAge,
      buildingId: isStaff(ctx) ? draft.buildingId : activity.buildingId,
      photoIds: [...ownPhotos(ctx, draft.photoIds.filter((p) => !activity.photoIds.includes(p)), 'photoIds'), ...draft.photoIds.filter((p) => activity.photoIds.includes(p))],
      signupOpensAt: draft.signupOpensAt ? new Date(draft.signupOpensAt).toISOString() : activity.signupOpensAt,
      slots: next.sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
    })
    if (placeMoved || changedSlots.length) {
      const affected = placeMoved ? peopleOf(ctx, activity) : vol(ctx.db).signups.filter((s) => changedSlots.some((c) => c.id === s.slotId) && LIVE.includes(s.status)).map((s) => s.personId)
      const what = [placeMoved ? `地点改为：${activity.place}` : '', changedSlots.length ? '时间有调整，请查看最新时段' : ''].filter(Boolean).join('；')
      tell(ctx.db, affected, '志愿活动有变更', `「${activity.title}」${what}。`, ctx.now, activityLink(activity.id))
    }
    for (const slot of activity.slots) fillPlaces(ctx.db, activity, slot, ctx.now)
    return activityOf(ctx, activity, person)
  },

  cancelVolunteerActivity: ({ id, reason }, ctx) => {
    const activity = findActivity(ctx, id)
    const person = requireOrganiser(ctx, activity)
    if (activity.status === 'cancelled') return activityOf(ctx, activity, person)
    const people = peopleOf(ctx, activity)
    activity.status = 'cancelled'
    activity.cancelReason = reason
    for (const s of vol(ctx.db).signups) if (s.activityId === activity.id && LIVE.includes(s.status)) s.status = 'cancelled'
    tell(ctx.db, people, '志愿活动已取消', `「${activity.title}」已取消：${reason}`, ctx.now, activityLink(activity.id))
    return activityOf(ctx, activity, person)
  },

  signUpVolunteerSlot: ({ slotId }, ctx) => {
    const person = ctx.member()
    const { activity, slot } = findSlot(ctx, slotId)
    const v = vol(ctx.db)
    // A double tap with a new key still makes one sign-up: answer the live one.
    const existing = v.signups.find((s) => s.slotId === slot.id && s.personId === person.id && LIVE.includes(s.status))
    if (existing) return mySignupOf(ctx.db, existing, ctx.now)
    refuseSignup(ctx, person, activity, slot)
    const taken = slotSignups(ctx.db, slot.id).filter((s) => TAKING.includes(s.status)).length
    const waiting = slotSignups(ctx.db, slot.id).some((s) => s.status === 'waitlisted')
    const status = taken < slot.capacity && !waiting ? 'confirmed' as const : 'waitlisted' as const
    v.signupSeq += 1
    const signup = {
      id: ctx.nextId('vr'), activityId: activity.id, slotId: slot.id, personId: person.id, status, seq: v.signupSeq, createdAt: ctx.nowIso,
      offeredUntil: null, checkInAt: null, checkOutAt: null, checkOutRecorded: false, noShowReason: null, noShowAt: null, removedReason: null, hours: null
    }
    v.signups.push(signup)
    const view = mySignupOf(ctx.db, signup, ctx.now)
    if (status === 'confirmed') tell(ctx.db, [person.id], '报名成功', `您已报名${slotLabel(activity, slot)}，地点：${activity.place}。`, ctx.now)
    else tell(ctx.db, [person.id], '已加入候补', `${slotLabel(activity, slot)}名额已满，您是第 ${view.waitlistPosition} 位候补，有人取消时将自动为您报名。`, ctx.now)
    return view
  },

  cancelVolunteerSignup: ({ id }, ctx) => {
    const { signup, activity, slot } = ownSignup(ctx, id)
    if (!LIVE.includes(signup.status)) fail('INVALID_STATE', '该报名已取消或已结束')
    if (signup.checkInAt) fail('INVALID_STATE', '您已签到，不能取消报名')
    if (signup.status !== 'waitlisted' && ctx.now >= Date.parse(slot.startAt) - SELF_CANCEL_BEFORE_MS) {
      fail('INVALID_STATE', '活动开始前 3 小时内不能自行取消，请联系活动组织者')
    }
    const freed = signup.status !== 'waitlisted'
    signup.status = 'cancelled'
    if (freed) fillPlaces(ctx.db, activity, slot, ctx.now)
    return mySignupOf(ctx.db, signup, ctx.now)
  },

  acceptVolunteerOffer: ({ id }, ctx) => {
    const { signup, activity, slot } = ownSignup(ctx, id)
    if (signup.status === 'confirmed') return mySignupOf(ctx.db, signup, ctx.now)
    if (signup.status !== 'offered') fail('INVALID_STATE', signup.status === 'expired' ? '名额确认已超时，已让给下一位候补' : '这个报名没有待确认的名额')
    signup.status = 'confirmed'
    signup.offeredUntil = null
    tell(ctx.db, [signup.personId], '报名成功', `您已确认参加${slotLabel(activity, slot)}。`, ctx.now)
    return mySignupOf(ctx.db, signup, ctx.now)
  },

  removeVolunteerSignup: ({ id, reason }, ctx) => {
    const { signup, activity, slot } = findSignup(ctx, id)
    requireOrganiser(ctx, activity)
    if (!LIVE.includes(signup.status)) fail('INVALID_STATE', '该报名已取消或已结束')
    if (signup.checkInAt) fail('INVALID_STATE', '此人已签到，不能移除')
    const freed = signup.status !== 'waitlisted'
    signup.status = 'removed'
    signup.removedReason = reason
    tell(ctx.db, [signup.personId], '您已被移出志愿活动', `${slotLabel(activity, slot)}：${reason}`, ctx.now)
    if (freed) fillPlaces(ctx.db, activity, slot, ctx.now)
    return rosterEntryOf(ctx.db, signup)
  }
} satisfies Partial<H>

