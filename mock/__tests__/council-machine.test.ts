// Time-driven moves of the council (the domain tick) and the stage table's refusals.
import { createMemoryStorage, createMockBackend, type MockBackend } from '..'
import { findProposal } from '../handlers/council-store'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const DAY = 86_400_000

function start() {
  let clock = NOW
  const b = createMockBackend({ storage: createMemoryStorage(), now: () => clock })
  return { b, advance: (ms: number) => { clock += ms } }
}

async function as(b: MockBackend, personId: string) {
  const login = await b.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `l-${personId}-${Math.random()}` } })
  const token = (login.body as { token: string }).token
  return (method: 'GET' | 'POST', path: string, body?: unknown) => b.handle({ method, path, body, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `k-${Math.random()}` } })
}

const councilMessages = (b: MockBackend, personId: string) => (b.db().messages ?? []).filter((m) => m.personId === personId && m.kind === 'council').map((m) => m.title)

describe('council machine', () => {
  it('reminds households that have not voted two days before close, once', async () => {
    const { b, advance } = start()
    advance(3 * DAY) // cp_0004 closes 5 days after the seed: now 2 days before
    await (await as(b, 'p_004'))('GET', '/council/proposals/cp_0004')
    expect(councilMessages(b, 'p_001')).toContain('表决即将截止：3、4栋楼下增设非机动车棚')
    expect(councilMessages(b, 'p_015')).not.toContain('表决即将截止：3、4栋楼下增设非机动车棚') // his household voted
    advance(60_000)
    await (await as(b, 'p_004'))('GET', '/council/proposals/cp_0004')
    expect(councilMessages(b, 'p_001').filter((t) => t.startsWith('表决即将截止'))).toHaveLength(1)
  })

  it('closes at the closing instant and tallies: 2 of 13 households is no quorum', async () => {
    const { b, advance } = start()
    advance(5 * DAY)
    const res = await (await as(b, 'p_001'))('GET', '/council/proposals/cp_0004')
    const body = res.body as { stage: string; vote: { result: { quorumMet: boolean; verdict: string; votedUnits: number } } }
    expect(body.stage).toBe('publicity')
    expect(body.vote.result).toMatchObject({ quorumMet: false, votedUnits: 2, verdict: '未通过：投票户数未过半数' })
  })

  it('returns a completed proposal to execution (整改) below 60 % satisfied, and archives at 60 %', async () => {
    const { b, advance } = start()
    // cp_0008 is awaiting evaluation for 桂花苑 (e_1): 2 of 3 households unsatisfied.
    for (const [p, rating] of [['p_001', 'unsatisfied'], ['p_008', 'unsatisfied'], ['p_009', 'satisfied']]) {
      expect((await (await as(b, p))('POST', '/council/proposals/cp_0008/evaluate', { rating })).status).toBe(200)
    }
    advance(5 * DAY)
    await (await as(b, 'p_004'))('GET', '/council/proposals/cp_0008')
    const r = findProposal(b.db(), 'cp_0008')
    expect(r?.stage).toBe('executing')
    expect(r?.history.at(-1)).toMatchObject({ action: '满意率不足 60%，退回整改', note: '满意率 33%，低于 60%' })
  })

  it('marks execution past due as 逾期 and escalates it for staff only', async () => {
    const { b, advance } = start()
    advance(11 * DAY) // cp_0007 is due in 10 days at 40 %
    const staff = await (await as(b, 'p_004'))('GET', '/council/proposals/cp_0007')
    expect((staff.body as { execution: { overdue: boolean; escalated: boolean } }).execution).toMatchObject({ overdue: true, escalated: true })
    const resident = await (await as(b, 'p_003'))('GET', '/council/proposals/cp_0007')
    expect((resident.body as { execution: { overdue: boolean; escalated: boolean } }).execution).toMatchObject({ overdue: true, escalated: false })
  })

  it('lets a returned proposal be edited and resubmitted to review', async () => {
    const { b } = start()
    const staff = await as(b, 'p_004')
    const author = await as(b, 'p_008')
    expect((await staff('POST', '/council/staff/proposals/cp_0002/review', { outcome: 'return', reason: '请补充充电桩的费用来源' })).status).toBe(200)
    const edited = await author('POST', '/council/proposals/cp_0002/edit', {
      title: '桂花苑增设电动车充电桩', reason: '电动车在楼道充电有火灾隐患，小区没有集中充电点。', solution: '由物业引入运营商投资建设，按次收费。', scope: { kind: 'estate', id: 'e_1' }, kind: 'resident'
    })
    expect(edited.body).toMatchObject({ stage: 'reviewing', solution: '由物业引入运营商投资建设，按次收费。' })
    const merge = await staff('POST', '/council/staff/proposals/cp_0002/review', { outcome: 'merge', reason: '与快递柜议题一并实施' })
    expect(merge).toMatchObject({ status: 400, body: { message: '请填写合并到的议题编号' } })
  })

  it('merges only into another proposal that is still going on, with the reason shown to everyone', async () => {
    const { b } = start()
    const staff = await as(b, 'p_004')
    const review = (mergeInto: string) => staff('POST', '/council/staff/proposals/cp_0002/review', { outcome: 'merge', reason: '与同一件事的议题合并讨论', mergeInto })
    expect(await review('cp_0002')).toMatchObject({ status: 400, body: { fields: { mergeInto: '合并到的议题不存在' } } })
    expect(await review('cp_0010')).toMatchObject({ status: 400, body: { fields: { mergeInto: '只能合并到仍在进行中的议题' } } })
    expect(await review('cp_0009')).toMatchObject({ status: 400, body: { fields: { mergeInto: '只能合并到仍在进行中的议题' } } })
    const merged = await review('cp_0003')
    expect(merged).toMatchObject({ status: 200, body: { stage: 'merged' } })
    const seen = await (await as(b, 'p_008'))('GET', '/council/proposals/cp_0002')
    expect(JSON.stringify(seen.body)).toContain('与同一件事的议题合并讨论')
  })
})
