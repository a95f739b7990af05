import { View, Text } from '@tarojs/components'

export default function HomeTab() {
  return (
    <View className='tab-home'>
      <Text>首页</Text>
    </View>
  )
}
