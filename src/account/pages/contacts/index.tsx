// 社区联系人 as a page of its own: where the bind page, a 403 and other pages that say
// 请联系社区工作人员 send people. Open before login too (the numbers are public office lines).
import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ContactList, useContacts } from '../../../core/contacts'
import { Screen } from '../../../core/ui'

export default function ContactsPage() {
  const state = useContacts()
  usePullDownRefresh(() => { void state.reload().finally(() => Taro.stopPullDownRefresh()) })
  return (
    <Screen className='contacts-page'>
      <Text className='ll-contacts__note'>登记住户信息、核对姓名、开证明找居委会；报修找物业；楼里的事可以找楼长。</Text>
      <ContactList state={state} />
    </Screen>
  )
}
