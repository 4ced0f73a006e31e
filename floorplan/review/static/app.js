// floorplan review: the plan as read, corrected by clicking. Plain JavaScript and SVG.
// Everything the plan says is put into the page as text (textContent, setAttribute),
// never as markup; the server's Content-Security-Policy allows this file and no other.
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var TOKEN = document.querySelector('meta[name="fp-token"]').getAttribute("content");
  var STATUS_FILL = { fail: "#D55E00", warn: "#E69F00", pass: "#0072B2", unchecked: "#8C8C8C" };
  var CONF_FILL = { high: "#009E73", medium: "#F0E442", low: "#CC79A7" };
  var STATUS_WORD = { fail: "not met", warn: "to review", pass: "met", unchecked: "not checked" };
  var S = null;            // the state the server sent last
  var selected = null;     // the selected room's id
  var mode = null;         // null | "merge" | "split" | "door" | "outside"
  var splitPoints = [];
  var level = null;
  var colourBy = "status";
  var view = null;         // the SVG viewBox [x, y, w, h]

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function sv(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function fmt(v, d) { return (v === null || v === undefined) ? "—" : Number(v).toFixed(d === undefined ? 2 : d); }
  function say(text, ok) {
    var m = $("message");
    m.textContent = text;
    m.className = ok ? "ok" : "";
    m.hidden = !text;
  }

  // -- talking to the server -------------------------------------------------------------
  function api(path, body) {
    var opts = { method: body ? "POST" : "GET", headers: { "X-Floorplan-Token": TOKEN } };
    if (body) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    document.body.setAttribute("aria-busy", "true");
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (data) {
        document.body.removeAttribute("aria-busy");
        if (!r.ok) { say(data.error || ("the server said " + r.status)); return null; }
        return data;
      });
    }).catch(function (err) {
      document.body.removeAttribute("aria-busy");
      say("the review server cannot be reached (" + err + "): is floorplan review still running?");
      return null;
    });
  }
  function edit(e) {
    return api("/api/edit", { revision: S.revision, edit: e }).then(function (data) {
      if (data) { say(""); take(data); }
      return data;
    });
  }
  function take(data) {
    S = data;
    if (selected && !room(selected)) { selected = null; }
    var levels = S.plan.levels;
    if (level === null || levels.indexOf(level) < 0) { level = levels.length ? levels[0] : "0"; view = null; }
    render();
  }
  function room(id) { return S.rooms.filter(function (r) { return r.id === id; })[0]; }

  // -- the plan --------------------------------------------------------------------------
  function fit() {
    var b = S.bounds[level] || [0, 0, 10, 10];
    var pad = Math.max(b[2] - b[0], b[3] - b[1]) * 0.04 + 0.5;
    view = [b[0] - pad, b[1] - pad, b[2] - b[0] + 2 * pad, b[3] - b[1] + 2 * pad];
  }
  function drawPlan() {
    var svg = $("plan");
    clear(svg);
    if (!view) { fit(); }
    svg.setAttribute("viewBox", view.join(" "));
    svg.classList.toggle("picking", mode !== null);
    var size = Math.max(view[2], view[3]) / 60;
    var gRooms = sv("g"), gObs = sv("g"), gDoors = sv("g"), gText = sv("g");
    S.rooms.filter(function (r) { return String(r.level) === level; }).forEach(function (r) {
      var fill = colourBy === "status" ? STATUS_FILL[r.status] : CONF_FILL[r.confidence.level];
      var cls = "room " + r.confidence.level + (r.id === selected ? " selected" : "") + (mode ? " target" : "");
      var p = sv("path", { d: r.path, fill: fill, "fill-opacity": "0.35", "class": cls,
                           "data-id": r.id, "data-status": r.status, tabindex: "0",
                           role: "button", "aria-label": (r.name || "unnamed") + " (" + r.id + ")" });
      var t = sv("title");
      t.textContent = r.id + " " + (r.name || "(unnamed)") + ": " + r.use + ", " + fmt(r.area_m2) +
        " m², " + STATUS_WORD[r.status] + "; reader's confidence " + r.confidence.level +
        (r.confidence.reason ? " (" + r.confidence.reason + ")" : "");
      p.appendChild(t);
      p.addEventListener("click", function (ev) { roomClicked(r.id, ev); });
      p.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { roomClicked(r.id, ev); } });
      gRooms.appendChild(p);
      var lab = sv("text", { x: r.label[0], y: r.label[1], "class": "label", "font-size": size });
      var n = sv("tspan", { x: r.label[0] });
      n.textContent = (r.corrected ? "✎ " : "") + (r.name || r.id);
      var a = sv("tspan", { x: r.label[0], dy: size * 1.15, "class": "sub", "font-size": size * 0.85 });
      a.textContent = fmt(r.area_m2) + " m²" + (r.name ? " · " + r.id : "");
      lab.appendChild(n); lab.appendChild(a);
      gText.appendChild(lab);
    });
    S.obstacles.filter(onLevel).forEach(function (o) {
      gObs.appendChild(sv("path", { d: o.path, "class": "obstacle" }));
    });
    var mine = selected ? (room(selected) || {}).doors || [] : [];
    S.doors.filter(onLevel).forEach(function (d) {
      var cls = "door" + (d.assessor ? " assessor" : "") + (mine.indexOf(d.id) >= 0 ? " chosen" : "");
      var shape;
      if (d.points.length === 1) {
        shape = sv("circle", { cx: d.points[0][0], cy: d.points[0][1], r: size * 0.35, "class": cls });
      } else {
        shape = sv("polyline", { points: d.points.map(function (p) { return p.join(","); }).join(" "),
                                 fill: "none", "class": cls });
      }
      shape.setAttribute("data-door", d.id);
      var t = sv("title");
      t.textContent = "door " + d.id + (d.width_m ? " " + fmt(d.width_m) + " m" : "") +
        (d.connects ? ": " + d.connects.join(" – ") : ": joins nothing");
      shape.appendChild(t);
      gDoors.appendChild(shape);
    });
    [gRooms, gObs, gDoors, gText].forEach(function (g) { svg.appendChild(g); });
    if (mode === "split" && splitPoints.length) {
      var q = splitPoints[0];
      svg.appendChild(sv("line", { x1: q[0], y1: -q[1], x2: q[0], y2: -q[1], id: "split-preview", "class": "split-line" }));
    }
  }
  function onLevel(x) { return x.level === null || x.level === undefined || String(x.level) === level; }
  function toPlan(ev) {
    var svg = $("plan");
    var pt = svg.createSVGPoint();
    pt.x = ev.clientX; pt.y = ev.clientY;
    var p = pt.matrixTransform(svg.getScreenCTM().inverse());
    return [p.x, -p.y];
  }

  // -- clicks ----------------------------------------------------------------------------
  function roomClicked(id, ev) {
    if (dragged) { return; }
    ev.stopPropagation();
    if (mode === "merge") {
      setMode(null);
      if (id !== selected) { edit({ op: "merge", rooms: [selected, id] }); }
      return;
    }
    if (mode === "door") {
      setMode(null);
      if (id !== selected) { edit({ op: "door_add", rooms: [selected, id], width: width() }); }
      return;
    }
    if (mode === "split" || mode === "outside") { planClicked(ev); return; }
    selected = id;
    render();
  }
  function planClicked(ev) {
    if (dragged) { return; }
    if (mode === "split") {
      splitPoints.push(toPlan(ev));
      if (splitPoints.length === 2) {
        var line = splitPoints;
        setMode(null);
        edit({ op: "split", room: selected, line: line });
      } else { drawPlan(); }
    } else if (mode === "outside") {
      var at = toPlan(ev);
      setMode(null);
      edit({ op: "door_add", rooms: [selected, "outside"], at: at, width: width() });
    } else if (mode === null) {
      selected = null;
      render();
    }
  }
  function width() { var w = parseFloat($("door-width").value); return isFinite(w) ? w : null; }
  function setMode(m) {
    mode = m;
    splitPoints = [];
    var text = {
      merge: "Click the neighbouring room to merge with " + selected + " (Esc to cancel).",
      split: "Click two points: the line to split " + selected + " along, wall to wall (Esc to cancel).",
      door: "Click the room on the other side of the new door from " + selected + " (Esc to cancel).",
      outside: "Click where the door from " + selected + " to outside is, on its wall (Esc to cancel)."
    }[m];
    $("mode").textContent = text || "";
    $("mode").hidden = !text;
    drawPlan();
  }

  // -- panning and zooming ---------------------------------------------------------------
  var drag = null, dragged = false;
  function installPanZoom() {
    var svg = $("plan");
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var p = toPlan(ev), k = ev.deltaY < 0 ? 0.85 : 1 / 0.85;
      var x = p[0], y = -p[1];
      view = [x - (x - view[0]) * k, y - (y - view[1]) * k, view[2] * k, view[3] * k];
      svg.setAttribute("viewBox", view.join(" "));
    }, { passive: false });
    svg.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, v: view.slice() }; dragged = false; });
    window.addEventListener("mousemove", function (ev) {
      if (mode === "split" && splitPoints.length === 1) {
        var line = document.getElementById("split-preview"), p = toPlan(ev);
        if (line) { line.setAttribute("x2", p[0]); line.setAttribute("y2", -p[1]); }
      }
      if (!drag) { return; }
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) { dragged = true; }
      if (!dragged) { return; }
      var scale = drag.v[2] / svg.getBoundingClientRect().width;
      view = [drag.v[0] - dx * scale, drag.v[1] - dy * scale, drag.v[2], drag.v[3]];
      svg.setAttribute("viewBox", view.join(" "));
    });
    window.addEventListener("mouseup", function () { drag = null; setTimeout(function () { dragged = false; }, 0); });
    svg.addEventListener("click", planClicked);
  }

  // -- the side panels -------------------------------------------------------------------
  function options(select, values, current, blank) {
    clear(select);
    if (blank !== undefined) { select.appendChild(el("option", { value: "" }, blank)); }
    values.forEach(function (v) {
      var o = el("option", { value: v }, v);
      if (String(v) === String(current)) { o.selected = true; }
      select.appendChild(o);
    });
  }
  function findingItem(f) {
    var li = el("li");
    li.appendChild(el("span", { "class": "badge " + f.status }, STATUS_WORD[f.status] || f.status));
    li.appendChild(document.createTextNode(" " + f.rule + " " + f.name + ": " + f.message));
    return li;
  }
  function renderRoom() {
    var r = selected ? room(selected) : null;
    $("room-hint").hidden = !!r;
    $("room-body").hidden = !r;
    $("room-title").textContent = r ? "Room " + r.id + (r.name ? ": " + r.name : " (unnamed)") : "Room";
    if (!r) { return; }
    $("room-facts").textContent = r.use + " · " + fmt(r.area_m2) + " m² counted (" + fmt(r.gross_area_m2) +
      " m² gross) · level " + r.level + (r.dwelling ? " · " + r.dwelling : "") + " · " + STATUS_WORD[r.status] +
      (r.ceiling_height_m ? " · ceiling " + fmt(r.ceiling_height_m.min) + "–" + fmt(r.ceiling_height_m.max) + " m" : "");
    $("room-confidence").textContent = "Read from " + r.source + "; the reader's confidence: " +
      r.confidence.level + (r.confidence.reason ? " (" + r.confidence.reason + ")" : "") +
      (r.corrected ? ". Corrected by the assessor." : ".");
    $("room-name").value = r.name;
    options($("room-use"), S.choices.uses, r.use);
    $("room-dwelling").value = r.dwelling || "";
    $("room-level").value = r.level;
    options($("room-bedroom-type"), S.choices.bedroom_types, r.bedroom_type || "", "(from its area)");
    $("room-bedspaces").value = r.bedspaces || "";
    $("room-wheelchair").checked = !!r.wheelchair;
    $("room-ceiling").value = r.ceiling_height_m ? r.ceiling_height_m.max : "";
    var doors = $("room-doors");
    clear(doors);
    S.doors.filter(function (d) { return r.doors.indexOf(d.id) >= 0; }).forEach(function (d) {
      var li = el("li", {}, d.id + (d.width_m ? " (" + fmt(d.width_m) + " m)" : "") + " to " +
        (d.connects || []).filter(function (x) { return x !== r.id; }).join(", "));
      var b = el("button", { type: "button", "data-door": d.id }, "Remove");
      b.addEventListener("click", function () { edit({ op: "door_remove", door: d.id }); });
      li.appendChild(b);
      doors.appendChild(li);
    });
    if (!r.doors.length) { doors.appendChild(el("li", { "class": "muted" }, "none")); }
    var fl = $("room-findings");
    clear(fl);
    r.findings.forEach(function (f) { fl.appendChild(findingItem(f)); });
    if (!r.findings.length) { fl.appendChild(el("li", { "class": "muted" }, "no rule checked this room")); }
  }
  function renderPlanPanel() {
    var p = S.plan, v = S.plan_values;
    options($("plan-units"), S.choices.units, v.units || "", "as read (" + p.units + ")");
    options($("plan-scheme"), S.choices.schemes, v.scheme || "", "as read (" + (p.scheme || "inferred") + ")");
    $("plan-tenants").value = v.tenants !== undefined ? v.tenants : "";
    $("plan-tenants").placeholder = p.tenants !== null ? String(p.tenants) : "inferred";
    $("plan-north").value = v.north !== undefined ? v.north : "";
    $("plan-wheelchair").checked = v.wheelchair !== undefined ? v.wheelchair : p.wheelchair;
    $("plan-units").disabled = p.lonlat;
    $("plan-units-reason").textContent = "Units " + p.units + ": " + p.units_reason;
  }
  function renderFindings() {
    var main = $("findings"), inp = $("input-findings");
    clear(main); clear(inp);
    S.findings.forEach(function (f) { (f.rule.indexOf("FP0") === 0 ? inp : main).appendChild(findingItem(f)); });
    if (!main.childNodes.length) { main.appendChild(el("li", { "class": "muted" }, "every rule that applies is met")); }
    if (!inp.childNodes.length) { inp.appendChild(el("li", { "class": "muted" }, "nothing to report")); }
  }
  function renderCorrections() {
    $("corr-file").textContent = (S.changed ? "Not saved yet: " : "Saved in ") + S.file;
    var list = $("corrections");
    clear(list);
    var records = S.corrections.filter(function (c) { return c.action !== "plan"; });
    S.items.forEach(function (it, i) {
      var rec = records[i] || {};
      var li = el("li", { "class": rec.status || "" }, "[[" + it.action + "]]" + (it.origin === "file" ? " (in the file)" : ""));
      var b = el("button", { type: "button", "aria-label": "Undo correction " + (i + 1) }, "Undo");
      b.addEventListener("click", function () { edit({ op: "undo", index: it.index }); });
      li.appendChild(b);
      li.appendChild(el("span", { "class": "why" }, (rec.status === "unmatched" ? "NOT APPLIED: " : "") + (rec.message || "")));
      list.appendChild(li);
    });
    S.corrections.filter(function (c) { return c.action === "plan"; }).forEach(function (c) {
      list.appendChild(el("li", { "class": c.status }, "[plan] " + c.message));
    });
    if (!list.childNodes.length) { list.appendChild(el("li", { "class": "muted" }, "none yet: the plan is as read")); }
    $("corr-text").textContent = S.text;
  }
  function renderTop() {
    $("plan-name").textContent = S.plan.name || S.plan.source;
    $("plan-file").textContent = S.plan.source + " · " + S.profile.title;
    var v = $("verdict");
    clear(v);
    var s = S.summary;
    v.appendChild(el("span", { "class": "badge big " + s.result, id: "result" }, s.result === "cannot_assess" ? "NO VERDICT" : s.result.toUpperCase()));
    v.appendChild(el("span", { "class": "muted", id: "counts" },
      s.fail + " not met · " + s.warn + " to review · " + s.pass + " met"));
    $("save-state").textContent = S.changed ? "unsaved changes" : "saved";
    $("save").disabled = !S.changed;
  }
  function renderLevels() {
    var box = $("levels");
    clear(box);
    if (S.plan.levels.length < 2) { return; }
    S.plan.levels.forEach(function (lv) {
      var b = el("button", { type: "button", role: "tab", "aria-selected": String(lv === level) }, "Level " + lv);
      b.addEventListener("click", function () { level = lv; view = null; render(); });
      box.appendChild(b);
    });
  }
  function renderLegend() {
    var ul = $("legend");
    clear(ul);
    var items = colourBy === "status"
      ? [["fail", "a rule is not met"], ["warn", "to review"], ["pass", "every rule met"], ["unchecked", "no rule checked it"]]
          .map(function (x) { return [STATUS_FILL[x[0]], "", x[1]]; })
      : [["high", "reader sure"], ["medium", "reader fairly sure"], ["low", "reader unsure: check it"]]
          .map(function (x) { return [CONF_FILL[x[0]], "", x[1]]; });
    if (colourBy === "status") {
      items.push(["#fff", "medium", "dashed: the reader is fairly sure of it"]);
      items.push(["#fff", "low", "dotted: the reader is unsure of it"]);
    }
    items.forEach(function (x) {
      var li = el("li");
      var sw = el("span", { "class": "swatch " + x[1] });
      sw.style.background = x[0];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(x[2]));
      ul.appendChild(li);
    });
    ul.appendChild(el("li", {}, "✎ corrected by the assessor"));
  }
  function render() {
    renderTop(); renderLevels(); drawPlan(); renderLegend(); renderRoom(); renderPlanPanel();
    renderFindings(); renderCorrections();
  }

  // -- the forms -------------------------------------------------------------------------
  function roomEdits() {
    var r = room(selected), set = {};
    var name = $("room-name").value, use = $("room-use").value, dw = $("room-dwelling").value.trim();
    var lv = parseFloat($("room-level").value), bt = $("room-bedroom-type").value;
    var bs = parseInt($("room-bedspaces").value, 10), wc = $("room-wheelchair").checked;
    if (name !== r.name) { set.name = name; }
    if (use !== r.use) { set.use = use; }
    if (dw !== (r.dwelling || "")) { set.dwelling = dw; }
    if (isFinite(lv) && lv !== Number(r.level)) { set.level = lv; }
    if (bt && bt !== (r.bedroom_type || "")) { set.bedroom_type = bt; }
    if (isFinite(bs) && bs !== r.bedspaces) { set.bedspaces = bs; }
    if (wc !== !!r.wheelchair) { set.wheelchair = wc; }
    return set;
  }
  function install() {
    $("room-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var set = roomEdits();
      if (!Object.keys(set).length) { say("nothing changed in the form"); return; }
      edit({ op: "room", room: selected, set: set });
    });
    $("room-delete").addEventListener("click", function () { edit({ op: "delete", room: selected }); });
    $("room-merge").addEventListener("click", function () { setMode("merge"); });
    $("room-split").addEventListener("click", function () { setMode("split"); });
    $("door-add").addEventListener("click", function () { setMode("door"); });
    $("door-outside").addEventListener("click", function () { setMode("outside"); });
    $("ceiling-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var h = parseFloat($("room-ceiling").value);
      if (!isFinite(h)) { say("give the ceiling height in metres"); return; }
      edit({ op: "ceiling", room: selected, height: h });
    });
    function planValue(key, value) { edit({ op: "plan", key: key, value: value }); }
    $("plan-units").addEventListener("change", function (e) { view = null; planValue("units", e.target.value || null); });
    $("plan-scheme").addEventListener("change", function (e) { planValue("scheme", e.target.value || null); });
    $("plan-tenants").addEventListener("change", function (e) {
      var n = parseInt(e.target.value, 10); planValue("tenants", isFinite(n) ? n : null);
    });
    $("plan-north").addEventListener("change", function (e) {
      var n = parseFloat(e.target.value); planValue("north", isFinite(n) ? n : null);
    });
    $("plan-wheelchair").addEventListener("change", function (e) { planValue("wheelchair", e.target.checked); });
    $("plan-form").addEventListener("submit", function (ev) { ev.preventDefault(); });
    $("save").addEventListener("click", function () {
      api("/api/save", { revision: S.revision }).then(function (data) {
        if (data) { take(data); say("Saved " + data.saved + ". The drawing itself is unchanged.", true); }
      });
    });
    $("fit").addEventListener("click", function () { view = null; drawPlan(); });
    document.querySelectorAll('input[name="colour"]').forEach(function (r) {
      r.addEventListener("change", function (e) { colourBy = e.target.value; drawPlan(); renderLegend(); });
    });
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && mode) { setMode(null); } });
    window.addEventListener("beforeunload", function (ev) { if (S && S.changed) { ev.preventDefault(); ev.returnValue = ""; } });
    installPanZoom();
  }

  install();
  api("/api/state").then(function (data) { if (data) { take(data); } });
})();
