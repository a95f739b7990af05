// What the author and supporters are told after 社区审查 (found unguarded by npm run
// mutate:sample): the outcome in words and the reason, for each outcome.
import { findProposal } from '../handlers/council-store'
import { P, setup } from './timebank-fixture'

interface Message { title: string; body: string; link: string }

describe('review outcome message', () => {
  it.each([
    ['return', '退回修改'],
    ['agenda', '已列入议程，进入协商讨论'],
    ['reject', '不予立项']
  ])('%s: 「%s。理由：…」 to the author and every supporter', async (outcome, words) => {
    const t = setup()
    const reason = '请补充施工位置和预算。'
    const supporters = findProposal(t.db(), 'cp_0002')!.supports.map((s) => s.personId)
    expect(supporters).toHaveLength(3)
    expect((await t.post(P.staff, '/council/staff/proposals/cp_0002/review', { outcome, reason })).status).toBe(200)
    for (const person of [P.resident, ...supporters]) {
      const latest = (await t.get<{ items: Message[] }>(person, '/messages')).body.items[0]
      expect(latest).toMatchObject({ title: '议题审查结果：桂花苑增设电动车充电桩', body: `${words}。理由：${reason}`, link: '/council/pages/detail/index?id=cp_0002' })
    }
  })
})

it('records 明确责任单位和节点 in the history when staff plan the execution, with who and by when', async () => {
  const t = setup()
  expect(findProposal(t.db(), 'cp_0007')!.stage).toBe('executing')
  const planned = await t.post<{ history: { action: string; actorName: string; note: string | null }[] }>(P.staff, '/council/staff/proposals/cp_0007/execution', {
    responsible: '锦绣园物业服务中心', dueOn: '2026-12-20', milestones: [{ title: '采购灯具', dueOn: '2026-12-10' }]
  })
  expect(planned.status).toBe(200)
  expect(planned.body.history[planned.body.history.length - 1]).toEqual({ at: new Date(t.now()).toISOString(), stage: 'executing', action: '明确责任单位和节点', actorName: '社区网格员 陈静', note: '锦绣园物业服务中心，2026-12-20 前完成' })
})
