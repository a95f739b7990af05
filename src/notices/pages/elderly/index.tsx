// 代老人办事: a 楼长 picks an elderly resident of their buildings and files a 民生诉求 for them.
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect } from 'react'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Cell, CellGroup, EmptyState, ErrorState, Loading, openPage, Screen, Skeleton } from '../../../core/ui'
import { loadElderly, onBehalfUrl, useElderly } from '../../elderly'
import '../../notices.scss'

export default function ElderlyPage() {
  const ready = useRequireMember()
  const { items, phase, error } = useElderly()
  useEffect(() => { if (ready) void loadElderly() }, [ready])
  usePullDownRefresh(() => { void loadElderly().finally(() => Taro.stopPullDownRefresh()) })

  if (!ready) return <Screen><Loading /></Screen>
  if (phase === 'error') return <Screen><ErrorState message={error ?? ''} onRetry={() => void loadElderly()} /></Screen>
  if (phase !== 'ready' && !items.length) return <Screen><Skeleton rows={4} /></Screen>
  if (!items.length) return <Screen><EmptyState icon='老' message='您负责的楼栋里暂时没有登记 60 岁以上的老人' /></Screen>
  return (
    <Screen className='notice-elderly' title='代老人反映问题'>
      <CellGroup title='选择要代办的老人，替他们填写诉求；诉求会记为由您代办'>
        {items.map((p) => (
          <Cell key={p.personId} className='elderly-row' title={`${p.name}（${p.age}岁）`} label={p.houseLabel} value='代为反映' onClick={() => openPage(onBehalfUrl(p.personId))} />
        ))}
      </CellGroup>
    </Screen>
  )
}
