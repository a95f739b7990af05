// Outbox rules at their edges (found unguarded by npm run mutate): which failures wait and which
// are refused, the first backoff steps, what flush() picks (due at exactly now, failed, someone
// else's), what a resubmission keeps, and the owner selectors.
import { ApiError } from '../../api'
import { useSession } from '../../session/store'
import {
  configureOutbox, discard, flush, isOwnItem, isRetryable, registerSender, retryDelay, retryNow, selectOutboxOf, selectOwnItems, submit, useOutbox, type OutboxItem
} from '..'

let now = 5_000_000
let online = true

beforeAll(() => {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
})

beforeEach(() => {
  now = 5_000_000
  online = true
  configureOutbox({ now: () => now, random: () => 0, retryBaseMs: 1_000, retryMaxMs: 30_000 })
  useOutbox.setState({ items: [], sending: [], receipts: [] })
  useSession.setState({ user: null })
})

const api = (status: number, code: ApiError['code'], message = '不行') => new ApiError(status, { code, message })

function scripted(kind: string, script: Array<unknown>) {
  const calls: string[] = []
  registerSender(kind, async (_payload, key) => {
    calls.push(key)
    const step = script.shift()
    if (step instanceof Error || step instanceof ApiError || (typeof step === 'object' && step !== null && 'thrown' in step)) {
      throw step instanceof Error ? step : (step as { thrown: unknown }).thrown
    }
    return step ?? { ok: true }
  })
  return calls
}

const item = (over: Partial<OutboxItem>): OutboxItem => ({
  key: 'i', kind: 'm.flush', payload: { a: 1 }, label: 'x', attempts: 0, nextAt: now, lastError: null, failed: false, createdAt: now, ...over
})

const asPerson = (personId: string | null, accountId = 'a_1') => useSession.setState({
  user: { accountId, personId, name: null, roles: [], house: null, leaderOf: [], isElderly: false, staffTitle: null } as never
})

describe('which failures wait for a retry', () => {
  it.each([
    [0, 'NETWORK', true], [0, 'TIMEOUT', true], [500, 'INTERNAL', true], [503, 'UNAVAILABLE', true], [429, 'RATE_LIMITED', true],
    [499, 'VALIDATION', false], [400, 'VALIDATION', false], [403, 'FORBIDDEN', false], [409, 'CONFLICT', false], [422, 'INVALID_STATE', false]
  ] as const)('%i %s → retryable %s', (status, code, expected) => {
    expect(isRetryable(api(status, code))).toBe(expected)
  })

  it('a 429 keeps the item for later with its message; a 422 refuses it', async () => {
    scripted('m.rate', [api(429, 'RATE_LIMITED', '操作太频繁，请稍后再试')])
    const queued = await submit('m.rate', 'r1', { a: 1 }, 'x')
    expect(queued.status).toBe('queued')
    expect(useOutbox.getState().items.map((i) => [i.key, i.attempts, i.lastError, i.failed, i.nextAt])).toEqual([['r1', 1, '操作太频繁，请稍后再试', false, now + 1_000]])
  })

  it('a thrown Error with a Chinese message is a refusal showing that message; other text is replaced', async () => {
    scripted('m.throw', [new Error('照片太大，请重新选择'), new TypeError('undefined is not a function')])
    const a = await submit('m.throw', 't1', {}, 'x')
    expect(a).toMatchObject({ status: 'refused', error: { status: 400, code: 'VALIDATION', message: '照片太大，请重新选择' } })
    const b = await submit('m.throw', 't2', {}, 'x')
    expect(b).toMatchObject({ status: 'refused', error: { status: 400, code: 'VALIDATION', message: '服务暂时出了点问题，请稍后重试' } })
    expect(useOutbox.getState().items).toEqual([])
  })
})

describe('backoff of the outbox', () => {
  it('the first retry waits the base, then doubles, capped', () => {
    expect([0, 1, 2, 3, 4].map(retryDelay)).toEqual([1_000, 1_000, 2_000, 4_000, 8_000])
    expect(retryDelay(10)).toBe(30_000)
    configureOutbox({ random: () => 0.5 })
    expect(retryDelay(2)).toBe(2_500)
  })

  it('a second failure counts on from the item and waits longer', async () => {
    scripted('m.twice', [api(0, 'NETWORK'), api(503, 'UNAVAILABLE')])
    await submit('m.twice', 'w', {}, 'x')
    await retryNow('w')
    expect(useOutbox.getState().items.map((i) => [i.attempts, i.nextAt])).toEqual([[2, now + 2_000]])
  })
})

describe('flush', () => {
  it('sends items due at exactly now, not one due a millisecond later, nor failed ones', async () => {
    const calls = scripted('m.flush', [])
    useOutbox.setState({ items: [item({ key: 'due', nextAt: now }), item({ key: 'later', nextAt: now + 1 }), item({ key: 'failed', failed: true, nextAt: now - 10 })] })
    await flush()
    expect(calls).toEqual(['due'])
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual(['later', 'failed'])
    await flush(true)
    expect(calls).toEqual(['due', 'later'])
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual(['failed'])
  })

  it('sends nothing while offline', async () => {
    const calls = scripted('m.flush', [])
    online = false
    useOutbox.setState({ items: [item({ key: 'off' })] })
    await flush(true)
    expect(calls).toEqual([])
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual(['off'])
  })

  it("never sends another person's item; an item without an owner is the signed-in person's", async () => {
    const calls = scripted('m.flush', [])
    asPerson('p_001')
    useOutbox.setState({ items: [item({ key: 'theirs', owner: 'p_002' }), item({ key: 'mine', owner: 'p_001' }), item({ key: 'old' })] })
    await flush(true)
    expect(calls).toEqual(['mine', 'old'])
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual(['theirs'])
  })

  it('items of a kind nobody sends wait', async () => {
    useOutbox.setState({ items: [item({ key: 'orphan', kind: 'm.nobody' })] })
    await flush(true)
    expect(useOutbox.getState().items.map((i) => [i.key, i.attempts])).toEqual([['orphan', 0]])
  })
})

