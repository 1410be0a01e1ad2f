// The page's words in English and Chinese, and how numbers and dates read in each (as the explanations do).
const en = {
  title: "Advisors' workbench",
  signIn: "Sign in", signOut: "Sign out", signedInAs: "Signed in as",
  devSignIn: "Development sign-in", devHint: "The engine uses its development signing key: ask it for a token, or paste one.",
  role: "Role", advisorId: "Advisor id", getToken: "Get a development token", token: "Token", useToken: "Use this token",
  oidcSignIn: "Sign in with your bank account", noSignIn: "This engine offers no sign-in: paste a token from your identity provider.",
  roles: { advisor: "Advisor", supervisor: "Supervisor", service: "Service" },
  nav: { inbox: "Inbox", book: "Book", effect: "Effect of maintenance", team: "Team", dashboard: "Cluster dashboard" },
  live: "Live", connecting: "Connecting…", offline: "Reconnecting…",
  category: "Category", status: "Status", all: "All",
  categories: { product: "Product", lifecycle: "Life cycle", abnormal: "Abnormal movement" },
  statuses: { open: "Open", acknowledged: "Acknowledged", closed: "Closed", suppressed: "Suppressed", expired: "Expired" },
  severities: { info: "Info", normal: "Normal", high: "High", urgent: "Urgent" },
  tiers: { standard: "Standard", wealth: "Wealth", private: "Private" },
  stages: { growth: "Growth", mature: "Mature", stable: "Stable", decline: "Decline" },
  outcomes: { acknowledged: "Acknowledge", reached: "Reached", unreached: "Unreached", opportunity: "Opportunity", won: "Won", lost: "Lost", dismissed: "Dismissed" },
  colon: ": ", what: "What happened", why: "Why", todo: "What to do", customer: "Customer", note: "Note", amount: "Amount",
  outcome: "Outcome", recorded: "Recorded", doNotContact: "Do not contact",
  emptyInbox: "Nothing waiting: new triggers appear here as they fire.",
  waiting: "Waiting (open or acknowledged)",
  digest: "Today's digest", digestHint: (n) => `${n} trigger${n === 1 ? "" : "s"} held back today by the daily cap on live pushes.`,
  digestEmpty: "Nothing held back today.",
  chooseAdvisor: "Choose an advisor on the Team page to see their inbox.",
  inboxOf: (a) => `Inbox of ${a}`,
  book: "Book", name: "Name", tier: "Tier", aum: "AUM", openTriggers: "Open triggers", emptyBook: "No customers assigned.",
  gapToNext: (tier, gap) => `${gap} to ${tier}`, topTier: "Top tier",
  downgradeRisk: (since, until) => `Below the tier threshold since ${since}: kept until ${until}`,
  accounts: "Accounts", account: "Account", type: "Type", balance: "Balance", maturity: "Maturity",
  holdings: "Holdings", product: "Product", units: "Units", cost: "Cost", navValue: "NAV", value: "Value", returnPct: "Return",
  points: "Points", pointsBalance: "Balance", lifetime: "Earned in all", ledger: "Ledger", at: "At", kind: "Kind",
  stage: "Life-cycle stage", since: "since", triggers: "Triggers", openNow: "Open", past: "Past",
  effect: "Effect of maintenance", fired: "Fired", reached: "Reached", opportunity: "Opportunities", won: "Won",
  contactRate: "Contact rate", emptyEffect: "No trigger fired yet.", chartTitle: "Fired, reached and won per trigger type",
  team: "Team today", unassigned: "Unassigned queue", customers: "Customers", pushedLive: "Live today", digestCount: "Digest today",
  cap: "Cap", open: "Open", day: "Day",
  forbidden: "You may not see this: it belongs to another advisor's book.",
  notFound: "Not found.", failed: "The engine did not answer as expected", signInFirst: "Your session has ended: sign in again.",
  back: "Back",
  types: {
    "deposit.maturing": ["Term deposit maturing", "Offer a renewal or another product before the funds move."],
    "deposit.matured": ["Term deposit matured", "Call now, before the funds move elsewhere."],
    "payment.due": ["Payment due", "Remind the customer to keep funds available."],
    "payment.overdue": ["Payment overdue", "Contact the customer to arrange repayment."],
    "investment.take_profit": ["Take-profit line reached", "Discuss taking profit."],
    "investment.stop_loss": ["Stop-loss line reached", "Review the holding with the customer."],
    "investment.dividend": ["Dividend paid", "Tell the customer and suggest how to reinvest it."],
    "investment.follow_up": ["After-sales follow-up", "Make the after-sales call."],
    "customer.onboarding": ["New customer", "Make the welcome call and complete the needs review."],
    "customer.birthday": ["Birthday", "Send greetings."],
    "customer.anniversary": ["Anniversary with the bank", "Thank the customer for their loyalty."],
    "tier.upgraded": ["Tier upgraded", "Welcome the customer to the new tier's service."],
    "tier.downgrade_risk": ["Tier at risk", "Contact the customer to retain the assets."],
    "tier.downgraded": ["Tier downgraded", "Explain the change and what would restore the tier."],
    "lifecycle.decline": ["Customer in decline", "Call to learn why and win the customer back."],
    "lifecycle.dormant": ["Dormant customer", "Reach out to reactivate the customer."],
    "review.due": ["Periodic review due", "Schedule the periodic review."],
    "movement.large_outflow": ["Large outflow", "Check the customer's intent before funds leave."],
    "movement.external_transfer": ["Transfer to another bank", "Call to understand the move and retain the funds."],
    "movement.balance_drop": ["Balance drop", "Call to understand the drop."],
    "movement.large_inflow": ["Large inflow", "Offer suitable products for the new funds."],
    "movement.activity_spike": ["Activity spike", "Check with the customer at once for fraud or distress."],
    "points.expiring": ["Points expiring", "Remind the customer to use the points."],
  },
};

