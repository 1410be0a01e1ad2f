// The effect of maintenance: per trigger type fired, reached, opportunities, won and contact rate, as a table and as
// inline SVG bars.
import { api, advisorPath } from "../api.js";
import { h, replace, table } from "../dom.js";
import { formatPct, t, typeWords } from "../i18n.js";

const Svg = "http://www.w3.org/2000/svg";
const Series = [["fired", "bar-fired"], ["reached", "bar-reached"], ["won", "bar-won"]];

/** Renders <advisorId>'s metrics into <root>. */
export async function effectView(root, advisorId) {
  const metrics = Object.entries(await api(advisorPath(advisorId, "/metrics")));
  replace(root,
    h("section", { class: "effect" },
      h("h2", {}, `${t.effect} · ${advisorId}`),
      metrics.length
        ? [table([t.type, t.fired, t.reached, t.opportunity, t.won, t.contactRate],
          metrics.map(([type, m]) => [typeWords(type)[0], String(m.fired), String(m.reached), String(m.opportunity), String(m.won),
            m.contactRate === null ? "—" : formatPct(m.contactRate * 100)]), { id: "effect-table" }),
          chart(metrics)]
        : h("p", { class: "empty" }, t.emptyEffect)));
  root.querySelectorAll("#effect-table tbody tr").forEach((row, i) => { row.dataset.type = metrics[i][0]; });
}

function chart(metrics) {
  const rowHeight = 42, labelWidth = 220, barArea = 420, top = 24;
  const most = Math.max(1, ...metrics.map(([, m]) => m.fired));
  const svg = element("svg", { viewBox: `0 0 ${labelWidth + barArea + 40} ${top + rowHeight * metrics.length}`, role: "img", "aria-label": t.chartTitle, class: "chart" });
  svg.append(element("title", {}, t.chartTitle));
  Series.forEach(([name, css], i) => {
    svg.append(element("rect", { x: labelWidth + i * 140, y: 4, width: 12, height: 12, class: css }));
    svg.append(element("text", { x: labelWidth + i * 140 + 18, y: 15 }, t[name]));
  });
  metrics.forEach(([type, m], row) => {
    const y = top + row * rowHeight;
    svg.append(element("text", { x: 0, y: y + 22 }, typeWords(type)[0]));
    Series.forEach(([name, css], i) => {
      const width = (m[name] / most) * barArea;
      svg.append(element("rect", { x: labelWidth, y: y + i * 11, width: Math.max(width, 1), height: 10, class: css }));
      svg.append(element("text", { x: labelWidth + width + 4, y: y + i * 11 + 9, class: "bar-value" }, String(m[name])));
    });
  });
  return h("figure", {}, svg);
}

function element(tag, attributes, text) {
  const node = document.createElementNS(Svg, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
