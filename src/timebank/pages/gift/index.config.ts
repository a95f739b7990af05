export default definePageConfig({ navigationBarTitleText: '转赠积分' })
