import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE, type MockBackend } from '../../../../../mock'
import { useOutbox } from '../../../../core/outbox'
import { useRequestDraft, type DraftPhoto } from '../../../draft-store'
import { byText, click, fieldError, pick, settle, startAs, typeInto } from '../../../__tests__/harness'
import NewRequestPage from '..'

const uploaded = (i: number): DraftPhoto => ({
  id: `p${i}`, localPath: `blob:local/${i}`, sendPath: null, status: 'uploaded', progress: 100, file: { id: `f_${i}`, url: `/files/f_${i}` }, error: null, originalBytes: 1000, sentBytes: 1000
})

describe('new request form', () => {
  let backend: MockBackend
  let toast: jest.SpyInstance
  let redirectTo: jest.SpyInstance

  beforeEach(async () => {
    backend = await startAs(KEY_PEOPLE.resident)
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  async function mount() {
    const tu = new TestUtils()
    await tu.mount(NewRequestPage)
    await tu.queries.waitForQuerySelector('.rq-submit')
    return tu
  }

  it('shows 问题描述至少 4 个字 next to the description and a missing 灯的状态 under its question', async () => {
    const tu = await mount()
    click(tu, byText('.rq-category', '路灯照明'))
    typeInto(tu, '.ll-textarea', '灯坏了')
    click(tu, document.querySelector('.rq-submit'))
    await settle(tu)
    expect(fieldError('问题描述')).toBe('问题描述至少 4 个字')
    expect(fieldError('灯的状态')).toBe('请选择灯的状态')
    expect(fieldError('问题地点')).toBe('请选择地点')
    expect(redirectTo).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('refuses a description over 500 characters with the contract message, keeping the text', async () => {
    const tu = await mount()
    click(tu, byText('.rq-category', '环境卫生'))
    const long = '垃'.repeat(501)
    typeInto(tu, '.ll-textarea', long)
    click(tu, document.querySelector('.rq-submit'))
    await settle(tu)
    expect(fieldError('问题描述')).toBe('问题描述不能超过 500 个字')
    expect(document.querySelector('.rq-counter')?.textContent).toBe('501/500')
    expect(useRequestDraft.getState().description).toBe(long)
    tu.unmout()
  })

  it('refuses a tenth photo without opening the chooser', async () => {
    useRequestDraft.setState({ photos: Array.from({ length: 9 }, (_, i) => uploaded(i)) })
    const chooseMedia = jest.spyOn(Taro, 'chooseMedia')
    const tu = await mount()
    expect(tu.html()).toContain('现场照片（9/9）')
    click(tu, document.querySelector('.rq-photo--add'))
    await settle(tu)
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '最多上传 9 张照片' }))
    expect(chooseMedia).not.toHaveBeenCalled()
    expect(useRequestDraft.getState().photos).toHaveLength(9)
    tu.unmout()
  })

  it('refuses a PDF and a 25 MB photo with clear messages and adds neither', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValueOnce({
      type: 'image', errMsg: 'chooseMedia:ok',
      tempFiles: [{ tempFilePath: 'blob:x/a', size: 80_000, fileType: 'application/pdf' }]
    } as unknown as Taro.chooseMedia.SuccessCallbackResult).mockResolvedValueOnce({
      type: 'image', errMsg: 'chooseMedia:ok',
      tempFiles: [{ tempFilePath: 'blob:x/b', size: 25 * 1024 * 1024, fileType: 'image/jpeg' }]
    } as unknown as Taro.chooseMedia.SuccessCallbackResult)
    const tu = await mount()
    click(tu, document.querySelector('.rq-photo--add'))
    await settle(tu)
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '只能上传图片（JPG、PNG 或 WebP）' }))
    click(tu, document.querySelector('.rq-photo--add'))
    await settle(tu)
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '图片过大，请选择 20MB 以内的照片' }))
    expect(useRequestDraft.getState().photos).toEqual([])
    tu.unmout()
  })

  it('says so under 问题地点 when GPS is denied, and the place can still be picked by hand', async () => {
    jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
    const tu = await mount()
    click(tu, document.querySelector('.rq-locate'))
    await settle(tu, 60)
    expect(fieldError('问题地点')).toBe('无法获取您的位置，请手动选择地点')
    await tu.queries.waitForQueryByText('手动选择楼栋或地点')
    pick(tu, '.rq-place__picker', '东门')
    await settle(tu)
    expect(useRequestDraft.getState().place).toMatchObject({ name: '东门', source: 'manual' })
    tu.unmout()
  })

  it('shows the mock’s answer for coordinates outside the community', async () => {
    jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 39.9, longitude: 116.4, errMsg: 'getLocation:ok' } as Taro.getLocation.SuccessCallbackResult)
    const tu = await mount()
    click(tu, document.querySelector('.rq-locate'))
    await settle(tu, 80)
    expect(fieldError('问题地点')).toBe('您所在的位置不在本社区范围内，请手动选择地点')
    expect(useRequestDraft.getState().place).toBeNull()
    tu.unmout()
  })

  it('keeps what was typed across a remount (the draft is saved as it is typed)', async () => {
    let tu = await mount()
    click(tu, byText('.rq-category', '噪音扰民'))
    typeInto(tu, '.ll-textarea', '楼上每天夜里十二点还在装修电钻')
    tu.unmout()
    tu = await mount()
    expect((document.querySelector('.ll-textarea textarea') as HTMLTextAreaElement).value).toBe('楼上每天夜里十二点还在装修电钻')
    expect(byText('.rq-category', '噪音扰民').className).toContain('rq-chip--on')
    tu.unmout()
  })

  it('files once with a case number, then offline keeps the next one as 待发送 until the network is back', async () => {
    const tu = await mount()
    click(tu, byText('.rq-category', '路灯照明'))
    click(tu, byText('.rq-answer-lamp_state', '闪烁'))
    typeInto(tu, '.ll-textarea', '5栋门口的路灯一直闪烁，晚上晃眼睛')
    await tu.queries.waitForQueryByText('手动选择楼栋或地点')
    pick(tu, '.rq-place__picker', '5栋')
    backend.setFaults({ offline: true })
    click(tu, document.querySelector('.rq-submit'))
    click(tu, document.querySelector('.rq-submit')) // a double tap
    await settle(tu, 60)
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不畅，已保存为待发送' }))
    expect(useOutbox.getState().items).toHaveLength(1)
    await tu.queries.waitForQueryByText('待发送')

    backend.setFaults({ offline: false })
    click(tu, byText('.ll-button', '立即重试'))
    await settle(tu, 60)
    expect(useOutbox.getState().items).toEqual([])
    const mine = (backend.db().serviceRequests ?? []).filter((r) => r.description.startsWith('5栋门口'))
    expect(mine).toHaveLength(1)
    expect(useRequestDraft.getState().description).toBe('')
    expect(redirectTo).toHaveBeenCalledWith({ url: `/requests/pages/receipt/index?id=${mine[0].id}` })
    tu.unmout()
  })
})
