// Scheduling a vote (a seed-12 survivor of npm run mutate:sample): only a proposal in 协商讨论 can
// be put to a vote; every other stage, and the same proposal once scheduled, is refused in words.
import { findProposal } from '../handlers/council-store'
import { P, setup } from './timebank-fixture'

const question = { type: 'yesno', text: '是否同意按登记顺序轮换分配车位？' }
const body = { question, opensAt: '2026-12-07T00:00:00.000Z', closesAt: '2026-12-14T00:00:00.000Z' }

it('schedules from 协商讨论 only', async () => {
  const t = setup()
  const stages = Object.fromEntries(['cp_0001', 'cp_0002', 'cp_0003', 'cp_0006', 'cp_0007', 'cp_0008'].map((id) => [id, findProposal(t.db(), id)!.stage]))
  expect(stages).toEqual({ cp_0001: 'gathering', cp_0002: 'reviewing', cp_0003: 'deliberating', cp_0006: 'publicity', cp_0007: 'executing', cp_0008: 'evaluating' })
  const refusal = { status: 422, body: { code: 'INVALID_STATE', message: '只有协商讨论中的议题可以安排表决' } }
  for (const id of ['cp_0001', 'cp_0002', 'cp_0006', 'cp_0007', 'cp_0008']) {
    expect([id, await t.post(P.staff, `/council/staff/proposals/${id}/schedule`, body)]).toEqual([id, refusal])
    expect(findProposal(t.db(), id)!.stage).toBe(stages[id])
  }
  const scheduled = await t.post(P.staff, '/council/staff/proposals/cp_0003/schedule', body)
  expect(scheduled.status).toBe(200)
  expect(findProposal(t.db(), 'cp_0003')!.stage).toBe('scheduled')
  expect(await t.post(P.staff, '/council/staff/proposals/cp_0003/schedule', body)).toEqual(refusal)
})
