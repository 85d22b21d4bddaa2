// The side panels: the event list, one event with its sources, an actor's page.
import { colourOf, getJSON } from "./api.js";
import { clear, h, highlighted } from "./dom.js";

const PRECISION = { 1: "exact day", 2: "week or so", 3: "month or vaguer" };
const GEO_PRECISION = { 1: "the place itself", 2: "near the place / district", 3: "province or country" };

export function chip(type) {
  return h("span", { class: "chip", style: `background:${colourOf(type)}` }, type);
}

export function markingBadge(marking) {
  return marking ? h("span", { class: `marking ${marking}`, title: "TLP 2.0 marking" }, `TLP:${marking}`) : null;
}

export function eventRow(event, onOpen) {
  const where = event.location.name || "unlocated";
  return h("div", { class: "event-row", dataset: { id: event.id }, onclick: () => onOpen(event.id) },
    chip(event.event_type), " ", h("strong", {}, event.sub_event_type), " ", markingBadge(event.marking),
    h("div", { class: "muted" }, `${event.date || "date unknown"} · ${where}`,
      event.fatalities ? ` · ${event.fatalities} killed` : ""));
}

export function showList(panel, title, events, onOpen) {
  clear(panel);
  panel.append(h("h3", {}, title));
  if (!events.length) panel.append(h("p", { class: "muted" }, "No events match."));
  for (const event of events) panel.append(eventRow(event, onOpen));
}

function fact(label, ...value) {
  return [h("dt", {}, label), h("dd", {}, ...value)];
}

export async function showEvent(panel, eventId, actions) {
  clear(panel).append(h("p", { class: "muted" }, "Loading…"));
  const event = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  clear(panel);
  panel.dataset.eventId = event.id;
  const loc = event.location;
  const actor = (a) => (a ? h("button", { type: "button", class: "link", onclick: () => actions.openActor(a.id) }, a.name) : "—");
  panel.append(
    h("h3", {}, event.sub_event_type, " ", markingBadge(event.marking)),
    chip(event.event_type),
    h("dl", { class: "facts" },
      fact("Date", event.date || "unknown", event.time_precision ? ` (${PRECISION[event.time_precision]})` : ""),
      fact("Actor 1", actor(event.actor1)),
      fact("Actor 2", actor(event.actor2)),
      fact("Place", [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") || "unknown"),
      fact("Position", loc.lat !== null ? `${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)}` : "unknown",
        loc.geo_precision ? ` (${GEO_PRECISION[loc.geo_precision]})` : ""),
      fact("Border", loc.border ? `${loc.border}, ${loc.border_km} km` : "—"),
      fact("Fatalities", event.fatalities ?? "not reported"),
      fact("Quantities", event.quantities.length
        ? event.quantities.map((q) => `${q.qualifier && q.qualifier !== "exact" ? q.qualifier.replace("_", " ") + " " : ""}${q.value} ${q.kind}`).join("; ")
        : "—"),
      fact("Tags", event.tags.length ? event.tags.join(", ") : "—"),
      fact("Confidence", `${Math.round(event.confidence * 100)} %`),
      fact("Sources", `${event.sources} report${event.sources === 1 ? "" : "s"}`),
    ),
  );
  if (event.merge_reasons.length) {
    panel.append(h("h4", {}, "Why these reports are one event"),
      h("ul", {}, event.merge_reasons.map((r) => h("li", {}, typeof r === "string" ? r : JSON.stringify(r)))));
  }
  panel.append(h("h4", {}, "Sources"));
  for (const mention of event.mentions) panel.append(sourceBox(mention));
  const mark = panel.querySelector("mark");
  if (mark) mark.scrollIntoView({ block: "center" });
}

function sourceBox(mention) {
  const report = mention.report;
  const when = (report.published || report.ingested_at || "").slice(0, 10);
  return h("div", { class: "source", dataset: { report: report.id } },
    h("header", {},
      h("strong", {}, report.title || "(untitled report)"), " ", markingBadge(report.marking),
      h("div", { class: "muted" }, [report.source, when, report.agency, report.kind].filter(Boolean).join(" · "),
        report.url ? [" · ", h("a", { href: report.url, target: "_blank", rel: "noopener noreferrer" }, "original")] : null)),
    highlighted(report.text, mention.start, mention.end));
}

export async function showActor(panel, actorId, actions) {
  clear(panel).append(h("p", { class: "muted" }, "Loading…"));
  const actor = await getJSON(`/api/actors/${encodeURIComponent(actorId)}`);
  clear(panel);
  panel.append(
    h("h3", {}, actor.name),
    h("dl", { class: "facts" },
      fact("ACLED type", actor.type ?? "unknown"), fact("Country", actor.country || "—"),
      fact("Events", `${actor.events} (${actor.as_actor1} as actor 1)`)),
    h("button", { type: "button", onclick: () => actions.filterActor(String(actor.id)) }, "Show on map"),
    h("h4", {}, "Events per month"), monthChart(actor.by_month),
    h("h4", {}, "Places"),
    h("ul", {}, actor.places.map((p) => h("li", {}, `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.events}`))),
    h("h4", {}, "Latest events"),
  );
  for (const event of actor.recent) panel.append(eventRow(event, actions.openEvent));
}

function monthChart(months) {
  const SVG = "http://www.w3.org/2000/svg";
  const width = 380, height = 90;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", "100%");
  const max = Math.max(1, ...months.map((m) => Object.values(m.counts).reduce((a, b) => a + b, 0)));
  const barW = width / Math.max(1, months.length);
  months.forEach((m, i) => {
    let y = height - 14;
    for (const [type, count] of Object.entries(m.counts)) {
      const barH = (count / max) * (height - 20);
      y -= barH;
      const rect = document.createElementNS(SVG, "rect");
      for (const [k, v] of Object.entries({ x: i * barW + 1, y, width: Math.max(1, barW - 2), height: barH, fill: colourOf(type) })) rect.setAttribute(k, v);
      const title = document.createElementNS(SVG, "title");
      title.textContent = `${m.month}: ${count} ${type}`;
      rect.append(title);
      svg.append(rect);
    }
    const label = document.createElementNS(SVG, "text");
    for (const [k, v] of Object.entries({ x: i * barW + barW / 2, y: height - 2, "text-anchor": "middle", "font-size": 9, fill: "#6b7785" })) label.setAttribute(k, v);
    label.textContent = m.month;
    svg.append(label);
  });
  return svg;
}
