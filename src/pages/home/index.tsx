import { Text, View } from '@tarojs/components'
import { NoticeFeed } from '../../notices/components/notice-feed'
import { useRequireMember } from '../../core/session/use-require-member'
import { isOwnItem, useOutbox } from '../../core/outbox/store'
import { useSession } from '../../core/session/store'
import { useTheme, useElderMode } from '../../core/theme'
import { Button, Loading, openPage, Screen } from '../../core/ui'
import './index.scss'

interface QuickEntry {
  key: string; icon: string; title: string; desc: string; url: string; primary?: boolean
  /** Outbox kind whose unsent items this entry counts (the requests feature's SUBMIT_KIND). */
  outboxKind?: string
}

const ENTRIES: QuickEntry[] = [
  { key: 'new-request', icon: '报', title: '我要反映问题', desc: '路灯坏了、漏水、噪音… 拍照说一说', url: '/requests/pages/new/index', primary: true },
  { key: 'my-requests', icon: '查', title: '我的诉求', desc: '查看办理进度', url: '/requests/pages/mine/index', outboxKind: 'requests.create' },
  { key: 'messages', icon: '信', title: '消息', desc: '通知与提醒', url: '/notices/pages/messages/index' }
]

function ElderTip() {
  const elder = useElderMode()
  const chosen = useTheme((s) => s.choice !== null)
  const setSize = useTheme((s) => s.setSize)
  // Offered until the person chooses a size (here, on 我的 or on the welcome page).
  if (elder || chosen) return null
  return (
    <View className='home-elder-tip'>
      <Text className='home-elder-tip__text'>字太小？可开启大字模式</Text>
      <Button size='small' variant='secondary' className='home-elder-tip__on' onClick={() => setSize('large')}>开启大字</Button>
    </View>
  )
}

/**
 * Unsent submissions kept on the phone, read from the persisted outbox (no feature code here). The
 * sender lives in the feature's subpackage and starts when its page opens, so the text says to
 * open it rather than promising a background send.
 */
function OutboxNote({ kind }: { kind: string }) {
  const waiting = useOutbox((s) => s.items.filter((i) => i.kind === kind && !i.failed && isOwnItem(i, s.owner)).length)
  const failed = useOutbox((s) => s.items.filter((i) => i.kind === kind && i.failed && isOwnItem(i, s.owner)).length)
  if (!waiting && !failed) return null
  return (
    <Text className={`home-entry__outbox${failed ? ' home-entry__outbox--failed' : ''}`}>
      {[waiting ? `${waiting} 条待发送` : '', failed ? `${failed} 条未能提交` : ''].filter(Boolean).join('，')}，点此查看
    </Text>
  )
}

export default function HomeTab() {
  const ready = useRequireMember()
  const user = useSession((s) => s.user)
  if (!ready || !user) return <Screen className='tab-home'><Loading /></Screen>

  const place = user.house?.label ?? user.staffTitle ?? ''
  return (
    <Screen className='tab-home'>
      <View className='home-hello'>
        <Text className='home-hello__name'>{user.name}，您好</Text>
        {place ? <Text className='home-hello__house'>{place}</Text> : null}
      </View>

      {user.isElderly ? <ElderTip /> : null}

      <View className='home-entries'>
        {ENTRIES.map((e) => (
          <View
            key={e.key}
            className={`home-entry home-entry--${e.key}${e.primary ? ' home-entry--primary' : ''}`}
            hoverClass='home-entry--active'
            onClick={() => openPage(e.url)}
          >
            <Text className='home-entry__icon'>{e.icon}</Text>
            <View className='home-entry__text'>
              <Text className='home-entry__title'>{e.title}</Text>
              <Text className='home-entry__desc'>{e.desc}</Text>
              {e.outboxKind ? <OutboxNote kind={e.outboxKind} /> : null}
            </View>
          </View>
        ))}
      </View>

      <NoticeFeed />
    </Screen>
  )
}
