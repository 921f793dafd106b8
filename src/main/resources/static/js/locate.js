/*
 * "Use my location" for every form that takes a GPS point: a reading within the configured threshold is handed to
 * the form; a worse one is not used, and the person is asked to try again or to choose the place another way (a point
 * on the map, a hotspot or a site). The button is #locate, the messages and threshold are data attributes of
 * #locate-status, put into the page as text.
 */
(function () {
  'use strict';

  /** Shows the button and hands each precise enough reading to use(position, accuracyInMetres). */
  window.reachLocate = function (use, maximumAge) {
    var button = document.getElementById('locate');
    var status = document.getElementById('locate-status');
    if (!button || !status || !navigator.geolocation) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      status.textContent = status.getAttribute('data-waiting');
      navigator.geolocation.getCurrentPosition(function (position) {
        var accuracy = Math.max(1, Math.round(position.coords.accuracy));
        var threshold = parseFloat(status.getAttribute('data-threshold'));
        if (threshold && accuracy > threshold) {
          status.textContent = status.getAttribute('data-imprecise').replace('{0}', accuracy).replace('{1}', threshold);
          status.classList.add('warning');
          return;
        }
        status.classList.remove('warning');
        use(position, accuracy);
        status.textContent = status.getAttribute('data-done');
      }, function () {
        status.textContent = status.getAttribute('data-failed');
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: maximumAge || 0 });
    });
  };
})();
