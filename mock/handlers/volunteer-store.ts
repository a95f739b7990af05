// 志愿服务 records in the mock database, lookups, permission checks and outward views.
import {
  fileUrl, inCheckWindow, SELF_CANCEL_BEFORE_MS,
  type HoursState, type Id, type SubscribeResult, type IsoTime, type MyVolunteerSignup, type RosterEntry, type SignupStatus,
  type VolunteerActivity, type VolunteerActivitySummary, type VolunteerAudience, type VolunteerProfile, type VolunteerSlot
} from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Db, PersonRecord } from '../db'
import { fail } from '../errors'
import { redactView } from '../redact'
import { ageOf } from './identity'
import type { HelpTaskRecord } from './volunteer-help-store'

export interface SlotRecord { id: Id; startAt: IsoTime; endAt: IsoTime; capacity: number; remindedAt: IsoTime | null }

export interface ActivityRecord {
  id: Id
  title: string
  description: string
  place: string
  photoIds: Id[]
  audience: VolunteerAudience
  minAge: number
  signupOpensAt: IsoTime
  organiserId: Id
  postingAs: 'staff' | 'building_leader'
  buildingId: Id | null
  slots: SlotRecord[]
  status: 'published' | 'cancelled'
  cancelReason: string | null
  createdAt: IsoTime
}

export interface HoursRecord {
  minutes: number
  state: HoursState
  publicUntil: IsoTime
  objection: string | null
  resolution: string | null
  finalAt: IsoTime | null
}

export interface SignupRecord {
  id: Id
  activityId: Id
  slotId: Id
  personId: Id
  status: SignupStatus
  /** Order in line: sign-up time then a sequence number, first come first served. */
  seq: number
  createdAt: IsoTime
  offeredUntil: IsoTime | null
  checkInAt: IsoTime | null
  checkOutAt: IsoTime | null
  checkOutRecorded: boolean
  noShowReason: string | null
  noShowAt: IsoTime | null
  removedReason: string | null
  hours: HoursRecord | null
}

export interface VolunteerProfileRecord {
  personId: Id
  student: boolean
  guardianConsent: { name: string; at: IsoTime } | null
  pausedAt: IsoTime | null
  targetMinutes: number | null
}

/** A wx.requestSubscribeMessage answer for a slot's day-before reminder; one-time, used up when sent. */
export interface ReminderSubscriptionRecord { personId: Id; slotId: Id; result: SubscribeResult; at: IsoTime; sentAt: IsoTime | null }
/** One reminder delivered: in-app to everyone signed up, and through the subscription to those who accepted. */
export interface ReminderDeliveryRecord { personId: Id; slotId: Id; channel: 'app' | 'subscription'; at: IsoTime }

export interface VolunteerState {
  activities: ActivityRecord[]
  signups: SignupRecord[]
  /** Per-slot secrets behind the rotating check-in code; never leave the mock. */
  slotSecrets: Record<Id, string>
  profiles: Record<Id, VolunteerProfileRecord>
  help: HelpTaskRecord[]
  signupSeq: number
  /** Optional: databases saved before the reminder subscription have none (created on first use). */
  subscriptions?: ReminderSubscriptionRecord[]
  reminders?: ReminderDeliveryRecord[]
}

declare module '../db' {
  interface Db { volunteer?: VolunteerState }
}

export function vol(db: Db): VolunteerState {
  db.volunteer ??= { activities: [], signups: [], slotSecrets: {}, profiles: {}, help: [], signupSeq: 0 }
  return db.volunteer
}

export const TAKING: readonly SignupStatus[] = ['confirmed', 'offered']
export const LIVE: readonly SignupStatus[] = ['confirmed', 'offered', 'waitlisted']

export function profileRecord(db: Db, personId: Id): VolunteerProfileRecord {
  const v = vol(db)
  v.profiles[personId] ??= { personId, student: false, guardianConsent: null, pausedAt: null, targetMinutes: null }
  return v.profiles[personId]
}

export function profileView(db: Db, person: PersonRecord, now: number): VolunteerProfile {
  const p = vol(db).profiles[person.id]
  return {
    personId: person.id, name: person.name, student: p?.student ?? false, minor: ageOf(person, now) < 18,
    guardianConsent: !!p?.guardianConsent, paused: !!p?.pausedAt,
    pausedReason: p?.pausedAt ? '90 天内缺席 2 次，暂停自主报名，请联系社区工作人员恢复' : null,
    targetMinutes: p?.targetMinutes ?? null
  }
}

export function findActivity(ctx: HandlerContext, id: Id): ActivityRecord {
  return vol(ctx.db).activities.find((a) => a.id === id) ?? fail('NOT_FOUND', '该志愿活动不存在')
}

export function findSlot(ctx: HandlerContext, slotId: Id): { activity: ActivityRecord; slot: SlotRecord } {
  for (const activity of vol(ctx.db).activities) {
    const slot = activity.slots.find((s) => s.id === slotId)
    if (slot) return { activity, slot }
  }
  return fail('NOT_FOUND', '该活动时段不存在')
}

export function findSignup(ctx: HandlerContext, id: Id) {
  const signup = vol(ctx.db).signups.find((s) => s.id === id) ?? fail('NOT_FOUND', '该报名记录不存在')
  const { activity, slot } = findSlot(ctx, signup.slotId)
  return { signup, activity, slot }
}

