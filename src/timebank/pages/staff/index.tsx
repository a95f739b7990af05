// 工作台 → 时间银行: hand over orders, issue / deduct, the ledger with reversals, flags, goods.
import { useState } from 'react'
import { hasRole, useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, EmptyState, Loading, openPage, Screen } from '../../../core/ui'
import { FlagsPanel, HandOverPanel, IssuePanel, LedgerPanel } from '../../components/staff-panels'
import { TB } from '../../route'
import '../../timebank.scss'

type Tab = 'handover' | 'issue' | 'ledger' | 'flags'
const TABS: [Tab, string][] = [['handover', '核销'], ['issue', '发放'], ['ledger', '流水'], ['flags', '关注']]

export default function StaffPage() {
  const ready = useRequireMember()
  const staff = useSession((s) => hasRole(s.user, 'staff'))
  const [tab, setTab] = useState<Tab>('handover')
  if (!ready) return <Screen><Loading /></Screen>
  if (!staff) return <Screen><EmptyState icon='!' message='仅社区工作人员可以使用' /></Screen>
  return (
    <Screen className='tb-staff'>
      <Cell title={TABS.map(([k, label]) => <Button key={k} size='small' variant={tab === k ? 'primary' : 'secondary'} className={`tb-tab tb-tab--${k}`} onClick={() => setTab(k)}>{label}</Button>)} />
      <Cell className='tb-go-staff-goods' title='商品与库存' label='上架、改价、入库' onClick={() => openPage(TB.staffGoods)} />
      <Cell className='tb-go-report' title='月度公示与对账' onClick={() => openPage(TB.report)} />
      {tab === 'handover' ? <HandOverPanel /> : null}
      {tab === 'issue' ? <IssuePanel /> : null}
      {tab === 'ledger' ? <LedgerPanel /> : null}
      {tab === 'flags' ? <FlagsPanel /> : null}
    </Screen>
  )
}
