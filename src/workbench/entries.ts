// The staff tools listed on the 工作台. A feature adds its tool with one line here.
export interface WorkbenchEntry {
  key: string
  title: string
  description: string
  url: string
}

export const WORKBENCH_ENTRIES: WorkbenchEntry[] = [
  { key: 'requests', title: '诉求受理', description: '受理、派单、回复和办结居民诉求', url: '/requests/pages/staff/index' }
]
