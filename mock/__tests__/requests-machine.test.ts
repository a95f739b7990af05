// Every action from every status: legal ones move to the expected status, illegal ones answer
// 422 INVALID_STATE with a reason specific to that status (never the generic fallback).
import { KEY_PEOPLE } from '..'
import type { RequestStatus, ServiceRequest } from '../../types/contract'
import { DAY, setup } from './requests-fixture'

const STATUSES: RequestStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'closed', 'declined', 'duplicate']

type Action = 'accept' | 'decline' | 'duplicate' | 'dispatch' | 'notes' | 'close' | 'rate' | 'reopen' | 'follow'

/** The product rules, written out independently of the mock's table. */
const LEGAL: Record<Action, Partial<Record<RequestStatus, RequestStatus>>> = {
  accept: { submitted: 'accepted' },
  decline: { submitted: 'declined', accepted: 'declined' },
  duplicate: { submitted: 'duplicate', accepted: 'duplicate' },
  dispatch: { accepted: 'dispatched' },
  notes: { accepted: 'accepted', dispatched: 'in_progress', in_progress: 'in_progress' },
  close: { accepted: 'closed', dispatched: 'closed', in_progress: 'closed' },
  rate: { closed: 'closed' },
  reopen: { closed: 'in_progress' },
  follow: { submitted: 'submitted', accepted: 'accepted', dispatched: 'dispatched', in_progress: 'in_progress' }
}

const BODIES: Record<Action, Record<string, unknown>> = {
  accept: {},
  decline: { reason: '不属于社区受理范围' },
  duplicate: { duplicateOf: 'sr_0031' },
  dispatch: { departmentId: 'd_urban' },
  notes: { note: '已联系城管到场' },
  close: { result: '已处理完毕，恢复正常' },
  rate: { speed: 5, result: 4, attitude: 5, comment: '很及时' },
  reopen: { reason: '灯还是不亮，没有修好' },
  follow: {}
}

async function perform(t: Awaited<ReturnType<typeof setup>>, id: string, action: Action) {
  if (action === 'rate' || action === 'reopen') return t.post<ServiceRequest>(`/requests/${id}/${action}`, BODIES[action], KEY_PEOPLE.resident)
  if (action === 'follow') return t.post<ServiceRequest>(`/requests/${id}/follow`, {}, KEY_PEOPLE.elderlyResident)
  return t.staff(id, action, BODIES[action])
}

describe('the 民生诉求 state machine', () => {
  for (const action of Object.keys(LEGAL) as Action[]) {
    for (const from of STATUSES) {
      const to = LEGAL[action][from]
      const title = to ? `${action} moves ${from} to ${to}` : `refuses ${action} on a ${from} request with 422 and a specific reason`
      it(title, async () => {
        const t = await setup()
        const r = await t.requestIn(from)
        expect(r.status).toBe(from)
        const res = await perform(t, r.id, action)
        if (to) {
          expect(res.status).toBe(200)
          expect(res.body.status).toBe(to)
        } else {
          expect(res.status).toBe(422)
          expect(res.body).toMatchObject({ code: 'INVALID_STATE' })
          expect((res.body as unknown as { message: string }).message).not.toMatch(/当前状态/)
          const after = await t.get<ServiceRequest>(`/requests/${r.id}`, KEY_PEOPLE.resident)
          expect(after.body.status).toBe(from)
        }
      })
    }
  }

  it('refuses rating an open request with 诉求办结后才能评价', async () => {
    const t = await setup()
    const r = await t.requestIn('in_progress')
    const res = await perform(t, r.id, 'rate')
    expect(res).toMatchObject({ status: 422, body: { code: 'INVALID_STATE', message: '诉求办结后才能评价' } })
  })

  it('refuses closing a declined request with 该诉求已不予受理，不能办结', async () => {
    const t = await setup()
    const r = await t.requestIn('declined')
    expect(await perform(t, r.id, 'close')).toMatchObject({ status: 422, body: { message: '该诉求已不予受理，不能办结' } })
  })

  it('refuses dispatching twice and names the department it went to', async () => {
    const t = await setup()
    const r = await t.requestIn('dispatched')
    expect(await perform(t, r.id, 'dispatch')).toMatchObject({ status: 422, body: { message: '该诉求已派单给物业，不能重复派单' } })
  })

  it('refuses rating twice with 您已评价过这条诉求', async () => {
    const t = await setup()
    const r = await t.requestIn('closed')
    expect((await perform(t, r.id, 'rate')).status).toBe(200)
    const again = await t.post(`/requests/${r.id}/rate`, { speed: 1, result: 1, attitude: 1 }, KEY_PEOPLE.resident)
    expect(again).toMatchObject({ status: 422, body: { message: '您已评价过这条诉求，不能重复评价' } })
  })

  it('allows reopening on day 7 and refuses it after 7 days', async () => {
    const t = await setup()
    const early = await t.requestIn('closed')
    const late = await t.requestIn('closed')
    t.advance(7 * DAY - 60_000)
    expect((await perform(t, early.id, 'reopen')).body).toMatchObject({ status: 'in_progress', reopened: true })
    t.advance(120_000)
    const res = await perform(t, late.id, 'reopen')
    expect(res).toMatchObject({ status: 422, body: { message: '办结已超过 7 天，不能退回；如问题仍存在请重新提交' } })
  })

  it('reopens only once; the second closure can be rated again', async () => {
    const t = await setup()
    const r = await t.requestIn('closed')
    await perform(t, r.id, 'rate')
    const reopened = await perform(t, r.id, 'reopen')
    expect(reopened.body).toMatchObject({ status: 'in_progress', rating: null, department: { name: '物业' }, expectedBy: new Date(t.now() + 72 * 3600_000).toISOString() })
    expect((await t.staff(r.id, 'close', { result: '已更换整套灯具' })).body.status).toBe('closed')
    expect((await perform(t, r.id, 'rate')).status).toBe(200)
    const twice = await perform(t, r.id, 'reopen')
    expect(twice).toMatchObject({ status: 422, body: { message: '每条诉求只能退回一次，如仍不满意请联系社区工作人员' } })
  })

  it('records every step on the timeline with who did it', async () => {
    const t = await setup()
    const r = await t.requestIn('closed')
    expect(r.timeline.map((e) => [e.kind, e.status])).toEqual([
      ['submitted', 'submitted'], ['accepted', 'accepted'], ['dispatched', 'dispatched'], ['note', 'in_progress'], ['closed', 'closed']
    ])
    expect(r.timeline[1].actorName).toBe('社区网格员 陈静')
    expect(r.timeline[2].note).toBe('派单至物业')
    expect(r.closedAt).toBe(r.timeline[4].at)
  })
})
