import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { withdrawPrivacyConsent } from '../../../core/privacy'
import { useSession } from '../../../core/session/store'
import { WELCOME_URL } from '../../../core/session/use-require-member'
import { CONTACTS_PAGE } from '../../../core/contacts'
import { Button, confirm, openPage, Screen } from '../../../core/ui'
import { POLICY_SECTIONS, POLICY_UPDATED } from './policy'
import './index.scss'

export default function PrivacyPage() {
  const accepted = useSession((s) => s.privacyAccepted)

  const onWithdraw = async () => {
    const ok = await confirm({
      title: '撤回同意',
      content: '撤回后将退出登录，再次使用邻里需要重新同意隐私政策。已提交的诉求会按政策保存，如需删除请联系社区工作人员。',
      confirmText: '撤回',
      danger: true
    })
    if (!ok) return
    withdrawPrivacyConsent()
    await useSession.getState().logout().catch(() => undefined)
    await Taro.reLaunch({ url: WELCOME_URL }).catch(() => undefined)
  }

  return (
    <Screen className='privacy'>
      <Text className='privacy-title'>邻里隐私政策</Text>
      <Text className='privacy-updated'>更新日期：{POLICY_UPDATED}</Text>
      <Text className='privacy-lead'>
        邻里是幸福里社区的办事小程序。我们只收集办事必需的信息，只给需要办理的人看，不用于广告，不卖给任何人。
      </Text>
      {POLICY_SECTIONS.map((s) => (
        <View key={s.title} className='privacy-section'>
          <Text className='privacy-section__title'>{s.title}</Text>
          {s.items.map((item) => (
            <View key={item.name} className='privacy-item'>
              <Text className='privacy-item__name'>{item.name}</Text>
              <Text className='privacy-item__text'>{item.text}</Text>
            </View>
          ))}
        </View>
      ))}
      <Button variant='secondary' block className='privacy-contacts' onClick={() => void openPage(CONTACTS_PAGE)}>联系社区工作人员</Button>
      {accepted ? (
        <Button variant='secondary' block className='privacy-withdraw' onClick={onWithdraw}>撤回同意并退出登录</Button>
      ) : null}
    </Screen>
  )
}
