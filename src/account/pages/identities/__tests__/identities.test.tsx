import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { createMemoryStorage, createMockBackend } from '../../../../../mock'
import { configureClient } from '../../../../core/api'
import { createEmbeddedTransport } from '../../../../core/api/embedded'
import { bootstrap } from '../../../../core/bootstrap'
import { useSession } from '../../../../core/session/store'
import IdentitiesPage from '..'

const names = () => Array.from(document.querySelectorAll('.identity-item__name')).map((n) => n.textContent)

describe('演示身份 page', () => {
  beforeEach(async () => {
    const transport = createEmbeddedTransport(createMockBackend({ storage: createMemoryStorage() }))
    bootstrap(transport)
    configureClient({ transport, retryBaseMs: 0 })
    await useSession.getState().switchIdentity('p_008')
    jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  it('lists the seeded people, finds 楼长 by search and becomes one', async () => {
    const tu = new TestUtils()
    await tu.mount(IdentitiesPage)
    await tu.queries.waitForQuerySelector('.identity-item')
    expect(names().length).toBeGreaterThan(50)
    expect(names()).toEqual(expect.arrayContaining(['王秀英', '陈静']))

    const search = tu.queries.querySelector('.identities-search input') as HTMLInputElement
    search.value = '楼长'
    tu.fireEvent.input(search)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 10)) })
    expect(names()).toEqual(expect.arrayContaining(['李建国', '赵敏']))
    expect(names()).not.toContain('王秀英')

    tu.fireEvent.click(Array.from(document.querySelectorAll('.identity-item')).find((n) => n.textContent?.includes('李建国')) as HTMLElement)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 30)) })
    expect(useSession.getState().user?.name).toBe('李建国')
    expect(useSession.getState().user?.roles).toContain('building_leader')
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
    tu.unmout()
  })

  it('says so when nobody matches', async () => {
    const tu = new TestUtils()
    await tu.mount(IdentitiesPage)
    await tu.queries.waitForQuerySelector('.identity-item')
    const search = tu.queries.querySelector('.identities-search input') as HTMLInputElement
    search.value = '不存在的人'
    tu.fireEvent.input(search)
    await tu.queries.waitForQueryByText('没有找到符合的人，换个关键词试试')
    tu.unmout()
  })
})
