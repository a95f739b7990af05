// The text of the 隐私政策: what 邻里 collects, why, how long it is kept, who sees it, how to withdraw.
export const POLICY_UPDATED = '2026年11月29日'

interface PolicyItem { name: string; text: string }
interface PolicySection { title: string; items: PolicyItem[] }

export const POLICY_SECTIONS: PolicySection[] = [
  {
    title: '一、我们收集什么、为什么收集',
    items: [
      { name: '微信标识', text: '登录时微信提供的匿名标识（openid），用于认出是您本人，不获取您的微信昵称、头像和手机号。' },
      { name: '姓名与房号', text: '绑定房屋时填写，用于核对您是本社区登记的住户，并让社区知道问题发生在哪里。' },
      { name: '位置', text: '仅在您反映问题并同意后获取一次，用于标出问题地点、匹配最近的楼栋；不会在后台持续定位。' },
      { name: '照片', text: '仅包括您主动拍摄或选择上传的现场照片，上传前会压缩。' },
      { name: '诉求内容', text: '您填写的问题描述、分类、评价等，用于社区受理、派单和回复。' }
    ]
  },
  {
    title: '二、保存多久',
    items: [
      { name: '账号与房屋', text: '保存到您退出登录并申请注销，或搬离本社区后由社区核销。' },
      { name: '诉求、照片与位置', text: '诉求办结后保存 2 年，用于回访和统计，期满后删除或去除身份信息。' }
    ]
  },
  {
    title: '三、谁能看到',
    items: [
      { name: '社区工作人员', text: '为办理诉求，可以看到诉求的全部内容和您的姓名、房号。' },
      { name: '承办部门', text: '物业、城管、水务等部门只看到派给他们的诉求。' },
      { name: '其他居民', text: '诉求公示中只显示问题和办理情况。提交时打开「匿名」开关，公示中不显示您的姓名和房号。' },
      { name: '楼长', text: '可以看到自己负责楼栋的诉求，方便帮老人代办和跟进。' }
    ]
  },
  {
    title: '四、如何撤回和删除',
    items: [
      { name: '撤回同意', text: '在本页底部点「撤回同意并退出登录」；在微信中还可以在右上角「…」→「设置」里关闭位置、相册等授权。' },
      { name: '删除信息', text: '联系本社区居委会（电话和办公时间在「我的」→「社区联系人」），核实身份后 15 个工作日内删除您的账号和相关信息。' }
    ]
  }
]
