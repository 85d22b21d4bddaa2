// The map: Natural Earth countries and borders from world-atlas (no tile server), clustered event
// markers coloured by type and sized by fatalities, watch zones, and polygon drawing for the zone editor.
/* global L, topojson */
import { colourOf } from "./api.js";
import { h } from "./dom.js";

const REGION = [[9, -18], [38.5, 26]]; // the Maghreb and the Sahel

export class EventMap {
  constructor(element, onEvent) {
    this.onEvent = onEvent;
    this.map = L.map(element, { preferCanvas: false, worldCopyJump: true, minZoom: 2, maxZoom: 12 });
    this.map.fitBounds(REGION);
    this.map.attributionControl.addAttribution("Natural Earth");
    this.clusters = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      iconCreateFunction: (cluster) => clusterIcon(cluster),
    });
    this.zones = L.featureGroup();
    this.map.addLayer(this.zones);
    this.map.addLayer(this.clusters);
    this.markers = [];
    this.drawing = null;
  }

  async drawBaseMap() {
    const response = await fetch("/vendor/world-atlas/countries-50m.json");
    if (!response.ok) throw new Error("world-atlas is not installed (run make setup)");
    const topology = await response.json();
    const countries = topojson.feature(topology, topology.objects.countries);
    const borders = topojson.mesh(topology, topology.objects.countries, (a, b) => a !== b);
    const renderer = L.canvas({ padding: 0.2 });
    L.geoJSON(countries, {
      renderer, interactive: false,
      style: { color: "#c9c3b8", weight: 0.5, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(this.map);
    L.geoJSON(borders, { renderer, interactive: false, style: { color: "#7d7468", weight: 1.2 } }).addTo(this.map);
    this.zones.bringToFront();
  }

  // points: [id, lat, lon, type index, fatalities, date, confidence]; types names the indexes.
  showPoints(points, types) {
    this.clusters.clearLayers();
    this.markers = points.map((p) => {
      const type = types[p[3]];
      const marker = L.circleMarker([p[1], p[2]], {
        radius: radiusOf(p[4]), color: "#fff", weight: 1, fillColor: colourOf(type), fillOpacity: 0.9,
        className: "event-marker",
      });
      marker.eventId = p[0];
      marker.eventType = type;
      marker.on("click", () => this.onEvent(p[0]));
      marker.bindTooltip(() => h("span", {}, `${type} · ${p[5] || "date unknown"}`));
      return marker;
    });
    this.clusters.addLayers(this.markers);
  }

  showZones(collection, onZone) {
    this.zones.clearLayers();
    L.geoJSON(collection, {
      style: { color: "#b00020", weight: 2, dashArray: "6 4", fillColor: "#b00020", fillOpacity: 0.06 },
      onEachFeature: (feature, layer) => {
        layer.bindTooltip(() => h("span", {}, `Zone: ${feature.properties.name}`));
        layer.on("click", () => onZone && onZone(feature.properties.id));
      },
    }).addTo(this.zones);
  }

  // Fit the view to where most events are: the 5th to 95th percentiles, so that one mislocated
  // event on another continent does not zoom the map out to the world.
  fitToPoints(points) {
    if (!points.length) return;
    const pick = (values, q) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
    const lats = points.map((p) => p[1]).sort((a, b) => a - b);
    const lons = points.map((p) => p[2]).sort((a, b) => a - b);
    const bounds = L.latLngBounds([pick(lats, 0.05), pick(lons, 0.05)], [pick(lats, 0.95), pick(lons, 0.95)]);
    this.map.fitBounds(bounds.pad(0.15), { maxZoom: 7 });
  }

  // Drawing a polygon: each click adds a corner; finish() returns the GeoJSON polygon.
  startDrawing() {
    this.stopDrawing();
    const corners = [];
    const line = L.polyline([], { color: "#b00020", weight: 2 }).addTo(this.map);
    const onClick = (e) => { corners.push(e.latlng); line.setLatLngs([...corners, corners[0]]); };
    this.map.on("click", onClick);
    document.body.classList.add("drawing");
    this.drawing = { corners, line, onClick };
  }

  finishDrawing() {
    const drawing = this.drawing;
    this.stopDrawing();
    if (!drawing || drawing.corners.length < 3) return null;
    const ring = drawing.corners.map((c) => [c.lng, c.lat]);
    return { type: "Polygon", coordinates: [[...ring, ring[0]]] };
  }

  stopDrawing() {
    if (!this.drawing) return;
    this.map.off("click", this.drawing.onClick);
    this.drawing.line.remove();
    this.drawing = null;
    document.body.classList.remove("drawing");
  }
}

function radiusOf(fatalities) {
  return Math.min(22, 5 + 2.5 * Math.sqrt(fatalities || 0));
}

// A cluster is coloured by the type most of its events have, and sized by how many it holds.
function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const counts = {};
  for (const marker of children) counts[marker.eventType] = (counts[marker.eventType] || 0) + 1;
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  const size = Math.min(54, 22 + 6 * Math.log10(children.length + 1) * 2);
  const icon = L.divIcon({
    html: "", className: "cluster-wrap", iconSize: [size, size],
  });
  const origCreate = icon.createIcon.bind(icon);
  icon.createIcon = (old) => {
    const el = origCreate(old);
    el.textContent = "";
    el.append(h("div", {
      class: "cluster", title: `${children.length} events`,
      style: `width:${size}px;height:${size}px;background:${colourOf(top)}`,
    }, String(children.length)));
    return el;
  };
  return icon;
}
