// Who may edit or withdraw a proposal, exactly (found unguarded by npm run mutate:sample): only its
// author; withdraw while nobody has supported it (or after it was returned), edit also only while
// nobody has commented.
import { KEY_PEOPLE } from '..'
import { findProposal, householdsIn } from '../handlers/council-store'
import { setup } from './timebank-fixture'

const { elderlyResident: wang, leader: li, resident: zhou } = KEY_PEOPLE
const draft = { title: '3栋楼下增设休息座椅', reason: '老人下楼散步走不远，楼下没有可以坐的地方。', solution: '在3栋门口绿化带旁放置两张长椅。', scope: { kind: 'buildings', ids: ['b_3'] }, kind: 'resident' }

interface View { id: string; mine: boolean; canEdit: boolean; canWithdraw: boolean }

it('edit and withdraw belong to the author, before supports (withdraw) and comments (edit)', async () => {
  const t = setup()
  const rights = async (as: string, id: string) => {
    const { body } = await t.get<View>(as, `/council/proposals/${id}`)
    return { mine: body.mine, canEdit: body.canEdit, canWithdraw: body.canWithdraw }
  }
  const raised = await t.post<View>(wang, '/council/proposals', draft)
  expect(raised.status).toBe(200)
  const id = raised.body.id
  expect(await rights(wang, id)).toEqual({ mine: true, canEdit: true, canWithdraw: true })
  expect(await rights(li, id)).toEqual({ mine: false, canEdit: false, canWithdraw: false })

  expect((await t.post(li, `/council/proposals/${id}/comments`, { body: '赞成，楼下确实需要。' })).status).toBe(200)
  expect(await rights(wang, id)).toEqual({ mine: true, canEdit: false, canWithdraw: true })

  expect((await t.post(li, `/council/proposals/${id}/support`)).status).toBe(200)
  expect(await rights(wang, id)).toEqual({ mine: true, canEdit: false, canWithdraw: false })
  expect(await rights(zhou, id)).toEqual({ mine: false, canEdit: false, canWithdraw: false })

  // Returned for changes: the author may edit and withdraw again, nobody else.
  findProposal(t.db(), id)!.stage = 'returned'
  expect(await rights(wang, id)).toEqual({ mine: true, canEdit: true, canWithdraw: true })
  expect(await rights(li, id)).toEqual({ mine: false, canEdit: false, canWithdraw: false })
})

it('counts 群众评议 answers per choice, one per household, and shows each household its own', async () => {
  const t = setup()
  const r = findProposal(t.db(), 'cp_0008')!
  expect(r.stage).toBe('evaluating')
  const rooms = householdsIn(t.db(), r.scope)
  const people = rooms.map((room) => t.db().persons.find((p) => p.roomId === room)?.id).filter((id): id is string => Boolean(id)).slice(0, 4)
  expect(people).toHaveLength(4)
  const answers = ['satisfied', 'basic', 'unsatisfied', 'satisfied']
  for (const [i, person] of people.entries()) expect((await t.post(person, '/council/proposals/cp_0008/evaluate', { rating: answers[i] })).status).toBe(200)
  const evaluation = async (as: string) => (await t.get<{ evaluation: Record<string, unknown> }>(as, '/council/proposals/cp_0008')).body.evaluation
  expect(await evaluation(people[1])).toMatchObject({ satisfied: 2, basic: 1, unsatisfied: 1, households: rooms.length, mine: 'basic' })
  expect((await evaluation(people[2])).mine).toBe('unsatisfied')
})

it('offers 支持 exactly when there is no problem with it, and names the problem otherwise', async () => {
  const t = setup()
  const r = findProposal(t.db(), 'cp_0001')!
  expect(r.stage).toBe('gathering')
  const rooms = householdsIn(t.db(), r.scope)
  const supportedRooms = r.supports.map((s) => s.roomId)
  const neighbour = t.db().persons.find((p) => p.roomId && rooms.includes(p.roomId) && !supportedRooms.includes(p.roomId) && p.id !== r.authorId)!
  expect(neighbour.id).toMatch(/^p_/)
  const support = async (as: string) => {
    const v = (await t.get<{ canSupport: boolean; supportProblem: string | null }>(as, '/council/proposals/cp_0001')).body
    return [v.canSupport, v.supportProblem]
  }
  expect(await support(neighbour.id)).toEqual([true, null])
  expect(await support(zhou)).toEqual([false, '仅3栋的居民可以支持'])
  expect(await support('p_004')).toEqual([false, '社区工作人员不参与支持'])
})
