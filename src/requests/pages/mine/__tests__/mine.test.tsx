import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../../../mock'
import { useOutbox } from '../../../../core/outbox'
import { byText, click, settle, startAs } from '../../../__tests__/harness'
import { useRequestFilters } from '../../../filter-store'
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

    // Three tabs, named as a resident thinks of them, not eight internal states.
    expect(Array.from(document.querySelectorAll('.rq-tab')).map((t) => t.textContent)).toEqual(['全部', '办理中', '已办结'])
    click(tu, byText('.rq-tab', '已办结'))
    await settle(tu, 80)
    const statusOf = (c: Element) => /rq-status--(\w+)/.exec(c.className)?.[1]
    const done = Array.from(document.querySelectorAll('.rq-card .rq-status')).map(statusOf)
    expect(done.length).toBeGreaterThan(0)
    expect(done.filter((t) => !['closed', 'declined', 'duplicate'].includes(t ?? ''))).toEqual([])
    expect(document.querySelector('.rq-card--pending')).toBeNull()

    click(tu, byText('.rq-tab', '办理中'))
    await settle(tu, 80)
    const open = Array.from(document.querySelectorAll('.rq-card .rq-status')).map(statusOf)
    expect(open.length).toBeGreaterThan(0)
    expect(open.filter((t) => !['submitted', 'accepted', 'dispatched', 'in_progress'].includes(t ?? ''))).toEqual([])
    tu.unmout()
  })

  it('comes back to the tab the resident chose after a reload', async () => {
    await startAs(KEY_PEOPLE.resident)
    useRequestFilters.getState().setMine('done')
    const stored = Taro.getStorageSync('linli.requests.filters') as string
    expect(JSON.parse(stored).state).toEqual({ mine: 'done', staff: 'submitted' })
    // A reload: memory starts from the defaults, then the stored choice is read back.
    useRequestFilters.setState({ mine: null })
    Taro.setStorageSync('linli.requests.filters', stored)
    await useRequestFilters.persist.rehydrate()
    const tu = new TestUtils()
    await tu.mount(MyRequestsPage)
    await tu.queries.waitForQuerySelector('.rq-tab--on', { timeout: 5000 })
    expect(document.querySelector('.rq-tab--on')?.textContent).toBe('已办结')
    tu.unmout()
    useRequestFilters.getState().setMine(null)
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
