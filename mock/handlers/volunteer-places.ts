// Places of a slot: who gets a freed place (the waitlist, first come first served), offers under
// 3 hours before the start, and the messages that go with each move.
import { chinaTimeText, OFFER_MS, SELF_CANCEL_BEFORE_MS, type Id } from '../../types/contract'
import type { Db } from '../db'
import { pushMessage } from './messages'
import { activityLink, MY_LINK, slotSignups, TAKING, vol, type ActivityRecord, type SlotRecord } from './volunteer-store'

export function tell(db: Db, personIds: readonly Id[], title: string, body: string, at: number | string, link: string | null = MY_LINK, ref: string | null = null) {
  if (personIds.length) pushMessage(db, { personIds, kind: 'volunteer', title, body, link, at, ref })
}

export const slotLabel = (a: ActivityRecord, s: SlotRecord) => `「${a.title}」${chinaTimeText(s.startAt)}`

/**
 * Gives free places to the waitlist in order: straight to 已报名 when more than 3 hours are left,
 * else offered for 30 minutes. Returns true when anything moved.
 */
export function fillPlaces(db: Db, activity: ActivityRecord, slot: SlotRecord, now: number): boolean {
  if (activity.status !== 'published') return false
  const start = Date.parse(slot.startAt)
  if (now >= Date.parse(slot.endAt)) return false
  let moved = false
  for (;;) {
    const all = slotSignups(db, slot.id)
    if (all.filter((s) => TAKING.includes(s.status)).length >= slot.capacity) break
    const next = all.find((s) => s.status === 'waitlisted')
    if (!next) break
    moved = true
    if (now < start - SELF_CANCEL_BEFORE_MS) {
      next.status = 'confirmed'
      tell(db, [next.personId], '候补转正：您已报名成功', `${slotLabel(activity, slot)}有人取消，您已从候补转为已报名，请准时参加。`, now)
    } else {
      next.status = 'offered'
      next.offeredUntil = new Date(now + OFFER_MS).toISOString()
      tell(db, [next.personId], '有名额空出，请在 30 分钟内确认', `${slotLabel(activity, slot)}空出一个名额，请在 ${chinaTimeText(now + OFFER_MS)} 前确认参加，逾期将让给下一位候补。`, now)
    }
  }
  return moved
}

/** Tick: offers not taken in 30 minutes lapse and move on; returns true when anything changed. */
export function expireOffers(db: Db, now: number): boolean {
  let changed = false
  const v = vol(db)
  for (const s of v.signups) {
    if (s.status !== 'offered' || !s.offeredUntil || Date.parse(s.offeredUntil) > now) continue
    s.status = 'expired'
    changed = true
    const activity = v.activities.find((a) => a.id === s.activityId) as ActivityRecord
    const slot = activity.slots.find((x) => x.id === s.slotId) as SlotRecord
    tell(db, [s.personId], '候补名额已过期', `${slotLabel(activity, slot)}的名额 30 分钟内未确认，已让给下一位候补。`, now)
    fillPlaces(db, activity, slot, now)
  }
  return changed
}

/**
 * Tick: the day-before reminder to everyone signed up (once per slot), in-app for all; those who
 * accepted the subscription for the slot also get it through WeChat, which uses that answer up.
 */
export function remindTomorrow(db: Db, now: number): boolean {
  let changed = false
  for (const activity of vol(db).activities) {
    if (activity.status !== 'published') continue
    for (const slot of activity.slots) {
      const start = Date.parse(slot.startAt)
      if (slot.remindedAt || start <= now || start - now > 24 * 3600_000) continue
      slot.remindedAt = new Date(now).toISOString()
      changed = true
      const people = slotSignups(db, slot.id).filter((s) => s.status === 'confirmed').map((s) => s.personId)
      tell(db, people, '志愿活动明天开始', `${slotLabel(activity, slot)}，地点：${activity.place}。请提前到场，用组织者的签到码签到。`, now, activityLink(activity.id), null)
      const v = vol(db)
      const log = (v.reminders ??= [])
      const at = slot.remindedAt
      for (const personId of new Set(people)) {
        log.push({ personId, slotId: slot.id, channel: 'app', at })
        const sub = (v.subscriptions ?? []).find((x) => x.personId === personId && x.slotId === slot.id && x.result === 'accept' && !x.sentAt)
        if (!sub) continue
        sub.sentAt = at
        log.push({ personId, slotId: slot.id, channel: 'subscription', at })
      }
    }
  }
  return changed
}