describe('submit and the store', () => {
  it('a resubmission under the same key keeps the attempts and first filing time, records the owner', async () => {
    scripted('m.re', [api(0, 'NETWORK'), api(0, 'NETWORK')])
    asPerson(null, 'a_9')
    await submit('m.re', 'same', { v: 1 }, 'x')
    const created = useOutbox.getState().items[0].createdAt
    now += 60_000
    await submit('m.re', 'same', { v: 2 }, 'y')
    expect(useOutbox.getState().items.map((i) => [i.key, i.attempts, i.createdAt, i.payload, i.label, i.owner])).toEqual([['same', 2, created, { v: 2 }, 'y', 'account:a_9']])
  })

  it('sending is marked while the sender runs and cleared after', async () => {
    let seenSending: string[] = []
    registerSender('m.mark', async () => { seenSending = useOutbox.getState().sending; return 1 })
    await submit('m.mark', 'mk', {}, 'x')
    expect(seenSending).toEqual(['mk'])
    expect(useOutbox.getState().sending).toEqual([])
  })

  it('retryNow clears failed and tries now; discard removes only that item', async () => {
    const calls = scripted('m.flush', [])
    useOutbox.setState({ items: [item({ key: 'f', failed: true, nextAt: now + 99_999 }), item({ key: 'g', failed: true })] })
    await expect(retryNow('f')).resolves.toEqual({ status: 'sent', result: { ok: true } })
    expect(calls).toEqual(['f'])
    useOutbox.getState().put(item({ key: 'h' }))
    discard('g')
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual(['h'])
  })

  it('patch and setSending touch only their key; put replaces an item of the same key at the end', () => {
    useOutbox.setState({ items: [item({ key: 'a' }), item({ key: 'b' })] })
    const s = useOutbox.getState()
    s.patch('a', { lastError: 'x' })
    s.put(item({ key: 'b', label: 'new' }))
    s.put(item({ key: 'c' }))
    s.setSending('a', true)
    s.setSending('a', true)
    s.setSending('b', true)
    s.setSending('b', false)
    const after = useOutbox.getState()
    expect(after.items.map((i) => [i.key, i.lastError, i.label])).toEqual([['a', 'x', 'x'], ['b', null, 'new'], ['c', null, 'x']])
    expect(after.sending).toEqual(['a'])
  })

  it('selectors show the signed-in person their own items of one kind', () => {
    const state = { ...useOutbox.getState(), owner: 'p_1', items: [item({ key: 'a', owner: 'p_1', kind: 'k1' }), item({ key: 'b', owner: 'p_2', kind: 'k1' }), item({ key: 'c', kind: 'k2' }), item({ key: 'd', owner: null, kind: 'k1' })] }
    expect(selectOwnItems(state).map((i) => i.key)).toEqual(['a', 'c'])
    expect(selectOutboxOf('k1')(state).map((i) => i.key)).toEqual(['a'])
    expect(isOwnItem(item({ owner: null }), null)).toBe(true)
    expect(isOwnItem(item({ owner: 'p_1' }), null)).toBe(false)
  })

  it('claimReceipts takes only its kind and leaves the others', () => {
    const s = useOutbox.getState()
    s.addReceipt({ key: 'r1', kind: 'a', result: 1, at: 1 })
    s.addReceipt({ key: 'r2', kind: 'b', result: 2, at: 2 })
    s.addReceipt({ key: 'r1', kind: 'a', result: 3, at: 3 })
    expect(useOutbox.getState().claimReceipts('a')).toEqual([{ key: 'r1', kind: 'a', result: 3, at: 3 }])
    expect(useOutbox.getState().receipts.map((r) => r.key)).toEqual(['r2'])
  })
})

describe('data items', () => {
  it('isCallPayload needs a call object with a string path and method', async () => {
    const { isCallPayload } = await import('..')
    expect(isCallPayload({ call: { method: 'POST', path: '/x', body: {} } })).toBe(true)
    expect(isCallPayload({ call: null })).toBe(false)
    expect(isCallPayload({ call: { method: 'POST', path: 1 } })).toBe(false)
    expect(isCallPayload({ call: { path: '/x' } })).toBe(false)
    expect(isCallPayload(null)).toBe(false)
  })

  it('a data item with photos already uploaded is sent once with its own key, not retried by the client', async () => {
    const { configureClient } = await import('../../api')
    const { submitCall } = await import('..')
    const seen: Array<{ key: string | undefined; body: unknown }> = []
    configureClient({
      transport: { kind: 'http', send: async (req) => { seen.push({ key: req.headers['Idempotency-Key'], body: req.body }); return { status: 503, body: null } }, upload: async () => ({ status: 500, body: null }) },
      retries: 3, retryBaseMs: 0, retryMaxMs: 0
    })
    const call = { method: 'POST' as const, path: '/requests', body: { d: 'x' }, photos: { field: 'photos', purpose: 'request_photo' as const, items: [{ id: 'p1', localPath: 'blob:1', sendPath: null, fileId: 'f_1' }] } }
    expect((await submitCall('m.data', 'kd', call, 'x')).status).toBe('queued')
    expect(seen).toEqual([{ key: 'kd', body: { d: 'x', photos: ['f_1'] } }])
  })
})
