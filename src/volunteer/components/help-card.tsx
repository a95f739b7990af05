// One help task in a list: kind, what and when, the building (the address only for the claimer), status.
import { Text, View } from '@tarojs/components'
import { HELP_KIND_LABELS, HELP_STATUS_LABELS, type HelpTask } from '../../../types/contract/volunteer'
import { Tag } from '../../core/ui'

export function HelpCard({ task, onClick }: { task: HelpTask; onClick?: () => void }) {
  return (
    <View className='vol-card vol-help-card' onClick={onClick}>
      <View className='vol-actions'>
        <Tag tone='primary'>{HELP_KIND_LABELS[task.kind]}</Tag>
        <Tag tone={task.status === 'open' ? 'warning' : task.status === 'confirmed' || task.status === 'settled' ? 'success' : 'info'}>{HELP_STATUS_LABELS[task.status]}</Tag>
        {task.autoConfirmed ? <Tag tone='danger'>自动确认</Tag> : null}
      </View>
      <Text className='vol-text vol-help-detail'>{task.detail}</Text>
      <Text className='vol-meta'>时间：{task.whenText}</Text>
      <Text className='vol-meta vol-help-where'>{task.address ? `地址：${task.address}` : `${task.buildingLabel}${task.distanceM !== null ? ` · 约 ${task.distanceM} 米` : ''}`} · {task.requesterName}</Text>
      {task.filedByLeader ? <Text className='vol-meta'>{task.filedByLeader}</Text> : null}
    </View>
  )
}
