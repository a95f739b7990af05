// The voter roll staff see (found unguarded by npm run mutate:sample): each household by its own
// room label (building, unit, room), voted or not — never the choice.
import { P, setup } from './timebank-fixture'

it('labels each household of the roll by its own room', async () => {
  const t = setup()
  const b3 = (label: string) => ({ label, buildingId: 'b_3' })
  const b4 = (label: string) => ({ label, buildingId: 'b_4' })
  expect(await t.get(P.staff, '/council/proposals/cp_0004/voters')).toEqual({
    status: 200,
    body: {
      proposalId: 'cp_0004',
      voted: [b3('3栋1单元502'), b4('4栋2单元102')],
      notVoted: [
        b3('3栋1单元301'), b3('3栋1单元401'), b3('3栋2单元201'), b3('3栋2单元202'), b3('3栋2单元301'), b3('3栋2单元302'), b3('3栋2单元502'),
        b4('4栋2单元202'), b4('4栋2单元301'), b4('4栋2单元402'), b4('4栋2单元601')
      ]
    }
  })
})
