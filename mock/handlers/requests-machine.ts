// The one state machine of 民生诉求: for each action, who may take it, from which status, to
// which status, and the specific Chinese reason when the current status does not allow it.
import { REQUEST_STATUS_LABELS, REOPEN_DAYS, type Id, type RequestStatus, type TimelineKind } from '../../types/contract'
import type { Db } from '../db'
import { fail } from '../errors'
import { requestsOf, type ServiceRequestRecord } from './requests-store'

export type RequestAction = 'accept' | 'decline' | 'duplicate' | 'dispatch' | 'note' | 'close' | 'rate' | 'reopen' | 'follow'

/** staff: role staff · party: the requester or their 代办 filer · member: any bound resident or staff. */
export type RequestActor = 'staff' | 'party' | 'member'

type Reason = string | ((r: ServiceRequestRecord, db: Db) => string)

export interface ActionRule {
  actor: RequestActor
  /** Verb for messages: 受理, 派单 … */
  label: string
  kind: TimelineKind
  /** Allowed current statuses and where each leads. */
  from: Partial<Record<RequestStatus, RequestStatus>>
  /** Why the action is refused in a status not in `from` (fallback: 当前状态下不能…). */
  refuse: Partial<Record<RequestStatus, Reason>>
  /** Further refusals within an allowed status (rating twice, reopen after 7 days). */
  guard?: (r: ServiceRequestRecord, now: number) => string | null
  /** 403 text when the caller is not the right actor. */
  forbidden: string
}

const OPEN: RequestStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress']
const each = (statuses: RequestStatus[], reason: Reason) => Object.fromEntries(statuses.map((s) => [s, reason])) as Partial<Record<RequestStatus, Reason>>
const deptName = (r: ServiceRequestRecord, db: Db) => db.departments.find((d) => d.id === r.departmentId)?.name ?? '相关部门'
const FINAL = {
  closed: '该诉求已办结',
  declined: '该诉求已不予受理',
  duplicate: '该诉求已标记为重复'
}
const STAFF_ONLY = (verb: string) => `仅社区工作人员可以${verb}诉求`

