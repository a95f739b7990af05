import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { messageOf } from '../../../core/api'
import { PRIVACY_PAGE } from '../../../core/privacy'
import { selectIsMember, useSession } from '../../../core/session/store'
import { BIND_URL } from '../../../core/session/use-require-member'
import { Button, cx, openPage, Screen, TextSizeChoice, toast } from '../../../core/ui'
import './index.scss'

const HOME_URL = '/pages/home/index'

const FEATURES = [
  { icon: '报', text: '身边的问题拍照反映，办理进度随时查看' },
  { icon: '知', text: '社区通知、停水停电提醒，不再错过' },
  { icon: '助', text: '志愿服务、居民议事，邻里互相帮一把' }
]

export default function WelcomePage() {
  const isMember = useSession(selectIsMember)
  const privacyAccepted = useSession((s) => s.privacyAccepted)
  const [agreed, setAgreed] = useState(privacyAccepted)
  const [remind, setRemind] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (isMember) Taro.reLaunch({ url: HOME_URL }).catch(() => undefined)
  }, [isMember])

  const onLogin = async () => {
    if (!agreed) {
      setRemind(true)
      toast('请先阅读并同意隐私政策')
      return
    }
    const session = useSession.getState()
    session.acceptPrivacy()
    setBusy(true)
    setError(null)
    try {
      const user = session.token && session.user ? session.user : await session.login()
      if (user.personId) await Taro.reLaunch({ url: HOME_URL })
      else await Taro.redirectTo({ url: BIND_URL })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen className='welcome'>
      {/* Before anything else, as WeChat's 关怀模式: the size then holds on privacy, bind and every page. */}
      <View className='welcome-size'>
        <Text className='welcome-size__label'>字号</Text>
        <TextSizeChoice className='welcome-size__choice' />
      </View>

      <View className='welcome-hero'>
        <Text className='welcome-hero__logo'>邻里</Text>
        <Text className='welcome-hero__slogan'>幸福里社区的线上家园</Text>
      </View>

      <View className='welcome-features'>
        {FEATURES.map((f) => (
          <View key={f.text} className='welcome-feature'>
            <Text className='welcome-feature__icon'>{f.icon}</Text>
            <Text className='welcome-feature__text'>{f.text}</Text>
          </View>
        ))}
      </View>

      <View className={cx('welcome-consent', agreed && 'welcome-consent--checked', remind && !agreed && 'welcome-consent--remind')}>
        <View className='welcome-agree' role='checkbox' aria-checked={agreed} onClick={() => setAgreed(!agreed)}>
          <View className='welcome-agree__box'><Text>{agreed ? '✓' : ''}</Text></View>
          <Text className='welcome-agree__text'>我已阅读并同意</Text>
        </View>
        <Text className='welcome-policy-link' onClick={() => void openPage(PRIVACY_PAGE)}>《隐私政策》</Text>
      </View>

      {error ? <Text className='welcome-error'>{error}</Text> : null}

      <Button
        id='agree-btn'
        block
        className='welcome-login'
        loading={busy}
        openType={process.env.TARO_ENV === 'weapp' && agreed ? 'agreePrivacyAuthorization' : undefined}
        onClick={onLogin}
      >
        微信一键登录
      </Button>
      <Text className='welcome-note'>登录后需绑定您家的房屋，社区核对住户信息后即可使用</Text>
    </Screen>
  )
}
