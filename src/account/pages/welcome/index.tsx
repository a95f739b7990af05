import { View, Text } from '@tarojs/components'

export default function WelcomePage() {
  return (
    <View>
      <Text>欢迎使用邻里</Text>
    </View>
  )
}