const zh = {
  title: "客户经理工作台",
  signIn: "登录", signOut: "退出", signedInAs: "当前用户",
  devSignIn: "开发环境登录", devHint: "引擎正在使用开发签名密钥：可申请开发令牌，或粘贴已有令牌。",
  role: "角色", advisorId: "客户经理编号", getToken: "申请开发令牌", token: "令牌", useToken: "使用此令牌",
  oidcSignIn: "使用行内账号登录", noSignIn: "本引擎未提供登录方式：请粘贴身份提供方签发的令牌。",
  roles: { advisor: "客户经理", supervisor: "主管", service: "系统" },
  nav: { inbox: "待办", book: "客户名单", effect: "维护成效", team: "团队", dashboard: "集群仪表板" },
  live: "实时", connecting: "连接中…", offline: "重新连接中…",
  category: "类别", status: "状态", all: "全部",
  categories: { product: "产品事件", lifecycle: "生命周期事件", abnormal: "账户异动" },
  statuses: { open: "待处理", acknowledged: "已确认", closed: "已关闭", suppressed: "已屏蔽", expired: "已过期" },
  severities: { info: "提示", normal: "一般", high: "重要", urgent: "紧急" },
  tiers: { standard: "普通级", wealth: "财富级", private: "钻私级" },
  stages: { growth: "成长期", mature: "成熟期", stable: "稳定期", decline: "衰弱期" },
  outcomes: { acknowledged: "确认", reached: "已联络", unreached: "未联络上", opportunity: "销售机会", won: "成交", lost: "未成交", dismissed: "忽略" },
  colon: "：", what: "发生了什么", why: "原因", todo: "建议行动", customer: "客户", note: "备注", amount: "金额",
  outcome: "结果", recorded: "已记录", doNotContact: "勿扰",
  emptyInbox: "暂无待办：新的提醒触发后会显示在这里。",
  waiting: "待处理（含已确认）",
  digest: "今日汇总", digestHint: (n) => `今日有${n}条提醒超出每日实时推送上限，汇总于此。`,
  digestEmpty: "今日没有汇总提醒。",
  chooseAdvisor: "请在“团队”页面选择一位客户经理以查看其待办。",
  inboxOf: (a) => `${a}的待办`,
  book: "客户名单", name: "姓名", tier: "等级", aum: "资产规模", openTriggers: "待处理提醒", emptyBook: "暂无分配的客户。",
  gapToNext: (tier, gap) => `距${tier}还差${gap}`, topTier: "已是最高等级",
  downgradeRisk: (since, until) => `自${since}起低于等级门槛：等级保留至${until}`,
  accounts: "账户", account: "账号", type: "类型", balance: "余额", maturity: "到期日",
  holdings: "持仓", product: "产品", units: "份额", cost: "成本", navValue: "净值", value: "市值", returnPct: "收益率",
  points: "积分", pointsBalance: "余额", lifetime: "累计获得", ledger: "积分明细", at: "时间", kind: "类型",
  stage: "生命周期阶段", since: "自", triggers: "提醒", openNow: "待处理", past: "历史",
  effect: "维护成效", fired: "触发", reached: "联络达成", opportunity: "销售机会", won: "成交",
  contactRate: "联络达成率", emptyEffect: "尚未触发任何提醒。", chartTitle: "各类提醒的触发、联络与成交",
  team: "今日团队", unassigned: "待分配队列", customers: "客户数", pushedLive: "今日实时推送", digestCount: "今日汇总",
  cap: "上限", open: "待处理", day: "日期",
  forbidden: "无权查看：该客户属于其他客户经理。",
  notFound: "未找到。", failed: "引擎未按预期响应", signInFirst: "会话已结束：请重新登录。",
  back: "返回",
  types: {
    "deposit.maturing": ["定期存款即将到期", "在资金流出前推荐续存或其他产品。"],
    "deposit.matured": ["定期存款已到期", "立即致电，以免资金流向他处。"],
    "payment.due": ["还款即将到期", "提醒客户备足资金。"],
    "payment.overdue": ["还款逾期", "联系客户安排还款。"],
    "investment.take_profit": ["达到止盈线", "与客户商讨止盈。"],
    "investment.stop_loss": ["触及止损线", "与客户检视该持仓。"],
    "investment.dividend": ["分红派发", "告知客户并建议再投资方式。"],
    "investment.follow_up": ["售后回访", "进行售后回访。"],
    "customer.onboarding": ["新客户", "致电欢迎并完成需求评估。"],
    "customer.birthday": ["客户生日", "送上生日祝福。"],
    "customer.anniversary": ["客户周年", "感谢客户的长期支持。"],
    "tier.upgraded": ["等级提升", "欢迎客户享受新等级的服务。"],
    "tier.downgrade_risk": ["等级降级风险", "联系客户挽留资产。"],
    "tier.downgraded": ["等级已下降", "说明变化及恢复等级的条件。"],
    "lifecycle.decline": ["客户进入衰弱期", "致电了解原因并挽回客户。"],
    "lifecycle.dormant": ["客户休眠", "主动联系，激活客户。"],
    "review.due": ["定期回顾到期", "安排定期回顾。"],
    "movement.large_outflow": ["大额资金流出", "在资金流出前确认客户意图。"],
    "movement.external_transfer": ["转账至他行", "致电了解资金去向并挽留资金。"],
    "movement.balance_drop": ["资产大幅下降", "致电了解原因。"],
    "movement.large_inflow": ["大额资金流入", "为新资金推荐合适的产品。"],
    "movement.activity_spike": ["交易异常频繁", "立即与客户核实，排查欺诈或资金困难。"],
    "points.expiring": ["积分即将到期", "提醒客户使用积分。"],
  },
};

