// One trigger as a card: what happened, why (the explanation: the rule and its numbers), what to do, the customer,
// and one click to record an outcome.
import { api, advisorPath } from "../api.js";
import { h } from "../dom.js";
import { formatMoment, formatMoney, t, typeWords } from "../i18n.js";

const Outcomes = ["reached", "unreached", "opportunity", "won", "lost", "dismissed"];
const Severity = { info: 0, normal: 1, high: 2, urgent: 3 };

/** Most severe first, then newest: the engine's inbox order. */
export function bySeverityThenNewest(a, b) {
  return Severity[b.severity] - Severity[a.severity] || b.createdAt.localeCompare(a.createdAt) || a.triggerId.localeCompare(b.triggerId);
}

/** Whether the trigger still waits for the advisor. */
export function isWaiting(trigger) {
  return trigger.status === "open" || trigger.status === "acknowledged";
}

/** A card for <trigger>; onChange(updated) runs after an outcome is recorded. */
export function triggerCard(trigger, onChange, { showCustomer = true } = {}) {
  const [what, todo] = typeWords(trigger.type);
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const note = h("input", { name: "note", maxlength: "1000", "aria-label": t.note, placeholder: t.note });
  const amount = h("input", { name: "amount", type: "number", min: "0", step: "0.01", "aria-label": t.amount, placeholder: t.amount });

  async function record(outcome) {
    error.hidden = true;
    try {
      const body = { outcome, note: note.value || null, amount: amount.value === "" ? null : Number(amount.value) };
      onChange(await api(advisorPath(trigger.advisorId, `/triggers/${trigger.triggerId}/outcome`), { method: "POST", body }));
    } catch (failure) {
      error.textContent = `${t.failed}: ${failure.message}`;
      error.hidden = false;
    }
  }

  const outcome = trigger.outcome;
  return h("article", {
    class: `card severity-${trigger.severity} status-${trigger.status}`, "data-trigger-id": trigger.triggerId,
    "data-type": trigger.type, "data-status": trigger.status, "data-customer-id": trigger.customerId, "aria-label": what,
  },
    h("header", {},
      h("span", { class: `badge severity-${trigger.severity}` }, t.severities[trigger.severity]),
      h("span", { class: "badge" }, t.categories[trigger.category]),
      trigger.status !== "open" ? h("span", { class: "badge status" }, t.statuses[trigger.status]) : null,
      trigger.doNotContact ? h("span", { class: "badge warning" }, t.doNotContact) : null,
      h("time", { datetime: trigger.createdAt }, formatMoment(trigger.createdAt))),
    h("h3", {}, h("span", { class: "label" }, `${t.what}${t.colon}`), what),
    h("dl", {},
      showCustomer ? [h("dt", {}, t.customer), h("dd", {}, h("a", { href: `#/customer/${encodeURIComponent(trigger.customerId)}`, class: "customer-link" }, trigger.customerId))] : null,
      h("dt", {}, t.why), h("dd", { class: "explanation" }, trigger.explanation),
      h("dt", {}, t.todo), h("dd", {}, todo)),
    outcome && outcome.outcome !== "acknowledged"
      ? h("p", { class: "recorded" }, `${t.recorded}: ${t.outcomes[outcome.outcome]}`,
        outcome.note ? ` · ${outcome.note}` : "", outcome.amount !== null ? ` · ${formatMoney(outcome.amount)}` : "")
      : null,
    isWaiting(trigger)
      ? h("form", { class: "outcome", onsubmit: (e) => e.preventDefault() },
        h("div", { class: "fields" }, note, amount),
        h("div", { class: "buttons", role: "group", "aria-label": t.outcome },
          trigger.status === "open"
            ? h("button", { type: "button", class: "secondary", "data-outcome": "acknowledged", onclick: () => record("acknowledged") }, t.outcomes.acknowledged)
            : null,
          Outcomes.map((o) => h("button", { type: "button", "data-outcome": o, onclick: () => record(o) }, t.outcomes[o]))),
        error)
      : null);
}
