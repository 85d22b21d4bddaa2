// The REST API, as the dashboard uses it.

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};

export function colourOf(type) {
  return TYPE_COLOURS[type] || "#555";
}

// The session's CSRF token (from /auth/login or /auth/me): every request that changes something carries it.
let csrfToken = null;
let onUnauthorised = () => {};

export function setSession(token, whenLoggedOut) {
  csrfToken = token;
  if (whenLoggedOut) onUnauthorised = whenLoggedOut;
}

// A same-origin URL with the given query parameters (arrays repeat the parameter; empty values are left out).
export function urlOf(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    for (const item of [value].flat()) {
      if (item !== null && item !== undefined && item !== "") url.searchParams.append(key, item);
    }
  }
  return url;
}

export async function getJSON(path, params) {
  const response = await fetch(urlOf(path, params));
  return answer(response);
}

export async function send(method, path, body) {
  const headers = body === undefined ? {} : { "Content-Type": "application/json" };
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return answer(response);
}

async function answer(response) {
  if (response.status === 204) return null;
  if (response.status === 401) onUnauthorised();
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}
