import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../../../mock'
import { useOutbox } from '../../../../core/outbox'
import { settle, startAs } from '../../../__tests__/harness'
import { SUBMIT_KIND, type SubmitPayload } from '../../../submit'
import MyRequestsPage from '..'

describe('my requests after a restart', () => {
  it('sends a 待发送 request kept from the last session at once, not after its backoff', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    // As the outbox was persisted when the app was killed: the next try 5 minutes away.
    const payload: SubmitPayload = {
      input: { categoryCode: 'streetlight', answers: { lamp_state: 'off' }, description: '6栋门口的路灯昨晚起就不亮了', location: { placeId: 'b_6' }, anonymous: false },
      photos: []
    }
    useOutbox.setState({ items: [{
      key: 'k-kept', kind: SUBMIT_KIND, payload, label: '路灯照明 · 6栋', attempts: 5, nextAt: Date.now() + 300_000,
      lastError: '网络连接失败，请检查网络后重试', failed: false, createdAt: Date.now() - 600_000
    }] })

    const tu = new TestUtils()
    await tu.mount(MyRequestsPage)
    await settle(tu, 150)
    expect(useOutbox.getState().items).toEqual([])
    const filed = (backend.db().serviceRequests ?? []).filter((r) => r.description.startsWith('6栋门口的路灯昨晚'))
    expect(filed).toHaveLength(1)
    await tu.queries.waitForQueryByText('6栋门口的路灯昨晚起就不亮了', undefined, { timeout: 3000 }).catch(() => undefined)
    expect(document.querySelector('.rq-card--pending')).toBeNull()
    expect(tu.html()).toContain(filed[0].caseNumber)
    tu.unmout()
  })
})
