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
