// dayjs with Chinese locale and relative times (3 小时前), configured once for the feature.
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'

dayjs.extend(relativeTime)
dayjs.locale('zh-cn')

export const formatTime = (iso: string) => dayjs(iso).format('M月D日 HH:mm')
export const formatDateTime = (iso: string) => dayjs(iso).format('YYYY年M月D日 HH:mm')

export default dayjs
