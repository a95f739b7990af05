export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/council/index',
    'pages/me/index'
  ],
  // Every feature is a subpackage: folder = feature = download unit (see README, architecture).
  subPackages: [
    { root: 'account', pages: ['pages/welcome/index', 'pages/bind/index', 'pages/privacy/index', 'pages/identities/index', 'pages/contacts/index', 'pages/not-found/index'] },
    { root: 'workbench', pages: ['pages/index/index'] },
    { root: 'requests', pages: ['pages/new/index', 'pages/receipt/index', 'pages/mine/index', 'pages/detail/index', 'pages/public/index', 'pages/staff/index', 'pages/staff-detail/index'] },
    { root: 'notices', pages: ['pages/detail/index', 'pages/compose/index', 'pages/receipts/index', 'pages/mine/index', 'pages/messages/index', 'pages/elderly/index'] },
    { root: 'volunteer', pages: ['pages/index/index', 'pages/detail/index', 'pages/publish/index', 'pages/roster/index', 'pages/mine/index', 'pages/check-in/index', 'pages/certificate/index', 'pages/help/index', 'pages/help-ask/index', 'pages/help-detail/index', 'pages/staff/index'] },
    { root: 'timebank', pages: ['pages/index/index', 'pages/shop/index', 'pages/goods/index', 'pages/orders/index', 'pages/services/index', 'pages/exchange/index', 'pages/gift/index', 'pages/report/index', 'pages/staff/index', 'pages/staff-goods/index'] },
    { root: 'council', pages: ['pages/detail/index', 'pages/new/index'] }
  ],
  window: {
    // 'default' is weapp's own bar; on H5 it turns on Taro's title bar with back (core/h5-shell names it).
    navigationStyle: 'default',
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8'
  },
  tabBar: {
    color: '#5c6370',
    selectedColor: '#c2410c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/services/index', text: '办事', iconPath: 'assets/tabbar/services.png', selectedIconPath: 'assets/tabbar/services-active.png' },
      { pagePath: 'pages/council/index', text: '议事', iconPath: 'assets/tabbar/council.png', selectedIconPath: 'assets/tabbar/council-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' }
    ]
  },
  // weapp: fetch the subpackages residents open from each tab ahead, so they open offline too.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['notices', 'account'] },
    'pages/services/index': { network: 'all', packages: ['requests'] },
    'pages/council/index': { network: 'all', packages: ['council'] },
    'pages/me/index': { network: 'all', packages: ['account'] }
  },
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于定位您要反映问题的位置，并匹配最近的楼栋' }
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents'
})
