import { useRequireMember } from '../../core/session/use-require-member'
import { Cell, CellGroup, Loading, openPage, Screen } from '../../core/ui'

export default function ServicesTab() {
  const ready = useRequireMember()
  if (!ready) return <Screen className='tab-services'><Loading /></Screen>
  return (
    <Screen className='tab-services'>
      <CellGroup title='民生诉求'>
        <Cell className='services-new-request' title='我要反映' label='身边的问题拍照说一说，社区来办' onClick={() => openPage('/requests/pages/new/index')} />
        <Cell className='services-my-requests' title='我的诉求' label='查看办理进度，办结后评价' onClick={() => openPage('/requests/pages/mine/index')} />
        <Cell className='services-public-requests' title='诉求公示' label='看看社区里大家反映的问题' onClick={() => openPage('/requests/pages/public/index')} />
      </CellGroup>
      <CellGroup title='邻里互助'>
        <Cell className='services-volunteer' title='志愿服务' label='报名志愿活动、签到、查看服务时长' onClick={() => openPage('/volunteer/pages/index/index')} />
        <Cell className='services-help' title='邻里互助' label='拿药、理发、换灯泡，邻居帮一把' onClick={() => openPage('/volunteer/pages/help/index')} />
        <Cell className='services-timebank' title='时间银行' label='查积分、兑换油盐酱醋、邻里互助' onClick={() => openPage('/timebank/pages/index/index')} />
      </CellGroup>
    </Screen>
  )
}
