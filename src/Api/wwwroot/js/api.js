// The engine's HTTP API with the signed-in token; errors carry the HTTP status and the problem's detail.
import { token } from "./session.js";

/** An answer other than 2xx. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** Sends a request and returns the JSON answer. */
export async function api(path, { method = "GET", body } = {}) {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token()}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.detail ?? problem.title ?? response.statusText);
  }
  return response.json();
}

/** The path of an advisor's routes. */
export function advisorPath(advisorId, rest = "") {
  return `/api/advisors/${encodeURIComponent(advisorId)}${rest}`;
}

/** The path of a customer's routes. */
export function customerPath(customerId, rest = "") {
  return `/api/customers/${encodeURIComponent(customerId)}${rest}`;
}
