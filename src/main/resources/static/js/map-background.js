/*
 * The background of every Leaflet map in Reach, which needs no internet: Natural Earth's land at 1:50 million (shipped
 * with the application as TopoJSON, from the world-atlas package) drawn as vector shapes on a sea-coloured map, so a
 * peer sees the coast and the shape of the land even offline. Over the land go the tiles of the viewer's organisation
 * (asked of Reach at data-background on this script: a PMTiles file Reach serves itself, or the organisation's own tile
 * server) or else those of the installation's tile server (data-tiles on the map element); when tiles cannot be
 * fetched the land shows through. Nothing is ever fetched from a public tile service unless it is configured.
 */
(function () {
  'use strict';

  var LAND_URL = document.currentScript && document.currentScript.getAttribute('data-land');
  var BACKGROUND_URL = document.currentScript && document.currentScript.getAttribute('data-background');
  var land = null; // one fetch per page, shared by every map on it
  var background = null; // likewise the viewer's background

  /** Leaflet puts attributions into the page as HTML; an organisation's text is text. */
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function loadBackground() {
    if (!background) {
      background = BACKGROUND_URL ? fetch(BACKGROUND_URL, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) throw new Error('background ' + response.status);
          return response.json();
        }).catch(function () { return { kind: 'NATURAL_EARTH' }; }) : Promise.resolve({ kind: 'NATURAL_EARTH' });
    }
    return background;
  }

  /** The organisation's tiles when it has its own, else the installation's, else none: the land alone. */
  function addTiles(map, element, chosen) {
    var options = { maxZoom: 19 };
    var template = chosen && chosen.tiles;
    if (template) {
      options.attribution = escapeHtml(chosen.attribution || '');
      if (typeof chosen.minZoom === 'number') options.minZoom = chosen.minZoom;
      if (typeof chosen.maxZoom === 'number') options.maxNativeZoom = chosen.maxZoom;
      if (chosen.bounds) options.bounds = L.latLngBounds(chosen.bounds);
    } else {
      template = element.getAttribute('data-tiles');
      options.attribution = escapeHtml(element.getAttribute('data-attribution') || '');
    }
    element.setAttribute('data-background', (chosen && chosen.kind) || 'NATURAL_EARTH');
    if (!template) return null;
    var layer = L.tileLayer(template, options);
    layer.on('tileload', function () { element.setAttribute('data-tiles-loaded', 'true'); });
    return layer.addTo(map);
  }

  /** Decodes one TopoJSON arc: delta-encoded integer positions, scaled and translated to degrees. */
  function arc(topology, index) {
    var reversed = index < 0;
    var points = topology.arcs[reversed ? ~index : index];
    var t = topology.transform;
    var x = 0, y = 0, out = [];
    for (var i = 0; i < points.length; i++) {
      x += points[i][0];
      y += points[i][1];
      out.push(t ? [y * t.scale[1] + t.translate[1], x * t.scale[0] + t.translate[0]]
                 : [points[i][1], points[i][0]]);
    }
    if (reversed) out.reverse();
    return out;
  }

  /** A ring from its arcs; each arc after the first starts where the previous one ended, so that point is dropped. */
  function ring(topology, arcs) {
    var out = [];
    arcs.forEach(function (index, n) {
      var points = arc(topology, index);
      out = out.concat(n === 0 ? points : points.slice(1));
    });
    return out;
  }

  /** Leaflet polygons (outer ring and holes, as [lat, lng]) of a Polygon or MultiPolygon TopoJSON geometry. */
  function polygons(topology, geometry) {
    if (geometry.type === 'GeometryCollection') {
      return geometry.geometries.reduce(function (all, g) { return all.concat(polygons(topology, g)); }, []);
    }
    var list = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
    return list.map(function (rings) {
      return rings.map(function (arcs) { return ring(topology, arcs); });
    });
  }

  function loadLand() {
    if (!land) {
      land = LAND_URL ? fetch(LAND_URL, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok) throw new Error('land ' + response.status);
        return response.json();
      }).then(function (topology) {
        return polygons(topology, topology.objects.land);
      }) : Promise.reject(new Error('no land data'));
    }
    return land;
  }

  /** Adds the offline background to a Leaflet map; resolves when the land is drawn. */
  function add(map, element) {
    element.classList.add('offline-background');
    var pane = map.createPane('land');
    pane.style.zIndex = 150; // below the tile pane (200): configured tiles cover it, a failed tile shows it
    pane.style.pointerEvents = 'none';
    loadBackground().then(function (chosen) { addTiles(map, element, chosen); });
    var renderer = L.canvas({ pane: 'land', padding: 0.5 });
    return loadLand().then(function (shapes) {
      var layer = L.polygon(shapes, {
        renderer: renderer, pane: 'land', interactive: false, color: '#8c9b8f', weight: 1,
        fillColor: '#f1eee4', fillOpacity: 1
      }).addTo(map);
      element.setAttribute('data-land', String(shapes.length));
      return layer;
    }).catch(function () {
      element.setAttribute('data-land', '0');
    });
  }

  window.ReachMapBackground = { add: add, polygons: polygons };
}());
