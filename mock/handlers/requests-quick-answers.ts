// 秒回: ready answers to questions residents often file as requests (停水, 快递 …).
import type { QuickAnswer } from '../../types/contract'

export function seedQuickAnswers(): QuickAnswer[] {
  return [
    {
      id: 'qa_water', keywords: ['停水', '没水', '水压', '水小'], title: '计划停水公告',
      answer: '12月2日（周三）9:00–17:00，桂花苑 1–4栋因二次供水水箱清洗计划停水，请提前储水。非计划停水请在「通知」中查看最新公告，或拨打物业 24 小时值班电话。'
    },
    {
      id: 'qa_parcel', keywords: ['快递', '包裹', '快递柜', '驿站'], title: '快递柜位置',
      answer: '小区快递柜在南门内侧和 5栋架空层；驿站在南门商铺 3 号，营业时间 8:00–21:00。取件码过期可在柜机上「重新获取」。'
    },
    {
      id: 'qa_power', keywords: ['停电', '没电', '跳闸'], title: '停电怎么办',
      answer: '整栋停电多为供电局计划检修，请在「通知」中查看公告；只有自家停电请先检查入户电箱是否跳闸，仍无法恢复可联系物业电工上门。'
    },
    {
      id: 'qa_garbage', keywords: ['垃圾分类', '投放时间', '大件垃圾', '装修垃圾'], title: '垃圾投放时间',
      answer: '垃圾分类站定时投放：7:00–9:00、18:00–21:00。大件和装修垃圾请提前一天联系物业预约，统一在地下车库入口旁暂存点清运。'
    },
    {
      id: 'qa_access', keywords: ['门禁卡', '门禁', '人脸识别'], title: '门禁卡办理',
      answer: '新办或补办门禁卡：带身份证和房产证明（或租赁合同）到物业服务中心办理，工作日 9:00–18:00，补卡工本费 20 元。'
    },
    {
      id: 'qa_parking', keywords: ['停车月卡', '车位', '月卡', '临时停车'], title: '停车月卡办理',
      answer: '地下车库月卡在物业服务中心办理，需行驶证和房屋证明；访客临时停车前 30 分钟免费。'
    }
  ]
}
