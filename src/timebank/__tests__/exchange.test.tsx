import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { tbOf } from '../../../mock/handlers/timebank-store'
import { call } from '../../core/api'
import { timebankEndpoints } from '../../../types/contract/timebank'
import ExchangePage from '../pages/exchange'
import ServicesPage from '../pages/services'
import { eventually, signInAs, startBackend } from './helpers'

let mockParam = ''
jest.mock('../route', () => ({ ...jest.requireActual('../route'), useParam: () => mockParam }))

const text = (tu: TestUtils, selector: string) => tu.queries.querySelector(selector)?.textContent ?? null
const texts = (tu: TestUtils, selector: string) => Array.from(tu.queries.querySelectorAll(selector)).map((e) => e.textContent ?? '')

describe('邻里服务 pages', () => {
  afterEach(() => jest.restoreAllMocks())

  it('lists 通下水道 by 张伟 at 1 point an hour', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.resident)
    const tu = new TestUtils()
    await tu.mount(ServicesPage)
    await eventually(() => expect(texts(tu, '.tb-offer-row .ll-cell__title')).toContain('通下水道 · 张伟'))
    expect(texts(tu, '.tb-offer-row .ll-cell__label')).toContain('厨房、卫生间下水道疏通，自带工具 · 每小时 1 分')
    tu.unmout()
  })

  it('lets the provider claim and the receiver pay after confirming', async () => {
    const backend = startBackend()
    await signInAs(KEY_PEOPLE.resident)
    const drain = tbOf(backend.db()).offers.find((o) => o.title === '通下水道')!
    const x = await call(timebankEndpoints.bookTbOffer, { id: drain.id, hours: 2 })
    mockParam = x.id
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)

    await signInAs(KEY_PEOPLE.volunteer)
    const provider = new TestUtils()
    await provider.mount(ExchangePage)
    const input = await provider.queries.waitForQuerySelector('.tb-claim-points input') as HTMLInputElement
    input.value = '3'
    provider.fireEvent.input(input)
    provider.fireEvent.click(provider.queries.querySelector('.tb-claim') as HTMLElement)
    await eventually(() => expect(text(provider, '.tb-exchange-error')).toBe('积分不能超过 1 分'))
    input.value = '1'
    provider.fireEvent.input(input)
    provider.fireEvent.click(provider.queries.querySelector('.tb-claim') as HTMLElement)
    await eventually(() => expect(text(provider, '.tb-exchange-status')).toBe('待确认'))
    provider.unmout()

    await signInAs(KEY_PEOPLE.resident)
    const receiver = new TestUtils()
    await receiver.mount(ExchangePage)
    await eventually(() => expect(text(receiver, '.tb-accept')).toContain('确认支付 1 分'))
    receiver.fireEvent.click(receiver.queries.querySelector('.tb-accept') as HTMLElement)
    await eventually(() => expect(text(receiver, '.tb-exchange-status')).toBe('已完成'))
    expect(backend.db().ledger?.balances[`person:${KEY_PEOPLE.volunteer}`]).toBe(42 + 9) // + the volunteer domain's seeded credits
    receiver.unmout()
  })
})
