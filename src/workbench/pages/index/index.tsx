import { Text, View } from '@tarojs/components'
import { hasRole, useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Cell, CellGroup, EmptyState, Loading, openPage, Screen } from '../../../core/ui'
import { WORKBENCH_ENTRIES } from '../../entries'
import './index.scss'

/** 工作台: the staff side of 邻里. The mock enforces the staff role on every tool's endpoints too. */
export default function WorkbenchPage() {
  const ready = useRequireMember()
  const user = useSession((s) => s.user)
  if (!ready || !user) return <Screen><Loading /></Screen>
  if (!hasRole(user, 'staff')) {
    return <Screen><EmptyState icon='限' message='工作台仅对社区工作人员开放' /></Screen>
  }
  return (
    <Screen className='workbench'>
      <View className='workbench-head'>
        <Text className='workbench-head__name'>{user.name}</Text>
        <Text className='workbench-head__title'>{user.staffTitle ?? '社区工作人员'}</Text>
      </View>
      <CellGroup title='办公工具'>
        {WORKBENCH_ENTRIES.map((e) => (
          <Cell key={e.key} className={`workbench-entry workbench-entry--${e.key}`} title={e.title} label={e.description} onClick={() => openPage(e.url)} />
        ))}
      </CellGroup>
    </Screen>
  )
}
