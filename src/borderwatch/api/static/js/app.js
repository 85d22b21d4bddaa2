// The dashboard: filters → map, timeline and list; event and actor panels; zones and alerts; live updates.
/* global L */
import { colourOf, getJSON, urlOf } from "./api.js";
import { clear, h, toast } from "./dom.js";
import { EventMap } from "./map.js";
import { showActor, showEvent, showList } from "./panels.js";
import { showFiling, showUser, signIn } from "./session.js";
import { Timeline } from "./timeline.js";
import { alertRow, showAlerts, showZones } from "./zones.js";

const $ = (id) => document.getElementById(id);

class Dashboard {
  constructor() {
    this.points = [];
    this.types = [];
    this.range = null;
    this.extra = {}; // filters set from panels: zone
    this.openAlerts = 0;
    this.map = new EventMap($("map"), (id) => this.openEvent(id));
    this.timeline = new Timeline($("timeline"), (range) => this.brushed(range));
    window.bw = { ready: false, dashboard: this, markerCount: () => this.visible().length };
  }

  async start() {
    this.me = await signIn();
    showUser(this.me, $("user"));
    const [meta] = await Promise.all([getJSON("/api/meta"), this.map.drawBaseMap().catch((e) => toast(e.message))]);
    this.buildFilters(meta);
    this.bindTabs();
    await Promise.all([this.load(true), this.refreshZones(), this.countAlerts()]);
    this.listen();
    window.bw.ready = true;
    window.bw.loadMs = performance.now(); // since navigation started: HTML, scripts, data, base map, markers
    document.body.dataset.ready = "1";
  }

  // -- filters -----------------------------------------------------------------------------------

  buildFilters(meta) {
    $("counts").textContent = `${meta.counts.events} events · ${meta.counts.reports} reports`;
    const types = $("type-filter");
    for (const type of meta.event_types) {
      types.append(h("label", {}, h("input", { type: "checkbox", name: "type", value: type, checked: true }), " ",
        h("span", { class: "swatch", style: `background:${colourOf(type)}` }), type));
    }
    const markings = $("marking-filter");
    for (const marking of meta.markings) {
      markings.append(h("label", {}, h("input", { type: "checkbox", name: "marking", value: marking, checked: true }), " ",
        h("span", { class: `marking ${marking}` }, `TLP:${marking}`)));
    }
    const form = $("filter-form");
    for (const country of meta.countries) form.country.append(h("option", { value: country }, country));
    for (const border of meta.borders) form.border.append(h("option", { value: border }, border));
    getJSON("/api/actors", { limit: 300 }).then((actors) => {
      for (const actor of actors) $("actor-list").append(h("option", { value: actor.name }));
    });
    let timer = null;
    const changed = () => { clearTimeout(timer); timer = setTimeout(() => this.load(false), 300); };
    form.addEventListener("input", (e) => {
      if (e.target.name === "min_confidence") form["conf-out"].value = e.target.value;
      changed();
    });
    form.addEventListener("reset", () => { this.extra = {}; setTimeout(() => { form["conf-out"].value = 0; this.load(false); }); });
    form.addEventListener("submit", (e) => e.preventDefault());
  }

  params() {
    const form = $("filter-form");
    const data = new FormData(form);
    const params = { ...this.extra };
    for (const key of ["q", "actor", "country", "border", "border_km"]) {
      const value = String(data.get(key) || "").trim();
      if (value) params[key] = value;
    }
    const confidence = Number(data.get("min_confidence"));
    if (confidence > 0) params.min_confidence = confidence;
    const allTypes = form.querySelectorAll("input[name=type]");
    const types = data.getAll("type");
    if (types.length < allTypes.length) params.type = types.length ? types : ["none"];
    const allMarkings = form.querySelectorAll("input[name=marking]");
    const markings = data.getAll("marking");
    if (markings.length < allMarkings.length) {
      if (markings.length) params.marking = markings;
      else params.type = ["none"]; // no marking ticked: nothing to show
    }
    return params;
  }

  // -- loading -----------------------------------------------------------------------------------

  async load(fit) {
    const generation = (this.generation = (this.generation || 0) + 1);
    const params = this.params();
    this.linkSitrep();
    const found = await getJSON("/api/events/points", params);
    if (generation !== this.generation) return; // a newer load has started: its answer wins
    this.points = found.points;
    this.types = found.types;
    this.showMap();
    this.timeline.draw(this.points, this.types);
    if (fit && this.points.length) this.map.fitToPoints(this.points);
    await this.loadList();
    document.body.dataset.loads = String(generation);
    if (found.truncated) toast(`Showing the latest ${found.points.length} events; narrow the filters to see the rest.`);
  }

