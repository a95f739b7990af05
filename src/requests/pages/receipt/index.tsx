// Right after filing: the 立案编号 and 预计办结时间, and (weapp) a subscription to status updates.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, ErrorState, Screen, Skeleton, toast } from '../../../core/ui'
import { OfflineBar } from '../../components/offline-bar'
import dayjs, { formatDateTime } from '../../dayjs'
import { loadRequest, useRequests } from '../../store'
import { canSubscribe, subscribeToUpdates } from '../../subscribe'
import '../../requests.scss'

export default function ReceiptPage() {
  const id = useRouter().params.id ?? ''
  const request = useRequests((s) => s.byId[id])
  const detail = useRequests((s) => s.detail[id])
  const [subscribing, setSubscribing] = useState(false)
  const [subscribed, setSubscribed] = useState<string | null>(null)

  const cached = !!request
  useEffect(() => { if (id && !cached) void loadRequest(id) }, [id, cached])

  if (!request) {
    return (
      <Screen>
        {detail?.phase === 'error' ? <ErrorState message={detail.error ?? '加载失败'} code={detail.code} onRetry={() => void loadRequest(id)} /> : <Skeleton rows={2} />}
      </Screen>
    )
  }

  const onSubscribe = async () => {
    setSubscribing(true)
    const message = await subscribeToUpdates(request.id)
    setSubscribing(false)
    setSubscribed(message)
    toast(message)
  }

  return (
    <Screen className='rq-receipt'>
      <OfflineBar text='网络已断开：诉求已提交成功，进度稍后可在「我的诉求」查看' />
      <View className='rq-receipt__card'>
        <Text className='rq-receipt__ok'>已收到您的诉求</Text>
        <Text className='rq-receipt__label'>受理编号</Text>
        <Text className='rq-receipt__case' selectable>{request.caseNumber}</Text>
        <Text className='rq-receipt__hint'>以后查询或打电话咨询时，报这个编号即可</Text>
        <Text className='rq-receipt__label'>预计办结时间</Text>
        <Text className='rq-receipt__due'>{formatDateTime(request.expectedBy)}（{dayjs(request.expectedBy).fromNow()}）</Text>
        <Text className='rq-receipt__next'>社区工作人员会尽快受理并派给相关部门处理，每一步都会在「我的诉求」里更新。</Text>
      </View>
      {canSubscribe() && !subscribed ? (
        <Button block variant='secondary' loading={subscribing} onClick={() => void onSubscribe()}>订阅办理进度通知</Button>
      ) : subscribed ? <Text className='rq-receipt__next'>{subscribed}</Text> : null}
      <Button block className='rq-view-detail' onClick={() => void Taro.redirectTo({ url: `/requests/pages/detail/index?id=${request.id}` })}>查看办理进度</Button>
      <Button block variant='plain' onClick={() => void Taro.redirectTo({ url: '/requests/pages/mine/index' })}>我的诉求</Button>
    </Screen>
  )
}
