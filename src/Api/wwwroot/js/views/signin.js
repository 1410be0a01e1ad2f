// Sign-in: in development a form that takes a token or asks the engine for one; in production the OpenID Connect
// authority of Auth:Authority.
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { beginOidc, developmentToken, useToken } from "../session.js";

/** Renders the sign-in into <root>; calls onSignedIn() once a token is kept. */
export function signInView(root, settings, onSignedIn) {
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const fail = (failure) => {
    error.textContent = `${t.failed}: ${failure.message}`;
    error.hidden = false;
  };
  const role = h("select", { id: "signin-role" }, Object.entries(t.roles).map(([value, text]) => h("option", { value }, text)));
  const advisor = h("input", { id: "signin-advisor", autocomplete: "username", pattern: "[A-Za-z0-9_.\\-]{1,64}" });
  const pasted = h("textarea", { id: "signin-token", rows: "3", spellcheck: "false" });
  const advisorLabel = h("label", {}, `${t.advisorId} `, advisor);
  role.addEventListener("change", () => { advisorLabel.hidden = role.value !== "advisor"; });

  const development = settings.developmentSignIn
    ? h("form", { id: "signin-dev", onsubmit: async (e) => {
      e.preventDefault();
      try {
        useToken(await developmentToken(role.value, advisor.value));
        onSignedIn();
      } catch (failure) {
        fail(failure);
      }
    } },
      h("h2", {}, t.devSignIn), h("p", {}, t.devHint),
      h("label", {}, `${t.role} `, role), advisorLabel,
      h("button", { type: "submit", id: "signin-get-token" }, t.getToken))
    : null;
  const oidc = settings.authority && settings.clientId
    ? h("button", { type: "button", id: "signin-oidc", onclick: () => beginOidc(settings).catch(fail) }, t.oidcSignIn)
    : null;

  replace(root,
    h("section", { class: "signin" },
      h("h1", {}, t.title),
      oidc,
      development,
      !oidc && !development ? h("p", {}, t.noSignIn) : null,
      h("form", { id: "signin-paste", onsubmit: (e) => {
        e.preventDefault();
        if (pasted.value.trim()) {
          useToken(pasted.value);
          onSignedIn();
        }
      } },
        h("label", {}, `${t.token} `, pasted),
        h("button", { type: "submit", class: "secondary" }, t.useToken)),
      error));
  (oidc ?? advisor).focus();
}