export const REQUEST_MACHINE: Record<RequestAction, ActionRule> = {
  accept: {
    actor: 'staff', label: '受理', kind: 'accepted', forbidden: STAFF_ONLY('受理'),
    from: { submitted: 'accepted' },
    refuse: {
      accepted: '该诉求已受理，无需重复受理', ...each(['dispatched', 'in_progress'], '该诉求已在办理中，无需再受理'),
      closed: `${FINAL.closed}，不能再受理`, declined: `${FINAL.declined}，不能再受理`, duplicate: `${FINAL.duplicate}，不能再受理`
    }
  },
  decline: {
    actor: 'staff', label: '不予受理', kind: 'declined', forbidden: STAFF_ONLY('不予受理'),
    from: { submitted: 'declined', accepted: 'declined' },
    refuse: {
      ...each(['dispatched', 'in_progress'], '该诉求已派单办理，不能再不予受理'),
      closed: `${FINAL.closed}，不能再不予受理`, declined: `${FINAL.declined}，无需重复操作`, duplicate: `${FINAL.duplicate}，不能再不予受理`
    }
  },
  duplicate: {
    actor: 'staff', label: '标记重复', kind: 'duplicate', forbidden: STAFF_ONLY('标记重复'),
    from: { submitted: 'duplicate', accepted: 'duplicate' },
    refuse: {
      ...each(['dispatched', 'in_progress'], '该诉求已派单办理，不能再标记为重复'),
      closed: `${FINAL.closed}，不能再标记为重复`, declined: `${FINAL.declined}，不能再标记为重复`, duplicate: `${FINAL.duplicate}，无需重复操作`
    }
  },
  dispatch: {
    actor: 'staff', label: '派单', kind: 'dispatched', forbidden: STAFF_ONLY('派单处理'),
    from: { accepted: 'dispatched' },
    refuse: {
      submitted: '请先受理该诉求，再派单',
      dispatched: (r, db) => `该诉求已派单给${deptName(r, db)}，不能重复派单`,
      in_progress: (r, db) => `该诉求已由${deptName(r, db)}处理中，不能重复派单`,
      closed: `${FINAL.closed}，不能再派单`, declined: `${FINAL.declined}，不能派单`, duplicate: `${FINAL.duplicate}，不能派单`
    }
  },
  note: {
    actor: 'staff', label: '添加处理进展', kind: 'note', forbidden: STAFF_ONLY('添加处理进展到'),
    from: { accepted: 'accepted', dispatched: 'in_progress', in_progress: 'in_progress' },
    refuse: {
      submitted: '请先受理该诉求，再添加处理进展',
      closed: `${FINAL.closed}，不能再添加处理进展`, declined: `${FINAL.declined}，不能添加处理进展`, duplicate: `${FINAL.duplicate}，请在原诉求中添加进展`
    }
  },
  close: {
    actor: 'staff', label: '办结', kind: 'closed', forbidden: STAFF_ONLY('办结'),
    from: { accepted: 'closed', dispatched: 'closed', in_progress: 'closed' },
    refuse: {
      submitted: '请先受理该诉求，再办结',
      closed: `${FINAL.closed}，不能重复办结`, declined: `${FINAL.declined}，不能办结`, duplicate: `${FINAL.duplicate}，不能办结`
    }
  },
  rate: {
    actor: 'party', label: '评价', kind: 'rated', forbidden: '只有提交人可以评价这条诉求',
    from: { closed: 'closed' },
    refuse: { ...each(OPEN, '诉求办结后才能评价'), declined: '不予受理的诉求不能评价', duplicate: '重复诉求请在原诉求办结后评价' },
    guard: (r) => (r.rating ? '您已评价过这条诉求，不能重复评价' : null)
  },
  reopen: {
    actor: 'party', label: '退回', kind: 'reopened', forbidden: '只有提交人可以退回这条诉求',
    from: { closed: 'in_progress' },
    refuse: {
      ...each(OPEN, '诉求尚未办结，无需退回'),
      declined: '不予受理的诉求不能退回，如有异议请联系社区工作人员', duplicate: '重复诉求不能退回，请关注原诉求的办理进展'
    },
    guard: (r, now) => {
      if (r.reopenedAt) return '每条诉求只能退回一次，如仍不满意请联系社区工作人员'
      if (r.closedAt && now > Date.parse(r.closedAt) + REOPEN_DAYS * 86400_000) return `办结已超过 ${REOPEN_DAYS} 天，不能退回；如问题仍存在请重新提交`
      return null
    }
  },
  follow: {
    actor: 'member', label: '关注', kind: 'note', forbidden: '请先绑定房屋后再使用此功能',
    from: Object.fromEntries(OPEN.map((s) => [s, s])),
    refuse: { closed: `${FINAL.closed}，如问题仍存在请重新提交`, declined: `${FINAL.declined}，不能关注`, duplicate: `${FINAL.duplicate}，请关注原诉求` }
  }
}

/** The status an action leads to, or 422 INVALID_STATE with the specific reason. */
export function nextStatus(db: Db, r: ServiceRequestRecord, action: RequestAction, now: number): RequestStatus {
  const rule = REQUEST_MACHINE[action]
  const to = rule.from[r.status]
  if (!to) {
    const reason = rule.refuse[r.status]
    const text = typeof reason === 'function' ? reason(r, db) : reason
    fail('INVALID_STATE', text ?? `当前状态（${REQUEST_STATUS_LABELS[r.status]}）下不能${rule.label}`)
  }
  const problem = rule.guard?.(r, now)
  if (problem) fail('INVALID_STATE', problem)
  return to
}

export interface EventInput { actorName: string; actorId: Id | null; note?: string | null; photos?: Id[] }

/** Moves the record to `status` and appends the timeline event. */
export function recordEvent(r: ServiceRequestRecord, kind: TimelineKind, status: RequestStatus, at: number, e: EventInput) {
  const iso = new Date(at).toISOString()
  r.status = status
  r.updatedAt = iso
  r.events.push({ id: `${r.id}-e${r.events.length + 1}`, at: iso, kind, status, actorName: e.actorName, actorId: e.actorId, note: e.note ?? null, photos: e.photos ?? [] })
}

/** Checks and applies one action; `apply` sets the action's own fields before the event is recorded. */
export function act(db: Db, r: ServiceRequestRecord, action: RequestAction, at: number, e: EventInput, apply?: (to: RequestStatus) => void) {
  const to = nextStatus(db, r, action, at)
  apply?.(to)
  recordEvent(r, REQUEST_MACHINE[action].kind, to, at, e)
  return to
}

export const openRequests = (db: Db) => requestsOf(db).filter((r) => OPEN.includes(r.status))
