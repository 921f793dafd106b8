/*
 * The background of every Leaflet map in Reach, which needs no internet: Natural Earth's land at 1:50 million (shipped
 * with the application as TopoJSON, from the world-atlas package) drawn as vector shapes on a sea-coloured map, so a
 * peer sees the coast and the shape of the land even offline. Where the installation names its own tile server
 * (data-tiles on the map element), its tiles are drawn over the land; when they cannot be fetched the land shows
 * through. Nothing is ever fetched from a public tile service unless it is configured.
 */
(function () {
  'use strict';

  var LAND_URL = document.currentScript && document.currentScript.getAttribute('data-land');
  var land = null; // one fetch per page, shared by every map on it

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
    var tiles = element.getAttribute('data-tiles');
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
    }
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
