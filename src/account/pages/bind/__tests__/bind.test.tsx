import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { createMemoryStorage, createMockBackend } from '../../../../../mock'
import { configureClient } from '../../../../core/api'
import { createEmbeddedTransport } from '../../../../core/api/embedded'
import { bootstrap } from '../../../../core/bootstrap'
import { useSession } from '../../../../core/session/store'
import BindPage from '..'

/** Picks an option by its visible name, as a person does in the native picker. */
async function pick(tu: TestUtils, selector: string, name: string) {
  const picker = await tu.queries.waitForQuerySelector(selector) as HTMLElement & { range?: string[] }
  const range = picker.range ?? []
  const index = range.indexOf(name)
  if (index < 0) throw new Error(`${name} not in ${selector}: ${range.join(',')}`)
  tu.act(() => { picker.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true })) })
}

async function typeName(tu: TestUtils, value: string) {
  const input = tu.queries.querySelector('.bind-name input') as HTMLInputElement
  input.value = value
  tu.fireEvent.input(input)
}

async function chooseHouse(tu: TestUtils) {
  await pick(tu, '.bind-estate', '桂花苑')
  await pick(tu, '.bind-building', '3栋')
  await pick(tu, '.bind-unit', '2单元')
  await pick(tu, '.bind-room', '502')
  await tu.queries.waitForQueryByText('502', '.ll-picker__value')
}

/** The real embedded transport over a fresh in-memory mock backend. */
function startBackend() {
  const backend = createMockBackend({ storage: createMemoryStorage() })
  const transport = createEmbeddedTransport(backend)
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0, retries: 2 })
  return backend
}

describe('bind page', () => {
  let reLaunch: jest.SpyInstance
  let backend: ReturnType<typeof createMockBackend>

  beforeEach(async () => {
    window.sessionStorage.clear()
    Taro.removeStorageSync('linli.bind-draft')
    backend = startBackend()
    useSession.getState().clear()
    await useSession.getState().login()
    reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  it('shows the census mismatch under 姓名 and keeps what was typed', async () => {
    const tu = new TestUtils()
    await tu.mount(BindPage)
    await chooseHouse(tu)
    await typeName(tu, '王秀')
    tu.fireEvent.click(tu.queries.querySelector('.bind-submit') as HTMLElement)

    const error = await tu.queries.waitForQuerySelector('.ll-field__error')
    expect(error.textContent).toBe('姓名与该房屋登记的住户不一致，请核对，或联系社区工作人员登记')
    expect((tu.queries.querySelector('.bind-name input') as HTMLInputElement).value).toBe('王秀')
    expect(document.body.textContent).toContain('502')
    expect(useSession.getState().user?.personId).toBeNull()
    expect(reLaunch).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('restores 小区/楼栋/单元/房号 and the typed name after a refresh, and clears them once bound', async () => {
    const first = new TestUtils()
    await first.mount(BindPage)
    await chooseHouse(first)
    await typeName(first, '王秀')
    first.unmout() // the page reloads

    const tu = new TestUtils()
    await tu.mount(BindPage)
    await tu.queries.waitForQueryByText('502', '.ll-picker__value')
    const values = Array.from(document.querySelectorAll('.ll-picker__value')).map((n) => n.textContent)
    expect(values).toEqual(['桂花苑', '3栋', '2单元', '502'])
    const input = await tu.queries.waitForQuerySelector('.bind-name input') as HTMLInputElement
    expect(input.value).toBe('王秀')

    await typeName(tu, '王秀英')
    tu.fireEvent.click(tu.queries.querySelector('.bind-submit') as HTMLElement)
    await tu.act(async () => { for (let i = 0; i < 50 && !reLaunch.mock.calls.length; i++) await new Promise((r) => setTimeout(r, 20)) })
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
    expect(window.sessionStorage.getItem('linli.bind-draft')).toBeNull()
    tu.unmout()
  })

  it('sends a person whose name does not match to the community contacts', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const tu = new TestUtils()
    await tu.mount(BindPage)
    await chooseHouse(tu)
    await typeName(tu, '王秀')
    tu.fireEvent.click(tu.queries.querySelector('.bind-submit') as HTMLElement)
    await tu.queries.waitForQuerySelector('.ll-field__error')
    const button = tu.queries.querySelector('.bind-contacts') as HTMLElement
    expect(button.textContent).toBe('查看社区联系电话')
    tu.fireEvent.click(button)
    await tu.act(async () => { await Promise.resolve() })
    expect(navigateTo).toHaveBeenCalledWith({ url: '/account/pages/contacts/index' })
    tu.unmout()
  })

  it('asks for the room and the name when nothing is filled in', async () => {
    const tu = new TestUtils()
    await tu.mount(BindPage)
    await tu.queries.waitForQuerySelector('.bind-submit')
    tu.fireEvent.click(tu.queries.querySelector('.bind-submit') as HTMLElement)
    await tu.queries.waitForQueryByText('请选择房号', '.ll-field__error')
    expect(document.body.textContent).toContain('请填写姓名')
    tu.unmout()
  })

  it('binds 王秀英 to 桂花苑 3栋2单元502 and opens the home tab', async () => {
    const tu = new TestUtils()
    await tu.mount(BindPage)
    await chooseHouse(tu)
    await typeName(tu, '王秀英')
    tu.fireEvent.click(tu.queries.querySelector('.bind-submit') as HTMLElement)

    await new Promise((r) => setTimeout(r, 50))
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 50)) })
    expect(useSession.getState().user?.house?.label).toBe('桂花苑 3栋2单元502')
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
    tu.unmout()
  })

  it('keeps the form and says so when the network fails', async () => {
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    const tu = new TestUtils()
    await tu.mount(BindPage)
    await chooseHouse(tu)
    await typeName(tu, '王秀英')
    backend.setFaults({ offline: true })
    tu.fireEvent.click(tu.queries.querySelector('.bind-submit') as HTMLElement)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 50)) })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }))
    expect((tu.queries.querySelector('.bind-name input') as HTMLInputElement).value).toBe('王秀英')
    expect(document.body.textContent).toContain('502')
    expect(reLaunch).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('offers 重试 when the house list cannot load, then shows the form', async () => {
    backend.setFaults({ offline: true })
    const tu = new TestUtils()
    await tu.mount(BindPage)
    await tu.queries.waitForQueryByText('网络连接失败，请检查网络后重试', '.ll-state__message')
    backend.setFaults({ offline: false })
    tu.fireEvent.click(tu.queries.querySelector('.ll-state .ll-button') as HTMLElement)
    await tu.queries.waitForQuerySelector('.bind-submit')
    expect(document.body.textContent).toContain('请选择小区')
    tu.unmout()
  })
})