const languages = { en, "zh-CN": zh };

/** The words of the page, set once from the engine's Engine:Language. */
export let t = en;
/** The page's language code. */
export let language = "en";

/** Sets the page's language. */
export function setLanguage(code) {
  language = languages[code] ? code : "en";
  t = languages[language];
  document.documentElement.lang = language;
  document.title = t.title;
}

const money = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Money as the explanations write it: 500,000.00 or 500,000.00元. */
export function formatMoney(amount) {
  if (amount === null || amount === undefined) return "—";
  const text = money.format(amount);
  return language === "zh-CN" ? `${text}元` : text;
}

/** A date (YYYY-MM-DD or a moment, read as its UTC day) as 2026-12-01 or 2026年12月1日. */
export function formatDate(value) {
  if (!value) return "—";
  const day = String(value).slice(0, 10);
  if (language !== "zh-CN") return day;
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** A moment as date and UTC time. */
export function formatMoment(value) {
  if (!value) return "—";
  return `${formatDate(value)} ${String(value).slice(11, 16)}`;
}

/** A per-cent figure with one decimal. */
export function formatPct(value) {
  return value === null || value === undefined ? "—" : `${Number(value).toFixed(1)}%`;
}

/** The name and the action of a trigger type. */
export function typeWords(type) {
  return t.types[type] ?? [type, ""];
}
