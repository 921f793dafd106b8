/*
 * The overdose form: a fresh form takes the phone's own clock for "when" (the server may run in another time zone),
 * and "use my location" fills the GPS point and its accuracy in metres from the browser's geolocation — unless the
 * reading is worse than the configured threshold, when it asks for another reading instead. Messages come
 * from data attributes and are put into the page as text.
 */
(function () {
  'use strict';

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function localNow() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  function init() {
    var form = document.getElementById('overdose-form');
    if (!form) {
      return;
    }
    var when = document.getElementById('occurredAt');
    if (when && form.getAttribute('data-fresh') === 'true') {
      when.value = localNow();
    }
    // a reading too coarse would put the overdose at the wrong hotspot: locate.js asks for another or a place by name
    window.reachLocate(function (position, accuracy) {
      document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
      document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
      document.getElementById('gpsAccuracy').value = accuracy;
    }, 60000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
