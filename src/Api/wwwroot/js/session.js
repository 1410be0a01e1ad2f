// Who is signed in: a bearer token kept for this browser tab, from the development form or an OpenID Connect redirect.
const TokenKey = "workbench.token";
const PkceKey = "workbench.pkce";

/** The token in use, or null. */
export function token() {
  return sessionStorage.getItem(TokenKey);
}

/** Keeps a token for this tab. */
export function useToken(value) {
  sessionStorage.setItem(TokenKey, value.trim());
}

/** Forgets the token. */
export function signOut() {
  sessionStorage.removeItem(TokenKey);
}

/** The claims of the token in use (read for display only: the engine checks the signature). */
export function claims() {
  const value = token();
  if (!value) return null;
  try {
    const payload = value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return null;
  }
}

/** Asks the engine for a development token (only offered while it runs on its development signing key). */
export async function developmentToken(role, advisorId) {
  const response = await fetch("/workbench/development-token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role, advisorId: role === "advisor" ? advisorId : null }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ?? response.statusText);
  return body.token;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function discovery(authority) {
  const response = await fetch(`${authority.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OpenID Connect discovery failed: ${response.status}`);
  return response.json();
}

/** Sends the browser to the authority's sign-in (authorization code with PKCE). */
export async function beginOidc(settings) {
  const config = await discovery(settings.authority);
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(PkceKey, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: "code", client_id: settings.clientId, redirect_uri: redirectUri(), scope: settings.scope,
    state, code_challenge: challenge, code_challenge_method: "S256",
  });
  location.assign(`${config.authorization_endpoint}?${query}`);
}

/** Takes a token from an OpenID Connect redirect back to the page (a code to exchange, or an access_token in the
 *  fragment); says whether it found one. */
export async function completeOidc(settings) {
  const fragment = new URLSearchParams(location.hash.startsWith("#access_token=") ? location.hash.slice(1) : "");
  if (fragment.get("access_token")) {
    useToken(fragment.get("access_token"));
    history.replaceState(null, "", "/#/inbox");
    return true;
  }
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PkceKey) ?? "null");
  if (!query.get("code") || !pending || !settings.authority || query.get("state") !== pending.state) return false;
  const config = await discovery(settings.authority);
  const response = await fetch(config.token_endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code", code: query.get("code"), redirect_uri: redirectUri(),
      client_id: settings.clientId, code_verifier: pending.verifier,
    }),
  });
  sessionStorage.removeItem(PkceKey);
  if (!response.ok) throw new Error(`The token exchange failed: ${response.status}`);
  useToken((await response.json()).access_token);
  history.replaceState(null, "", "/#/inbox");
  return true;
}

function redirectUri() {
  return `${location.origin}/`;
}
