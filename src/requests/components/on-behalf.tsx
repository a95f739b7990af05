// 代办 banner at the top of the form: whom the 楼长 is filing for, and the server's refusal if any.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ElderlyResident } from '../../../types/contract/notices'
import { messageOf } from '../../core/api'
import { cx } from '../../core/ui'
import { fetchOnBehalfResident } from '../store'

type Lookup = { phase: 'loading' } | { phase: 'ready'; resident: ElderlyResident | null } | { phase: 'error'; message: string }

/** The line shown at the top: 为 王秀英（3栋2单元502）代办. */
export const onBehalfTitle = (r: Pick<ElderlyResident, 'name' | 'houseLabel'>) => `为 ${r.name}（${r.houseLabel}）代办`

export function OnBehalfBanner({ personId, error, onResident }: {
  personId: string
  /** The server's refusal of the last filing (403 只能为您负责楼栋的居民代办诉求). */
  error?: string
  onResident?: (r: ElderlyResident) => void
}) {
  // Keyed by person: a lookup for someone else reads as loading, so the effect sets state only on answers.
  const [answer, setAnswer] = useState<{ personId: string; lookup: Lookup } | null>(null)
  useEffect(() => {
    let live = true
    fetchOnBehalfResident(personId).then(
      (resident) => { if (!live) return; setAnswer({ personId, lookup: { phase: 'ready', resident } }); if (resident) onResident?.(resident) },
      (e) => { if (live) setAnswer({ personId, lookup: { phase: 'error', message: messageOf(e) } }) }
    )
    return () => { live = false }
    // onResident is a callback prop; looking up again for each render would be wasteful.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [personId])
  const lookup: Lookup = answer?.personId === personId ? answer.lookup : { phase: 'loading' }

  const resident = lookup.phase === 'ready' ? lookup.resident : null
  const notListed = lookup.phase === 'ready' && !resident
  const warning = error ?? (notListed ? '该居民不在您负责楼栋的代办名单中，提交可能会被拒绝' : lookup.phase === 'error' ? `暂时无法读取居民信息：${lookup.message}` : null)
  return (
    <View className={cx('rq-banner', 'rq-on-behalf', warning ? 'rq-banner--error' : 'rq-banner--pending')}>
      <Text className='rq-banner__title rq-on-behalf__title'>
        {resident ? onBehalfTitle(resident) : lookup.phase === 'loading' ? '正在读取代办的居民…' : '为居民代办'}
      </Text>
      <Text className='rq-banner__text'>这份诉求会记为由您代办，办理进展也会通知这位居民；您自己的草稿另行保存，不受影响</Text>
      {warning ? <Text className='rq-banner__text rq-on-behalf__error'>{warning}</Text> : null}
    </View>
  )
}
