import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../../../mock'
import { closedRequest, startAs } from '../../../__tests__/harness'
import { closeTimeText } from '../../../components/stats-text'
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
    const labels = Array.from(document.querySelectorAll('.rq-stats__label')).map((e) => e.textContent)
    expect(labels).toEqual(['本月提交', '本月办结', '本月新提交的已办结', '一般多久办结', '满意度'])
    expect(document.querySelector('.rq-stats__note')?.textContent).toBe('「本月办结」也算以前提交、本月办好的；「一般多久办结」是一半的诉求在这个时间内办好。')
    expect(text).toContain(r.caseNumber)
    expect(text).not.toMatch(/1[3-9]\d{9}/)
    expect(text).toContain('周*')
    expect(text).not.toContain('周婷')
    tu.unmout()
  })
})

describe('closeTimeText', () => {
  it('says hours under two days and days (one decimal) from 48 hours, — when nothing closed', () => {
    expect(closeTimeText(null)).toBe('—')
    expect(closeTimeText(0.25)).toBe('0.3 小时')
    expect(closeTimeText(47.94)).toBe('47.9 小时')
    expect(closeTimeText(48)).toBe('约 2 天')
    expect(closeTimeText(76.6)).toBe('约 3.2 天')
  })
})
