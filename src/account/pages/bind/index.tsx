import { View, Text } from '@tarojs/components'

export default function BindPage() {
  return (
    <View>
      <Text>绑定房屋</Text>
    </View>
  )
}
