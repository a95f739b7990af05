// A submission waiting in the outbox (待发送), or refused after it left the form (发送失败).
import { Text, View } from '@tarojs/components'
import { discard, retryNow, type OutboxItem } from '../../core/outbox'
import { Button, confirm, Tag, toast } from '../../core/ui'
import dayjs from '../dayjs'

export function PendingCard({ item, sending }: { item: OutboxItem; sending: boolean }) {
  const retry = async () => {
    const outcome = await retryNow(item.key)
    toast(outcome.status === 'sent' ? '已发送' : outcome.status === 'queued' ? '仍然无法发送，稍后自动重试' : outcome.error.message)
  }
  const drop = async () => {
    if (await confirm({ title: '放弃发送这条诉求？', content: '放弃后不会提交给社区', confirmText: '放弃', danger: true })) discard(item.key)
  }
  return (
    <View className='rq-card rq-card--pending'>
      <View className='rq-card__head'>
        <Text className='rq-card__title'>{item.label}</Text>
        <Tag tone={item.failed ? 'danger' : 'warning'}>{item.failed ? '发送失败' : sending ? '发送中' : '待发送'}</Tag>
      </View>
      <Text className='rq-card__desc'>{item.failed ? item.lastError : '已保存在手机上，联网后自动发送'}</Text>
      <Text className='rq-card__meta'>{dayjs(item.createdAt).fromNow()}填写{item.attempts ? ` · 已尝试 ${item.attempts} 次` : ''}</Text>
      <View className='rq-card__actions'>
        {item.failed ? null : <Button size='small' variant='secondary' loading={sending} onClick={() => void retry()}>重试</Button>}
        <Button size='small' variant='plain' onClick={() => void drop()}>放弃</Button>
      </View>
    </View>
  )
}
