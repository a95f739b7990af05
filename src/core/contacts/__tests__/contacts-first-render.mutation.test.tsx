// 社区联系人 as the page first draws (a seed-15 survivor of npm run mutate:sample): until the first
// answer it is loading — placeholder rows, not an empty list or an error — and then it is not.
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { ContactList } from '../../../../types/contract/contacts'
import { configureClient } from '../../api/client'
import type { Transport, TransportResponse } from '../../api/transport'
import { useSession } from '../../session/store'
import { useContacts, type ContactsState } from '..'

const LIST: ContactList = { building: null, contacts: [] }

it('is loading from the first render until the list arrives', async () => {
  let answer: (r: TransportResponse) => void = () => undefined
  const transport: Transport = {
    kind: 'embedded',
    send: () => new Promise<TransportResponse>((resolve) => { answer = resolve }),
    upload: async () => ({ status: 200, body: null })
  }
  configureClient({ transport, retries: 0, retryBaseMs: 0, retryMaxMs: 0, random: () => 0 })
  Taro.removeStorageSync('linli.contacts')
  useSession.setState({ token: 't', user: null })
  const seen: Array<Pick<ContactsState, 'loading' | 'list' | 'error'>> = []
  function Probe() {
    const s = useContacts()
    seen.push({ loading: s.loading, list: s.list, error: s.error })
    return null
  }
  const tu = new TestUtils()
  await tu.mount(Probe)
  expect(seen[0]).toEqual({ loading: true, list: null, error: null })
  await tu.act(async () => { answer({ status: 200, body: LIST }); await new Promise((r) => setTimeout(r, 0)) })
  expect(seen[seen.length - 1]).toEqual({ loading: false, list: LIST, error: null })
  tu.unmout()
})
