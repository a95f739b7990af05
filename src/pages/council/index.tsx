import { useRequireMember } from '../../core/session/use-require-member'
import { Loading, Screen } from '../../core/ui'
import { ProposalList } from '../../council/components/proposal-list'
import '../../council/council.scss'

export default function CouncilTab() {
  const ready = useRequireMember()
  if (!ready) return <Screen className='tab-council'><Loading /></Screen>
  return (
    <Screen className='tab-council'>
      <ProposalList />
    </Screen>
  )
}