  visible() {
    if (!this.range) return this.points;
    const [from, to] = this.range;
    return this.points.filter((p) => p[5] && p[5] >= from && p[5] <= to);
  }

  showMap() {
    this.map.showPoints(this.visible(), this.types);
  }

  async loadList() {
    const params = { ...this.params(), limit: 200 };
    if (this.range) [params.since, params.until] = this.range;
    const generation = this.generation;
    const page = await getJSON("/api/events", params);
    if (generation !== this.generation) return;
    const title = `${this.visible().length} events on the map${this.range ? ` (${this.range[0]} to ${this.range[1]})` : ""}`;
    showList($("panel-list"), title, page.items, (id) => this.openEvent(id));
  }

  brushed(range) {
    this.range = range;
    this.showMap();
    this.loadList();
    this.linkSitrep();
  }

  // The situation report links follow the filters and the brushed dates (the server's default: 28 days).
  linkSitrep() {
    const params = this.params();
    if (this.range) [params.since, params.until] = this.range;
    $("sitrep-html").href = urlOf("/api/sitrep", params).href;
    $("sitrep-pdf").href = urlOf("/api/sitrep", { ...params, format: "pdf" }).href;
  }

  // -- panels ------------------------------------------------------------------------------------

  bindTabs() {
    for (const button of document.querySelectorAll("#tabs button")) {
      button.addEventListener("click", () => this.tab(button.dataset.tab));
    }
    $("alerts-button").addEventListener("click", () => this.tab("alerts"));
  }

  tab(name) {
    for (const button of document.querySelectorAll("#tabs button")) button.classList.toggle("active", button.dataset.tab === name);
    for (const panel of document.querySelectorAll(".panel")) panel.classList.toggle("active", panel.id === `panel-${name}`);
    if (name === "zones") showZones($("panel-zones"), this).catch((e) => toast(e.message));
    if (name === "alerts") showAlerts($("panel-alerts"), this).catch((e) => toast(e.message));
    if (name === "file") showFiling($("panel-file"), this.me, () => this.load(false));
  }

  async openEvent(id) {
    this.tab("detail");
    await showEvent($("panel-detail"), id, this.actions()).catch((e) => {
      clear($("panel-detail")).append(h("p", {}, `Could not load the event: ${e.message}`));
    });
  }

  async openActor(id) {
    this.tab("actor");
    await showActor($("panel-actor"), id, this.actions()).catch((e) => toast(e.message));
  }

  actions() {
    return {
      openActor: (id) => this.openActor(id),
      openEvent: (id) => this.openEvent(id),
      filterActor: (value) => { $("filter-form").actor.value = value; this.load(false); this.tab("list"); },
    };
  }

  filterZone(id) {
    this.extra = { zone: id };
    this.load(false);
    this.tab("list");
  }

  async refreshZones() {
    const collection = await getJSON("/api/zones.geojson");
    this.map.showZones(collection, (id) => this.filterZone(id));
    if ($("panel-zones").classList.contains("active")) await showZones($("panel-zones"), this);
  }

  async countAlerts() {
    const page = await getJSON("/api/alerts", { acknowledged: false, limit: 1000 });
    this.setOpenAlerts(page.items.length);
  }

  setOpenAlerts(n) {
    this.openAlerts = Math.max(0, n);
    const badge = $("alert-badge");
    badge.textContent = String(this.openAlerts);
    badge.classList.toggle("zero", this.openAlerts === 0);
  }

  changeOpenAlerts(delta) {
    this.setOpenAlerts(this.openAlerts + delta);
  }

  // -- live updates ------------------------------------------------------------------------------

  listen() {
    const source = new EventSource("/api/stream");
    let timer = null;
    source.onopen = () => $("live").classList.replace("off", "on");
    source.onerror = () => $("live").classList.replace("on", "off");
    source.addEventListener("event", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.load(false), 700);
    });
    source.addEventListener("alert", (message) => {
      const alert = JSON.parse(message.data);
      if (alert.acknowledged_at) return;
      toast(`Alert in ${alert.zone.name}: ${alert.reason}`);
      this.changeOpenAlerts(1);
      const panel = $("panel-alerts");
      if (panel.classList.contains("active")) panel.querySelector("h3").after(alertRow(alert, this));
      this.refreshZones();
    });
  }
}

function start() {
  if (typeof L === "undefined" || !L.markerClusterGroup) {
    document.body.prepend(h("p", { style: "padding:12px;background:#fee" },
      "The map's packages are missing: run `make setup` (npm ci) and restart `borderwatch serve`."));
    return;
  }
  new Dashboard().start().catch((error) => toast(`Could not start: ${error.message}`));
}

start();
