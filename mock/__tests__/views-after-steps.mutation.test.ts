// What people read after three steps (seed-13 survivors of npm run mutate:sample): a 受理 without
// a note is one plain timeline line with no photos; a 群众评议 round nobody answered is archived in
// words; an author's own notice counts as read.
import { KEY_PEOPLE } from '..'
import type { ServiceRequest } from '../../types/contract'
import { findProposal, isElderly } from '../handlers/council-store'
import { setup as requestsSetup } from './requests-fixture'
import { P, setup } from './timebank-fixture'

it('records 受理 with no note as note null and no photos, to the filer and to staff', async () => {
  const t = await requestsSetup()
  const r = await t.file()
  const accepted = await t.staff(r.id, 'accept', { note: '' })
  expect(accepted.status).toBe(200)
  const last = (x: ServiceRequest) => x.timeline[x.timeline.length - 1]
  expect(last(accepted.body)).toMatchObject({ kind: 'accepted', status: 'accepted', note: null, photos: [] })
  const filer = (await t.get<ServiceRequest>(`/requests/${r.id}`, KEY_PEOPLE.resident)).body
  expect(last(filer)).toMatchObject({ kind: 'accepted', note: null, photos: [] })
})

it('archives a 群众评议 round nobody answered once it ends, saying so', async () => {
  const t = setup()
  const ends = Date.parse(findProposal(t.db(), 'cp_0008')!.evaluation!.roundEndsAt)
  t.advance(ends - t.now() + 60_000)
  const view = (await t.get<{ stage: string; history: { action: string; note: string | null; actorName: string }[] }>(P.resident, '/council/proposals/cp_0008')).body
  expect(view.stage).toBe('archived')
  expect(view.history[view.history.length - 1]).toEqual(expect.objectContaining({ action: '归档', actorName: '系统', note: '评议期内无人评议，按期归档' }))
})

it("counts a notice as read for its author, and for a neighbour only once opened", async () => {
  const t = setup()
  const posted = await t.post<{ id: string; read: boolean }>(P.leader, '/notices', { title: '周六停水通知', body: '周六上午9点到12点停水检修，请提前储水。', category: 'outage', targets: [{ scope: 'building', id: 'b_3' }] })
  expect(posted.status).toBe(200)
  const id = posted.body.id
  const readFor = async (as: string) => (await t.get<{ items: { id: string; read: boolean }[] }>(as, '/notices/feed')).body.items.find((n) => n.id === id)?.read
  expect(await readFor(P.leader)).toBe(true)
  expect(await readFor(P.elderlyResident)).toBe(false)
  expect((await t.get(P.elderlyResident, `/notices/${id}`)).status).toBe(200)
  expect(await readFor(P.elderlyResident)).toBe(true)
})

it("shows each resident their own 委托 only: the delegate's name to the one who entrusted, nothing to a neighbour", async () => {
  const t = setup()
  const r = findProposal(t.db(), 'cp_0004')!
  const neighbour = t.db().persons.find((p) => p.id !== P.elderlyResident && p.id !== P.leader && p.leaderOf.length === 0 && p.roomId?.startsWith('r_3_'))!
  expect(neighbour.id).toMatch(/^p_/)
  expect(r.vote!.delegations).toEqual([])
  const delegated = await t.post(P.elderlyResident, '/council/proposals/cp_0004/delegations', { leaderId: P.leader })
  expect(delegated.status).toBe(200)
  const delegateOf = async (as: string) => (await t.get<{ vote: { myDelegate: string | null } }>(as, '/council/proposals/cp_0004')).body.vote.myDelegate
  expect([await delegateOf(P.elderlyResident), await delegateOf(neighbour.id)]).toEqual(['李建国', null])
})

it('names every kind of notice target in words: 社区, 小区, 楼栋 and 单元', async () => {
  const t = setup()
  const estates = Object.fromEntries(t.db().estates.map((e) => [e.id, e.name]))
  const targets = [{ scope: 'community', id: t.db().community.id }, { scope: 'estate', id: 'e_2' }, { scope: 'building', id: 'b_4' }, { scope: 'unit', id: 'u_3_2' }]
  const posted = await t.post<{ targetLabel: string }>(P.staff, '/notices', { title: '消防检查通知', body: '本周五上午检查楼道消防设施，请清理楼道杂物。', category: 'safety', targets })
  expect(posted.status).toBe(200)
  expect(posted.body.targetLabel).toBe(`${t.db().community.name}、${estates.e_2}、4栋、3栋2单元`)
})

it("marks which entrusted households the 楼长 has already voted for, and only those", async () => {
  const t = setup()
  const neighbours = t.db().persons.filter((p) => p.leaderOf.length === 0 && p.roomId?.startsWith('r_3_') && isElderly(p, t.now()))
  const rooms = new Set<string>()
  const [a, b] = neighbours.filter((p) => !rooms.has(p.roomId!) && rooms.add(p.roomId!)).filter((p) => !Object.keys(findProposal(t.db(), 'cp_0004')!.vote!.ballots).some((u) => u.includes(p.roomId!)))
  for (const p of [a, b]) expect((await t.post(p.id, '/council/proposals/cp_0004/delegations', { leaderId: P.leader })).status).toBe(200)
  const voted = await t.post(P.leader, '/council/proposals/cp_0004/ballot', { choices: ['yes'], onBehalfOf: a.id })
  expect(voted.status).toBe(200)
  const entrusted = (await t.get<{ vote: { entrustedToMe: { personId: string; name: string; proxied: boolean }[] } }>(P.leader, '/council/proposals/cp_0004')).body.vote.entrustedToMe
  expect(entrusted.map((e) => [e.personId, e.name, e.proxied]).sort()).toEqual([[a.id, a.name, true], [b.id, b.name, false]].sort())
})
