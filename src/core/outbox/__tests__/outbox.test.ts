import { ApiError } from '../../api'
import { taroStateStorage } from '../../storage'
import { claimReceipts, configureOutbox, onOutboxSent, RECEIPTS_MAX, registerSender, retryDelay, retryNow, startOutbox, submit, submitCall, useOutbox } from '..'

// The photo pipeline (compress + upload) has its own tests; here only which photos are sent.
jest.mock('../../media/send', () => ({ sendPhoto: jest.fn(async (_p: unknown, o: { idempotencyKey: string }) => ({ file: { id: `f_new_${o.idempotencyKey}`, url: '/f' }, sendPath: 'x', sentBytes: 1 })) }))

const networkError = () => new ApiError(0, { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
let now = 1_000_000
let online = true

beforeAll(() => {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
})

beforeEach(() => {
  now = 1_000_000
  online = true
  configureOutbox({ now: () => now, random: () => 0, retryBaseMs: 2_000, retryMaxMs: 60_000 })
  useOutbox.setState({ items: [], sending: [] })
})

function fakeSender(kind: string, script: Array<'ok' | 'network' | 'refuse'>) {
  const calls: Array<{ payload: unknown; key: string }> = []
  registerSender<{ text: string }, { id: string }>(kind, async (payload, key) => {
    calls.push({ payload, key })
    await new Promise((r) => setTimeout(r, 5))
    const step = script.shift() ?? 'ok'
    if (step === 'network') throw networkError()
    if (step === 'refuse') throw new ApiError(422, { code: 'INVALID_STATE', message: '该诉求已办结，不能重复提交' })
    return { id: `sr_${calls.length}` }
  })
  return calls
}

describe('outbox', () => {
  it('sends at once and leaves nothing behind', async () => {
    const calls = fakeSender('t.ok', ['ok'])
    const heard: string[] = []
    const off = onOutboxSent((item) => heard.push(item.key))
    const outcome = await submit('t.ok', 'k1', { text: 'a' }, '路灯')
    off()
    expect(outcome).toEqual({ status: 'sent', result: { id: 'sr_1' } })
    expect(calls).toEqual([{ payload: { text: 'a' }, key: 'k1' }])
    expect(useOutbox.getState().items).toEqual([])
    expect(heard).toEqual(['k1'])
  })

  it('keeps a submission that hit a network failure, persisted with its error and next try', async () => {
    fakeSender('t.net', ['network'])
    const outcome = await submit('t.net', 'k2', { text: 'b' }, '路灯 · 3栋')
    expect(outcome.status).toBe('queued')
    const [item] = useOutbox.getState().items
    expect(item).toMatchObject({ key: 'k2', attempts: 1, lastError: '网络连接失败，请检查网络后重试', nextAt: now + 2_000, failed: false })
    const stored = JSON.parse(taroStateStorage.getItem('linli.outbox') as string) as { state: { items: Array<{ key: string }> } }
    expect(stored.state.items.map((i) => i.key)).toEqual(['k2'])
  })

  it('files a double tap once: the second submit joins the first', async () => {
    const calls = fakeSender('t.double', ['ok', 'ok'])
    const [a, b] = await Promise.all([submit('t.double', 'k3', { text: 'c' }, 'x'), submit('t.double', 'k3', { text: 'c' }, 'x')])
    expect(calls).toHaveLength(1)
    expect(a).toEqual(b)
  })

  it('hands a refusal back to the form and drops the item', async () => {
    fakeSender('t.refuse', ['refuse'])
    const outcome = await submit('t.refuse', 'k4', { text: 'd' }, 'x')
    expect(outcome).toMatchObject({ status: 'refused', error: { message: '该诉求已办结，不能重复提交' } })
    expect(useOutbox.getState().items).toEqual([])
  })

  it('backs off exponentially with jitter, up to the cap', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 16_000])
    expect(retryDelay(20)).toBe(60_000)
    configureOutbox({ random: () => 1 })
    expect(retryDelay(1)).toBe(3_000)
  })

  it('retries on its own after the backoff delay', async () => {
    jest.useFakeTimers()
    try {
      const calls = fakeSender('t.later', ['network', 'ok'])
      startOutbox()
      const first = submit('t.later', 'k5', { text: 'e' }, 'x')
      await jest.advanceTimersByTimeAsync(10)
      expect((await first).status).toBe('queued')
      now += 2_000
      await jest.advanceTimersByTimeAsync(2_010)
      expect(calls).toHaveLength(2)
      expect(useOutbox.getState().items).toEqual([])
    } finally {
      jest.useRealTimers()
    }
  })

  it('sends at once when the network comes back, without waiting for the backoff', async () => {
    const calls = fakeSender('t.regain', ['network', 'ok'])
    startOutbox()
    online = false
    await submit('t.regain', 'k6', { text: 'f' }, 'x')
    expect(useOutbox.getState().items).toHaveLength(1)
    window.dispatchEvent(new Event('offline'))
    online = true
    window.dispatchEvent(new Event('online'))
    await new Promise((r) => setTimeout(r, 30))
    expect(calls).toHaveLength(2)
    expect(useOutbox.getState().items).toEqual([])
  })

  it('keeps a background refusal visible as failed until the resident acts', async () => {
    fakeSender('t.bg', ['network', 'refuse', 'ok'])
    await submit('t.bg', 'k7', { text: 'g' }, 'x')
    const outcome = await retryNow('k7')
    expect(outcome.status).toBe('refused')
    expect(useOutbox.getState().items[0]).toMatchObject({ key: 'k7', failed: true, attempts: 2, lastError: '该诉求已办结，不能重复提交' })
    expect((await retryNow('k7')).status).toBe('sent')
  })

  it('sends items kept from before a restart as soon as the runner starts, not after their backoff', async () => {
    startOutbox()() // a runner from an earlier test stops: this is a fresh start of the app
    // As persisted by the last session: one waiting out a 5-minute backoff, one refused for good.
    const kept = { payload: { text: 'h' }, label: 'x', attempts: 6, lastError: '网络连接失败，请检查网络后重试', createdAt: now - 600_000 }
    useOutbox.setState({ items: [
      { ...kept, key: 'k8', kind: 't.restart', nextAt: now + 300_000, failed: false },
      { ...kept, key: 'k9', kind: 't.restart', nextAt: now, failed: true }
    ] })
    const calls = fakeSender('t.restart', ['ok'])
    expect(calls).toEqual([]) // registering alone waits for the backoff
    const stop = startOutbox()
    await new Promise((r) => setTimeout(r, 30))
    stop()
    expect(calls.map((c) => c.key)).toEqual(['k8'])
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual(['k9'])
  })
})

