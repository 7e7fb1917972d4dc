(function () {
  "use strict";
  var root = document.documentElement;
  // The page's data: JSON that Python wrote into the <script type="application/json"> block
  // (text only: it is parsed, never run).
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var kindNames = data.kindNames;
  var kindOrder = ["person", "organisation", "place", "group"];
  var edgeStyles = data.edgeStyles;
  var fontColors = data.fontColors;
  var focusId = data.focus;
  var nodeData = data.nodes;
  var edgeData = data.edges;
  var options = data.options;
  var big = data.big;
  var DIM = 0.12;

  // Node size: by number of neighbours, on a square-root scale.
  options.nodes.scaling.customScalingFunction = function (min, max, total, value) {
    return max === min ? 0 : Math.sqrt((value - min) / (max - min));
  };
  function edgeLook(e, dim) {
    var style = edgeStyles[e.kind];
    return {
      id: e.id,
      dimmed: dim,
      color: {color: style.color, highlight: style.color, hover: style.color,
              opacity: dim ? DIM : 1},
      font: dim ? {color: "rgba(51,51,51,0.12)", strokeColor: "rgba(255,255,255,0.12)"}
                : {color: "#333333", strokeColor: "#ffffff"}
    };
  }
  var byId = {};
  nodeData.forEach(function (n) { byId[n.id] = n; });
  edgeData.forEach(function (e) {
    e.color = edgeLook(e, false).color;
    e.dashes = edgeStyles[e.kind].dashes;
    e.width = edgeStyles[e.kind].width;
  });

  var nodes = new vis.DataSet(nodeData);
  var edges = new vis.DataSet(edgeData);
  var hiddenKinds = {};
  var groupIndex = -1;
  function shown(n) {
    return !hiddenKinds[n.group] &&
      (groupIndex < 0 || (n.g !== undefined && n.g.indexOf(groupIndex) >= 0));
  }
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return shown(byId[n.id]); }});
  var edgeView = new vis.DataView(edges, {filter: function (e) {
    return shown(byId[e.from]) && shown(byId[e.to]);
  }});
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, options);
  network.fit({animation: false});

  var statusLine = document.getElementById("kg-status");
  function status() {
    statusLine.textContent = "显示 " + nodeView.length + " / " + nodes.length + " 个节点，" +
      edgeView.length + " / " + edges.length + " 条关系";
    root.setAttribute("data-kg-shown-nodes", String(nodeView.length));
    root.setAttribute("data-kg-shown-edges", String(edgeView.length));
  }

  // Clicking a node dims everything but it and its neighbours; clicking the background undoes it.
  var lit = null;
  function highlight(id) {
    lit = id;
    var keep = {};
    if (id !== null) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (other) { keep[other] = true; });
    }
    if (big) {
      // Change vis-network 9.1.2's drawn nodes and edges in place: updating the DataSets
      // restyles every node and edge one by one, seconds for ten thousand (bench/view.py).
      var body = network.body;
      body.nodeIndices.forEach(function (n) {
        body.nodes[n].options.opacity = id === null || keep[n] ? 1 : DIM;
      });
      body.edgeIndices.forEach(function (e) {
        var edge = body.edges[e];
        edge.options.color.opacity = id === null || edge.fromId === id || edge.toId === id
          ? 1 : DIM;
      });
      network.redraw();
    } else {
      var nodeUpdates = [];
      nodes.forEach(function (n) {
        var opacity = id === null || keep[n.id] ? 1 : DIM;
        if ((n.opacity === undefined ? 1 : n.opacity) !== opacity) {
          nodeUpdates.push({id: n.id, opacity: opacity, font: {
            color: opacity < 1 ? "rgba(34,34,34,0.2)" : fontColors[n.group]}});
        }
      });
      nodes.update(nodeUpdates);
      var edgeUpdates = [];
      edges.forEach(function (e) {
        var dim = id !== null && e.from !== id && e.to !== id;
        if (Boolean(e.dimmed) !== dim) { edgeUpdates.push(edgeLook(e, dim)); }
      });
      edges.update(edgeUpdates);
    }
    root.setAttribute("data-kg-lit", id === null ? "" : String(Object.keys(keep).length));
  }
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); }
    else if (lit !== null) { highlight(null); }
  });

  // Filters: node kinds (legend check boxes) and group (select).
  function refresh() {
    network.unselectAll();
    highlight(null);
    nodeView.refresh();
    edgeView.refresh();
    network.fit({animation: false});
    status();
  }
  var boxes = document.querySelectorAll("#kg-legend input[data-kind]");
  Array.prototype.forEach.call(boxes, function (box) {
    box.addEventListener("change", function () {
      hiddenKinds[box.getAttribute("data-kind")] = !box.checked;
      refresh();
    });
  });
  var select = document.getElementById("kg-group");
  if (select) {
    select.addEventListener("change", function () {
      groupIndex = parseInt(select.value, 10);
      refresh();
    });
  }

  // Search: a Chinese name or its pinyin; case, diacritics, spaces and punctuation do not
  // count (the same folding as kg.view.select.search_key).
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/v/g, "u").replace(/[^\p{L}\p{N}]/gu, "");
  }
  var index = nodeData.map(function (n) {
    return {node: n, keys: [fold(n.label), fold(n.pinyin)]};
  });
  function search(text) {
    var key = fold(text);
    if (!key) { return []; }
    var found = [];
    index.forEach(function (entry) {
      var rank = 3;
      entry.keys.forEach(function (k) {
        var at = k ? k.indexOf(key) : -1;
        var r = at < 0 ? 3 : (k === key ? 0 : (at === 0 ? 1 : 2));
        if (r < rank) { rank = r; }
      });
      if (rank < 3) { found.push({rank: rank, node: entry.node}); }
    });
    found.sort(function (a, b) {
      return a.rank - b.rank ||
        kindOrder.indexOf(a.node.group) - kindOrder.indexOf(b.node.group) ||
        a.node.label.length - b.node.label.length ||
        (a.node.label < b.node.label ? -1 : a.node.label > b.node.label ? 1 : 0);
    });
    return found.slice(0, 8).map(function (f) { return f.node; });
  }
  function pick(id) {
    var n = byId[id];
    if (!n) { return; }
    if (!shown(n)) {  // hidden by a filter: show everything again
      hiddenKinds = {};
      groupIndex = -1;
      Array.prototype.forEach.call(boxes, function (box) { box.checked = true; });
      if (select) { select.value = "-1"; }
      refresh();
    }
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
    list.hidden = true;
  }
  var input = document.getElementById("kg-q");
  var list = document.getElementById("kg-results");
  var results = [];
  var active = 0;
  function showResults() {
    results = search(input.value);
    active = 0;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    results.forEach(function (n, i) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", i === active ? "true" : "false");
      var name = document.createElement("span");
      name.textContent = n.label;
      var extra = document.createElement("span");
      extra.className = "kg-extra";
      extra.textContent = (n.pinyin ? n.pinyin + " · " : "") + kindNames[n.group];
      item.appendChild(name);
      item.appendChild(extra);
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        pick(n.id);
      });
      list.appendChild(item);
    });
    if (fold(input.value) && !results.length) {
      var none = document.createElement("li");
      none.textContent = "没有找到";
      list.appendChild(none);
    }
    list.hidden = !fold(input.value);
  }
  function move(step) {
    if (!results.length) { return; }
    active = (active + step + results.length) % results.length;
    Array.prototype.forEach.call(list.children, function (item, i) {
      item.setAttribute("aria-selected", i === active ? "true" : "false");
    });
  }
  input.addEventListener("input", showResults);
  input.addEventListener("focus", showResults);
  input.addEventListener("blur", function () { list.hidden = true; });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      if (results.length) { pick(results[active].id); }
    } else if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") { input.value = ""; showResults(); }
  });

  // Keep the whole graph in view when the window is resized, until the reader zooms or pans.
  var moved = false;
  network.on("zoom", function () { moved = true; });
  network.on("dragEnd", function (params) { if (!params.nodes.length) { moved = true; } });
  window.addEventListener("resize", function () {
    if (!moved) { network.fit({animation: false}); }
  });
  if (focusId !== null) {
    network.selectNodes([focusId]);
    highlight(focusId);
  }
  status();
  window.kgNetwork = network;  // for the browser console and tests
  window.kgView = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
                   edgeView: edgeView, search: search, pick: pick, highlight: highlight,
                   fold: fold};
  root.setAttribute("data-kg-nodes", String(nodes.length));
  root.setAttribute("data-kg-edges", String(edges.length));
  network.once("afterDrawing", function () {
    window.kgDrawnAt = performance.now();
    root.setAttribute("data-kg-drawn", "true");
  });
  root.setAttribute("data-kg-status", "ready");
})();
