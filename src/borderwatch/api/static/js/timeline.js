// The timeline: events per day or week, stacked by type; dragging across it picks the dates the map shows.
import { colourOf } from "./api.js";
import { clear, h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const PAD = { left: 30, right: 10, top: 14, bottom: 18 };

function s(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

const DAY = 86400000;

export class Timeline {
  constructor(element, onBrush) {
    this.element = element;
    this.onBrush = onBrush;
    this.range = null; // [first day, last day] as YYYY-MM-DD, or null for all
  }

  // points: [id, lat, lon, type index, fatalities, date, confidence]
  draw(points, types) {
    clear(this.element);
    const dated = points.filter((p) => p[5]);
    const width = this.element.clientWidth || 800;
    const height = this.element.clientHeight || 120;
    const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none" });
    this.element.append(svg, h("span", { class: "hint" }, "drag to choose dates · double-click to clear"));
    if (!dated.length) return;
    const times = dated.map((p) => Date.parse(p[5]));
    let first = Math.min(...times);
    let last = Math.max(...times) + DAY;
    const spanDays = (last - first) / DAY;
    const bucket = spanDays > 120 ? 7 * DAY : DAY;
    if (bucket > DAY) first -= ((new Date(first).getUTCDay() + 6) % 7) * DAY; // weeks start on Monday
    last = first + Math.ceil((last - first) / bucket) * bucket;
    const n = Math.max(1, Math.round((last - first) / bucket));
    const stacks = Array.from({ length: n }, () => new Array(types.length).fill(0));
    for (let i = 0; i < dated.length; i++) stacks[Math.floor((times[i] - first) / bucket)][dated[i][3]] += 1;
    const max = Math.max(1, ...stacks.map((st) => st.reduce((a, b) => a + b, 0)));
    const plotW = width - PAD.left - PAD.right;
    const plotH = height - PAD.top - PAD.bottom;
    const barW = plotW / n;
    const bars = s("g", { class: "bars" });
    stacks.forEach((stack, i) => {
      let y = PAD.top + plotH;
      stack.forEach((count, t) => {
        if (!count) return;
        const barH = (count / max) * plotH;
        y -= barH;
        const rect = s("rect", { x: PAD.left + i * barW, y, width: Math.max(1, barW - 1), height: barH, fill: colourOf(types[t]) });
        const title = s("title");
        title.textContent = `${new Date(first + i * bucket).toISOString().slice(0, 10)}: ${count} ${types[t]}`;
        rect.append(title);
        bars.append(rect);
      });
    });
    svg.append(bars);
    const axis = s("g", { class: "axis" });
    const ticks = Math.min(8, n);
    for (let k = 0; k <= ticks; k++) {
      const t = first + Math.round((k / ticks) * n) * bucket;
      const anchor = k === 0 ? "start" : k === ticks ? "end" : "middle";
      const label = s("text", { x: PAD.left + (k / ticks) * plotW, y: height - 4, "text-anchor": anchor });
      label.textContent = new Date(t).toISOString().slice(0, 10);
      axis.append(label);
    }
    const maxLabel = s("text", { x: 4, y: PAD.top + 8 });
    maxLabel.textContent = String(max);
    axis.append(maxLabel);
    svg.append(axis);
    this.scale = { first, last, plotW, svg, width, height, plotH };
    this.brushRect = s("rect", { class: "brush", y: PAD.top, height: plotH, x: 0, width: 0, visibility: "hidden" });
    svg.append(this.brushRect);
    this.listen(svg);
    if (this.range) this.showRange();
  }

  dateAt(clientX) {
    const box = this.scale.svg.getBoundingClientRect();
    const x = ((clientX - box.left) / box.width) * this.scale.width - PAD.left;
    const frac = Math.max(0, Math.min(1, x / this.scale.plotW));
    return new Date(this.scale.first + frac * (this.scale.last - this.scale.first));
  }

  listen(svg) {
    let start = null;
    svg.addEventListener("pointerdown", (e) => { start = this.dateAt(e.clientX); svg.setPointerCapture(e.pointerId); });
    svg.addEventListener("pointermove", (e) => {
      if (!start) return;
      this.setRange(start, this.dateAt(e.clientX), false);
    });
    svg.addEventListener("pointerup", (e) => {
      if (!start) return;
      const end = this.dateAt(e.clientX);
      const moved = Math.abs(end - start) > DAY / 2;
      start = moved ? (this.setRange(start, end, true), null) : null;
    });
    svg.addEventListener("dblclick", () => this.clearRange());
  }

  setRange(a, b, notify) {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    this.range = [lo.toISOString().slice(0, 10), hi.toISOString().slice(0, 10)];
    this.showRange();
    if (notify) this.onBrush(this.range);
  }

  clearRange() {
    this.range = null;
    if (this.brushRect) this.brushRect.setAttribute("visibility", "hidden");
    this.onBrush(null);
  }

  showRange() {
    if (!this.scale || !this.range) return;
    const { first, last, plotW } = this.scale;
    const x0 = PAD.left + ((Date.parse(this.range[0]) - first) / (last - first)) * plotW;
    const x1 = PAD.left + ((Date.parse(this.range[1]) + DAY - first) / (last - first)) * plotW;
    this.brushRect.setAttribute("x", Math.max(PAD.left, x0));
    this.brushRect.setAttribute("width", Math.max(2, Math.min(PAD.left + plotW, x1) - Math.max(PAD.left, x0)));
    this.brushRect.setAttribute("visibility", "visible");
  }
}
