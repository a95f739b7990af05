import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { timebankBalanceEndpoints } from '../../../types/contract/timebank-balance'
import { formatPoints } from '../../../types/contract/timebank-model'
import { ROLE_LABELS } from '../../../types/contract/identity'
import { call, isMockBuild } from '../../core/api'
import { PRIVACY_PAGE } from '../../core/privacy'
import { hasRole, useSession } from '../../core/session/store'
import { useRequireMember, WELCOME_URL } from '../../core/session/use-require-member'
import { useTheme } from '../../core/theme'
import { Badge, Button, Cell, CellGroup, confirm, Loading, openPage, Screen, Tag, TextSizeChoice, toast } from '../../core/ui'
import { refreshUnread, useMessages } from '../../notices/messages-store'
import { MeContacts } from './contacts'
import './index.scss'

// Only this feature's endpoints (not the aggregated table): a page carries the schemas it uses.
const endpoints = { ...timebankBalanceEndpoints }

function ElderSettings() {
  const followsSystem = useTheme((s) => s.choice === null && s.systemLarge)
  return (
    <CellGroup title='显示'>
      <View className='me-size'>
        <Text className='me-size__title'>大字模式</Text>
        <Text className='me-size__label'>
          {followsSystem ? '已按手机字体大小设为大字，可随时改回标准' : '字更大、按钮更大，看得更清楚。选好后一直保持'}
        </Text>
        <TextSizeChoice className='me-size__choice' />
      </View>
    </CellGroup>
  )
}

export default function MeTab() {
  const ready = useRequireMember()
  const user = useSession((s) => s.user)
  const logout = useSession((s) => s.logout)
  const unread = useMessages((s) => s.unread)
  const [points, setPoints] = useState<string | null>(null)
  const loadPoints = () => call(endpoints.getTbBalance, {})
    .then((b) => setPoints(`${formatPoints(b.available)} 分${b.pending ? `（公示中 ${formatPoints(b.pending)}）` : ''}`), () => undefined)
  useEffect(() => { if (ready) void loadPoints() }, [ready])
  useDidShow(() => {
    if (!ready) return
    void refreshUnread()
    void loadPoints()
  })
  if (!ready || !user) return <Screen className='tab-me'><Loading /></Screen>

  const onLogout = async () => {
    const ok = await confirm({ title: '退出登录', content: '退出后需要重新登录才能使用邻里，确定退出吗？', confirmText: '退出', danger: true })
    if (!ok) return
    try {
      await logout()
    } catch {
      toast('已在本机退出登录')
    }
    await Taro.reLaunch({ url: WELCOME_URL }).catch(() => undefined)
  }

  const isStaff = hasRole(user, 'staff')
  return (
    <Screen className='tab-me'>
      <View className='me-profile'>
        <View className='me-profile__avatar'><Text>{(user.name ?? '邻').slice(0, 1)}</Text></View>
        <View className='me-profile__info'>
          <Text className='me-profile__name'>{user.name}</Text>
          <Text className='me-profile__house'>{user.house?.label ?? user.staffTitle ?? '未绑定房屋'}</Text>
          <View className='me-profile__roles'>
            {user.roles.map((r) => <Tag key={r} tone={r === 'staff' ? 'info' : r === 'resident' ? 'default' : 'primary'}>{ROLE_LABELS[r]}</Tag>)}
          </View>
        </View>
      </View>

      <ElderSettings />

      <CellGroup title='服务'>
        <Cell className='me-volunteer' title='我的志愿' label='报名、签到、服务时长与证明' onClick={() => openPage('/volunteer/pages/mine/index')} />
        <Cell className='me-points' title='时间银行积分' value={points ?? '查看'} onClick={() => openPage('/timebank/pages/index/index')} />
        <Cell className='me-messages' title='消息' value={<Badge count={unread} />} onClick={() => openPage('/notices/pages/messages/index')} />
        {isStaff ? <Cell className='me-workbench' title='工作台' label='社区工作人员办公入口' onClick={() => openPage('/workbench/pages/index/index')} /> : null}
        {isMockBuild ? <Cell className='me-identities' title='演示身份' label='演示版：切换成社区里的其他人' onClick={() => openPage('/account/pages/identities/index')} /> : null}
        <Cell className='me-privacy' title='隐私政策' onClick={() => openPage(PRIVACY_PAGE)} />
      </CellGroup>

      <MeContacts />
      <Button variant='danger' block className='me-logout' onClick={onLogout}>退出登录</Button>
    </Screen>
  )
}
