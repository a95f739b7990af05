// Typed calls of the 志愿服务 and 邻里互助 endpoints. Pages reach these through the stores.
import type { InputOf } from '../../types/contract/endpoint'
import { volunteerEndpoints as ep } from '../../types/contract/volunteer'
import { call, type CallOptions } from '../core/api'

type E = typeof ep

export const volunteerApi = {
  scope: () => call(ep.getVolunteerPublishScope, {}),
  list: (input: InputOf<E['listVolunteerActivities']>) => call(ep.listVolunteerActivities, input),
  get: (id: string) => call(ep.getVolunteerActivity, { id }),
  publish: (input: InputOf<E['publishVolunteerActivity']>, options: CallOptions) => call(ep.publishVolunteerActivity, input, options),
  update: (input: InputOf<E['updateVolunteerActivity']>, options: CallOptions) => call(ep.updateVolunteerActivity, input, options),
  cancelActivity: (id: string, reason: string) => call(ep.cancelVolunteerActivity, { id, reason }),
  signUp: (slotId: string, options: CallOptions) => call(ep.signUpVolunteerSlot, { slotId }, options),
  cancel: (id: string) => call(ep.cancelVolunteerSignup, { id }),
  accept: (id: string) => call(ep.acceptVolunteerOffer, { id }),
  remove: (id: string, reason: string) => call(ep.removeVolunteerSignup, { id, reason }),
  roster: (slotId: string) => call(ep.getVolunteerRoster, { slotId }),
  code: (slotId: string) => call(ep.getVolunteerCheckInCode, { slotId }, { retries: 0 }),
  checkIn: (slotId: string, code: string) => call(ep.checkInVolunteer, { slotId, code }, { retries: 0 }),
  checkOut: (slotId: string, code: string) => call(ep.checkOutVolunteer, { slotId, code }, { retries: 0 }),
  recordCheckOut: (id: string, checkOutAt: string) => call(ep.recordVolunteerCheckOut, { id, checkOutAt }),
  noShow: (id: string, reason: string) => call(ep.markVolunteerNoShow, { id, reason }),
  overview: () => call(ep.getMyVolunteerOverview, {}),
  setTarget: (targetHours: number) => call(ep.setVolunteerTarget, { targetHours }),
  certificate: () => call(ep.getVolunteerCertificate, {}),
  object: (id: string, reason: string) => call(ep.objectVolunteerHours, { id, reason }),
  subscription: (input: InputOf<E['recordVolunteerSubscription']>) => call(ep.recordVolunteerSubscription, input)
}

export const helpApi = {
  list: (view: 'open' | 'claimed' | 'asked' | 'staff') => call(ep.listHelpTasks, { view }),
  onBehalf: () => call(ep.listHelpOnBehalf, {}),
  get: (id: string) => call(ep.getHelpTask, { id }),
  ask: (input: InputOf<E['askForHelp']>, options: CallOptions) => call(ep.askForHelp, input, options),
  claim: (id: string) => call(ep.claimHelpTask, { id }),
  release: (id: string) => call(ep.releaseHelpTask, { id }),
  cancel: (id: string) => call(ep.cancelHelpTask, { id }),
  complete: (id: string, minutes: number) => call(ep.completeHelpTask, { id, minutes }),
  confirm: (id: string) => call(ep.confirmHelpTask, { id }),
  dispute: (id: string, reason: string) => call(ep.disputeHelpTask, { id, reason }),
  settle: (id: string, minutes: number, note: string) => call(ep.settleHelpTask, { id, minutes, note })
}

export const staffApi = {
  objections: () => call(ep.listVolunteerObjections, {}),
  resolve: (id: string, minutes: number, note: string) => call(ep.resolveVolunteerHours, { id, minutes, note }),
  paused: () => call(ep.listPausedVolunteers, {}),
  lift: (personId: string) => call(ep.liftVolunteerPause, { personId }),
  minors: () => call(ep.listMinorVolunteers, {}),
  consent: (personId: string, guardianName: string) => call(ep.recordGuardianConsent, { personId, guardianName })
}
