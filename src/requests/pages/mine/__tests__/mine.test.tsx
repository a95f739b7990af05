import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../../../mock'
import { useOutbox } from '../../../../core/outbox'
import { byText, click, settle, startAs } from '../../../__tests__/harness'
import { wireRequestOutbox } from '../../../submit'
import MyRequestsPage from '..'

describe('my requests page', () => {
  it('lists my requests with 待发送 submissions on top, and filters by status', async () => {
    await startAs(KEY_PEOPLE.resident)
    // Queued in this session (the runner is running): it waits out its backoff. See restart.test.tsx.
    wireRequestOutbox()
    useOutbox.getState().put({
      key: 'k-pending', kind: 'requests.create', payload: {}, label: '路灯照明 · 5栋', attempts: 2, nextAt: Date.now() + 60_000,
      lastError: '网络连接失败，请检查网络后重试', failed: false, createdAt: Date.now()
    })
    const tu = new TestUtils()
    await tu.mount(MyRequestsPage)
    await tu.queries.waitForQuerySelector('.rq-card:not(.rq-card--pending)', { timeout: 5000 })
    const cards = Array.from(document.querySelectorAll('.rq-card'))
    expect(cards[0].textContent).toContain('路灯照明 · 5栋')
    expect(cards[0].textContent).toContain('待发送')
    expect(cards[0].textContent).toContain('已尝试 2 次')
    expect(cards.length).toBeGreaterThan(1)

    click(tu, byText('.rq-tab', '已办结'))
    await settle(tu, 80)
    const filtered = Array.from(document.querySelectorAll('.rq-card'))
    expect(filtered.every((c) => c.textContent?.includes('已办结'))).toBe(true)
    expect(document.querySelector('.rq-card--pending')).toBeNull()
    tu.unmout()
  })

  it('says what to do next when there is nothing yet', async () => {
    await startAs('p_020')
    const tu = new TestUtils()
    await tu.mount(MyRequestsPage)
    await tu.queries.waitForQueryByText('我要反映', undefined, { timeout: 5000 }).catch(() => undefined)
    expect(tu.html()).toContain('您还没有反映过问题')
    tu.unmout()
  })
})
