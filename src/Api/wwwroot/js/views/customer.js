// The customer: tier with the gap to the next tier and any downgrade deadline, AUM, accounts, holdings with return,
// points and ledger, life-cycle stage, open and past triggers with their outcomes.
import { api, customerPath } from "../api.js";
import { h, replace, table } from "../dom.js";
import { formatDate, formatMoment, formatMoney, formatPct, t } from "../i18n.js";
import { bySeverityThenNewest, isWaiting, triggerCard } from "./cards.js";

/** Renders customer <customerId> into <root>. */
export async function customerView(root, customerId) {
  const [customer, points, triggers] = await Promise.all([
    api(customerPath(customerId)), api(customerPath(customerId, "/points?limit=20")), api(customerPath(customerId, "/triggers")),
  ]);
  const tier = customer.tier;
  const rerender = () => customerView(root, customerId);
  replace(root,
    h("section", { class: "customer", id: "customer-view", "data-customer-id": customer.customerId },
      h("h2", {}, customer.name ?? customer.customerId, h("small", {}, ` ${customer.customerId}`)),
      h("div", { class: "facts" },
        fact(t.tier, h("span", { id: "customer-tier" }, t.tiers[tier.current]),
          tier.nextTier ? h("small", {}, t.gapToNext(t.tiers[tier.nextTier], formatMoney(tier.gapToNextTier))) : h("small", {}, t.topTier),
          tier.downgradeRiskSince ? h("p", { class: "warning" }, t.downgradeRisk(formatDate(tier.downgradeRiskSince), formatDate(tier.downgradeDeadline))) : null),
        fact(t.aum, h("span", { id: "customer-aum" }, formatMoney(customer.aum))),
        fact(t.stage, t.stages[customer.lifecycle.stage], h("small", {}, ` ${t.since} ${formatDate(customer.lifecycle.since)}`)),
        fact(t.points, String(points.balance), h("small", {}, ` ${t.lifetime} ${customer.points.lifetimeEarned}`)),
        customer.doNotContact ? fact(t.doNotContact, "✓") : null),
      h("h3", {}, t.accounts),
      table([t.account, t.type, t.balance, t.maturity],
        customer.accounts.map((a) => [a.accountId, a.accountType ?? "—", formatMoney(a.balance), formatDate(a.maturityDate)])),
      h("h3", {}, t.holdings),
      table([t.product, t.type, t.units, t.cost, t.navValue, t.value, t.returnPct],
        customer.holdings.map((x) => [x.productId, x.productType, String(x.units), formatMoney(x.cost), x.nav ?? "—", formatMoney(x.value), formatPct(x.returnPct)])),
      h("h3", {}, t.ledger),
      table([t.at, t.kind, t.points, t.pointsBalance],
        points.entries.map((e) => [formatMoment(e.at), e.kind, String(e.points), String(e.balanceAfter)])),
      h("h3", {}, `${t.triggers}: ${t.openNow}`),
      h("div", { class: "cards" }, triggers.filter(isWaiting).sort(bySeverityThenNewest).map((x) => triggerCard(x, rerender, { showCustomer: false }))),
      h("h3", {}, `${t.triggers}: ${t.past}`),
      h("div", { class: "cards" }, triggers.filter((x) => !isWaiting(x)).map((x) => triggerCard(x, rerender, { showCustomer: false })))));
}

function fact(label, ...value) {
  return h("div", { class: "fact" }, h("span", { class: "label" }, label), h("strong", {}, ...value));
}
