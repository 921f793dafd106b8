/*
 * Hotspot map: Leaflet on the offline land background of map-background.js (with the installation's own tiles over
 * it where configured).
 * Names come from people's typing: they reach the page only as text nodes (Leaflet takes an element for popups
 * and tooltips), never as HTML.
 */
(function () {
  'use strict';
  var COLOURS = { INJECTING: '#b3261e', NON_INJECTING: '#1f6feb', MIXED: '#8a4baf' };

  function baseMap(element) {
    var map = L.map(element, { preferCanvas: false });
    if (window.ReachMapBackground) {
      window.ReachMapBackground.add(map, element);
    } else {
      element.classList.add('blank-map');
    }
    return map;
  }

  function radius(estimate) {
    return estimate ? Math.min(30, 5 + Math.sqrt(estimate) * 1.5) : 5;
  }

  function fit(map, latlngs) {
    if (latlngs.length) {
      map.fitBounds(L.latLngBounds(latlngs).pad(0.1));
    } else {
      map.setView([24.86, 67.01], 11);
    }
  }

  function hotspotMap(element) {
    var points = JSON.parse(document.getElementById('rar-points').textContent);
    var sites = JSON.parse(document.getElementById('rar-sites').textContent);
    var map = baseMap(element);
    var layer = L.layerGroup().addTo(map);
    var siteLayer = L.layerGroup().addTo(map);
    sites.forEach(function (s) {
      L.marker([s.lat, s.lon], { icon: L.divIcon({ className: 'site-icon', iconSize: [14, 14] }), title: s.name })
        .bindPopup(text(s.name)).addTo(siteLayer);
    });
    var drug = document.getElementById('filter-drug');
    var typology = document.getElementById('filter-typology');
    var subgroup = document.getElementById('filter-subgroup');
    var shown = document.getElementById('shown');
    var filters = document.getElementById('rar-filters');
    if (filters) filters.addEventListener('submit', function (e) { e.preventDefault(); });
    function draw() {
      layer.clearLayers();
      var count = 0;
      points.forEach(function (p) {
        if (drug.value && p.drugs.indexOf(drug.value) < 0) return;
        if (typology.value && p.typology !== typology.value) return;
        if (subgroup.value && !p[subgroup.value]) return;
        count++;
        L.circleMarker([p.lat, p.lon], {
          radius: radius(p.estimate), color: COLOURS[p.use], fillColor: COLOURS[p.use], fillOpacity: 0.55,
          weight: p.imprecise ? 1 : 2, dashArray: p.imprecise ? '3' : null, className: 'hotspot hotspot-' + p.id
        }).bindPopup(hotspotPopup(element.getAttribute('data-base') + p.id, p)).addTo(layer);
      });
      shown.textContent = count;
      element.setAttribute('data-shown', count);
    }
    [drug, typology, subgroup].forEach(function (f) { f.addEventListener('change', draw); });
    draw();
    fit(map, points.map(function (p) { return [p.lat, p.lon]; }).concat(sites.map(function (s) { return [s.lat, s.lon]; })));
    element.setAttribute('data-ready', 'true');
  }

  function pickerMap(element) {
    var others = JSON.parse(document.getElementById('rar-others').textContent);
    var lat = document.getElementById('latitude');
    var lon = document.getElementById('longitude');
    var acc = document.getElementById('gpsAccuracy');
    var map = baseMap(element);
    others.forEach(function (o) {
      L.circleMarker([o.lat, o.lon], { radius: 4, color: '#5b6775' }).bindTooltip(text(o.name)).addTo(map);
    });
    var marker = null;
    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else {
        marker = L.circleMarker(latlng, { radius: 8, color: '#0b6e4f', fillOpacity: 0.8 }).addTo(map);
      }
    }
    var here = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : null;
    if (here) { place(here); map.setView(here, 14); } else {
      fit(map, others.map(function (o) { return [o.lat, o.lon]; }));
    }
    map.on('click', function (e) {
      place(e.latlng);
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      if (acc) acc.value = ''; // a point picked by hand has no GPS accuracy
    });
    window.reachLocate(function (position, accuracy) {
      var latlng = L.latLng(position.coords.latitude, position.coords.longitude);
      place(latlng);
      map.setView(latlng, 16);
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (acc) acc.value = accuracy;
    });
    element.setAttribute('data-ready', 'true');
  }

  /** A span holding the value as text: whatever it contains is shown, not run. */
  function text(value) {
    var span = document.createElement('span');
    span.textContent = value == null ? '' : String(value);
    return span;
  }

  function hotspotPopup(href, p) {
    var box = document.createElement('div');
    var link = document.createElement('a');
    link.href = href;
    link.textContent = p.name;
    box.appendChild(link);
    [p.district || '', p.label].forEach(function (line) {
      box.appendChild(document.createElement('br'));
      box.appendChild(document.createTextNode(line == null ? '' : String(line)));
    });
    return box;
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof L === 'undefined') return;
    var m = document.getElementById('rar-map');
    if (m) hotspotMap(m);
    var p = document.getElementById('rar-picker');
    if (p) pickerMap(p);
  });
})();
