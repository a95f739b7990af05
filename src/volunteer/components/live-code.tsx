// The organiser's live check-in code: a QR code and the same 6 digits, refreshed as the minute turns.
import { Image, Text, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useEffect, useMemo } from 'react'
import type { CheckInCode } from '../../../types/contract/volunteer'

export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(8, 4)
}

export function LiveCode({ code, onExpire }: { code: CheckInCode; onExpire: () => void }) {
  const src = useMemo(() => qrDataUrl(code.qrText), [code.qrText])
  useEffect(() => {
    const wait = Math.max(1000, Math.min(60_000, Date.parse(code.changesAt) - Date.now() + 300))
    const timer = setTimeout(onExpire, wait)
    return () => clearTimeout(timer)
  }, [code.changesAt, onExpire])
  return (
    <View className='vol-card vol-live-code'>
      {code.windowOpen ? null : <Text className='vol-banner'>现在不在签到时间内（开始前 30 分钟至结束后 30 分钟），志愿者暂时无法签到</Text>}
      <Image className='vol-qr' src={src} mode='aspectFit' nativeProps={{ alt: '签到二维码，志愿者扫码签到' }} />
      <Text className='vol-code vol-live-digits' aria-label={`签到码 ${code.code.split('').join(' ')}`}>{code.code}</Text>
      <Text className='vol-meta'>签到码每分钟更换，志愿者扫码或输入这 6 位数字签到、签退</Text>
    </View>
  )
}
