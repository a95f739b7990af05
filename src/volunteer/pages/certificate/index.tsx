// 志愿服务证明: number, name, final records, total, issuer, date — free, from final records only;
// saved as an image (a download on H5) or printed.
import { Image, Text, View } from '@tarojs/components'
import { chinaTimeText, hoursText } from '../../../../types/contract/volunteer'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, EmptyState, ErrorState, Loading, openPage, Screen, Skeleton, toast } from '../../../core/ui'
import { volunteerApi } from '../../api'
import { certificateSvg, svgDataUrl } from '../../certificate'
import { PAGES } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

export default function CertificatePage() {
  const ready = useRequireMember()
  const cert = useRemote(() => volunteerApi.certificate(), [], ready)
  if (!ready) return <Screen><Loading /></Screen>
  if (!cert.data) return <Screen>{cert.error ? <ErrorState message={cert.error} code={cert.code} onRetry={() => void cert.reload()} /> : <Skeleton rows={5} />}</Screen>
  const c = cert.data
  if (!c.records.length) {
    return <Screen><EmptyState icon='📜' message='还没有已确认的服务记录。时长公示 3 天后确认，确认后即可开具证明。' action={{ text: '查看我的志愿', onClick: () => openPage(PAGES.mine) }} /></Screen>
  }
  const url = svgDataUrl(certificateSvg(c))
  const download = () => {
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
      const a = document.createElement('a')
      a.href = url
      a.download = `志愿服务证明-${c.number}.svg`
      a.click()
      toast('已开始下载')
    } else {
      toast('请长按图片保存到相册')
    }
  }
  return (
    <Screen className='vol-certificate'>
      <View className='vol-cert'>
        <Text className='vol-title'>志愿服务证明</Text>
        <Text className='vol-meta vol-cert-number'>证明编号：{c.number}</Text>
        <Text className='vol-text vol-cert-name'>兹证明 {c.name} 参加以下志愿服务，累计 {hoursText(c.totalMinutes)} 小时：</Text>
        {c.records.map((r, i) => (
          <Text key={i} className='vol-meta vol-cert-record'>{i + 1}. {chinaTimeText(r.startAt)} {r.activityTitle} {hoursText(r.minutes)} 小时</Text>
        ))}
        <Text className='vol-text vol-cert-issuer'>{c.issuer}</Text>
        <Text className='vol-meta'>{c.issuedOn}</Text>
      </View>
      <Image className='vol-cert__image vol-noprint' src={url} mode='aspectFit' showMenuByLongpress />
      <View className='vol-actions vol-noprint'>
        <Button className='vol-cert-download' onClick={download}>保存为图片</Button>
        {process.env.TARO_ENV === 'h5' ? <Button variant='secondary' className='vol-cert-print' onClick={() => window.print()}>打印</Button> : null}
      </View>
      <Text className='vol-meta vol-noprint'>证明依据已确认（公示期满）的服务记录出具，免费。</Text>
    </Screen>
  )
}
