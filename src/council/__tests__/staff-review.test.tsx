// Staff on the 工作台 card: merge a proposal into a running one (chosen from a list, not typed), and
// put options to a vote where each household may pick up to k.
import { KEY_PEOPLE } from '../../../mock'
import { acceptDialogs, button, openProposal, settle, startAs, texts, typeInto } from './harness'

describe('staff review and scheduling', () => {
  acceptDialogs()

  it('offers only running proposals to merge into, and asks for one before merging', async () => {
    const backend = await startAs(KEY_PEOPLE.staff)
    const tu = await openProposal('cp_0002')
    await tu.queries.waitForQuerySelector('.cl-merge__pick', { timeout: 5000 })
    expect(texts('.cl-merge__pick')).toEqual(['点此选择要合并到的议题'])
    typeInto(tu, '.cl-staff', '与同一件事的议题合并讨论')
    tu.fireEvent.click(button('合并到所选议题'))
    await settle(tu)
    expect(texts('.cl-staff .ll-field__error')).toContain('请选择要合并到的议题')
    expect(backend.db().proposals?.find((p) => p.id === 'cp_0002')?.stage).toBe('reviewing')
    // The picker's choices: running proposals other than this one (no archived or rejected ones).
    const picker = document.querySelector('.cl-staff taro-picker-core, .cl-staff .taro-picker, .cl-staff [range]')
    const stages = new Map(backend.db().proposals?.map((p) => [p.title, p.stage]))
    const range = (picker as unknown as { range?: string[] } | null)?.range ?? []
    expect(range.length).toBeGreaterThan(0)
    expect(range.filter((t) => !['gathering', 'reviewing', 'deliberating', 'voting'].includes(stages.get(t) ?? ''))).toEqual([])
    expect(range).not.toContain(backend.db().proposals?.find((p) => p.id === 'cp_0002')?.title)
    tu.unmout()
  })

  it('schedules options with up to 2 choices per household', async () => {
    const backend = await startAs(KEY_PEOPLE.staff)
    const tu = await openProposal('cp_0003')
    const field = document.querySelector('.cl-staff textarea') as HTMLTextAreaElement
    field.value = '按登记顺序轮换\n抽签分配\n按楼栋分配'
    tu.fireEvent.input(field)
    expect(texts('.cl-stepper__value')).toEqual(['1 项'])
    tu.fireEvent.click(document.querySelector('.cl-stepper__plus') as HTMLElement)
    await settle(tu)
    expect(texts('.cl-stepper__value')).toEqual(['2 项'])
    tu.fireEvent.click(button('按方案安排表决'))
    await settle(tu, 80)
    const question = backend.db().proposals?.find((p) => p.id === 'cp_0003')?.vote?.rules.question
    expect(question).toMatchObject({ type: 'options', maxChoices: 2 })
    tu.unmout()
  })
})

describe('staff record a 委托 made by phone', () => {
  acceptDialogs()

  it('lists 王秀英 with her 楼长 and records 委托李建国', async () => {
    const backend = await startAs(KEY_PEOPLE.staff)
    const tu = await openProposal('cp_0004')
    await tu.queries.waitForQuerySelector('.cl-phone-proxy__row', { timeout: 5000 })
    const row = Array.from(document.querySelectorAll('.cl-phone-proxy__row')).find((r) => r.textContent?.includes('王秀英')) as HTMLElement
    expect(row.querySelector('.cl-phone-proxy__who')?.textContent).toBe('王秀英（78岁）· 桂花苑 3栋2单元502')
    tu.fireEvent.click(Array.from(row.querySelectorAll('.ll-button')).find((b) => b.textContent === '委托李建国') as HTMLElement)
    await settle(tu, 120)
    const again = Array.from(document.querySelectorAll('.cl-phone-proxy__row')).find((r) => r.textContent?.includes('王秀英')) as HTMLElement
    expect(again.querySelector('.cl-phone-proxy__done')?.textContent).toBe('已委托李建国代投')
    expect(backend.db().proposals?.find((p) => p.id === 'cp_0004')?.vote?.delegations.map((d) => d.residentId)).toContain(KEY_PEOPLE.elderlyResident)
    tu.unmout()
  })
})
