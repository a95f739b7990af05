// 页面不存在: where an unknown route lands (Taro.onPageNotFound on weapp and H5, see core/dead-ends),
// instead of leaving the previous page on screen under a changed address.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, canGoBack, HOME_URL, Screen } from '../../../core/ui'
import './index.scss'

export default function NotFoundPage() {
  const back = canGoBack()
  const home = () => Taro.switchTab({ url: HOME_URL }).catch(() => Taro.reLaunch({ url: HOME_URL }).catch(() => undefined))
  return (
    <Screen className='not-found'>
      <View className='ll-state ll-state--error' role='alert'>
        <Text className='ll-state__icon'>无</Text>
        <Text className='ll-state__message not-found__title'>页面不存在</Text>
        <Text className='ll-state__hint'>您打开的链接可能有误，或这个页面已经不再提供。请回到首页重新查找。</Text>
        <View className='ll-state__actions'>
          <Button className='not-found__home' onClick={() => void home()}>返回首页</Button>
          {back ? <Button variant='secondary' className='not-found__back' onClick={() => void Taro.navigateBack().catch(home)}>返回上一页</Button> : null}
        </View>
      </View>
    </Screen>
  )
}
