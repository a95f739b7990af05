// 积分明细 read to its end: a long history comes in pages, 加载更多 appends the next one (nothing
// skipped, nothing twice), and the last page says so.
import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../mock'
import { credit } from '../../../mock/handlers/timebank-ledger'
import { timebankEndpoints } from '../../../types/contract/timebank'
import { call } from '../../core/api'
import HomePage from '../pages/index'
import { eventually, NOW, signInAs, startBackend } from './helpers'

const texts = (tu: TestUtils, selector: string) => Array.from(tu.queries.querySelectorAll(selector)).map((e) => e.textContent ?? '')

describe('积分明细 paging', () => {
  it('shows 30 lines, then the rest after 加载更多, each once, ending with 已全部显示', async () => {
    const backend = startBackend()
    let n = 0
    for (let i = 1; i <= 40; i++) {
      credit(backend.db(), {
        personId: KEY_PEOPLE.volunteer, amount: 2, final: true, at: new Date(NOW - i * 3600_000).toISOString(),
        source: { kind: 'test', id: `t${i}`, title: `测试服务 ${i}`, link: null }
      }, () => `tx_test_${++n}`)
    }
    backend.persist()
    await signInAs(KEY_PEOPLE.volunteer)
    const tu = new TestUtils()
    await tu.mount(HomePage)
    await eventually(() => expect(texts(tu, '.tb-line')).toHaveLength(30))
    const more = tu.queries.querySelector('.tb-more') as HTMLElement
    const total = Number(/\/ (\d+) 条/.exec(more.textContent ?? '')?.[1])
    expect(total).toBeGreaterThan(40)
    expect(more.textContent).toBe(`加载更多（已显示 30 / ${total} 条）`)
    tu.fireEvent.click(more)
    await eventually(() => expect(texts(tu, '.tb-line')).toHaveLength(Math.min(60, total)))
    while (tu.queries.querySelector('.tb-more')) {
      const shown = texts(tu, '.tb-line').length
      tu.fireEvent.click(tu.queries.querySelector('.tb-more') as HTMLElement)
      await eventually(() => expect(texts(tu, '.tb-line').length).toBeGreaterThan(shown))
    }
    const titles = texts(tu, '.tb-line .ll-cell__title')
    expect(titles).toHaveLength(total)
    expect(new Set(titles.filter((t) => t.startsWith('测试服务 '))).size).toBe(40)
    expect(texts(tu, '.tb-end')).toEqual([`共 ${total} 条，已全部显示`])
    // Dates in China time, without a hyphen to break at: 2026-11-29 07:00 +08:00 is 11月29日.
    expect(texts(tu, '.tb-line .ll-cell__label').find((t) => t.includes('11月29日'))).toMatch(/^.+ · 11月29日/)
    expect(texts(tu, '.tb-line .ll-cell__label').filter((t) => /\d{4}-\d{2}-\d{2}/.test(t))).toEqual([])
    tu.unmout()
  })

  it('shows exactly 30 lines as one whole page with no 加载更多; the 31st brings 加载更多 and then 共 31 条', async () => {
    const backend = startBackend()
    await signInAs(KEY_PEOPLE.volunteer)
    const first = await call(timebankEndpoints.listTbStatement, { limit: 50 })
    const existing = first.items.length
    expect(existing).toBeLessThan(30)
    let n = 0
    const add = (count: number) => {
      for (let i = 0; i < count; i++) {
        n++
        credit(backend.db(), {
          personId: KEY_PEOPLE.volunteer, amount: 1, final: true, at: new Date(NOW - n * 3600_000).toISOString(),
          source: { kind: 'test', id: `edge${n}`, title: `测试服务 ${n}`, link: null }
        }, () => `tx_edge_${n}`)
      }
      backend.persist()
    }
    add(30 - existing)
    const tu = new TestUtils()
    await tu.mount(HomePage)
    await eventually(() => expect(texts(tu, '.tb-line')).toHaveLength(30))
    await new Promise((r) => setTimeout(r, 50))
    // One whole page: nothing more to load, and no 已全部显示 footer under a list that never paged.
    expect(tu.queries.querySelector('.tb-more')).toBeNull()
    expect(texts(tu, '.tb-end')).toEqual([])
    tu.unmout()

    add(1)
    const again = new TestUtils()
    await again.mount(HomePage)
    await eventually(() => expect(again.queries.querySelector('.tb-more')?.textContent).toBe('加载更多（已显示 30 / 31 条）'))
    expect(texts(again, '.tb-line')).toHaveLength(30)
    again.fireEvent.click(again.queries.querySelector('.tb-more') as HTMLElement)
    await eventually(() => expect(texts(again, '.tb-end')).toEqual(['共 31 条，已全部显示']))
    expect(texts(again, '.tb-line')).toHaveLength(31)
    expect(again.queries.querySelector('.tb-more')).toBeNull()
    again.unmout()
  })
})
