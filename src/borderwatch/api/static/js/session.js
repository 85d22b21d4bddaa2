// Logging in (a session cookie the page cannot read, and a CSRF token it sends back), and filing reports.
import { getJSON, send, setSession } from "./api.js";
import { clear, h, toast } from "./dom.js";

const MARKINGS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];

// Who is logged in; shows the login form and waits for a successful login when nobody is.
export async function signIn() {
  const response = await fetch("/auth/me");
  if (response.ok) return remember(await response.json());
  return new Promise((resolve) => showLogin(resolve));
}

function remember(me) {
  setSession(me.csrf_token, () => window.location.reload());
  return me;
}

function showLogin(resolve) {
  const message = h("p", { class: "muted", id: "login-message" });
  const form = h("form", { id: "login-form", autocomplete: "on" },
    h("h2", {}, "borderwatch"),
    h("label", {}, "User ", h("input", { name: "username", autocomplete: "username", required: true })),
    h("label", {}, "Password ", h("input", { name: "password", type: "password", autocomplete: "current-password",
      required: true })),
    h("button", { type: "submit" }, "Log in"), message);
  const overlay = h("div", { id: "login" }, form);
  document.body.append(overlay);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { username: form.username.value, password: form.password.value };
    const response = await fetch("/auth/login", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body) });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      message.textContent = answer.error ? answer.error.message : `HTTP ${response.status}`;
      return;
    }
    overlay.remove();
    resolve(await signIn());
  });
}

export function showUser(me, where) {
  const logout = h("button", { type: "button", id: "logout" }, "Log out");
  logout.addEventListener("click", async () => {
    await send("POST", "/auth/logout").catch(() => null);
    window.location.reload();
  });
  clear(where).append(h("span", { id: "who", title: `role: ${me.role}` }, `${me.user} · ${me.agency}`), " ", logout);
}

// A text report, with the marking and sharing groups the analyst chooses (filed in the analyst's agency).
export function showFiling(panel, me, whenFiled) {
  const groups = me.groups.map((g) => h("label", { class: "inline" }, h("input", { type: "checkbox", name: "group",
    value: g }), " ", g));
  const form = h("form", { id: "file-form" },
    h("h3", {}, "File a report"),
    h("label", {}, "Title ", h("input", { name: "title", maxlength: 1000 })),
    h("label", {}, "Text ", h("textarea", { name: "text", rows: 8, required: true })),
    h("label", {}, "Marking ", h("select", { name: "marking" },
      MARKINGS.map((m) => h("option", { value: m, selected: m === "AMBER" }, `TLP:${m}`)))),
    h("fieldset", {}, h("legend", {}, "Sharing groups"), groups.length ? groups : h("span", { class: "muted" },
      "your agency is in no sharing group")),
    h("button", { type: "submit" }, "File"));
  clear(panel).append(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { text: data.get("text"), marking: data.get("marking"), sharing_groups: data.getAll("group") };
    if (String(data.get("title") || "").trim()) body.title = data.get("title");
    try {
      const filed = await send("POST", "/api/reports", body);
      toast(`Report filed (TLP:${filed.report.marking}), ${filed.report.events.length} event(s) found`);
      form.reset();
      whenFiled();
    } catch (error) {
      toast(`Not filed: ${error.message}`);
    }
  });
}
