import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { ROLE_LABELS, type DemoIdentity } from '../../../../types/contract/identity'
import { isMockBuild, messageOf } from '../../../core/api'
import { useSession } from '../../../core/session/store'
import { EmptyState, ErrorState, Screen, Skeleton, Tag, TextInput, toast } from '../../../core/ui'
import { fetchDemoIdentities } from '../../api'
import './index.scss'

const matches = (p: DemoIdentity, q: string) =>
  !q || p.name.includes(q) || p.description.includes(q) || p.roles.some((r) => ROLE_LABELS[r].includes(q))

/** Mock builds only: become any seeded person to try the app from their side. */
export default function IdentitiesPage() {
  const currentPerson = useSession((s) => s.user?.personId ?? null)
  const switchIdentity = useSession((s) => s.switchIdentity)
  const [people, setPeople] = useState<DemoIdentity[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [switching, setSwitching] = useState<string | null>(null)

  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!isMockBuild) return
    let live = true
    fetchDemoIdentities().then(
      (list) => { if (live) setPeople(list) },
      (e) => { if (live) setError(messageOf(e)) }
    )
    return () => { live = false }
  }, [attempt])

  const shown = useMemo(() => (people ?? []).filter((p) => matches(p, query.trim())), [people, query])

  const become = async (p: DemoIdentity) => {
    if (switching) return
    setSwitching(p.personId)
    try {
      await switchIdentity(p.personId)
      toast(`已切换为 ${p.name}`)
      await Taro.reLaunch({ url: '/pages/home/index' }).catch(() => undefined)
    } catch (e) {
      toast(messageOf(e))
    } finally {
      setSwitching(null)
    }
  }

  if (!isMockBuild) return <Screen><EmptyState icon='限' message='正式版不提供演示身份' /></Screen>
  if (error) return <Screen><ErrorState message={error} onRetry={() => { setError(null); setAttempt((n) => n + 1) }} /></Screen>
  return (
    <Screen className='identities'>
      <Text className='identities-note'>演示版专用：点一位居民，即以他的身份使用邻里。</Text>
      <TextInput className='identities-search' value={query} onChange={setQuery} placeholder='搜索姓名、楼栋或身份' />
      {!people ? <Skeleton rows={5} /> : shown.length === 0 ? <EmptyState icon='搜' message='没有找到符合的人，换个关键词试试' /> : (
        <View className='identities-list'>
          {shown.map((p) => (
            <View key={p.personId} className='identity-item' hoverClass='identity-item--active' onClick={() => void become(p)}>
              <View className='identity-item__head'>
                <Text className='identity-item__name'>{p.name}</Text>
                {p.roles.filter((r) => r !== 'resident').map((r) => <Tag key={r} tone={r === 'staff' ? 'info' : 'primary'}>{ROLE_LABELS[r]}</Tag>)}
                {p.personId === currentPerson ? <Tag tone='success'>当前</Tag> : null}
                {switching === p.personId ? <Text className='identity-item__busy'>正在切换…</Text> : null}
              </View>
              <Text className='identity-item__desc'>{p.description}</Text>
            </View>
          ))}
        </View>
      )}
    </Screen>
  )
}
