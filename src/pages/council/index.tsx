import { View, Text } from '@tarojs/components'

export default function CouncilTab() {
  return (
    <View className='tab-council'>
      <Text>议事</Text>
    </View>
  )
}
