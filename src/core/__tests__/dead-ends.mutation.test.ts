// No dead ends (a seed-14 no-coverage mutant of npm run mutate:sample): an unknown route opens
// 页面不存在; a bad path inside that page itself does not loop; a failed redirect relaunches.
type Listener = (res: { path?: string }) => void
interface Fake { onPageNotFound: jest.Mock; redirectTo: jest.Mock; reLaunch: jest.Mock }

/** A fresh copy of the module (its guard is installed once per app) over a fresh Taro. */
function start(redirect: () => Promise<unknown> = () => Promise.resolve()): { fire: Listener; taro: Fake; again: () => void } {
  let taro = {} as Fake
  let startGuards = () => undefined as void
  jest.isolateModules(() => {
    const real = require('@tarojs/taro') as { default: Fake }
    taro = real.default
    taro.onPageNotFound = jest.fn()
    taro.redirectTo = jest.fn(redirect)
    taro.reLaunch = jest.fn(() => Promise.resolve())
    startGuards = (require('../dead-ends') as typeof import('../dead-ends')).startDeadEndGuards
  })
  startGuards()
  const listener = taro.onPageNotFound.mock.calls[0]?.[0] as Listener
  return { fire: (res) => listener(res), taro, again: startGuards }
}

const NOT_FOUND = [{ url: '/account/pages/not-found/index' }]

it('opens 页面不存在 for an unknown page, once per event, and not from inside that page', async () => {
  const { fire, taro } = start()
  fire({ path: 'pages/gone/index' })
  expect(taro.redirectTo.mock.calls).toEqual([NOT_FOUND])
  fire({ path: 'account/pages/not-found/index' })
  fire({ path: '/account/pages/not-found/index?x=1' })
  expect(taro.redirectTo).toHaveBeenCalledTimes(1)
  fire({})
  expect(taro.redirectTo).toHaveBeenCalledTimes(2)
  await new Promise((r) => setTimeout(r, 0))
  expect(taro.reLaunch).not.toHaveBeenCalled()
})

it('relaunches on 页面不存在 when the redirect fails (page stack full)', async () => {
  const { fire, taro } = start(() => Promise.reject(new Error('redirectTo:fail')))
  fire({ path: 'pages/gone/index' })
  await new Promise((r) => setTimeout(r, 0))
  expect(taro.reLaunch.mock.calls).toEqual([NOT_FOUND])
})

it('installs its guard once however often it is started', () => {
  const { taro, again } = start()
  again()
  again()
  expect(taro.onPageNotFound).toHaveBeenCalledTimes(1)
})
