// Typed calls of the 议事 endpoints. Pages reach these through the store, never directly.
import { councilEndpoints as e } from '../../types/contract/council'
import type { InputOf } from '../../types/contract/endpoint'
import { call, type CallOptions } from '../core/api'

type E = typeof e

export const councilApi = {
  scopes: () => call(e.listCouncilScopes, {}),
  list: (input: InputOf<E['listProposals']>) => call(e.listProposals, input),
  get: (id: string) => call(e.getProposal, { id }),
  raise: (input: InputOf<E['raiseProposal']>, options: CallOptions) => call(e.raiseProposal, input, options),
  edit: (input: InputOf<E['editProposal']>) => call(e.editProposal, input),
  withdraw: (id: string) => call(e.withdrawProposal, { id }),
  support: (id: string) => call(e.supportProposal, { id }),
  unsupport: (id: string) => call(e.unsupportProposal, { id }),
  comment: (input: InputOf<E['commentProposal']>) => call(e.commentProposal, input),
  review: (input: InputOf<E['reviewProposal']>) => call(e.reviewProposal, input),
  schedule: (input: InputOf<E['scheduleVote']>) => call(e.scheduleVote, input),
  ballot: (input: InputOf<E['castBallot']>) => call(e.castBallot, input),
  close: (id: string) => call(e.closeVote, { id }),
  objection: (input: InputOf<E['raiseObjection']>) => call(e.raiseObjection, input),
  progress: (input: InputOf<E['postProgress']>) => call(e.postProgress, input),
  plan: (input: InputOf<E['planExecution']>) => call(e.planExecution, input),
  evaluate: (input: InputOf<E['evaluateProposal']>) => call(e.evaluateProposal, input),
  meeting: (input: InputOf<E['scheduleMeeting']>) => call(e.scheduleMeeting, input),
  checkIn: (meetingId: string, code: string) => call(e.checkInMeeting, { meetingId, code }),
  minutes: (meetingId: string, minutes: string) => call(e.attachMinutes, { meetingId, minutes }),
  signUp: (meetingId: string) => call(e.signUpMeeting, { meetingId }),
  delegate: (input: InputOf<E['delegateProxy']>) => call(e.delegateProxy, input),
  proxyCandidates: (id: string) => call(e.listProxyCandidates, { id }),
  voters: (id: string) => call(e.getVoterRoll, { id }),
  answerObjection: (input: InputOf<E['answerObjection']>) => call(e.answerObjection, input)
}
