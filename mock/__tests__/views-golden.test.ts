// Characterization ("golden") test of every read view on the seed: each GET endpoint of the table,
// for every kind of person (resident, elder, 楼长 of two estates, volunteer, staff, director, a
// paused volunteer), on every seeded id, at the seed's clock and eight days later (votes opened and
// closed, 公示 ended, offers lapsed, by the mock's own ticks). One line per answer, compared with
// the committed snapshot, so any change to what a person is shown — a label, a filter, an order, a
// count, a masked name, a flag — shows up as a diff to review. It proves no rule by itself: the
// rules have their own tests. When a change is intended, review the diff and run
// `npx jest mock/__tests__/views-golden.test.ts -u`.
//
// It also checks one privacy promise over all of it: no phone number appears in any answer except
// the contacts directory (office lines; a resident's own 楼长), a person's own profile, and the
// filer's contact on a request as staff see it (to call back).
import { createMemoryStorage, createMockBackend, KEY_PEOPLE, type MockBackend } from '..'
import { endpoints } from '../../types/contract'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const DAY = 86400_000
const PEOPLE = [...Object.values(KEY_PEOPLE), 'p_065']

/** Every GET of the endpoint table, with the query variants and seeded ids it is read with. */
function reads(backend: MockBackend): string[] {
  const db = backend.db()
  const ids: Record<string, string[]> = {
    '/council/proposals/:id': (db.proposals ?? []).map((p) => p.id),
    '/council/proposals/:id/voters': (db.proposals ?? []).filter((p) => p.vote).map((p) => p.id),
    '/council/staff/proposals/:id/proxy-candidates': (db.proposals ?? []).filter((p) => p.vote).map((p) => p.id),
    '/notices/:id': (db.notices ?? []).map((n) => n.id),
    '/notices/:id/receipts': (db.notices ?? []).map((n) => n.id),
    '/requests/:id': (db.serviceRequests ?? []).map((r) => r.id),
    '/timebank/goods/:id': (db.timebank?.goods ?? []).map((g) => g.id),
    '/timebank/exchanges/:id': (db.timebank?.exchanges ?? []).map((x) => x.id),
    '/volunteer/help/:id': (db.volunteer?.help ?? []).map((h) => h.id),
    '/volunteer/activities/:id': (db.volunteer?.activities ?? []).map((a) => a.id),
    '/volunteer/slots/:slotId/roster': (db.volunteer?.activities ?? []).flatMap((a) => a.slots.map((s) => s.id))
  }
  const queries: Record<string, string[]> = {
    '/council/proposals': ['', '?view=done', '?view=mine', '?view=all', '?view=all&stage=voting'],
    '/staff/requests': ['', '?status=submitted', '?status=closed', '?status=declined'],
    '/requests/public': ['', '?categoryCode=streetlight'],
    '/requests/similar': ['?categoryCode=streetlight&placeId=b_1', '?categoryCode=noise&placeId=s_garden'],
    '/requests/quick-answers': ['?text=' + encodeURIComponent('家里停水了'), '?text=' + encodeURIComponent('路灯不亮')],
    '/requests/places/nearest': ['?lat=30.2741&lng=120.1551'],
    '/volunteer/help': ['?view=open', '?view=claimed', '?view=asked', '?view=staff'],
    '/volunteer/activities': ['?view=upcoming', '?view=organising', '?view=past'],
    '/timebank/statement': ['', '?month=2026-11'],
    '/timebank/orders/open': ['']
  }
  const skip = new Set(['/files/:id', '/volunteer/slots/:slotId/code'])
  const out: string[] = []
  for (const e of Object.values(endpoints)) {
    if (e.method !== 'GET' || skip.has(e.path)) continue
    if (e.path.includes(':')) {
      const list = ids[e.path]
      if (!list) throw new Error(`no ids for ${e.path}: add them to the golden test`)
      for (const id of list) out.push(e.path.replace(/:[a-zA-Z]+/, id))
    } else {
      for (const q of queries[e.path] ?? ['']) out.push(e.path + q)
    }
  }
  return out
}

const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/
const STAFF: string[] = [KEY_PEOPLE.staff, KEY_PEOPLE.director]

/** The answer's text with the phone numbers a viewer may see taken out: staff call a filer back on a request's `contact`. */
function phonesNotAllowed(personId: string, path: string, body: unknown): string | null {
  if (path === '/contacts' || path === '/me') return null
  const text = JSON.stringify(body, (key, value: unknown) => (STAFF.includes(personId) && key === 'contact' ? '(filer contact, staff only)' : value))
  return PHONE.exec(text)?.[0] ?? null
}

async function views(at: number): Promise<Record<string, string>> {
  let now = NOW
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => now })
  const tokens: Record<string, string> = {}
  for (const personId of PEOPLE) {
    const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `g-${personId}` } })
    tokens[personId] = (res.body as { token: string }).token
  }
  now = at
  const paths = reads(backend)
  const byPerson: Record<string, string> = {}
  for (const personId of PEOPLE) {
    const lines: string[] = []
    for (const path of paths) {
      const res = await backend.handle({ method: 'GET', path, headers: { Authorization: `Bearer ${tokens[personId]}` } })
      const body = JSON.stringify(res.body)
      const phone = phonesNotAllowed(personId, path, res.body)
      if (phone) throw new Error(`${personId} GET ${path} shows a phone number: ${phone}`)
      lines.push(`${path} → ${res.status} ${body}`)
    }
    byPerson[personId] = lines.join('\n')
  }
  return byPerson
}

describe.each([
  ['at the seed clock', NOW],
  ['eight days later', NOW + 8 * DAY]
])('every read view %s', (_label, at) => {
  let seen: Record<string, string>
  beforeAll(async () => { seen = await views(at) })
  it.each(PEOPLE)('as %s', (personId) => {
    expect(seen[personId]).toMatchSnapshot()
  })
})
