// 志愿服务 + 邻里互助: one mock domain over the activity, attendance and help-task handlers, with the
// time-driven moves (offers lapsing, day-before reminders, hours final after 公示, help auto-confirm).
import { volunteerEndpoints } from '../../types/contract'
import { defineDomain } from '../domain'
import { activityHandlers } from './volunteer-activities'
import { attendanceHandlers, finalizeDue } from './volunteer-attendance'
import { autoConfirmDue, helpHandlers } from './volunteer-help'
import { peopleHandlers } from './volunteer-people'
import { expireOffers, remindTomorrow } from './volunteer-places'
import { seedVolunteer } from './volunteer-seed'

export const volunteerDomain = defineDomain({
  name: 'volunteer',
  endpoints: volunteerEndpoints,
  handlers: { ...activityHandlers, ...attendanceHandlers, ...helpHandlers, ...peopleHandlers },
  seed: seedVolunteer,
  tick: (db, env) => {
    if (!db.volunteer) return false
    const a = expireOffers(db, env.now)
    const b = remindTomorrow(db, env.now)
    const c = finalizeDue(db, env.now, env.nextId)
    const d = autoConfirmDue(db, env.now, env.nextId)
    return a || b || c || d
  }
})
