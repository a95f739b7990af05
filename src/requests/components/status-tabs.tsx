// A filter as a row of tabs that scrolls sideways: residents pick 全部 / 办理中 / 已办结; staff, who
// work by state, pick one status.
import { ScrollView, Text, View } from '@tarojs/components'
import {
  REQUEST_GROUP_LABELS, REQUEST_GROUPS, REQUEST_STATUS_LABELS, REQUEST_STATUSES, type RequestGroup, type RequestStatus
} from '../../../types/contract/requests-catalog'
import { cx } from '../../core/ui'

export interface FilterTab<K extends string> { key: K | null; label: string }

export const GROUP_TABS: FilterTab<RequestGroup>[] = [
  { key: null, label: '全部' }, ...REQUEST_GROUPS.map((g) => ({ key: g, label: REQUEST_GROUP_LABELS[g] }))
]
export const STATUS_TABS: FilterTab<RequestStatus>[] = [
  { key: null, label: '全部' }, ...REQUEST_STATUSES.map((s) => ({ key: s, label: REQUEST_STATUS_LABELS[s] }))
]

export function FilterTabs<K extends string>({ tabs, value, onChange }: {
  tabs: FilterTab<K>[]
  value: K | null
  onChange: (k: K | null) => void
}) {
  return (
    <ScrollView scrollX className='rq-tabs' enhanced showScrollbar={false}>
      <View className='rq-tabs__row' role='tablist'>
        {tabs.map((t) => (
          <View key={t.key ?? 'all'} role='tab' aria-selected={t.key === value} className={cx('rq-tab', t.key === value && 'rq-tab--on')} onClick={() => onChange(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
