import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { chinaDate } from '../../../types/contract'
import { emptyDraft, NEW_SLOT, useNoticeDrafts, type DraftPhoto } from '../draft-store'
import ComposePage from '../pages/compose'
import { eventually, signInAs, startBackend } from './helpers'

const errorOf = (tu: TestUtils, label: string) => {
  const field = Array.from(tu.queries.querySelectorAll('.ll-field')).find((f) => f.querySelector('.ll-field__label')?.textContent?.startsWith(label))
  return field?.querySelector('.ll-field__error')?.textContent ?? null
}

function type(tu: TestUtils, selector: string, value: string) {
  const el = tu.queries.querySelector(selector) as HTMLInputElement
  el.value = value
  tu.fireEvent.input(el)
}

const tap = (tu: TestUtils, selector: string) => tu.fireEvent.click(tu.queries.querySelector(selector) as HTMLElement)
const chip = (tu: TestUtils, selector: string, text: string) =>
  Array.from(tu.queries.querySelectorAll(selector)).find((c) => c.textContent?.includes(text)) as HTMLElement

const uploaded = (n: number): DraftPhoto => ({ id: `p${n}`, localPath: `data:image/png;base64,${n}`, sendPath: null, status: 'uploaded', progress: 100, file: { id: `f_${n}`, url: `/files/f_${n}` }, error: null })

async function mountAs(personId: string) {
  startBackend()
  await signInAs(personId)
  const tu = new TestUtils()
  await tu.mount(ComposePage)
  return tu
}

describe('compose a notice', () => {
  beforeEach(() => { useNoticeDrafts.setState({ drafts: {} }) })
  afterEach(() => jest.restoreAllMocks())

  it('asks for title, body, category and who it is for before sending anything', async () => {
    const tu = await mountAs(KEY_PEOPLE.leader)
    await tu.queries.waitForQuerySelector('.compose-submit')
    tap(tu, '.compose-submit')
    await eventually(() => expect(errorOf(tu, '标题')).toBe('请填写标题'))
    expect(errorOf(tu, '正文')).toBe('请填写正文')
    expect(errorOf(tu, '分类')).toBe('请选择通知分类')
    expect(errorOf(tu, '发送给')).toBe('请选择发布范围')
    tu.unmout()
  })

  it('refuses an over-long title and body with the contract\'s words', async () => {
    const tu = await mountAs(KEY_PEOPLE.leader)
    await tu.queries.waitForQuerySelector('.compose-title input')
    useNoticeDrafts.getState().patch(NEW_SLOT, { title: '长'.repeat(41), body: '字'.repeat(2001) })
    tap(tu, '.compose-submit')
    await eventually(() => expect(errorOf(tu, '标题')).toBe('标题不能超过 40 个字'))
    expect(errorOf(tu, '正文')).toBe('正文不能超过 2000 个字')
    tu.unmout()
  })

  it('refuses a fourth photo', async () => {
    useNoticeDrafts.setState({ drafts: { [NEW_SLOT]: { ...emptyDraft(), photos: [uploaded(1), uploaded(2), uploaded(3)] } } })
    const tu = await mountAs(KEY_PEOPLE.leader)
    await tu.queries.waitForQuerySelector('.compose-add-photo')
    const choose = jest.spyOn(Taro, 'chooseMedia')
    tap(tu, '.compose-add-photo')
    await eventually(() => expect(errorOf(tu, '照片')).toBe('最多上传 3 张照片'))
    expect(choose).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('refuses an expiry day in the past (a draft kept since yesterday)', async () => {
    const yesterday = chinaDate(Date.now() - 86400_000)
    useNoticeDrafts.setState({ drafts: { [NEW_SLOT]: { ...emptyDraft(), title: '停水', body: '明天停水', category: 'outage', targets: [{ scope: 'building', id: 'b_3' }], expiresOn: yesterday } } })
    const tu = await mountAs(KEY_PEOPLE.leader)
    await tu.queries.waitForQuerySelector('.compose-submit')
    tap(tu, '.compose-submit')
    await eventually(() => expect(errorOf(tu, '有效期')).toBe('截止日期不能早于今天'))
    tu.unmout()
  })

  it('offers a 楼长 only their buildings, keeps the draft as typed, and publishes once', async () => {
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
    const tu = await mountAs(KEY_PEOPLE.leader)
    await tu.queries.waitForQuerySelector('.notice-target')
    const targets = Array.from(tu.queries.querySelectorAll('.notice-target')).map((c) => c.textContent)
    expect(targets).toEqual(['3栋（整栋）', '1单元', '2单元', '4栋（整栋）', '1单元', '2单元'])

    type(tu, '.compose-title input', '<img src=x onerror=alert(1)>')
    type(tu, '.compose-body textarea', '周六消防演练')
    tu.fireEvent.click(chip(tu, '.compose-category', '安全提示'))
    tu.fireEvent.click(chip(tu, '.notice-target', '3栋'))
    await eventually(() => expect(useNoticeDrafts.getState().drafts[NEW_SLOT]).toMatchObject({ title: '<img src=x onerror=alert(1)>', category: 'safety', targets: [{ scope: 'building', id: 'b_3' }] }))

    tap(tu, '.compose-preview')
    await tu.queries.waitForQuerySelector('.notice-view__title')
    expect(tu.queries.querySelector('.notice-view__title')?.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(tu.queries.querySelector('.notice-view img[src="x"]')).toBeNull()
    tap(tu, '.compose-submit')
    await eventually(() => expect(redirect).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/notices\/pages\/detail\/index\?id=n_\d+$/) }))
    expect(useNoticeDrafts.getState().drafts[NEW_SLOT]).toBeUndefined()
    tu.unmout()
  })

  it('shows staff each 小区 with its own buildings under its name', async () => {
    const tu = await mountAs(KEY_PEOPLE.staff)
    await tu.queries.waitForQuerySelector('.notice-targets__heading')
    const groups = Array.from(tu.queries.querySelectorAll('.notice-targets__group')).map((g) =>
      Array.from(g.querySelectorAll('.notice-targets__heading, .notice-target')).map((c) => c.textContent))
    expect(groups).toEqual([
      ['幸福里社区'],
      ['桂花苑', '桂花苑（全小区）', '1栋', '2栋', '3栋', '4栋'],
      ['锦绣园', '锦绣园（全小区）', '5栋', '6栋', '7栋', '8栋']
    ])
    tu.unmout()
  })

  it('tells a resident that only 楼长 and staff may post', async () => {
    const tu = await mountAs(KEY_PEOPLE.resident)
    await tu.queries.waitForQueryByText('仅楼长或社区工作人员可以发布通知')
    expect(tu.queries.querySelector('.compose-submit')).toBeNull()
    tu.unmout()
  })
})
