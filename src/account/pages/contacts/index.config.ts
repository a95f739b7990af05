export default definePageConfig({
  navigationBarTitleText: '社区联系人'
})
