// A double tap while the first try is on its way (a seed-13 survivor of npm run mutate:sample): the
// second submit joins the first; it does not overwrite what is being sent, so a retry later sends
// exactly what the first tap sent, under the same key.
import { ApiError } from '../../api'
import { useSession } from '../../session/store'
import { configureOutbox, registerSender, submit, useOutbox } from '..'

const now = 7_000_000

beforeEach(() => {
  configureOutbox({ now: () => now, random: () => 0, retryBaseMs: 1_000, retryMaxMs: 30_000 })
  useOutbox.setState({ items: [], sending: [], receipts: [] })
  useSession.setState({ user: null })
})

it('keeps the first payload, label and creation time when the same key is tapped again mid-send', async () => {
  const sent: unknown[] = []
  let fail: (e: unknown) => void = () => undefined
  registerSender('m.tap', (payload) => {
    sent.push(payload)
    return new Promise((_resolve, reject) => { fail = reject })
  })
  const first = submit('m.tap', 'tap-1', { text: '第一次' }, '第一次')
  const second = submit('m.tap', 'tap-1', { text: '第二次' }, '第二次')
  fail(new ApiError(0, { code: 'NETWORK', message: '网络不可用' }))
  const outcomes = await Promise.all([first, second])
  expect(outcomes.map((o) => o.status)).toEqual(['queued', 'queued'])
  expect(sent).toEqual([{ text: '第一次' }])
  expect(useOutbox.getState().items.map((i) => [i.key, i.payload, i.label, i.attempts, i.createdAt])).toEqual([['tap-1', { text: '第一次' }, '第一次', 1, now]])
})
