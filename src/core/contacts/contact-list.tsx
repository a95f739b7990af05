// The list of community contacts, each with what to call them about and a call button.
import { Text, View } from '@tarojs/components'
import { CONTACT_KIND_LABELS } from '../../../types/contract/contacts'
import { ErrorState, Skeleton } from '../ui'
import { CallButton } from './call-button'
import type { ContactsState } from './use-contacts'
import './contacts.scss'

export function ContactList({ state }: { state: ContactsState }) {
  const { list, error, loading, reload } = state
  if (!list) {
    if (error) return <ErrorState message={`联系人没有加载出来：${error}`} onRetry={() => void reload()} retrying={loading} />
    return <Skeleton rows={3} />
  }
  return (
    <View className='ll-contacts'>
      {list.building ? null : <Text className='ll-contacts__note'>绑定房屋后，这里还会显示您所在楼栋的楼长。</Text>}
      {list.contacts.map((c) => (
        <View key={c.id} className={`ll-contact ll-contact--${c.kind}`}>
          <View className='ll-contact__head'>
            <Text className='ll-contact__kind'>{CONTACT_KIND_LABELS[c.kind]}</Text>
            <Text className='ll-contact__title'>{c.name ? `${c.title} ${c.name}` : c.title}</Text>
          </View>
          <Text className='ll-contact__duty'>{c.hours ? `${c.duty} · ${c.hours}` : c.duty}</Text>
          <CallButton phoneNumber={c.phoneNumber} className='ll-contact__call' />
        </View>
      ))}
      {error ? <Text className='ll-contacts__note'>暂时无法更新，显示的是上次保存的电话。</Text> : null}
    </View>
  )
}
