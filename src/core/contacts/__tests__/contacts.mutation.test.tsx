// 社区联系人: what each row says, the call button's words and what a failed call shows, and the
// list kept on the device per person for when the network is not there.
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { ContactList as List } from '../../../../types/contract/contacts'
import type { UserProfile } from '../../../../types/contract/identity'
import { configureClient } from '../../api/client'
import type { Transport, TransportResponse } from '../../api/transport'
import { useSession } from '../../session/store'
import { CallButton, callNumber, ContactList, CONTACTS_PAGE, useContacts, type ContactsState } from '..'

const LIST: List = {
  building: '桂花苑 3栋',
  contacts: [
    { id: 'c_1', kind: 'committee', title: '幸福里社区居委会', name: null, phoneNumber: '057186512300', hours: '工作日 8:30–17:30', duty: '证明开具、政策咨询' },
    { id: 'c_2', kind: 'leader', title: '3栋楼长', name: '周婷', phoneNumber: '13812345678', hours: null, duty: '楼道事务' }
  ]
}

const q = (s: string) => document.querySelector(s) as HTMLElement | null
const all = (s: string) => Array.from(document.querySelectorAll(s)) as HTMLElement[]
const flush = () => new Promise((r) => setTimeout(r, 0))
const user = (personId: string): UserProfile => ({ accountId: `a_${personId}`, personId, name: null, roles: ['resident'], house: null, leaderOf: [], isElderly: false, staffTitle: null })

let replies: Array<TransportResponse | Error> = []
let requests = 0

beforeEach(() => {
  replies = []
  requests = 0
  const transport: Transport = {
    kind: 'embedded',
    send: async () => { requests++; const r = replies.shift() ?? { status: 200, body: LIST }; if (r instanceof Error) throw r; return r },
    upload: async () => ({ status: 200, body: null })
  }
  configureClient({ transport, retries: 0, retryBaseMs: 0, retryMaxMs: 0, random: () => 0 })
  Taro.removeStorageSync('linli.contacts')
  useSession.setState({ token: 't', user: user('p_1') })
})

afterEach(() => jest.restoreAllMocks())

const state = (over: Partial<ContactsState>): ContactsState => ({ list: null, error: null, loading: false, reload: async () => undefined, ...over })

describe('ContactList', () => {
  it('shows each contact with its kind, title and name, duty and hours, and a call button naming the number', async () => {
    const tu = new TestUtils()
    await tu.mount(() => <ContactList state={state({ list: LIST })} />)
    expect(all('.ll-contact').map((c) => c.className)).toEqual(['ll-contact ll-contact--committee', 'll-contact ll-contact--leader'])
    expect(all('.ll-contact__kind').map((t) => t.textContent)).toEqual(['居委会', '楼长'])
    expect(all('.ll-contact__title').map((t) => t.textContent)).toEqual(['幸福里社区居委会', '3栋楼长 周婷'])
    expect(all('.ll-contact__duty').map((t) => t.textContent)).toEqual(['证明开具、政策咨询 · 工作日 8:30–17:30', '楼道事务'])
    expect(all('.ll-call').map((b) => b.textContent)).toEqual(['拨打 0571-86512300', '拨打 138 1234 5678'])
    expect(all('.ll-call').every((b) => b.classList.contains('ll-contact__call'))).toBe(true)
    expect(all('.ll-contacts__note')).toEqual([])
    tu.unmout()
  })

  it('says the 楼长 will show after binding, and that the numbers are the saved ones when updating failed', async () => {
    const tu = new TestUtils()
    await tu.mount(() => <ContactList state={state({ list: { ...LIST, building: null }, error: '网络连接失败' })} />)
    expect(all('.ll-contacts__note').map((t) => t.textContent)).toEqual(['绑定房屋后，这里还会显示您所在楼栋的楼长。', '暂时无法更新，显示的是上次保存的电话。'])
    tu.unmout()
  })

  it('shows placeholder rows while loading, and the error with 重试 when nothing was ever loaded', async () => {
    const reload = jest.fn(async () => undefined)
    const tu = new TestUtils()
    await tu.mount(() => <><ContactList state={state({ loading: true })} /><ContactList state={state({ error: '网络连接失败，请检查网络后重试', reload })} /></>)
    expect(all('.ll-skeleton__row')).toHaveLength(3)
    expect(q('.ll-state__message')?.textContent).toBe('联系人没有加载出来：网络连接失败，请检查网络后重试')
    tu.fireEvent.click(q('.ll-state__retry') as HTMLElement)
    expect(reload).toHaveBeenCalledTimes(1)
    tu.unmout()
  })
})

