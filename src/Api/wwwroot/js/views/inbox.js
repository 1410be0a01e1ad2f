// The inbox, live: the advisor's triggers by severity then newest, filtered by category and status, each change
// pushed over the stream; the day's digest (what the daily cap held back) as one card.
import { api, advisorPath } from "../api.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { follow } from "../stream.js";
import { bySeverityThenNewest, isWaiting, triggerCard } from "./cards.js";

const Waiting = "waiting";

/** Renders <advisorId>'s inbox into <root>; returns a function that stops following the stream. */
export async function inboxView(root, advisorId, heading) {
  const triggers = new Map();
  const filters = { category: "", status: Waiting };
  const state = h("span", { class: "live", "data-state": "connecting", role: "status" }, t.connecting);
  const list = h("div", { class: "cards", id: "inbox-list", "aria-live": "polite" });
  const digest = h("section", { class: "digest", id: "digest" });

  const keep = (trigger) => {
    const known = triggers.get(trigger.triggerId);
    if (!known || known.version <= trigger.version) triggers.set(trigger.triggerId, trigger);
  };
  const changed = (trigger) => {
    keep(trigger);
    render();
  };
  const select = (name, options) => h("label", {}, `${t[name]} `,
    h("select", { id: `filter-${name}`, onchange: (e) => { filters[name] = e.target.value; render(); } },
      options.map(([value, text]) => h("option", { value, selected: filters[name] === value }, text))));

  function shown(trigger) {
    return !trigger.digest
      && (!filters.category || trigger.category === filters.category)
      && (filters.status === "" || (filters.status === Waiting ? isWaiting(trigger) : trigger.status === filters.status));
  }

  function render() {
    const cards = [...triggers.values()].filter(shown).sort(bySeverityThenNewest).map((trigger) => triggerCard(trigger, changed));
    replace(list, cards.length ? cards : h("p", { class: "empty" }, t.emptyInbox));
  }

  async function renderDigest() {
    const held = (await api(advisorPath(advisorId, "/digest"))).sort(bySeverityThenNewest);
    held.forEach(keep);
    replace(digest,
      h("article", { class: "card digest-card", id: "digest-card", "data-count": String(held.length) },
        h("h3", {}, `${t.digest} (${held.length})`),
        held.length
          ? h("details", {}, h("summary", {}, t.digestHint(held.length)),
            h("div", { class: "cards" }, held.map((trigger) => triggerCard(trigger, (updated) => { keep(updated); renderDigest(); }))))
          : h("p", { class: "empty" }, t.digestEmpty)));
  }

  replace(root,
    h("section", { class: "inbox" },
      h("div", { class: "toolbar" },
        h("h2", {}, heading),
        state,
        select("category", [["", t.all], ...Object.entries(t.categories)]),
        select("status", [[Waiting, t.waiting], ["", t.all], ...Object.entries(t.statuses)])),
      digest,
      list));

  // Following first, then loading: a trigger that fires in between comes over the stream, and keep() holds the newest version.
  const stop = follow(advisorId, changed, (now) => {
    state.dataset.state = now;
    state.textContent = now === "live" ? t.live : t.offline;
  });
  try {
    (await api(advisorPath(advisorId, "/triggers"))).forEach(keep);
    render();
    await renderDigest();
  } catch (failure) {
    stop();
    throw failure;
  }
  return stop;
}
