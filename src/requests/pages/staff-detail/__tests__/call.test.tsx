import TestUtils from '@tarojs/test-utils-react'
import { Current } from '@tarojs/runtime'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../../../mock'
import type { ServiceRequest } from '../../../../../types/contract'
import { startAs } from '../../../__tests__/harness'
import StaffRequestPage from '..'

const VALID = { categoryCode: 'streetlight', answers: { lamp_state: 'off' }, description: '1栋门口的路灯连续三晚不亮，晚上回家很黑', location: { placeId: 'b_1' } }

describe('staff request page: reaching the requester', () => {
  afterEach(() => jest.restoreAllMocks())

  it('shows the requester\'s phone as a call button that dials it', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    const backend = await startAs(KEY_PEOPLE.staff)
    const login = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId: KEY_PEOPLE.resident }, headers: { 'Idempotency-Key': 'sw-call' } })
    const token = (login.body as { token: string }).token
    const filed = await backend.handle({ method: 'POST', path: '/requests', body: VALID, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'file-call' } })
    const request = filed.body as ServiceRequest
    const phone = backend.db().persons.find((p) => p.id === KEY_PEOPLE.resident)?.phone ?? ''

    Current.router = { params: { id: request.id }, path: '/requests/pages/staff-detail/index' } as unknown as typeof Current.router
    const tu = new TestUtils()
    await tu.mount(StaffRequestPage)
    const button = await tu.queries.waitForQuerySelector('.rq-contact__call', { timeout: 5000 }) as HTMLElement
    expect(button.textContent).toBe(`拨打 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`)
    tu.fireEvent.click(button)
    expect(call).toHaveBeenCalledWith({ phoneNumber: phone })
    tu.unmout()
  })
})
