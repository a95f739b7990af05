// Right after filing: the 立案编号 and 预计办结时间, and (weapp) a subscription to status updates.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { REQUEST_SUBSCRIBE_TEMPLATE } from '../../../../types/contract'
import { messageOf } from '../../../core/api'
import { Button, ErrorState, Screen, Skeleton, toast } from '../../../core/ui'
import { requestsApi } from '../../api'
import dayjs, { formatDateTime } from '../../dayjs'
import { loadRequest, useRequests } from '../../store'
import '../../requests.scss'

type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter'

/** wx.requestSubscribeMessage must follow a tap; other platforms have no such thing. */
async function subscribe(requestId: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.requestSubscribeMessage !== 'function') return '当前环境不支持订阅消息，可在「我的诉求」查看进度'
  let results: Record<string, SubscribeResult>
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds: [REQUEST_SUBSCRIBE_TEMPLATE], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
    results = { [REQUEST_SUBSCRIBE_TEMPLATE]: (res as unknown as Record<string, SubscribeResult>)[REQUEST_SUBSCRIBE_TEMPLATE] ?? 'reject' }
  } catch {
    results = { [REQUEST_SUBSCRIBE_TEMPLATE]: 'reject' }
  }
  try {
    await requestsApi.recordSubscription({ requestId, results })
  } catch (e) {
    return messageOf(e)
  }
  return results[REQUEST_SUBSCRIBE_TEMPLATE] === 'accept' ? '已订阅，办理有进展时会通知您' : '未订阅，可在「我的诉求」查看进度'
}

export default function ReceiptPage() {
  const id = useRouter().params.id ?? ''
  const request = useRequests((s) => s.byId[id])
  const detail = useRequests((s) => s.detail[id])
  const [subscribing, setSubscribing] = useState(false)
  const [subscribed, setSubscribed] = useState<string | null>(null)

  useEffect(() => { if (id && !request) void loadRequest(id) }, [id])

  if (!request) {
    return (
      <Screen>
        {detail?.phase === 'error' ? <ErrorState message={detail.error ?? '加载失败'} onRetry={() => void loadRequest(id)} /> : <Skeleton rows={2} />}
      </Screen>
    )
  }

  const onSubscribe = async () => {
    setSubscribing(true)
    const message = await subscribe(request.id)
    setSubscribing(false)
    setSubscribed(message)
    toast(message)
  }

  return (
    <Screen className='rq-receipt'>
      <View className='rq-receipt__card'>
        <Text className='rq-receipt__ok'>已收到您的诉求</Text>
        <Text className='rq-receipt__label'>立案编号</Text>
        <Text className='rq-receipt__case' selectable>{request.caseNumber}</Text>
        <Text className='rq-receipt__label'>预计办结时间</Text>
        <Text className='rq-receipt__due'>{formatDateTime(request.expectedBy)}（{dayjs(request.expectedBy).fromNow()}）</Text>
        <Text className='rq-receipt__next'>社区工作人员会尽快受理并派给相关部门处理，每一步都会在「我的诉求」里更新。</Text>
      </View>
      {process.env.TARO_ENV === 'weapp' && !subscribed ? (
        <Button block variant='secondary' loading={subscribing} onClick={() => void onSubscribe()}>订阅办理进度通知</Button>
      ) : subscribed ? <Text className='rq-receipt__next'>{subscribed}</Text> : null}
      <Button block className='rq-view-detail' onClick={() => void Taro.redirectTo({ url: `/requests/pages/detail/index?id=${request.id}` })}>查看办理进度</Button>
      <Button block variant='plain' onClick={() => void Taro.redirectTo({ url: '/requests/pages/mine/index' })}>我的诉求</Button>
    </Screen>
  )
}