describe('outbox data items (sent by core)', () => {
  const { configureClient } = jest.requireActual('../../api') as typeof import('../../api')
  function transport(script: Array<number>) {
    const seen: Array<{ method: string; path: string; body: unknown; key: string | undefined }> = []
    configureClient({
      transport: {
        kind: 'http',
        send: async (req) => {
          seen.push({ method: req.method, path: req.path, body: req.body, key: req.headers['Idempotency-Key'] })
          const status = script.shift() ?? 200
          return status < 400 ? { status, body: { id: 'sr_9', n: seen.length } } : { status, body: { error: { code: status === 422 ? 'INVALID_STATE' : 'INTERNAL', message: '不行' } } }
        },
        upload: async () => ({ status: 200, body: { id: 'f_1', url: '/f_1' } })
      },
      retries: 0
    })
    return seen
  }

  it('sends with no sender registered, with its own key, and keeps the answer as a receipt until claimed', async () => {
    const seen = transport([200])
    const outcome = await submitCall('feature.vote', 'kv1', { method: 'POST', path: '/council/p_1/ballots', body: { choice: 'yes' } }, '投票')
    expect(outcome).toEqual({ status: 'sent', result: { id: 'sr_9', n: 1 } })
    expect(seen).toEqual([{ method: 'POST', path: '/council/p_1/ballots', body: { choice: 'yes' }, key: 'kv1' }])
    expect(useOutbox.getState().items).toEqual([])
    expect(claimReceipts('other.kind')).toEqual([])
    expect(claimReceipts('feature.vote')).toEqual([{ key: 'kv1', result: { id: 'sr_9', n: 1 } }])
    expect(claimReceipts('feature.vote')).toEqual([])
  })

  it('a kept item goes out at start with its original key; a 5xx keeps it for later, a 4xx refuses it', async () => {
    const seen = transport([503, 200])
    useOutbox.setState({ receipts: [], items: [{ key: 'kept', kind: 'feature.signup', payload: { call: { method: 'POST', path: '/x', body: { a: 1 } } }, label: '报名', attempts: 3, nextAt: now + 600_000, lastError: null, failed: false, createdAt: now }] })
    const stop = startOutbox()
    for (let i = 0; i < 50 && seen.length < 1; i++) await new Promise((r) => setTimeout(r, 5))
    await new Promise((r) => setTimeout(r, 10))
    expect(seen.map((s) => s.key)).toEqual(['kept'])
    expect(useOutbox.getState().items.map((i) => [i.key, i.attempts, i.failed])).toEqual([['kept', 4, false]])
    now += 10 * 60_000
    await retryNow('kept')
    expect(seen.map((s) => s.key)).toEqual(['kept', 'kept'])
    expect(useOutbox.getState().items).toEqual([])
    expect(useOutbox.getState().receipts.map((r) => r.key)).toEqual(['kept'])
    stop()

    transport([422])
    const refused = await submitCall('feature.signup', 'k422', { method: 'POST', path: '/x', body: {} }, '报名')
    expect(refused.status).toBe('refused')
    expect(useOutbox.getState().items).toEqual([])
  })

  it('uploads photos without an id first, saves each id on the item, and never uploads one twice', async () => {
    const seen = transport([503, 200])
    const { sendPhoto } = jest.requireMock('../../media/send') as { sendPhoto: jest.Mock }
    sendPhoto.mockClear()
    const call = { method: 'POST' as const, path: '/requests', body: { d: 'x' }, photos: { field: 'photos', purpose: 'request_photo' as const, items: [
      { id: 'p1', localPath: 'blob:1', sendPath: null, fileId: 'f_old' },
      { id: 'p2', localPath: 'blob:2', sendPath: null, fileId: null }
    ] } }
    expect((await submitCall('feature.req', 'kp', call, '诉求')).status).toBe('queued')
    expect(sendPhoto.mock.calls.map((c) => c[1].idempotencyKey)).toEqual(['p2'])
    expect((useOutbox.getState().items[0].payload as { call: typeof call }).call.photos.items.map((p) => p.fileId)).toEqual(['f_old', 'f_new_p2'])
    await retryNow('kp')
    expect(sendPhoto).toHaveBeenCalledTimes(1)
    expect(seen.map((s) => s.body)).toEqual([{ d: 'x', photos: ['f_old', 'f_new_p2'] }, { d: 'x', photos: ['f_old', 'f_new_p2'] }])
  })

  it('keeps at most RECEIPTS_MAX receipts, dropping the oldest', () => {
    useOutbox.setState({ receipts: [] })
    for (let i = 0; i < RECEIPTS_MAX + 3; i++) useOutbox.getState().addReceipt({ key: `r${i}`, kind: 'k', result: i, at: i })
    const keys = useOutbox.getState().receipts.map((r) => r.key)
    expect(keys).toHaveLength(RECEIPTS_MAX)
    expect(keys[0]).toBe('r3')
    expect(keys[RECEIPTS_MAX - 1]).toBe(`r${RECEIPTS_MAX + 2}`)
  })
})
