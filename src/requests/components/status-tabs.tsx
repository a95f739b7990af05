// Status filter as a row of tabs that scrolls sideways.
import { ScrollView, Text, View } from '@tarojs/components'
import { REQUEST_STATUS_LABELS, REQUEST_STATUSES, type RequestStatus } from '../../../types/contract/requests-catalog'
import { cx } from '../../core/ui'

export function StatusTabs({ value, onChange, statuses = REQUEST_STATUSES }: {
  value: RequestStatus | null
  onChange: (s: RequestStatus | null) => void
  statuses?: RequestStatus[]
}) {
  const tabs: Array<{ key: RequestStatus | null; label: string }> = [{ key: null, label: '全部' }, ...statuses.map((s) => ({ key: s, label: REQUEST_STATUS_LABELS[s] }))]
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
