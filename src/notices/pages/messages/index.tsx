// 消息: everything addressed to the resident in one list (notices, reminders, request progress,
// later council and volunteering), newest first, unread marked; 全部已读.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { MESSAGE_KIND_LABELS, type Message, type MessageKind } from '../../../../types/contract/messages'
import { messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, cx, EmptyState, ErrorState, Loading, openPage, Screen, Skeleton, Tag, toast } from '../../../core/ui'
import { loadMessages, readAllMessages, readMessage, useMessages } from '../../messages-store'
import { relativeTimeOf } from '../../time'
import '../../notices.scss'

const TABS: { kind: MessageKind | null; label: string }[] = [
  { kind: null, label: '全部' },
  { kind: 'notice', label: MESSAGE_KIND_LABELS.notice },
  { kind: 'reminder', label: MESSAGE_KIND_LABELS.reminder },
  { kind: 'request_status', label: MESSAGE_KIND_LABELS.request_status }
]

function MessageRow({ m }: { m: Message }) {
  const open = () => {
    void readMessage(m).catch(() => undefined)
    if (m.link) void openPage(m.link)
  }
  return (
    <Cell
      className={cx('msg-row', !m.read && 'msg-row--unread')}
      title={<>{!m.read ? <Text className='msg-dot' aria-label='未读' /> : null}{m.title}</>}
      label={`${relativeTimeOf(m.createdAt)} · ${m.body}`}
      value={<Tag tone={m.kind === 'request_status' ? 'info' : m.kind === 'reminder' ? 'warning' : 'primary'}>{MESSAGE_KIND_LABELS[m.kind]}</Tag>}
      arrow={!!m.link}
      onClick={open}
    />
  )
}

export default function MessagesPage() {
  const ready = useRequireMember()
  const kind = useMessages((s) => s.kind)
  const { items, phase, error, nextCursor } = useMessages((s) => s.list)
  const unread = useMessages((s) => s.unread)
  const [marking, setMarking] = useState(false)

  useEffect(() => { if (ready) void loadMessages('first', null) }, [ready])
  useDidShow(() => { if (useMessages.getState().list.phase !== 'idle') void loadMessages('refresh') })
  usePullDownRefresh(() => { void loadMessages('refresh').finally(() => Taro.stopPullDownRefresh()) })
  useReachBottom(() => { void loadMessages('more') })

  const readAll = async () => {
    setMarking(true)
    try {
      await readAllMessages()
      toast('已全部标为已读')
    } catch (e) {
      toast(messageOf(e))
    } finally {
      setMarking(false)
    }
  }

  if (!ready) return <Screen><Loading /></Screen>
  let body
  if (!items.length && (phase === 'idle' || phase === 'loading')) body = <Skeleton rows={4} />
  else if (!items.length && phase === 'error') body = <ErrorState message={error ?? ''} onRetry={() => void loadMessages('first')} />
  else if (!items.length) body = <EmptyState icon='信' message={kind ? `暂时没有${MESSAGE_KIND_LABELS[kind]}消息` : '暂时没有消息，通知、提醒和诉求进度都会出现在这里'} />
  else body = <CellGroup>{items.map((m) => <MessageRow key={m.id} m={m} />)}</CellGroup>

  return (
    <Screen className='notice-messages'>
      <View className='notice-row-inline'>
        <Text className='msg-unread'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        {unread > 0 ? <Button size='small' variant='secondary' loading={marking} className='msg-read-all' onClick={() => void readAll()}>全部已读</Button> : null}
      </View>
      <View className='msg-tabs'>
        {TABS.map((t) => (
          <Text key={t.label} className={cx('notice-chip', 'msg-tab', kind === t.kind && 'notice-chip--on')} onClick={() => void loadMessages('first', t.kind)}>{t.label}</Text>
        ))}
      </View>
      {items.length && phase === 'error' ? <Text className='notice-banner'>刷新失败：{error}</Text> : null}
      {body}
      {items.length ? <Text className='notice-list-footer'>{phase === 'more' ? '正在加载更多…' : nextCursor ? '上拉加载更多' : `共 ${items.length} 条`}</Text> : null}
    </Screen>
  )
}
