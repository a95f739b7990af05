import { Current } from '@tarojs/runtime'
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE, type MockBackend } from '../../../../../mock'
import { useOutbox } from '../../../../core/outbox'
import { useRequestDraft } from '../../../draft-store'
import { byText, click, pick, settle, startAs, typeInto } from '../../../__tests__/harness'
import NewRequestPage from '..'

const route = (params: Record<string, string>) => {
  Current.router = { params, path: '/requests/pages/new/index' } as unknown as typeof Current.router
}

describe('代办: a 楼长 files for a resident of their building', () => {
  let backend: MockBackend
  let toast: jest.SpyInstance
  let redirectTo: jest.SpyInstance

  beforeEach(() => {
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
  })
  afterEach(() => { jest.restoreAllMocks(); route({}) })

  async function mount() {
    const tu = new TestUtils()
    await tu.mount(NewRequestPage)
    await tu.queries.waitForQuerySelector('.rq-submit')
    return tu
  }

  async function fileOther(tu: TestUtils, description: string, place: string) {
    click(tu, byText('.rq-category', '其他'))
    typeInto(tu, '.ll-textarea', description)
    await tu.queries.waitForQueryByText('手动选择楼栋或地点')
    pick(tu, '.rq-place__picker', place)
    click(tu, document.querySelector('.rq-submit'))
    await settle(tu, 80)
    const anyway = Array.from(document.querySelectorAll('.ll-button')).find((b) => b.textContent?.includes('仍要提交'))
    if (anyway) { click(tu, anyway); await settle(tu, 80) }
  }

  it('says whom it is for, files with onBehalfOf, and leaves the leader’s own draft alone', async () => {
    backend = await startAs(KEY_PEOPLE.leader)
    // The leader's own request, half typed, before they open 代老人办事.
    useRequestDraft.getState().setCategory('noise')
    useRequestDraft.getState().setDescription('我家楼上夜里装修')
    const own = useRequestDraft.getState().key

    route({ onBehalfOf: KEY_PEOPLE.elderlyResident })
    let tu = await mount()
    await tu.queries.waitForQueryByText('为 王秀英（桂花苑 3栋2单元502）代办')
    expect(document.querySelector('.rq-on-behalf__error')).toBeNull()
    // A blank form for her: nothing of the leader's own draft shows.
    expect((document.querySelector('.ll-textarea textarea') as HTMLTextAreaElement).value).toBe('')
    await fileOther(tu, '王奶奶家单元门的门禁坏了，老人刷卡进不去', '3栋')

    const filed = (backend.db().serviceRequests ?? []).filter((r) => r.description.startsWith('王奶奶家单元门'))
    expect(filed).toHaveLength(1)
    expect(filed[0].onBehalfOf?.personId).toBe(KEY_PEOPLE.elderlyResident)
    expect(filed[0].filedBy.personId).toBe(KEY_PEOPLE.leader)
    expect(redirectTo).toHaveBeenCalledWith({ url: `/requests/pages/receipt/index?id=${filed[0].id}` })
    tu.unmout()

    // Back to the leader's own form: their text is there, with its own key and no 代办.
    route({})
    tu = await mount()
    expect(document.querySelector('.rq-on-behalf')).toBeNull()
    expect((document.querySelector('.ll-textarea textarea') as HTMLTextAreaElement).value).toBe('我家楼上夜里装修')
    expect(useRequestDraft.getState()).toMatchObject({ key: own, onBehalfOf: null, categoryCode: 'noise' })
    tu.unmout()
  })

  it('keeps a half-typed 代办 apart and brings it back when the leader opens it for her again', async () => {
    await startAs(KEY_PEOPLE.leader)
    route({ onBehalfOf: KEY_PEOPLE.elderlyResident })
    let tu = await mount()
    typeInto(tu, '.ll-textarea', '王奶奶说楼道灯不亮')
    tu.unmout()
    route({})
    tu = await mount()
    expect((document.querySelector('.ll-textarea textarea') as HTMLTextAreaElement).value).toBe('')
    typeInto(tu, '.ll-textarea', '我自己的事')
    tu.unmout()
    route({ onBehalfOf: KEY_PEOPLE.elderlyResident })
    tu = await mount()
    expect((document.querySelector('.ll-textarea textarea') as HTMLTextAreaElement).value).toBe('王奶奶说楼道灯不亮')
    tu.unmout()
  })

  it('shows the 403 at the top when the resident is not in the leader’s buildings, keeping the draft', async () => {
    backend = await startAs(KEY_PEOPLE.leaderJinxiu)
    route({ onBehalfOf: KEY_PEOPLE.elderlyResident })
    const tu = await mount()
    await fileOther(tu, '王奶奶家单元门的门禁坏了，老人刷卡进不去', '3栋')
    expect(document.querySelector('.rq-on-behalf__error')?.textContent).toBe('只能为您负责楼栋的居民代办诉求')
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '只能为您负责楼栋的居民代办诉求' }))
    expect((backend.db().serviceRequests ?? []).filter((r) => r.description.startsWith('王奶奶家单元门'))).toEqual([])
    expect(useRequestDraft.getState()).toMatchObject({ onBehalfOf: KEY_PEOPLE.elderlyResident, description: '王奶奶家单元门的门禁坏了，老人刷卡进不去' })
    expect(useOutbox.getState().items).toEqual([])
    tu.unmout()
  })
})
