import TestUtils from '@tarojs/test-utils-react'
import { Current } from '@tarojs/runtime'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE, type MockBackend } from '../../../../../mock'
import type { ServiceRequest } from '../../../../../types/contract'
import { click, fieldError, pick, settle, startAs, typeInto } from '../../../__tests__/harness'
import StaffRequestPage from '..'

const VALID = { categoryCode: 'streetlight', answers: { lamp_state: 'off' }, description: '1栋门口的路灯连续三晚不亮，晚上回家很黑', location: { placeId: 'b_1' } }

async function fileAsResident(backend: MockBackend): Promise<ServiceRequest> {
  const login = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId: KEY_PEOPLE.resident }, headers: { 'Idempotency-Key': 'sw-res' } })
  const token = (login.body as { token: string }).token
  const res = await backend.handle({ method: 'POST', path: '/requests', body: VALID, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'file-1' } })
  return res.body as ServiceRequest
}

describe('staff request page', () => {
  let toast: jest.SpyInstance
  beforeEach(() => {
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  async function mountFor(id: string) {
    Current.router = { params: { id }, path: '/requests/pages/staff-detail/index' } as unknown as typeof Current.router
    const tu = new TestUtils()
    await tu.mount(StaffRequestPage)
    return tu
  }

  it('speaks to the worker: the resident\'s privacy choice in the third person, no resident-facing status explanation', async () => {
    const backend = await startAs(KEY_PEOPLE.staff)
    const request = await fileAsResident(backend)
    const tu = await mountFor(request.id)
    await tu.queries.waitForQueryByText(`受理编号：${request.caseNumber}（查询、咨询时报这个号）`, '.rq-summary__row', { timeout: 3000 })
    const rows = Array.from(document.querySelectorAll('.rq-summary__row')).map((e) => e.textContent)
    expect(rows).toContain('公示时只显示居民的姓氏')
    expect(rows.filter((r) => r?.includes('您'))).toEqual([])
    expect(document.querySelector('.rq-summary__explain')).toBeNull()
    tu.unmout()
  })

  it('accepts and dispatches to a department, then shows the mock’s 422 when the request changed meanwhile', async () => {
    const backend = await startAs(KEY_PEOPLE.staff)
    const request = await fileAsResident(backend)
    const tu = await mountFor(request.id)
    await tu.queries.waitForQueryByText(request.caseNumber, '.rq-summary__row', { timeout: 3000 }).catch(() => undefined)
    expect(tu.html()).toContain('周婷')

    click(tu, document.querySelector('.rq-action-accept'))
    click(tu, document.querySelector('.rq-action-submit'))
    await settle(tu, 60)
    expect((backend.db().serviceRequests ?? []).find((r) => r.id === request.id)?.status).toBe('accepted')

    click(tu, document.querySelector('.rq-action-dispatch'))
    await settle(tu)
    pick(tu, '.rq-department', '物业')
    click(tu, document.querySelector('.rq-action-submit'))
    await settle(tu, 60)
    expect((backend.db().serviceRequests ?? []).find((r) => r.id === request.id)?.status).toBe('dispatched')
    expect(tu.html()).toContain('已派单（')

    // Another staff member closes it from their phone; this page still offers 办结.
    const other = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId: 'p_005' }, headers: { 'Idempotency-Key': 'sw-staff2' } })
    const token = (other.body as { token: string }).token
    const closed = await backend.handle({ method: 'POST', path: `/staff/requests/${request.id}/close`, body: { result: '已更换灯泡，恢复照明' }, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'close-elsewhere' } })
    expect(closed.status).toBe(200)

    click(tu, document.querySelector('.rq-action-close'))
    await settle(tu)
    typeInto(tu, '.rq-action-form .ll-textarea', '已联系物业处理完毕')
    click(tu, document.querySelector('.rq-action-submit'))
    await settle(tu, 60)
    const refusal = document.querySelector('.rq-refusal')?.textContent ?? ''
    expect(refusal).toBe('该诉求已办结，不能重复办结')
    expect(toast).not.toHaveBeenCalledWith(expect.objectContaining({ title: '已办结' }))
    tu.unmout()
  })

  it('shows the reason field message when a decline reason is too short', async () => {
    const backend = await startAs(KEY_PEOPLE.staff)
    const request = await fileAsResident(backend)
    const tu = await mountFor(request.id)
    await tu.queries.waitForQuerySelector('.rq-action-decline')
    click(tu, document.querySelector('.rq-action-decline'))
    await settle(tu)
    typeInto(tu, '.rq-action-form .ll-textarea', '不管')
    click(tu, document.querySelector('.rq-action-submit'))
    await settle(tu, 60)
    expect(fieldError('不予受理的理由')).toBe('不予受理的理由至少 5 个字')
    expect((backend.db().serviceRequests ?? []).find((r) => r.id === request.id)?.status).toBe('submitted')
    tu.unmout()
  })

  it('tells a resident the page is for staff only', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    const request = await fileAsResident(backend)
    const tu = await mountFor(request.id)
    await tu.queries.waitForQueryByText('诉求受理仅对社区工作人员开放')
    expect(document.querySelector('.rq-action-accept')).toBeNull()
    tu.unmout()
  })
})
