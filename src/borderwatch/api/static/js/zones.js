// The zone editor (draw a polygon, upload GeoJSON, or a border strip) and the alert inbox.
import { getJSON, send, TYPE_COLOURS } from "./api.js";
import { clear, h, toast } from "./dom.js";
import { markingBadge } from "./panels.js";

export async function showZones(panel, app) {
  const zones = await getJSON("/api/zones");
  clear(panel);
  panel.append(h("h3", {}, "Watch zones"));
  if (!zones.length) panel.append(h("p", { class: "muted" }, "No zones yet."));
  for (const zone of zones) {
    panel.append(h("div", { class: "zone-row", dataset: { zone: zone.id } },
      h("strong", {}, zone.name), " ", markingBadge(zone.marking),
      h("div", { class: "muted" }, zone.kind === "border" ? `border strip ${zone.border}, ${zone.km} km` : "polygon",
        ` · ${zone.events} events inside · ${zone.open_alerts} open alerts`),
      h("div", { class: "muted" }, describeRules(zone.rules)),
      h("button", { type: "button", class: "link", onclick: () => app.filterZone(zone.id) }, "Show its events"), " ",
      h("button", { type: "button", class: "link", onclick: async () => {
        if (!window.confirm(`Delete zone ${zone.name} and its alerts?`)) return;
        await send("DELETE", `/api/zones/${zone.id}`);
        await app.refreshZones();
      } }, "Delete")));
  }
  panel.append(zoneForm(app));
}

function describeRules(rules) {
  const parts = [];
  if (rules.event_types.length) parts.push(`types: ${rules.event_types.join(", ")}`);
  if (rules.tags.length) parts.push(`tags: ${rules.tags.join(", ")}`);
  if (rules.actors.length) parts.push(`actors: ${rules.actors.join(", ")}`);
  if (rules.min_confidence) parts.push(`confidence ≥ ${rules.min_confidence}`);
  if (rules.spike) parts.push(`spike: ${rules.spike.factor}× baseline over ${rules.spike.days} days`);
  return parts.length ? `Alerts on ${parts.join("; ")}` : "Alerts on every event";
}

function zoneForm(app) {
  let drawn = null;
  const status = h("div", { class: "muted" });
  const form = h("form", { class: "zone-form" },
    h("h4", {}, "New zone"),
    h("label", {}, "Name ", h("input", { type: "text", name: "name", required: true, maxlength: 200 })),
    h("fieldset", {}, h("legend", {}, "Shape"),
      h("label", {}, h("input", { type: "radio", name: "mode", value: "draw", checked: true }), " draw on the map"),
      h("div", {},
        h("button", { type: "button", onclick: () => { app.map.startDrawing(); status.textContent = "Click the map to add corners, then Finish."; } }, "Start drawing"), " ",
        h("button", { type: "button", onclick: () => { drawn = app.map.finishDrawing(); status.textContent = drawn ? `Polygon with ${drawn.coordinates[0].length - 1} corners.` : "Draw at least 3 corners."; } }, "Finish")),
      h("label", {}, h("input", { type: "radio", name: "mode", value: "upload" }), " upload GeoJSON ",
        h("input", { type: "file", name: "file", accept: ".json,.geojson,application/geo+json,application/json" })),
      h("label", {}, h("input", { type: "radio", name: "mode", value: "border" }), " border strip ",
        h("input", { type: "text", name: "border", placeholder: "DZA-TUN", size: 8 }), " ",
        h("input", { type: "number", name: "km", placeholder: "km", min: 1, max: 500, step: 1, style: "width:70px" }), " km")),
    h("fieldset", {}, h("legend", {}, "Alert on"),
      ...Object.keys(TYPE_COLOURS).map((t) => h("label", {}, h("input", { type: "checkbox", name: "types", value: t }), " ", t)),
      h("label", {}, "Tags ", h("input", { type: "text", name: "tags", placeholder: "smuggling, infiltration" })),
      h("label", {}, "Actors ", h("input", { type: "text", name: "actors", placeholder: "AQIM, JNIM" })),
      h("label", {}, "Confidence ≥ ", h("input", { type: "number", name: "min_confidence", min: 0, max: 1, step: "any", value: 0 })),
      h("label", {}, h("input", { type: "checkbox", name: "spike" }), " activity spikes: ",
        h("input", { type: "number", name: "spike_factor", value: 3, min: 1.1, step: "any", style: "width:55px" }), "× the baseline over ",
        h("input", { type: "number", name: "spike_days", value: 7, min: 1, style: "width:55px" }), " days")),
    h("label", {}, "Marking ", h("select", { name: "marking" },
      ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"].map((m) => h("option", { value: m, selected: m === "AMBER" }, m)))),
    h("button", { type: "submit" }, "Save zone"), status);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const list = (name) => String(data.get(name) || "").split(",").map((x) => x.trim()).filter(Boolean);
    const body = {
      name: data.get("name"),
      marking: data.get("marking"),
      rules: {
        event_types: data.getAll("types"), tags: list("tags"), actors: list("actors"),
        min_confidence: Number(data.get("min_confidence") || 0),
        spike: data.get("spike") ? { factor: Number(data.get("spike_factor")), days: Number(data.get("spike_days")) } : null,
      },
    };
    try {
      const mode = data.get("mode");
      if (mode === "draw") {
        if (!drawn) throw new Error("draw the polygon first (Start drawing, click corners, Finish)");
        body.geometry = drawn;
      } else if (mode === "upload") {
        const file = data.get("file");
        if (!file || !file.size) throw new Error("choose a GeoJSON file");
        body.geometry = JSON.parse(await file.text());
      } else {
        body.border = String(data.get("border") || "").toUpperCase();
        body.km = Number(data.get("km"));
      }
      const zone = await send("POST", "/api/zones", body);
      toast(`Zone ${zone.name} saved: ${zone.events} events inside.`);
      drawn = null;
      await app.refreshZones();
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    }
  });
  return form;
}

export async function showAlerts(panel, app) {
  const page = await getJSON("/api/alerts", { limit: 200 });
  clear(panel);
  panel.append(h("h3", {}, "Alert inbox"));
  if (!page.items.length) panel.append(h("p", { class: "muted" }, "No alerts."));
  for (const alert of page.items) panel.append(alertRow(alert, app));
  app.setOpenAlerts(page.items.filter((a) => !a.acknowledged_at).length);
}

export function alertRow(alert, app) {
  const open = !alert.acknowledged_at;
  const row = h("div", { class: `alert-row${open ? " open" : ""}`, dataset: { alert: alert.id } },
    h("div", {}, h("strong", {}, alert.kind === "spike" ? "Spike" : "Event"), " in ", h("strong", {}, alert.zone.name), " ",
      markingBadge(alert.marking)),
    h("div", {}, alert.reason),
    h("div", { class: "muted" }, alert.created_at.replace("T", " ").slice(0, 19),
      open ? "" : ` · acknowledged${alert.acknowledged_by ? ` by ${alert.acknowledged_by}` : ""}`),
    alert.event_id ? h("button", { type: "button", class: "link", onclick: () => app.openEvent(alert.event_id) }, "Open event") : null, " ",
    open ? h("button", { type: "button", class: "ack", onclick: async () => {
      const done = await send("POST", `/api/alerts/${alert.id}/ack`, { by: "dashboard" });
      row.replaceWith(alertRow(done, app));
      app.changeOpenAlerts(-1);
    } }, "Acknowledge") : null);
  return row;
}
