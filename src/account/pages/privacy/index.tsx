import { View, Text } from '@tarojs/components'

export default function PrivacyPage() {
  return (
    <View>
      <Text>隐私政策</Text>
    </View>
  )
}
