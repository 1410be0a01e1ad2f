// For supervisors: every advisor's workload today, and the unassigned queue.
import { api, advisorPath } from "../api.js";
import { h, replace, table } from "../dom.js";
import { formatDate, t } from "../i18n.js";
import { bySeverityThenNewest, triggerCard } from "./cards.js";

const Unassigned = "unassigned";

/** Renders the team's day into <root>. */
export async function teamView(root) {
  const [workloads, queue] = await Promise.all([api("/api/advisors"), api(advisorPath(Unassigned, "/triggers?status=open"))]);
  const advisors = workloads.filter((w) => w.advisorId !== Unassigned);
  const rerender = () => teamView(root);
  replace(root,
    h("section", { class: "team" },
      h("h2", {}, t.team, advisors[0] ? h("small", {}, ` ${formatDate(advisors[0].day)}`) : null),
      table([t.advisorId, t.customers, t.open, t.pushedLive, t.cap, t.digestCount],
        advisors.map((w) => [h("a", { href: `#/inbox/${encodeURIComponent(w.advisorId)}` }, w.advisorId), String(w.customers),
          String(w.openTriggers), String(w.pushedLive), String(w.cap), String(w.digest)]), { id: "team-table" }),
      h("h2", {}, `${t.unassigned} (${queue.length})`),
      h("div", { class: "cards", id: "unassigned-queue" }, queue.sort(bySeverityThenNewest).map((x) => triggerCard(x, rerender)))));
}
