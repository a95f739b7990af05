import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { tbOf } from '../../../mock/handlers/timebank-store'
import { useTbDrafts } from '../draft-store'
import GiftPage from '../pages/gift'
import GoodsPage from '../pages/goods'
import HomePage from '../pages/index'
import OrdersPage from '../pages/orders'
import StaffPage from '../pages/staff'
import { eventually, signInAs, startBackend } from './helpers'

let mockParam = ''
jest.mock('../route', () => ({ ...jest.requireActual('../route'), useParam: () => mockParam }))

const text = (tu: TestUtils, selector: string) => tu.queries.querySelector(selector)?.textContent ?? null
const texts = (tu: TestUtils, selector: string) => Array.from(tu.queries.querySelectorAll(selector)).map((e) => e.textContent ?? '')
const modal = (confirm: boolean) => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' } as never)

async function type(tu: TestUtils, selector: string, value: string) {
  const input = await tu.queries.waitForQuerySelector(`${selector} input`) as HTMLInputElement
  input.value = value
  tu.fireEvent.input(input)
}

describe('时间银行 pages', () => {
  afterEach(() => jest.restoreAllMocks())

  it('shows the volunteer\'s points in large type with pending, and where they came from', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.volunteer)
    const tu = new TestUtils()
    await tu.mount(HomePage)
    await eventually(() => expect(text(tu, '.tb-available')).toBe('24.5'))
    expect(text(tu, '.tb-pending')).toBe('公示中 4.5 分')
    await eventually(() => expect(texts(tu, '.tb-line .ll-cell__title')).toContain('重阳节敬老探访 12 小时'))
    expect(texts(tu, '.tb-line .tb-amount')).toContain('+12')
    tu.unmout()
  })

  it('redeems oil after confirmation and lands on the order with its pickup code', async () => {
    const backend = startBackend()
    await signInAs(KEY_PEOPLE.volunteer)
    const oil = tbOf(backend.db()).goods.find((g) => g.name === '食用油')!
    mockParam = oil.id
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
    const ask = modal(true)
    const tu = new TestUtils()
    await tu.mount(GoodsPage)
    await eventually(() => expect(text(tu, '.tb-goods-stock')).toBe('库存 12 件 · 每月限兑 1 件，本月已兑 0 件'))
    await eventually(() => expect(text(tu, '.tb-redeem')).toContain('立即兑换'))
    await eventually(() => expect(tu.queries.querySelector('.tb-redeem')?.className).not.toContain('ll-button--disabled'))
    tu.fireEvent.click(tu.queries.querySelector('.tb-redeem') as HTMLElement)
    await eventually(() => expect(redirect).toHaveBeenCalled())
    expect(ask.mock.calls[0][0]).toMatchObject({ title: '确认兑换' })
    const order = tbOf(backend.db()).orders.find((o) => o.goodsId === oil.id && o.personId === KEY_PEOPLE.volunteer)!
    expect(redirect.mock.calls[0][0]).toMatchObject({ url: `/timebank/pages/orders/index?id=${order.id}` })
    tu.unmout()

    mockParam = order.id
    const list = new TestUtils()
    await list.mount(OrdersPage)
    await eventually(() => expect(texts(list, '.tb-pickup-code')).toContain(order.pickupCode))
    list.unmout()
  })

  it('counts the quantity from 1 up to 10 at most, and no further than the stock or the monthly limit', async () => {
    const backend = startBackend()
    await signInAs(KEY_PEOPLE.volunteer)
    const goods = tbOf(backend.db()).goods
    const oil = goods.find((g) => g.name === '食用油')!
    oil.monthlyLimit = 0 // no monthly limit: only the stock (12) and the cap of 10
    mockParam = oil.id
    const tu = new TestUtils()
    await tu.mount(GoodsPage)
    const plus = () => tu.queries.querySelector('.tb-qty-plus') as HTMLElement
    const minus = () => tu.queries.querySelector('.tb-qty-minus') as HTMLElement
    await eventually(() => expect(text(tu, '.tb-qty')).toBe('1'))
    expect(minus().className).toContain('ll-button--disabled')
    for (let i = 0; i < 8; i++) tu.fireEvent.click(plus())
    await eventually(() => expect(text(tu, '.tb-qty')).toBe('9'))
    expect(plus().className).not.toContain('ll-button--disabled')
    expect(minus().className).not.toContain('ll-button--disabled')
    tu.fireEvent.click(plus())
    await eventually(() => expect(text(tu, '.tb-qty')).toBe('10'))
    expect(plus().className).toContain('ll-button--disabled')
    tu.fireEvent.click(plus())
    await new Promise((r) => setTimeout(r, 50))
    expect(text(tu, '.tb-qty')).toBe('10')
    tu.unmout()

    // 酱油: a monthly limit of 2 stops the count at 2.
    mockParam = goods.find((g) => g.name === '酱油')!.id
    const soy = new TestUtils()
    await soy.mount(GoodsPage)
    await eventually(() => expect(soy.queries.querySelector('.tb-qty')?.textContent).toBe('1'))
    for (let i = 0; i < 3; i++) soy.fireEvent.click(soy.queries.querySelector('.tb-qty-plus') as HTMLElement)
    await eventually(() => expect(soy.queries.querySelector('.tb-qty')?.textContent).toBe('2'))
    expect(soy.queries.querySelector('.tb-qty-plus')?.className).toContain('ll-button--disabled')
    soy.unmout()
  })

  it('does not redeem when the person taps 取消 in the confirmation', async () => {
    const backend = startBackend()
    await signInAs(KEY_PEOPLE.volunteer)
    const oil = tbOf(backend.db()).goods.find((g) => g.name === '食用油')!
    mockParam = oil.id
    modal(false)
    const tu = new TestUtils()
    await tu.mount(GoodsPage)
    await eventually(() => expect(tu.queries.querySelector('.tb-redeem')?.className).not.toContain('ll-button--disabled'))
    tu.fireEvent.click(tu.queries.querySelector('.tb-redeem') as HTMLElement)
    await new Promise((r) => setTimeout(r, 100))
    expect(tbOf(backend.db()).orders.filter((o) => o.goodsId === oil.id)).toHaveLength(0)
    tu.unmout()
  })

  it('keeps a half-typed gift when the page is closed, and explains a fractional amount', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.volunteer)
    const first = new TestUtils()
    await first.mount(GiftPage)
    await type(first, '.tb-gift-points', '1.25')
    await eventually(() => expect(Object.values(useTbDrafts.getState().drafts)[0]?.points).toBe('1.25'))
    expect(String(Taro.getStorageSync('linli.timebank.drafts'))).toContain('1.25')
    first.unmout()
    const again = new TestUtils()
    await again.mount(GiftPage)
    await eventually(() => expect((again.queries.querySelector('.tb-gift-points input') as HTMLInputElement).value).toBe('1.25'))
    again.fireEvent.click(again.queries.querySelector('.tb-gift-submit') as HTMLElement)
    await eventually(() => expect(text(again, '.tb-gift-error')).toBe('积分最小单位为 0.5 分'))
    again.unmout()
  })

  it('lets staff hand over by code and tells a wrong code in Chinese', async () => {
    const backend = startBackend()
    await signInAs(KEY_PEOPLE.staff)
    const open = tbOf(backend.db()).orders.find((o) => o.status === 'reserved')!
    const tu = new TestUtils()
    await tu.mount(StaffPage)
    await type(tu, '.tb-handover-code', 'WRONG9')
    tu.fireEvent.click(tu.queries.querySelector('.tb-handover-submit') as HTMLElement)
    await eventually(() => expect(text(tu, '.tb-handover-result')).toBe('取货码不正确，请核对后重新输入'))
    await type(tu, '.tb-handover-code', open.pickupCode.toLowerCase())
    tu.fireEvent.click(tu.queries.querySelector('.tb-handover-submit') as HTMLElement)
    await eventually(() => expect(text(tu, '.tb-handover-result')).toBe('已交付：王秀英 的 酱油 ×1'))
    expect(open.status).toBe('picked_up')
    tu.unmout()
  })

  it('tells a resident the staff page is for community staff only', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.resident)
    const tu = new TestUtils()
    await tu.mount(StaffPage)
    await eventually(() => expect(text(tu, '.ll-state__message')).toBe('仅社区工作人员可以使用'))
    tu.unmout()
  })
})
