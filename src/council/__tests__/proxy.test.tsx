import { KEY_PEOPLE } from '../../../mock'
import { useSession } from '../../core/session/store'
import { useCouncil } from '../store'
import { acceptDialogs, button, openProposal, settle, startAs, texts } from './harness'

describe('代投 on the detail page', () => {
  acceptDialogs()

  it('lets 王秀英 entrust her 楼长, who then casts for her and sees 已代投', async () => {
    const backend = await startAs(KEY_PEOPLE.elderlyResident)
    let tu = await openProposal('cp_0004')
    tu.fireEvent.click(button('委托楼长李建国代投'))
    await settle(tu, 80)
    expect(texts('.cl-proxy .cl-line')).toContain('您已委托李建国代投')
    tu.unmout()

    await useSession.getState().switchIdentity(KEY_PEOPLE.leader)
    useCouncil.setState({ lists: {}, byId: {}, detail: {}, rolls: {} })
    tu = await openProposal('cp_0004')
    expect(texts('.cl-proxy__row .cl-line')[0]).toContain('王秀英（3栋2单元502）')
    const row = document.querySelector('.cl-proxy__row') as HTMLElement
    tu.fireEvent.click(Array.from(row.querySelectorAll('.ll-button')).find((b) => b.textContent?.includes('赞成')) as HTMLElement)
    await settle(tu, 80)
    expect(texts('.cl-proxy__row .cl-line')[0]).toContain('已代投')
    const wangMessages = (backend.db().messages ?? []).filter((m) => m.personId === KEY_PEOPLE.elderlyResident).map((m) => m.title)
    expect(wangMessages).toContain('楼长已为您代投：3、4栋楼下增设非机动车棚')
    tu.unmout()
  })
})
