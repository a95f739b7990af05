// Status changes reach the requester, their 代办 filer and followers through the message center;
// an accepted one-time subscribe message (wx.requestSubscribeMessage) is marked as sent.
import { categoryOf, type Id, type TimelineKind } from '../../types/contract'
import type { Db } from '../db'
import { pushMessage } from './messages'
import { redactText } from '../redact'
import { partiesOf, type ServiceRequestRecord } from './requests-store'
import { followerNote, publicNames } from './requests-view'

/** The page the message opens (the requests subpackage's detail page). */
export const requestLink = (id: Id) => `/requests/pages/detail/index?id=${id}`

const TITLES: Partial<Record<TimelineKind, string>> = {
  submitted: '楼长已为您提交诉求',
  accepted: '诉求已受理',
  declined: '诉求不予受理',
  duplicate: '诉求已合并到相同诉求',
  dispatched: '诉求已派单',
  note: '诉求有新进展',
  closed: '诉求已办结',
  reopened: '诉求已退回重新办理'
}

/** Who hears about a change: parties and followers, except the person who made it. */
export function recipientsOf(r: ServiceRequestRecord, actorId: Id | null): Id[] {
  return [...new Set([...partiesOf(r), ...r.followers])].filter((id) => id !== actorId)
}

/** Sends one message per recipient for the record's latest timeline event. */
export function notifyRequestChange(db: Db, r: ServiceRequestRecord, at: number) {
  const event = r.events[r.events.length - 1]
  const title = event && TITLES[event.kind]
  if (!event || !title) return []
  const recipients = recipientsOf(r, event.actorId)
  const category = categoryOf(r.categoryCode)?.name ?? ''
  const bodyOf = (note: string | null) => `${r.caseNumber}（${category}）${note ? `：${note}` : ''}`
  const parties = partiesOf(r)
  const message = { kind: 'request_status' as const, title, link: requestLink(r.id), at, ref: r.id }
  // Parties read their own request's words; followers what their view shows, through the redaction.
  const followerBody = redactText(bodyOf(followerNote(r, event)), { names: publicNames(r) })
  const sent = [
    ...pushMessage(db, { ...message, personIds: recipients.filter((id) => parties.includes(id)), body: bodyOf(event.note) }),
    ...pushMessage(db, { ...message, personIds: recipients.filter((id) => !parties.includes(id)), body: followerBody })
  ]
  markSubscriptionsSent(db, r.id, recipients, new Date(at).toISOString())
  return sent
}

/** WeChat subscriptions are one-time: each status message uses up one accepted subscription. */
function markSubscriptionsSent(db: Db, requestId: Id, personIds: Id[], at: string) {
  for (const personId of personIds) {
    const sub = (db.requestSubscriptions ?? []).find((s) => s.personId === personId && s.result === 'accept' && !s.sentAt && (s.requestId === requestId || s.requestId === null))
    if (sub) sub.sentAt = at
  }
}
