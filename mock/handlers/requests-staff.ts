// 工作台: the staff side of 民生诉求. Every action goes through the state machine; a resident
// calling any of these gets 403 with the action's own reason.
import { isOpenStatus, type requestEndpoints } from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Handlers } from '../domain'
import { fail, failField } from '../errors'
import { paginate } from '../paging'
import { ownPhotos } from './files'
import { act, REQUEST_MACHINE, type EventInput, type RequestAction } from './requests-machine'
import { notifyRequestChange } from './requests-notify'
import { findRequest, requestsOf, type ServiceRequestRecord } from './requests-store'
import { toServiceRequest } from './requests-view'

type StaffHandlers = Pick<Handlers<typeof requestEndpoints>,
  'listDispatchDepartments' | 'listStaffServiceRequests' | 'acceptServiceRequest' | 'declineServiceRequest' |
  'markServiceRequestDuplicate' | 'dispatchServiceRequest' | 'addServiceRequestNote' | 'closeServiceRequest'>

/** 社区网格员 陈静: how staff appear on a timeline. */
export function staffActor(ctx: HandlerContext, action: RequestAction | null, message = '仅社区工作人员可以处理诉求'): EventInput {
  const p = ctx.requireRole('staff', action ? REQUEST_MACHINE[action].forbidden : message)
  return { actorName: `${p.staffTitle ?? '社区工作人员'} ${p.name}`, actorId: p.id }
}

function target(ctx: HandlerContext, id: string): ServiceRequestRecord {
  return findRequest(ctx.db, id) ?? fail('NOT_FOUND', '未找到这条诉求，请刷新工单列表')
}

/** Checks role, applies the action, notifies, and returns the staff view. */
function staffAct(ctx: HandlerContext, id: string, action: RequestAction, note: string | null, photos: string[], apply?: (r: ServiceRequestRecord) => void) {
  const actor = staffActor(ctx, action)
  const r = target(ctx, id)
  act(ctx.db, r, action, ctx.now, { ...actor, note, photos }, () => apply?.(r))
  notifyRequestChange(ctx.db, r, ctx.now)
  return toServiceRequest(ctx.db, r, 'staff', ctx.now, ctx.person?.id ?? null)
}

export const staffHandlers: StaffHandlers = {
  listDispatchDepartments: (_input, ctx) => {
    staffActor(ctx, null, '仅社区工作人员可以查看派单部门')
    return ctx.db.departments
  },

  listStaffServiceRequests: ({ status, cursor, limit }, ctx) => {
    staffActor(ctx, null, '仅社区工作人员可以查看诉求工单')
    // Open work: most urgent (earliest expectedBy) first; finished work: newest first.
    const items = requestsOf(ctx.db)
      .filter((r) => (status ? r.status === status : isOpenStatus(r.status)))
      .sort((a, b) => (isOpenStatus(a.status) && isOpenStatus(b.status) ? a.expectedBy.localeCompare(b.expectedBy) : b.updatedAt.localeCompare(a.updatedAt)))
    const page = paginate(items, { cursor, limit })
    return { ...page, items: page.items.map((r) => toServiceRequest(ctx.db, r, 'staff', ctx.now, ctx.person?.id ?? null)) }
  },

  acceptServiceRequest: ({ id, note }, ctx) => staffAct(ctx, id, 'accept', note || null, []),

  declineServiceRequest: ({ id, reason }, ctx) =>
    staffAct(ctx, id, 'decline', reason, [], (r) => { r.declineReason = reason }),

  markServiceRequestDuplicate: ({ id, duplicateOf }, ctx) => {
    staffActor(ctx, 'duplicate')
    const original = findRequest(ctx.db, duplicateOf)
    if (!original) failField('duplicateOf', '未找到原诉求，请核对编号')
    const self = target(ctx, id)
    if (original.id === self.id) failField('duplicateOf', '不能标记为与自身重复')
    if (original.status === 'duplicate' || original.status === 'declined') failField('duplicateOf', '原诉求已不予受理或也是重复诉求，请选择正在办理或已办结的诉求')
    return staffAct(ctx, id, 'duplicate', `与 ${original.caseNumber} 重复，请关注原诉求的办理进展`, [], (r) => {
      r.duplicateOfId = original.id
      // The filer and followers now follow the original, so they still hear how it ends.
      for (const p of [r.onBehalfOf?.personId ?? r.filedBy.personId, ...r.followers]) {
        if (p && !original.followers.includes(p) && p !== original.filedBy.personId && p !== original.onBehalfOf?.personId) original.followers.push(p)
      }
    })
  },

  dispatchServiceRequest: ({ id, departmentId, note }, ctx) => {
    staffActor(ctx, 'dispatch')
    const dept = ctx.db.departments.find((d) => d.id === departmentId)
    if (!dept) failField('departmentId', '派单部门不存在，请重新选择')
    return staffAct(ctx, id, 'dispatch', `派单至${dept.name}${note ? `：${note}` : ''}`, [], (r) => { r.departmentId = dept.id })
  },

  addServiceRequestNote: ({ id, note, photos }, ctx) => {
    staffActor(ctx, 'note')
    return staffAct(ctx, id, 'note', note, ownPhotos(ctx, photos))
  },

  closeServiceRequest: ({ id, result, photos }, ctx) => {
    staffActor(ctx, 'close')
    return staffAct(ctx, id, 'close', result, ownPhotos(ctx, photos), (r) => {
      r.closedAt = ctx.nowIso
    })
  }
}
