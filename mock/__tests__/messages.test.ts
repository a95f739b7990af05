import { createMockBackend, KEY_PEOPLE } from '..'
import { pushMessage } from '../handlers/messages'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
let key = 0
const headers = (token: string, keyed = false) => ({ Authorization: `Bearer ${token}`, ...(keyed ? { 'Idempotency-Key': `mk${++key}` } : {}) })

async function as(personId: string) {
  const backend = createMockBackend({ now: () => NOW })
  const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `mk${++key}` } })
  const token = (res.body as { token: string }).token
  backend.db().messages = [] // start from an empty inbox; the notices seed sends messages too
  const get = (path: string) => backend.handle({ method: 'GET', path, headers: headers(token) })
  const post = (path: string, body: unknown = {}) => backend.handle({ method: 'POST', path, body, headers: headers(token, true) })
  return { backend, token, get, post }
}

describe('message center in the mock', () => {
  it('delivers a pushed message once per person, newest first, with the unread count', async () => {
    const { backend, get } = await as(KEY_PEOPLE.elderlyResident)
    const db = backend.db()
    pushMessage(db, { personIds: [KEY_PEOPLE.elderlyResident], kind: 'request_status', title: '您的诉求已受理', body: '社区已受理', link: '/requests/pages/detail/index?id=sr_0001', at: NOW - 60_000 })
    pushMessage(db, { personIds: [KEY_PEOPLE.elderlyResident, KEY_PEOPLE.elderlyResident, KEY_PEOPLE.resident], kind: 'notice', title: '停水通知', body: '明天停水', at: NOW })
    const res = await get('/messages')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ total: 2, unread: 2, items: [{ title: '停水通知', read: false, link: null }, { title: '您的诉求已受理', kind: 'request_status' }] })
    expect(await get('/messages?kind=request_status')).toMatchObject({ body: { total: 1 } })
  })

  it('marks one and then all read, and never shows another person\'s message', async () => {
    const { backend, get, post } = await as(KEY_PEOPLE.elderlyResident)
    const [mine] = pushMessage(backend.db(), { personIds: [KEY_PEOPLE.elderlyResident], kind: 'reminder', title: 'a', body: 'b', at: NOW })
    pushMessage(backend.db(), { personIds: [KEY_PEOPLE.elderlyResident], kind: 'reminder', title: 'c', body: 'd', at: NOW })
    const [theirs] = pushMessage(backend.db(), { personIds: [KEY_PEOPLE.resident], kind: 'reminder', title: 'x', body: 'y', at: NOW })
    expect(await post(`/messages/${mine.id}/read`)).toMatchObject({ status: 200, body: { read: true } })
    expect(await get('/messages/unread-count')).toMatchObject({ body: { unread: 1 } })
    expect(await post(`/messages/${theirs.id}/read`)).toMatchObject({ status: 404, body: { message: '这条消息不存在或已被删除' } })
    expect(await post('/messages/read-all')).toMatchObject({ body: { unread: 0, marked: 1 } })
    expect(await get('/messages/unread-count')).toMatchObject({ body: { unread: 0 } })
  })

  it('needs a session', async () => {
    const backend = createMockBackend({ now: () => NOW })
    expect(await backend.handle({ method: 'GET', path: '/messages' })).toMatchObject({ status: 401 })
  })
})
