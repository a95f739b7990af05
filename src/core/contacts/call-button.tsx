// Tap-to-call: WeChat's makePhoneCall (on H5 Taro turns it into a tel: link).
import Taro from '@tarojs/taro'
import { formatPhoneNumber } from '../../../types/contract/contacts'
import { Button, toast } from '../ui'

export function callNumber(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch((e: { errMsg?: string }) => {
    // Cancelling the system sheet is not a failure.
    if (!/cancel/i.test(e?.errMsg ?? '')) toast(`请拨打 ${formatPhoneNumber(phoneNumber)}`)
  })
}

/** A button that reads the number aloud in its text (拨打 0571-86512300), so its name says what it does. */
export function CallButton({ phoneNumber, className, variant = 'secondary' }: { phoneNumber: string; className?: string; variant?: 'primary' | 'secondary' }) {
  return (
    <Button variant={variant} className={className ? `ll-call ${className}` : 'll-call'} onClick={() => callNumber(phoneNumber)}>
      {`拨打 ${formatPhoneNumber(phoneNumber)}`}
    </Button>
  )
}
