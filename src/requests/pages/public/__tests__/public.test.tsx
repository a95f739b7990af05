import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../../../mock'
import { closedRequest, startAs } from '../../../__tests__/harness'
import PublicRequestsPage from '..'

describe('公示 page', () => {
  it('shows this month’s figures and recent requests with masked names and no phone numbers', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    const r = await closedRequest(backend, KEY_PEOPLE.resident)
    const tu = new TestUtils()
    await tu.mount(PublicRequestsPage)
    await tu.queries.waitForQuerySelector('.rq-stats', { timeout: 5000 })
    await tu.queries.waitForQuerySelector('.rq-public-item', { timeout: 5000 })
    const text = document.querySelector('.rq-public')?.textContent ?? ''
    expect(text).toContain('办结率')
    expect(text).toContain(r.caseNumber)
    expect(text).not.toMatch(/1[3-9]\d{9}/)
    expect(text).toContain('周*')
    expect(text).not.toContain('周婷')
    tu.unmout()
  })
})
