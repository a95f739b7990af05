import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { createMemoryStorage, createMockBackend, KEY_PEOPLE } from '../../../../../mock'
import { configureClient } from '../../../../core/api'
import { createEmbeddedTransport } from '../../../../core/api/embedded'
import { bootstrap } from '../../../../core/bootstrap'
import { useSession } from '../../../../core/session/store'
import WorkbenchPage from '..'

async function signInAs(personId: string) {
  const transport = createEmbeddedTransport(createMockBackend({ storage: createMemoryStorage() }))
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0 })
  await useSession.getState().switchIdentity(personId)
}

describe('工作台', () => {
  afterEach(() => jest.restoreAllMocks())

  it('lists 诉求受理 for staff and opens it', async () => {
    await signInAs(KEY_PEOPLE.staff)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const tu = new TestUtils()
    await tu.mount(WorkbenchPage)
    const entry = await tu.queries.waitForQuerySelector('.workbench-entry--requests')
    expect(entry.textContent).toContain('诉求受理')
    tu.fireEvent.click(entry)
    expect(navigate).toHaveBeenCalledWith({ url: '/requests/pages/staff/index' })
    expect(Array.from(document.querySelectorAll('.workbench-entry')).map((e) => e.className.match(/workbench-entry--(\w+)/)?.[1])).toEqual(['requests', 'volunteer', 'timebank'])
    tu.fireEvent.click(document.querySelector('.workbench-entry--timebank')!)
    expect(navigate).toHaveBeenLastCalledWith({ url: '/timebank/pages/staff/index' })
    tu.unmout()
  })

  it('tells a resident it is for staff only', async () => {
    await signInAs(KEY_PEOPLE.resident)
    const tu = new TestUtils()
    await tu.mount(WorkbenchPage)
    expect(tu.html()).toContain('工作台仅对社区工作人员开放')
    expect(tu.queries.querySelector('.workbench-entry')).toBeNull()
    tu.unmout()
  })
})
