// The outbox as the app opens (a seed-12 survivor of npm run mutate:sample): items stored before
// owners were recorded belong to whoever is signed in at start; items with an owner keep theirs;
// with nobody signed in an owner-less item stays unclaimed (shown to the next person who signs in).
import Taro from '@tarojs/taro'
import type { OutboxItem } from '../store'

type StoreModule = typeof import('../store')

const stored = (key: string, owner?: string | null): OutboxItem => ({
  key, kind: 'requests.create', payload: { n: key }, label: key, attempts: 0, nextAt: 0, lastError: null, failed: false, createdAt: 1, ...(owner === undefined ? {} : { owner })
})

function openApp(signedIn: string | null, items: OutboxItem[]): StoreModule['useOutbox'] {
  Taro.clearStorageSync()
  const user = signedIn ? { accountId: 'a_1', personId: signedIn, name: '张秀兰', roles: ['resident'] } : null
  Taro.setStorageSync('linli.session', JSON.stringify({ state: { token: signedIn ? 't' : null, expiresAt: signedIn ? Date.now() + 3_600_000 : null, user, privacyAccepted: true }, version: 1 }))
  Taro.setStorageSync('linli.outbox', JSON.stringify({ state: { items, receipts: [] }, version: 1 }))
  let store: StoreModule['useOutbox'] | undefined
  jest.isolateModules(() => { store = (require('../store') as StoreModule).useOutbox })
  return store as StoreModule['useOutbox']
}

afterEach(() => Taro.clearStorageSync())

it('gives owner-less items to the person signed in at start and leaves other owners alone', () => {
  const outbox = openApp('p_001', [stored('old'), stored('theirs', 'p_002'), stored('signed-out', null)])
  expect(outbox.getState().owner).toBe('p_001')
  expect(outbox.getState().items.map((i) => [i.key, i.owner])).toEqual([['old', 'p_001'], ['theirs', 'p_002'], ['signed-out', null]])
})

it('leaves owner-less items unclaimed while nobody is signed in', () => {
  const outbox = openApp(null, [stored('old'), stored('theirs', 'p_002')])
  expect(outbox.getState().owner).toBe(null)
  expect(outbox.getState().items.map((i) => [i.key, 'owner' in i, i.owner])).toEqual([['old', false, undefined], ['theirs', true, 'p_002']])
})
