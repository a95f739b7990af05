// The staff tools listed on the 工作台. A feature adds its tool with one line here.
export interface WorkbenchEntry {
  key: string
  title: string
  description: string
  url: string
}

export const WORKBENCH_ENTRIES: WorkbenchEntry[] = [
  { key: 'requests', title: '诉求受理', description: '受理、派单、回复和办结居民诉求', url: '/requests/pages/staff/index' },
  { key: 'volunteer', title: '志愿服务管理', description: '时长异议、暂停报名、互助纠纷', url: '/volunteer/pages/staff/index' },
  { key: 'timebank', title: '时间银行', description: '核销取货码、发放积分、流水与对账', url: '/timebank/pages/staff/index' }
]