/** The caller's own sign-up; another person's is 404 (it is not theirs to see). */
export function ownSignup(ctx: HandlerContext, id: Id) {
  const person = ctx.member()
  const found = findSignup(ctx, id)
  if (found.signup.personId !== person.id) fail('NOT_FOUND', '该报名记录不存在')
  return { ...found, person }
}

export const isStaff = (ctx: HandlerContext) => ctx.roles.includes('staff')

/** The organiser of the activity, or staff (who answer for every activity). */
export function requireOrganiser(ctx: HandlerContext, activity: ActivityRecord): PersonRecord {
  const person = ctx.member()
  if (activity.organiserId !== person.id && !isStaff(ctx)) fail('FORBIDDEN', '只有活动组织者或社区工作人员可以进行此操作')
  return person
}

export const interval = (slot: SlotRecord) => ({ start: Date.parse(slot.startAt), end: Date.parse(slot.endAt) })

export const slotSignups = (db: Db, slotId: Id) =>
  vol(db).signups.filter((s) => s.slotId === slotId).sort((a, b) => a.seq - b.seq)

export function waitlistPosition(db: Db, s: SignupRecord): number | null {
  if (s.status !== 'waitlisted') return null
  return slotSignups(db, s.slotId).filter((x) => x.status === 'waitlisted').findIndex((x) => x.id === s.id) + 1
}

export function slotView(db: Db, slot: SlotRecord, viewer: PersonRecord): VolunteerSlot {
  const all = slotSignups(db, slot.id)
  const mine = all.find((s) => s.personId === viewer.id && s.status !== 'cancelled' && s.status !== 'expired') ?? null
  return {
    id: slot.id, startAt: slot.startAt, endAt: slot.endAt, capacity: slot.capacity,
    taken: all.filter((s) => TAKING.includes(s.status)).length,
    waitlisted: all.filter((s) => s.status === 'waitlisted').length,
    mySignupId: mine?.id ?? null, myStatus: mine?.status ?? null, myWaitlistPosition: mine ? waitlistPosition(db, mine) : null
  }
}

export function organiserLabel(db: Db, a: ActivityRecord): string {
  if (a.postingAs === 'staff') return '社区工作人员'
  const b = db.buildings.find((x) => x.id === a.buildingId)
  return `${b?.name ?? ''}楼长`
}

export function summaryOf(db: Db, a: ActivityRecord, viewer: PersonRecord): VolunteerActivitySummary {
  const slots = a.slots.map((s) => slotView(db, s, viewer))
  const organiser = db.persons.find((p) => p.id === a.organiserId)
  return redactView({
    id: a.id, title: a.title, place: a.place, status: a.status, audience: a.audience, minAge: a.minAge,
    signupOpensAt: a.signupOpensAt,
    firstStartAt: a.slots.map((s) => s.startAt).sort()[0],
    lastEndAt: a.slots.map((s) => s.endAt).sort().reverse()[0],
    organiserName: organiser?.name ?? '', organiserLabel: organiserLabel(db, a), slotCount: a.slots.length,
    openPlaces: slots.reduce((n, s) => n + Math.max(0, s.capacity - s.taken), 0)
  })
}

export function activityOf(ctx: HandlerContext, a: ActivityRecord, viewer: PersonRecord): VolunteerActivity {
  return redactView({
    ...summaryOf(ctx.db, a, viewer), description: a.description, buildingId: a.buildingId, cancelReason: a.cancelReason,
    photos: a.photoIds.map((id) => ({ id, url: fileUrl(id) })),
    slots: a.slots.map((s) => slotView(ctx.db, s, viewer)),
    canManage: a.organiserId === viewer.id || isStaff(ctx)
  })
}

const hoursView = (h: HoursRecord | null) =>
  h ? { minutes: h.minutes, state: h.state, publicUntil: h.state === 'final' ? null : h.publicUntil, objection: h.objection, resolution: h.resolution } : null

export function mySignupOf(db: Db, s: SignupRecord, now: number): MyVolunteerSignup {
  const activity = vol(db).activities.find((a) => a.id === s.activityId) as ActivityRecord
  const slot = activity.slots.find((x) => x.id === s.slotId) as SlotRecord
  return redactView({
    id: s.id, activityId: activity.id, activityTitle: activity.title, place: activity.place, slotId: slot.id,
    startAt: slot.startAt, endAt: slot.endAt, status: s.status, waitlistPosition: waitlistPosition(db, s),
    offeredUntil: s.status === 'offered' ? s.offeredUntil : null, checkInAt: s.checkInAt, checkOutAt: s.checkOutAt,
    checkOpen: s.status === 'confirmed' && activity.status === 'published' && inCheckWindow(now, interval(slot)) && !s.checkOutAt,
    canCancel: LIVE.includes(s.status) && !s.checkInAt && (s.status === 'waitlisted' || now < Date.parse(slot.startAt) - SELF_CANCEL_BEFORE_MS),
    hours: hoursView(s.hours)
  })
}

export function rosterEntryOf(db: Db, s: SignupRecord): RosterEntry {
  const person = db.persons.find((p) => p.id === s.personId)
  return redactView({
    signupId: s.id, personId: s.personId, name: person?.name ?? '', status: s.status, waitlistPosition: waitlistPosition(db, s),
    checkInAt: s.checkInAt, checkOutAt: s.checkOutAt, checkOutRecorded: s.checkOutRecorded,
    noShowReason: s.noShowReason, removedReason: s.removedReason, hours: hoursView(s.hours)
  })
}

export const activityLink = (id: Id) => `/volunteer/pages/detail/index?id=${id}`
export const MY_LINK = '/volunteer/pages/mine/index'
