import { useRequireMember } from '../../core/session/use-require-member'
import { EmptyState, Loading, Screen } from '../../core/ui'

export default function CouncilTab() {
  const ready = useRequireMember()
  if (!ready) return <Screen className='tab-council'><Loading /></Screen>
  return (
    <Screen className='tab-council'>
      <EmptyState icon='议' message='居民议事会 即将开放' />
    </Screen>
  )
}
