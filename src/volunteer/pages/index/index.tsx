// 志愿服务 home: upcoming activities (places left), and the ways in to 我的志愿, 邻里互助 and 发布.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { slotText, VOLUNTEER_AUDIENCE_LABELS } from '../../../../types/contract/volunteer'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Cell, CellGroup, EmptyState, ErrorState, Loading, openPage, Screen, Skeleton, Tag } from '../../../core/ui'
import { volunteerApi } from '../../api'
import { PAGES } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

type View = 'upcoming' | 'organising' | 'past'
const TABS: { view: View; label: string }[] = [{ view: 'upcoming', label: '可报名' }, { view: 'organising', label: '我组织的' }, { view: 'past', label: '已结束' }]

export default function VolunteerHome() {
  const ready = useRequireMember()
  const [view, setView] = useState<View>('upcoming')
  const list = useRemote(() => volunteerApi.list({ view, limit: 50 }), [view], ready)
  const scope = useRemote(() => volunteerApi.scope(), [], ready)
  if (!ready) return <Screen><Loading /></Screen>

  return (
    <Screen className='vol-home'>
      <CellGroup>
        <Cell className='vol-home-mine' title='我的志愿' label='我的报名、签到、服务时长和证明' onClick={() => openPage(PAGES.mine)} />
        <Cell className='vol-home-help' title='邻里互助' label='拿药、理发、换灯泡……帮帮身边的老人' onClick={() => openPage(PAGES.help)} />
        {scope.data?.postingAs === 'staff' ? <Cell className='vol-home-staff' title='志愿服务管理' label='时长异议、暂停报名、互助异议' onClick={() => openPage(PAGES.staff)} /> : null}
        {scope.data?.canPublish ? <Cell className='vol-home-publish' title='发布志愿活动' label={scope.data.postingAs === 'staff' ? '社区工作人员' : '楼长：为您负责的楼栋发布'} onClick={() => openPage(PAGES.publish)} /> : null}
      </CellGroup>
      <View className='vol-tabs'>
        {TABS.filter((t) => t.view !== 'organising' || scope.data?.canPublish).map((t) => (
          <View key={t.view} className={`vol-tab ${view === t.view ? 'vol-tab--active' : ''} vol-tab-${t.view}`} onClick={() => setView(t.view)}>{t.label}</View>
        ))}
      </View>
      {list.error && !list.data ? <ErrorState message={list.error} code={list.code} onRetry={() => void list.reload()} /> : null}
      {list.error && list.data ? <Text className='vol-banner'>刷新失败：{list.error}</Text> : null}
      {!list.data && !list.error ? <Skeleton rows={4} /> : null}
      {list.data && !list.data.items.length ? <EmptyState icon='助' message={view === 'upcoming' ? '暂时没有可报名的活动，过几天再来看看' : '还没有活动'} /> : null}
      {list.data?.items.map((a) => (
        <View key={a.id} className='vol-card vol-activity' onClick={() => openPage(PAGES.detail(a.id))}>
          <Text className='vol-title'>{a.title}</Text>
          <Text className='vol-meta'>{slotText(a.firstStartAt, a.lastEndAt)}{a.slotCount > 1 ? ` 等 ${a.slotCount} 个时段` : ''}</Text>
          <Text className='vol-meta'>{a.place} · {a.organiserLabel}</Text>
          <View className='vol-actions'>
            {a.status === 'cancelled' ? <Tag tone='danger'>已取消</Tag> : a.openPlaces > 0 ? <Tag tone='success'>余 {a.openPlaces} 个名额</Tag> : <Tag tone='warning'>已满，可候补</Tag>}
            {a.audience !== 'everyone' ? <Tag tone='info'>{VOLUNTEER_AUDIENCE_LABELS[a.audience]}</Tag> : null}
          </View>
        </View>
      ))}
    </Screen>
  )
}
