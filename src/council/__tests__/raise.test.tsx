import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { useProposalDraft } from '../draft-store'
import ProposalDetailPage from '../pages/detail'
import RaiseProposalPage from '../pages/new'
import { button, route, settle, startAs, texts, typeInto } from './harness'

describe('raise proposal page', () => {
  beforeEach(() => {
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  it('keeps the draft as typed and shows a Chinese message for every missing field', async () => {
    await startAs(KEY_PEOPLE.elderlyResident)
    route('/council/pages/new/index', {})
    const tu = new TestUtils()
    await tu.mount(RaiseProposalPage)
    await settle(tu)
    typeInto(tu, '.cl-new .ll-input', '3栋')
    expect(useProposalDraft.getState().title).toBe('3栋')
    tu.fireEvent.click(button('发起议题'))
    await settle(tu)
    expect(texts('.ll-field__error')).toEqual(expect.arrayContaining(['议题标题至少需要 4 个字', '提议理由至少需要 10 个字', '建议方案至少需要 5 个字', '请选择议题涉及的范围']))
    expect(useProposalDraft.getState().title).toBe('3栋') // nothing typed is lost
    tu.unmout()
  })

  it('files the proposal once and clears the draft', async () => {
    const backend = await startAs(KEY_PEOPLE.elderlyResident)
    useProposalDraft.getState().edit({ title: '3栋门口增设长椅', reason: '老人下楼散步没有地方歇脚。', solution: '放两张长椅。', scope: { kind: 'buildings', ids: ['b_3'] } })
    const key = useProposalDraft.getState().key
    route('/council/pages/new/index', {})
    const tu = new TestUtils()
    await tu.mount(RaiseProposalPage)
    await settle(tu)
    tu.fireEvent.click(button('发起议题'))
    tu.fireEvent.click(button('发起议题'))
    await settle(tu, 120)
    expect(backend.db().proposals?.filter((p) => p.title === '3栋门口增设长椅')).toHaveLength(1)
    expect(useProposalDraft.getState().key).not.toBe(key)
    expect(useProposalDraft.getState().title).toBe('')
    tu.unmout()
  })

  it('edits an own proposal before the first support through the same form', async () => {
    const backend = await startAs(KEY_PEOPLE.elderlyResident)
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    useProposalDraft.getState().edit({ title: '3栋门口增设长椅', reason: '老人下楼散步没有地方歇脚。', solution: '放两张长椅。', scope: { kind: 'buildings', ids: ['b_3'] } })
    route('/council/pages/new/index', {})
    let tu = new TestUtils()
    await tu.mount(RaiseProposalPage)
    await settle(tu)
    tu.fireEvent.click(button('发起议题'))
    await settle(tu, 120)
    tu.unmout()
    const id = backend.db().proposals?.find((p) => p.title === '3栋门口增设长椅')?.id ?? ''

    route('/council/pages/detail/index', { id })
    tu = new TestUtils()
    await tu.mount(ProposalDetailPage)
    await tu.queries.waitForQuerySelector('.cl-detail__title', { timeout: 5000 })
    tu.fireEvent.click(button('修改议题'))
    await settle(tu)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/council/pages/new/index?id=${id}` })
    expect(useProposalDraft.getState().title).toBe('3栋门口增设长椅')
    tu.unmout()

    route('/council/pages/new/index', { id })
    tu = new TestUtils()
    await tu.mount(RaiseProposalPage)
    await settle(tu)
    typeInto(tu, '.cl-new .ll-input', '3栋门口增设两张长椅')
    tu.fireEvent.click(button('保存修改'))
    await settle(tu, 120)
    expect(backend.db().proposals?.find((p) => p.id === id)?.title).toBe('3栋门口增设两张长椅')
    tu.unmout()
  })
})
