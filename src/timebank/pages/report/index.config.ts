export default definePageConfig({ navigationBarTitleText: '时间银行月度公示' })