describe('calling', () => {
  it('CallButton is secondary by default and calls the digits', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'ok' })
    const tu = new TestUtils()
    await tu.mount(() => <><CallButton phoneNumber='13812345678' /><CallButton phoneNumber='01088886666' variant='primary' /></>)
    const buttons = all('.ll-call')
    expect(buttons.map((b) => b.className.split(/\s+/).filter((c) => c.startsWith('ll-')).join(' '))).toEqual(['ll-button ll-button--secondary ll-call', 'll-button ll-button--primary ll-call'])
    expect(buttons[1].textContent).toBe('拨打 010-88886666')
    tu.fireEvent.click(buttons[0])
    expect(call).toHaveBeenCalledWith({ phoneNumber: '13812345678' })
    tu.unmout()
  })

  it('a failed call says the number to dial; a cancelled one says nothing', async () => {
    const show = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' })
    jest.spyOn(Taro, 'makePhoneCall').mockRejectedValueOnce({ errMsg: 'makePhoneCall:fail cancel' })
    callNumber('057186512300')
    await flush()
    expect(show).not.toHaveBeenCalled()
    jest.spyOn(Taro, 'makePhoneCall').mockRejectedValueOnce({ errMsg: 'makePhoneCall:fail' })
    callNumber('057186512300')
    await flush()
    expect(show.mock.calls.map((c) => c[0]?.title)).toEqual(['请拨打 0571-86512300'])
  })

  it('names the contacts page', () => {
    expect(CONTACTS_PAGE).toBe('/account/pages/contacts/index')
  })
})

describe('useContacts', () => {
  let seen: ContactsState | null = null
  function Probe() {
    seen = useContacts()
    return null
  }
  async function mount() {
    const tu = new TestUtils()
    await tu.mount(Probe)
    await tu.act(async () => { await flush() })
    return tu
  }

  it('loads the list, stops loading, and keeps it on the device for this person', async () => {
    const tu = await mount()
    expect(seen).toMatchObject({ list: LIST, error: null, loading: false })
    expect(JSON.parse(Taro.getStorageSync('linli.contacts') as string)).toEqual({ owner: 'p_1', list: LIST })
    tu.unmout()
  })

  it('shows the saved list when offline, with the error; not another person\'s list', async () => {
    Taro.setStorageSync('linli.contacts', JSON.stringify({ owner: 'p_1', list: LIST }))
    replies.push(new Error('offline'))
    const tu = await mount()
    expect(seen).toMatchObject({ list: LIST, error: '网络连接失败，请检查网络后重试', loading: false })
    tu.unmout()

    useSession.setState({ user: user('p_2') })
    replies.push(new Error('offline'))
    const tu2 = await mount()
    expect(seen).toMatchObject({ list: null, error: '网络连接失败，请检查网络后重试', loading: false })
    tu2.unmout()
  })

  it('ignores a broken saved value', async () => {
    Taro.setStorageSync('linli.contacts', '{not json')
    replies.push({ status: 500, body: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后重试' } })
    const tu = await mount()
    expect(seen).toMatchObject({ list: null, error: '服务暂时出了点问题，请稍后重试' })
    tu.unmout()
  })

  it('reload loads again and clears the error', async () => {
    replies.push(new Error('offline'))
    const tu = await mount()
    expect(seen?.error).toBe('网络连接失败，请检查网络后重试')
    await tu.act(async () => { await seen?.reload() })
    expect(seen).toMatchObject({ list: LIST, error: null, loading: false })
    expect(requests).toBe(2)
    tu.unmout()
  })
})
