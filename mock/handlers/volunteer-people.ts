// People around sign-up: minors and their guardian's consent (staff), and the day-before reminder's
// WeChat subscription a volunteer answers after signing up.
import { ADULT_AGE, volunteerEndpoints, type MinorVolunteer } from '../../types/contract'
import type { Handlers } from '../domain'
import { fail } from '../errors'
import { redactView } from '../redact'
import { ageOf, houseAddress } from './identity'
import { tell } from './volunteer-places'
import { findSlot, LIVE, profileRecord, profileView, vol } from './volunteer-store'

type H = Handlers<typeof volunteerEndpoints>

export const peopleHandlers = {
  listMinorVolunteers: (_input, ctx) => {
    ctx.requireRole('staff', '仅社区工作人员可以查看')
    const v = vol(ctx.db)
    const minors: MinorVolunteer[] = ctx.db.persons.filter((p) => ageOf(p, ctx.now) < ADULT_AGE).map((p) => {
      const consent = v.profiles[p.id]?.guardianConsent ?? null
      const house = p.roomId ? houseAddress(ctx.db, p.roomId) : null
      return {
        personId: p.id, name: p.name, age: ageOf(p, ctx.now), building: house ? `${house.estateName} ${house.buildingName}` : '',
        guardianName: consent?.name ?? null, consentAt: consent?.at ?? null
      }
    })
    // Those still waiting for a consent first, then by name, so the list reads the same every time.
    return redactView(minors.sort((a, b) => Number(!!a.consentAt) - Number(!!b.consentAt) || a.name.localeCompare(b.name, 'zh-CN') || a.personId.localeCompare(b.personId)))
  },

  recordGuardianConsent: ({ personId, guardianName }, ctx) => {
    ctx.requireRole('staff', '仅社区工作人员可以登记监护人同意')
    const person = ctx.db.persons.find((p) => p.id === personId) ?? fail('NOT_FOUND', '没有这个人')
    if (ageOf(person, ctx.now) >= ADULT_AGE) fail('INVALID_STATE', '已成年，无需登记监护人同意')
    const profile = profileRecord(ctx.db, person.id)
    const first = !profile.guardianConsent
    profile.guardianConsent = { name: guardianName, at: ctx.nowIso }
    if (first) tell(ctx.db, [person.id], '监护人同意已登记', '社区工作人员已登记您监护人的同意，现在可以报名志愿活动了。', ctx.now, '/volunteer/pages/index/index')
    return profileView(ctx.db, person, ctx.now)
  },

  recordVolunteerSubscription: ({ slotId, result }, ctx) => {
    const person = ctx.member()
    const { slot } = findSlot(ctx, slotId)
    const v = vol(ctx.db)
    const mine = v.signups.some((s) => s.slotId === slot.id && s.personId === person.id && LIVE.includes(s.status))
    if (!mine) fail('NOT_FOUND', '您没有报名这个时段')
    const list = (v.subscriptions ??= [])
    // One live answer per person and slot: a later answer replaces an unused one.
    const open = list.find((x) => x.personId === person.id && x.slotId === slot.id && !x.sentAt)
    if (open) Object.assign(open, { result, at: ctx.nowIso })
    else list.push({ personId: person.id, slotId: slot.id, result, at: ctx.nowIso, sentAt: null })
    return { slotId: slot.id, result, at: ctx.nowIso }
  }
} satisfies Partial<H>
