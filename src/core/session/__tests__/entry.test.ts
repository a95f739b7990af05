import { entryRedirect } from '../entry'

const visitor = { token: null, isMember: false }
const signedInNoHouse = { token: 't', isMember: false }
const member = { token: 't', isMember: true }

test('a first-time visitor opening the entry starts on welcome', () => {
  for (const route of ['', '#', '#/', '#/pages/home/index', '#/pages/home/index?from=share', '/', '/index.html', '/pages/home/index']) {
    expect([route, entryRedirect(route, visitor)]).toEqual([route, '/account/pages/welcome/index'])
  }
})

test('signed in but not bound to a house: starts on bind', () => {
  expect(entryRedirect('#/pages/home/index', signedInNoHouse)).toBe('/account/pages/bind/index')
  expect(entryRedirect('', signedInNoHouse)).toBe('/account/pages/bind/index')
})

test('a member starts where the URL says', () => {
  expect(entryRedirect('', member)).toBeNull()
  expect(entryRedirect('#/pages/home/index', member)).toBeNull()
})

test('deep links are left to their own page', () => {
  expect(entryRedirect('#/notices/pages/detail/index?id=n_1', visitor)).toBeNull()
  expect(entryRedirect('#/pages/me/index', visitor)).toBeNull()
  expect(entryRedirect('#/account/pages/privacy/index', visitor)).toBeNull()
})
