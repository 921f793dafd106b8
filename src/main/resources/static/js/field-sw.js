/*
 * The field app's service worker (scope /field). It keeps the app shell (the page in the peer's language, its script,
 * style, manifest and icons) so that the app opens without a connection. It never stores API answers: what the app
 * keeps of the peer's work is in IndexedDB, encrypted under the PIN. Pages other than the shell go to the network.
 */
'use strict';

var CACHE = 'reach-field-shell-v1';
var SHELL = ['/field', '/js/field.js', '/css/field.css', '/field/manifest.webmanifest', '/field/icon-any.svg',
  '/field/icon-192.png'];

function keep(cache, url) {
  return fetch(url, { credentials: 'same-origin', cache: 'no-cache' }).then(function (response) {
    // a signed-out shell is answered with a redirect to the sign-in page: that is never kept as the app
    if (response.ok && !response.redirected && response.type === 'basic') {
      return cache.put(url, response);
    }
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(SHELL.map(function (url) { return keep(cache, url).catch(function () { }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  var shellPage = request.mode === 'navigate' && url.pathname === '/field';
  if (url.origin !== self.location.origin || SHELL.indexOf(url.pathname) < 0 || (url.search !== '' && !shellPage)) {
    return; // the API, other pages and other files go straight to the network
  }
  if (shellPage && url.search !== '' && self.navigator.onLine) {
    return; // /field?lang=… online: the server sets the language, and the kept copy follows on the next load
  }
  // the kept copy at once; a fresh one is fetched beside it for next time
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(url.pathname).then(function (kept) {
      var fresh = keep(cache, url.pathname).catch(function () { });
      if (kept) {
        event.waitUntil(fresh);
        return kept;
      }
      return fetch(request);
    });
  }));
});
