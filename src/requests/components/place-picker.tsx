// 问题地点: GPS (after consent) matched to the nearest building or spot, or picked by hand from
// the places list when GPS is denied, unavailable or wrong; plus an optional note.
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { nearestPlace } from '../../../types/contract/requests-catalog'
import { isApiError, messageOf } from '../../core/api'
import { ensurePrivacyConsent } from '../../core/privacy'
import { Button, confirm, cx, Field, TextInput } from '../../core/ui'
import { locatePlace, usePlaces } from '../catalog'
import type { DraftPlace } from '../draft-store'

export const GPS_DENIED = '无法获取您的位置，请手动选择地点'

async function offerSettings() {
  if (await confirm({ title: '需要位置权限', content: '在设置中允许使用位置信息后，可自动定位问题地点；也可以直接手动选择地点', confirmText: '去设置', cancelText: '手动选择' })) {
    void Taro.openSetting().catch(() => undefined)
  }
}

async function locate(places: ReturnType<typeof usePlaces>['data']): Promise<DraftPlace> {
  if (!(await ensurePrivacyConsent('location'))) throw new Error(GPS_DENIED)
  let point
  try {
    // Place coordinates are meant to come from Chinese maps (GCJ-02), which WeChat can report; a browser only reports WGS-84.
    const r = await Taro.getLocation({ type: process.env.TARO_ENV === 'weapp' ? 'gcj02' : 'wgs84' })
    point = { lat: r.latitude, lng: r.longitude }
  } catch (e) {
    // On weapp a once-refused location scope stays refused until the resident turns it on in settings.
    if (process.env.TARO_ENV === 'weapp' && /auth deny|auth denied|authorize/.test(String((e as { errMsg?: string })?.errMsg))) {
      void offerSettings()
    }
    throw new Error(GPS_DENIED)
  }
  try {
    const m = await locatePlace(point.lat, point.lng)
    return { id: m.place.id, name: m.place.name, source: 'gps', point, distanceMeters: m.distanceMeters }
  } catch (e) {
    // Offline: the same matching runs on the cached places list (the contract shares it).
    const local = isApiError(e) && e.isNetwork && places ? nearestPlace(places, point) : null
    if (local) return { id: local.place.id, name: local.place.name, source: 'gps', point, distanceMeters: local.distanceMeters }
    throw e
  }
}

export function PlacePicker({ place, note, errors, disabled, onPlace, onNote }: {
  place: DraftPlace | null
  note: string
  errors: Record<string, string>
  disabled?: boolean
  onPlace: (p: DraftPlace | null) => void
  onNote: (note: string) => void
}) {
  const places = usePlaces()
  const [locating, setLocating] = useState(false)
  const [gpsProblem, setGpsProblem] = useState<string | null>(null)
  const list = places.data ?? []
  const names = list.map((p) => (p.estateName ? `${p.estateName} ${p.name}` : p.name))
  const index = place ? list.findIndex((p) => p.id === place.id) : -1

  const locateByGps = async () => {
    setLocating(true)
    setGpsProblem(null)
    try {
      onPlace(await locate(places.data))
    } catch (e) {
      setGpsProblem(e instanceof Error && !isApiError(e) ? e.message : messageOf(e))
    } finally {
      setLocating(false)
    }
  }

  return (
    <View className='rq-place'>
      <Field label='问题地点' required error={errors['location.placeId'] ?? gpsProblem}
        hint={place ? (place.source === 'gps' ? `已定位：距${place.name}约 ${place.distanceMeters ?? 0} 米，不对可手动修改` : '已手动选择') : '可自动定位，也可手动选择'}>
        <View className='rq-place__row'>
          <Picker mode='selector' range={names} value={Math.max(0, index)} disabled={disabled || !list.length} className='rq-place__picker'
            onChange={(e) => {
              const p = list[Number(e.detail.value)]
              if (p) onPlace({ id: p.id, name: p.name, source: 'manual', point: null, distanceMeters: null })
            }}>
            <View className={cx('ll-picker', disabled && 'll-input--disabled')}>
              <Text className={cx('ll-picker__value', !place && 'll-picker__value--empty')}>
                {place ? place.name : places.loading ? '正在加载地点…' : places.error ? '地点加载失败' : '手动选择楼栋或地点'}
              </Text>
              <Text className='ll-picker__arrow'>›</Text>
            </View>
          </Picker>
        </View>
        {places.error && !list.length ? <Button size='small' variant='plain' onClick={places.reload}>重新加载地点</Button> : null}
        {disabled ? null : (
          <Button size='small' variant='secondary' className='rq-locate' loading={locating} onClick={() => void locateByGps()}>
            定位当前位置
          </Button>
        )}
      </Field>
      <Field label='位置补充（选填）' error={errors['location.note']} hint='例：3栋2单元门口左侧路灯'>
        <TextInput value={note} onChange={onNote} disabled={disabled} maxLength={100} placeholder='更具体的位置' />
      </Field>
    </View>
  )
}
