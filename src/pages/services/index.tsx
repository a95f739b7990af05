import { View, Text } from '@tarojs/components'

export default function ServicesTab() {
  return (
    <View className='tab-services'>
      <Text>办事</Text>
    </View>
  )
}
