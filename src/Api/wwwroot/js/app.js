// The workbench: reads its settings, signs in, and shows the view the address names.
import { ApiError } from "./api.js";
import { h, replace } from "./dom.js";
import { setLanguage, t } from "./i18n.js";
import { claims, completeOidc, signOut, token } from "./session.js";
import { bookView } from "./views/book.js";
import { customerView } from "./views/customer.js";
import { effectView } from "./views/effect.js";
import { inboxView } from "./views/inbox.js";
import { signInView } from "./views/signin.js";
import { teamView } from "./views/team.js";

const root = document.getElementById("app");
let settings;
let stopStream = () => {};

async function start() {
  settings = await (await fetch("/workbench/settings")).json();
  setLanguage(settings.language);
  await completeOidc(settings).catch(() => false);
  window.addEventListener("hashchange", show);
  show();
}

function signedIn() {
  if (!location.hash || location.hash === "#/") location.hash = "#/inbox";
  show();
}

async function show() {
  stopStream();
  stopStream = () => {};
  const who = token() ? claims() : null;
  if (!who) {
    signInView(root, settings, signedIn);
    return;
  }
  const supervising = who.role !== "advisor";
  const [view, arg] = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const main = h("main", { id: "view", tabindex: "-1" });
  const advisorId = supervising ? arg : who.advisorId;
  // A supervisor with no advisor in focus sees the team, whichever tab was asked for.
  replace(root, header(who, supervising, supervising && !advisorId && view !== "customer" ? "team" : view || "inbox"), main);
  try {
    switch (view || "inbox") {
      case "customer": await customerView(main, arg); break;
      case "book": await (advisorId ? bookView(main, advisorId) : teamView(main)); break;
      case "effect": await (advisorId ? effectView(main, advisorId) : teamView(main)); break;
      case "team": await teamView(main); break;
      default:
        if (advisorId) stopStream = await inboxView(main, advisorId, supervising ? t.inboxOf(advisorId) : t.nav.inbox);
        else await teamView(main);
    }
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) {
      signOut();
      signInView(root, settings, signedIn);
      return;
    }
    const text = failure instanceof ApiError && failure.status === 403 ? t.forbidden
      : failure instanceof ApiError && failure.status === 404 ? t.notFound : `${t.failed}: ${failure.message}`;
    replace(main, h("p", { class: "error", role: "alert", id: "view-error", "data-status": failure.status ?? "" }, text));
  }
}

// A browser cannot send the bearer header when it navigates: the engine keeps the token in a cookie for the
// dashboard's paths first.
async function openDashboard(event) {
  event.preventDefault();
  const response = await fetch("/dashboard/session", { method: "POST", headers: { Authorization: `Bearer ${token()}` } });
  if (response.ok) location.assign("/dashboard/");
}

function header(who, supervising, current) {
  const focus = supervising && current !== "customer" ? location.hash.split("/")[2] : null;
  const link = (view, text) => {
    const href = `#/${view}${focus && view !== "team" ? `/${encodeURIComponent(focus)}` : ""}`;
    return h("a", { href, id: `nav-${view}`, "aria-current": current === view ? "page" : null }, text);
  };
  return h("header", { class: "top" },
    h("h1", {}, t.title),
    h("nav", { "aria-label": t.title },
      link("inbox", t.nav.inbox), link("book", t.nav.book), link("effect", t.nav.effect),
      supervising ? link("team", t.nav.team) : null,
      who.role === "supervisor" ? h("a", { href: "/dashboard/", id: "nav-dashboard", onclick: openDashboard }, t.nav.dashboard) : null),
    h("span", { class: "who", id: "who" }, `${t.signedInAs} ${t.roles[who.role] ?? who.role}${who.advisorId ? ` ${who.advisorId}` : ""}`),
    h("button", { type: "button", class: "secondary", id: "sign-out", onclick: () => { signOut(); location.hash = ""; show(); } }, t.signOut));
}

start();
