// The book: the advisor's customers by tier, AUM and open triggers.
import { api, advisorPath } from "../api.js";
import { h, replace, table } from "../dom.js";
import { formatMoney, t } from "../i18n.js";

const TierOrder = { private: 0, wealth: 1, standard: 2 };

/** Renders <advisorId>'s book into <root>. */
export async function bookView(root, advisorId) {
  const book = (await api(advisorPath(advisorId, "/customers")))
    .sort((a, b) => TierOrder[a.tier] - TierOrder[b.tier] || b.aum - a.aum || a.customerId.localeCompare(b.customerId));
  replace(root,
    h("section", { class: "book" },
      h("h2", {}, `${t.book} · ${advisorId}`),
      book.length
        ? table([t.customer, t.name, t.tier, t.aum, t.openTriggers],
          book.map((c) => [h("a", { href: `#/customer/${encodeURIComponent(c.customerId)}` }, c.customerId), c.name ?? "—",
            t.tiers[c.tier], formatMoney(c.aum), String(c.openTriggers)]), { id: "book-table" })
        : h("p", { class: "empty", id: "book-empty" }, t.emptyBook)));
}
