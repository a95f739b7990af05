import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../../../mock'
import { startOutbox, useOutbox } from '../../../../core/outbox'
import { settle, startAs } from '../../../__tests__/harness'
import { SUBMIT_KIND, type SubmitPayload } from '../../../submit'
import MyRequestsPage from '..'

/** As the outbox was persisted when the app was killed: the next try 5 minutes away. */
function keep(description: string) {
  const payload: SubmitPayload = {
    call: {
      method: 'POST', path: '/requests',
      body: { categoryCode: 'streetlight', answers: { lamp_state: 'off' }, description, location: { placeId: 'b_6' }, anonymous: false },
      photos: { field: 'photos', purpose: 'request_photo', items: [] }
    }
  }
  useOutbox.setState({ receipts: [], items: [{
    key: 'k-kept', kind: SUBMIT_KIND, payload, label: '路灯照明 · 6栋', attempts: 5, nextAt: Date.now() + 300_000,
    lastError: '网络连接失败，请检查网络后重试', failed: false, createdAt: Date.now() - 600_000
  }] })
}

describe('my requests after a restart', () => {
  it('core sends a kept request at launch with no requests page open; the page then shows it filed', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    keep('7栋门口的路灯昨晚起就不亮了')
    const stop = startOutbox()
    for (let i = 0; i < 100 && useOutbox.getState().items.length; i++) await new Promise((r) => setTimeout(r, 20))
    expect(useOutbox.getState().items).toEqual([])
    const filed = (backend.db().serviceRequests ?? []).filter((r) => r.description === '7栋门口的路灯昨晚起就不亮了')
    expect(filed).toHaveLength(1)
    expect(useOutbox.getState().receipts.map((r) => [r.key, r.kind])).toEqual([['k-kept', SUBMIT_KIND]])

    const tu = new TestUtils()
    await tu.mount(MyRequestsPage)
    await settle(tu, 150)
    // Claimed by the page: the receipt is gone, the request is listed, nothing was filed twice.
    expect(useOutbox.getState().receipts).toEqual([])
    expect(tu.html()).toContain(filed[0].caseNumber)
    expect((backend.db().serviceRequests ?? []).filter((r) => r.description === '7栋门口的路灯昨晚起就不亮了')).toHaveLength(1)
    tu.unmout()
    stop()
  })

  it('sends a 待发送 request kept from the last session at once, not after its backoff', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    // As the outbox was persisted when the app was killed: the next try 5 minutes away.
    keep('6栋门口的路灯昨晚起就不亮了')

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
