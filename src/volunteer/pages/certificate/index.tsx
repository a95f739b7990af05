// 志愿服务证明: number, name, final records, total, issuer, date — free, from final records only.
// Saved as an image: a download of the SVG on H5 (or printed); on weapp drawn on a 2d canvas from
// the same layout and saved to the album (a refused permission gets words and a way to settings).
import { Canvas, Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { chinaTimeText, hoursText } from '../../../../types/contract/volunteer'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, EmptyState, ErrorState, Loading, openPage, Screen, Skeleton, toast } from '../../../core/ui'
import { volunteerApi } from '../../api'
import { certificateLayout, certificateSvg, svgDataUrl } from '../../certificate'
import { CERT_CANVAS_ID, openAlbumSettings, saveCertificateImage } from '../../certificate-canvas'
import { PAGES } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

const isH5 = process.env.TARO_ENV === 'h5'

export default function CertificatePage() {
  const ready = useRequireMember()
  const cert = useRemote(() => volunteerApi.certificate(), [], ready)
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<{ message: string; denied: boolean } | null>(null)
  if (!ready) return <Screen><Loading /></Screen>
  if (!cert.data) return <Screen>{cert.error ? <ErrorState message={cert.error} code={cert.code} onRetry={() => void cert.reload()} /> : <Skeleton rows={5} />}</Screen>
  const c = cert.data
  if (!c.records.length) {
    return <Screen><EmptyState icon='证' message='还没有已确认的服务记录。时长公示 3 天后确认，确认后即可开具证明。' action={{ text: '查看我的志愿', onClick: () => openPage(PAGES.mine) }} /></Screen>
  }
  const layout = certificateLayout(c)
  const save = async () => {
    setProblem(null)
    if (isH5 && typeof document !== 'undefined') {
      const a = document.createElement('a')
      a.href = svgDataUrl(certificateSvg(c))
      a.download = `志愿服务证明-${c.number}.svg`
      a.click()
      toast('已开始下载')
      return
    }
    setSaving(true)
    try {
      const result = await saveCertificateImage(layout)
      if (result.ok) toast('已保存到相册', 'success')
      else setProblem(result)
    } finally {
      setSaving(false)
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
      {isH5 ? <Image className='vol-cert__image vol-noprint' src={svgDataUrl(certificateSvg(c))} mode='widthFix' nativeProps={{ alt: `志愿服务证明图片：${c.name}，累计 ${hoursText(c.totalMinutes)} 小时` }} /> : null}
      {/* weapp draws the image here, out of sight; its pixel size is set when drawing. */}
      {!isH5 ? <Canvas type='2d' id={CERT_CANVAS_ID} canvasId={CERT_CANVAS_ID} className='vol-cert__canvas' style={{ width: `${layout.width / 2}px`, height: `${layout.height / 2}px` }} /> : null}
      {problem ? (
        <View className='vol-banner vol-banner--danger vol-cert-problem vol-noprint'>
          <Text>{problem.message}</Text>
          {problem.denied ? <Button size='small' variant='secondary' className='vol-cert-settings' onClick={openAlbumSettings}>去设置</Button> : null}
        </View>
      ) : null}
      <View className='vol-actions vol-noprint'>
        <Button className='vol-cert-download' loading={saving} onClick={() => void save()}>{isH5 ? '下载证明图片' : '保存到相册'}</Button>
        {isH5 ? <Button variant='secondary' className='vol-cert-print' onClick={() => window.print()}>打印</Button> : null}
      </View>
      <Text className='vol-meta vol-noprint'>证明依据已确认（公示期满）的服务记录出具，免费。</Text>
    </Screen>
  )
}
