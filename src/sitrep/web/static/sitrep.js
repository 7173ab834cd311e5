// sitrep's page script: the map, the timeline and the event page's small map.
// Article text is untrusted. It is only ever written with textContent, never parsed as
// markup, and Leaflet popups get DOM nodes, never HTML strings. Everything comes from
// this server.
(function () {
  "use strict";

  const FILTERS = ["since", "until", "country", "event_type", "actor", "q", "background"];
  const API_PAGE = 1000; // events per /api/events request
  const MAX_MARKERS = 5000; // stop paging beyond this many events (SVG stays responsive)
  const DAY_MS = 86400000;
  const WEEKLY_AFTER_DAYS = 180; // default to weekly bars when the events span longer
  const MIN_TIMELINE_BUCKETS = 31; // the timeline spans at least this many days or weeks
  const SVG_NS = "http://www.w3.org/2000/svg";
  const COLORS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#d35400",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2471a3",
    "Riots": "#b7950b",
    "Strategic developments": "#117a65",
  };

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function svgEl(tag, attributes) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, String(value));
    }
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(url + " answered HTTP " + response.status);
    return response.json();
  }

  // The page's filters, as the API takes them: blank fields left out.
  function filterParams() {
    const here = new URLSearchParams(window.location.search);
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (here.get(name) || "").trim();
      if (value) params.set(name, name === "background" ? "true" : value);
    }
    return params;
  }

  function baseMap(container) {
    const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12 });
    map.setView([20, 15], 2);
    getJSON("/static/vendor/world-atlas/countries-110m.json")
      .then(function (world) {
        L.geoJSON(topojson.feature(world, world.objects.countries), {
          interactive: false,
          attribution: "Natural Earth",
          style: { color: "#8d99a6", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
        }).addTo(map).bringToBack();
        container.dataset.basemap = "loaded";
      })
      .catch(function (error) {
        container.dataset.basemap = "failed";
        showStatus("The basemap could not be loaded: " + error.message);
      });
    return map;
  }

  function showStatus(message) {
    const status = document.getElementById("map-status");
    if (status) status.textContent = message;
  }

  function placeName(event) {
    const location = event.location;
    if (!location) return "no location";
    return (location.name || "?") + ", " + (location.country || "?");
  }

  function popupFor(event) {
    const box = el("div", null, "popup");
    const title = el("a", event.sub_event_type, "popup-title");
    title.href = "/events/" + encodeURIComponent(event.id);
    box.append(
      title,
      el("div", (event.date || "undated") + " · " + placeName(event)),
      el("div", [event.actor1, event.actor2].filter(Boolean).join(" vs ") || "actors unknown"),
      el("div", event.fatalities + " reported killed · " + event.source_count + " report(s)", "muted"),
    );
    return box;
  }

  async function drawEvents(map, params) {
    const layer = L.featureGroup().addTo(map);
    let offset = 0;
    let total = 0;
    let placed = 0;
    let unplaced = 0;
    for (;;) {
      const query = new URLSearchParams(params);
      query.set("limit", API_PAGE);
      query.set("offset", offset);
      const page = await getJSON("/api/events?" + query);
      total = page.total;
      for (const event of page.items) {
        const location = event.location;
        if (!location || location.lat === null || location.lon === null) {
          unplaced += 1;
          continue;
        }
        const color = COLORS[event.event_type] || "#34495e";
        const marker = L.circleMarker([location.lat, location.lon], {
          radius: 5 + Math.min(15, Math.sqrt(event.fatalities)),
          className: "event-marker",
          color: color,
          fillColor: color,
          fillOpacity: 0.65,
          weight: 1.5,
        });
        marker.bindPopup(popupFor(event));
        marker.on("add", function () {
          marker.getElement().dataset.eventId = event.id;
        });
        marker.addTo(layer);
        placed += 1;
      }
      offset += page.items.length;
      if (page.next_offset === null || page.items.length === 0 || offset >= MAX_MARKERS) break;
    }
    const notes = [];
    if (unplaced > 0) notes.push(unplaced + " without coordinates");
    if (offset < total) notes.push("only the newest " + offset + " loaded");
    showStatus(
      placed + " of " + total + " matching events on the map" +
      (notes.length ? " (" + notes.join("; ") + ")" : "") +
      ". Click a circle for the event; circle size grows with fatalities.",
    );
    if (placed > 0) map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 6 });
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function filterToPeriod(start, days) {
    const form = document.getElementById("filters");
    form.elements.since.value = start;
    form.elements.until.value = isoDay(Date.parse(start) + (days - 1) * DAY_MS);
    form.submit();
  }

  async function drawTimeline(params, box, note, bucket) {
    const query = new URLSearchParams(params);
    query.set("bucket", bucket);
    const data = await getJSON("/api/timeline?" + query);
    box.replaceChildren();
    note.textContent = data.undated ? data.undated + " undated event(s) not shown." : "";
    if (data.counts.length === 0) {
      box.append(el("p", "No dated events match.", "muted"));
      return;
    }
    const stepDays = bucket === "week" ? 7 : 1;
    const width = Math.max(300, box.clientWidth || 600);
    const height = 150;
    const pad = { left: 30, right: 10, top: 10, bottom: 24 };
    const plotW = width - pad.left - pad.right;
    const plotH = height - pad.top - pad.bottom;
    let first = Date.parse(data.counts[0].start);
    let last = Date.parse(data.counts[data.counts.length - 1].start) + stepDays * DAY_MS;
    const minSpan = MIN_TIMELINE_BUCKETS * stepDays * DAY_MS; // so one bar is not a wall
    if (last - first < minSpan) {
      const widen = Math.round((minSpan - (last - first)) / 2 / (stepDays * DAY_MS));
      first -= widen * stepDays * DAY_MS;
      last += widen * stepDays * DAY_MS;
    }
    const span = last - first;
    const most = Math.max(...data.counts.map(function (c) { return c.count; }));
    const svg = svgEl("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height });
    svg.append(svgEl("line", {
      x1: pad.left, x2: width - pad.right, y1: pad.top + plotH, y2: pad.top + plotH,
      class: "timeline-axis",
    }));
    const barWidth = Math.max(3, (plotW * stepDays * DAY_MS) / span - 1);
    for (const bar of data.counts) {
      const x = pad.left + (plotW * (Date.parse(bar.start) - first)) / span;
      const h = Math.max(2, (plotH * bar.count) / most);
      const rect = svgEl("rect", {
        x: x.toFixed(1), y: (pad.top + plotH - h).toFixed(1),
        width: barWidth.toFixed(1), height: h.toFixed(1), class: "timeline-bar",
      });
      rect.dataset.start = bar.start;
      rect.dataset.count = bar.count;
      const title = svgEl("title");
      title.textContent = (bucket === "week" ? "week of " : "") + bar.start + ": " + bar.count +
        " event(s). Click to show only these.";
      rect.append(title);
      rect.addEventListener("click", function () { filterToPeriod(bar.start, stepDays); });
      svg.append(rect);
    }
    const labels = [[pad.left, isoDay(first), "start"], [width - pad.right, isoDay(last - DAY_MS), "end"]];
    for (const [x, text, anchor] of labels) {
      const label = svgEl("text", { x: x, y: height - 6, "text-anchor": anchor, class: "timeline-label" });
      label.textContent = text;
      svg.append(label);
    }
    const top = svgEl("text", { x: pad.left - 4, y: pad.top + 8, "text-anchor": "end", class: "timeline-label" });
    top.textContent = String(most);
    svg.append(top);
    box.append(svg);
    box.dataset.bucket = bucket;
  }

  function drawLegend(list) {
    for (const [name, color] of Object.entries(COLORS)) {
      const swatch = svgEl("svg", { width: 12, height: 12, viewBox: "0 0 12 12" });
      swatch.append(svgEl("circle", { cx: 6, cy: 6, r: 5, fill: color, "fill-opacity": 0.8 }));
      const item = el("li");
      item.append(swatch, el("span", name));
      list.append(item);
    }
  }

  async function initIndex(mapBox) {
    const params = filterParams();
    const map = baseMap(mapBox);
    const legend = document.getElementById("legend");
    if (legend) drawLegend(legend);
    const timeline = document.getElementById("timeline");
    const note = document.getElementById("timeline-note");
    const select = document.getElementById("timeline-bucket");
    try {
      const days = await getJSON("/api/timeline?" + params);
      if (days.counts.length > 1) {
        const spanDays = (Date.parse(days.counts[days.counts.length - 1].start) -
          Date.parse(days.counts[0].start)) / DAY_MS;
        select.value = spanDays > WEEKLY_AFTER_DAYS ? "week" : "day";
      }
      await drawTimeline(params, timeline, note, select.value);
      select.addEventListener("change", function () {
        drawTimeline(params, timeline, note, select.value).catch(function (error) {
          note.textContent = "The timeline could not be loaded: " + error.message;
        });
      });
    } catch (error) {
      note.textContent = "The timeline could not be loaded: " + error.message;
    }
    try {
      await drawEvents(map, params);
    } catch (error) {
      showStatus("The events could not be loaded: " + error.message);
    }
    mapBox.dataset.ready = "true";
  }

  function initEventMap(box) {
    const lat = parseFloat(box.dataset.lat);
    const lon = parseFloat(box.dataset.lon);
    const map = baseMap(box);
    map.setView([lat, lon], 5);
    L.circleMarker([lat, lon], {
      radius: 8, className: "event-marker", color: "#c0392b", fillColor: "#c0392b", fillOpacity: 0.7,
    }).addTo(map);
    box.dataset.ready = "true";
  }

  function start() {
    const mapBox = document.getElementById("map");
    if (mapBox) initIndex(mapBox);
    const eventMap = document.getElementById("event-map");
    if (eventMap) initEventMap(eventMap);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
