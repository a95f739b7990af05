// A thin notice while the phone has no network: what still works and what waits.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { isOnline, onNetworkChange } from '../../core/network'

export function useOnline(): boolean {
  const [online, setOnline] = useState(isOnline())
  useEffect(() => onNetworkChange(setOnline), [])
  return online
}

export function OfflineBar({ text = '网络已断开，显示的是上次加载的内容' }: { text?: string }) {
  const online = useOnline()
  if (online) return null
  return (
    <View className='rq-offline' role='status'>
      <Text>{text}</Text>
    </View>
  )
}
