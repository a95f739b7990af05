import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { createMemoryStorage, createMockBackend, KEY_PEOPLE, type MockBackend } from '../../../../mock'
import { configureClient } from '../../../core/api'
import { createEmbeddedTransport } from '../../../core/api/embedded'
import { bootstrap } from '../../../core/bootstrap'
import { useSession } from '../../../core/session/store'
import { useTheme } from '../../../core/theme'
import ContactsPage from '../../../account/pages/contacts'
import MeTab from '..'

async function signInAs(personId: string | null): Promise<MockBackend> {
  const backend = createMockBackend({ storage: createMemoryStorage() })
  const transport = createEmbeddedTransport(backend)
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0, retries: 0 })
  useSession.getState().clear()
  Taro.removeStorageSync('linli.contacts')
  if (personId) await useSession.getState().switchIdentity(personId)
  else await useSession.getState().login()
  return backend
}

const contactTitles = () => Array.from(document.querySelectorAll('.ll-contact__title')).map((n) => n.textContent)
const callButton = (title: string) => {
  const card = Array.from(document.querySelectorAll('.ll-contact')).find((c) => c.querySelector('.ll-contact__title')?.textContent?.startsWith(title))
  return card?.querySelector('.ll-contact__call') as HTMLElement | undefined
}

describe('社区联系人', () => {
  let call: jest.SpyInstance
  beforeEach(() => {
    jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
    call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    useTheme.setState({ choice: 'standard', systemLarge: false })
  })
  afterEach(() => jest.restoreAllMocks())

  it('我的 lists 王秀英\'s 楼长, 居委会, 网格员 and 物业, and calls the 楼长 on a tap', async () => {
    const backend = await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(MeTab)
    await tu.queries.waitForQuerySelector('.me-contacts .ll-contact', { timeout: 5000 })
    expect(contactTitles()).toEqual(['3栋楼长 李建国', '幸福里社区居委会', '社区网格员 陈静', '桂花苑物业服务中心'])
    const leaderPhone = backend.db().persons.find((p) => p.id === KEY_PEOPLE.leader)?.phone ?? ''
    const button = callButton('3栋楼长')
    expect(button?.textContent).toBe(`拨打 ${leaderPhone.slice(0, 3)} ${leaderPhone.slice(3, 7)} ${leaderPhone.slice(7)}`)
    tu.fireEvent.click(button as HTMLElement)
    expect(call).toHaveBeenCalledWith({ phoneNumber: leaderPhone })
    tu.fireEvent.click(callButton('幸福里社区居委会') as HTMLElement)
    expect(call).toHaveBeenLastCalledWith({ phoneNumber: '057186512300' })
    tu.unmout()
  })

  it('the contacts page shows someone with no house only the office lines, and says the 楼长 comes after binding', async () => {
    await signInAs(null)
    const tu = new TestUtils()
    await tu.mount(ContactsPage)
    await tu.queries.waitForQuerySelector('.ll-contact', { timeout: 5000 })
    expect(contactTitles()).toEqual(['幸福里社区居委会', '社区网格员 陈静', '桂花苑物业服务中心', '锦绣园物业服务中心'])
    expect(tu.html()).toContain('绑定房屋后，这里还会显示您所在楼栋的楼长')
    expect(callButton('锦绣园物业服务中心')?.textContent).toBe('拨打 0571-86512320')
    tu.unmout()
  })

  it('shows the numbers saved last time when the network is gone', async () => {
    const backend = await signInAs(KEY_PEOPLE.elderlyResident)
    const first = new TestUtils()
    await first.mount(ContactsPage)
    await first.queries.waitForQuerySelector('.ll-contact', { timeout: 5000 })
    first.unmout()
    backend.setFaults({ offline: true })
    const tu = new TestUtils()
    await tu.mount(ContactsPage)
    await tu.queries.waitForQueryByText('暂时无法更新，显示的是上次保存的电话。', '.ll-contacts__note', { timeout: 5000 })
    expect(contactTitles()[0]).toBe('3栋楼长 李建国')
    tu.unmout()
  })
})
