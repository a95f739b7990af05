// For mock tests: calls as one seeded person (a demo switch), each write with its own key.
import type { MockBackend } from '..'

export async function asPerson(backend: MockBackend, personId: string) {
  const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `s-${personId}` } })
  const token = (res.body as { token: string }).token
  let seq = 0
  return (method: 'GET' | 'POST' | 'PUT', path: string, body: unknown = {}) => backend.handle({
    method, path, body: method === 'GET' ? undefined : body,
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `${personId}-${++seq}` }
  })
}
