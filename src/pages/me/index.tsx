import { View, Text } from '@tarojs/components'

export default function MeTab() {
  return (
    <View className='tab-me'>
      <Text>我的</Text>
    </View>
  )
}
