import { Current } from '@tarojs/runtime'
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../../../mock'
import { closedRequest, fieldError, settle, startAs, typeInto } from '../../../__tests__/harness'
import RequestDetailPage from '..'

describe('request detail page', () => {
  let modal: jest.SpyInstance
  beforeEach(() => {
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  async function mountFor(id: string) {
    Current.router = { params: { id }, path: '/requests/pages/detail/index' } as unknown as typeof Current.router
    const tu = new TestUtils()
    await tu.mount(RequestDetailPage)
    await tu.queries.waitForQuerySelector('.rq-timeline', { timeout: 5000 })
    return tu
  }

  it('shows the timeline to 已办结 and takes a 5/4/5 rating with a comment', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    const r = await closedRequest(backend, KEY_PEOPLE.resident)
    const tu = await mountFor(r.id)
    const steps = Array.from(document.querySelectorAll('.rq-step__title')).map((e) => e.textContent)
    expect(steps).toEqual(['已提交', '已受理（立案）', '已派单（物业）', '已办结'])
    // The office's word comes with a plain one.
    expect(document.querySelector('.rq-summary__explain')?.textContent).toBe('已经处理完了（办结）。请评价一下办得怎么样；不满意可以申请退回重办。')

    tu.fireEvent.click(document.querySelector('.rq-rate-submit') as HTMLElement)
    await settle(tu)
    // Every unrated aspect is flagged, not only the first.
    expect(Array.from(document.querySelectorAll('.rq-rate .ll-field__error')).map((e) => e.textContent)).toEqual(['请为办理速度打分', '请为办理结果打分', '请为服务态度打分'])
    tu.fireEvent.click(document.querySelector('[aria-label="办理速度 3 星"]') as HTMLElement)
    tu.fireEvent.click(document.querySelector('.rq-rate-submit') as HTMLElement)
    await settle(tu)
    expect(Array.from(document.querySelectorAll('.rq-rate .ll-field__error')).map((e) => e.textContent)).toEqual(['请为办理结果打分', '请为服务态度打分'])

    for (const [aspect, n] of [['办理速度', 5], ['办理结果', 4], ['服务态度', 5]] as const) {
      tu.fireEvent.click(document.querySelector(`[aria-label="${aspect} ${n} 星"]`) as HTMLElement)
    }
    typeInto(tu, '.rq-rate .ll-textarea', '修得很快')
    tu.fireEvent.click(document.querySelector('.rq-rate-submit') as HTMLElement)
    await settle(tu, 80)
    expect(backend.db().serviceRequests?.find((x) => x.id === r.id)?.rating).toMatchObject({ speed: 5, result: 4, attitude: 5, comment: '修得很快' })
    expect(tu.html()).toContain('您的评价')
    tu.unmout()
  })

  it('checks the 退回 reason before asking, then asks before 不满意，退回', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    const r = await closedRequest(backend, KEY_PEOPLE.resident)
    const tu = await mountFor(r.id)
    // Folded away until the resident asks for it.
    expect(document.querySelector('.rq-reopen-submit')).toBeNull()
    tu.fireEvent.click(document.querySelector('.rq-reopen-open') as HTMLElement)
    await settle(tu)
    typeInto(tu, '.rq-reopen .ll-textarea', '不行')
    tu.fireEvent.click(document.querySelector('.rq-reopen-submit') as HTMLElement)
    await settle(tu, 80)
    expect(modal).not.toHaveBeenCalled()
    expect(fieldError('不满意？说明理由后可退回重办')).toBe('退回理由至少 5 个字')
    expect(backend.db().serviceRequests?.find((x) => x.id === r.id)?.status).toBe('closed')

    typeInto(tu, '.rq-reopen .ll-textarea', '修好两天又不亮了')
    tu.fireEvent.click(document.querySelector('.rq-reopen-submit') as HTMLElement)
    await settle(tu, 80)
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确定退回重办？' }))
    expect(backend.db().serviceRequests?.find((x) => x.id === r.id)?.status).toBe('in_progress')
    tu.unmout()
  })

  it('answers another resident’s request id with the mock’s not-found message', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    const other = await closedRequest(backend, 'p_001')
    Current.router = { params: { id: other.id }, path: '/requests/pages/detail/index' } as unknown as typeof Current.router
    const tu = new TestUtils()
    await tu.mount(RequestDetailPage)
    await tu.queries.waitForQuerySelector('.ll-state--error', { timeout: 5000 })
    expect(document.querySelector('.ll-state--error .ll-state__message')?.textContent).toBe('未找到这条诉求，或它不是您提交的；请在「我的诉求」中查看')
    // A 404 cannot be retried into success: a way out instead.
    expect(Array.from(document.querySelectorAll('.ll-state .ll-button')).map((b) => b.textContent)).toEqual(['返回首页'])
    tu.unmout()
  })
})
