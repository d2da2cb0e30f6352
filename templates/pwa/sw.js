{% autoescape off %}// AllWorkouts service worker, version {{ version }}.
// Keeps the app's static files and the pages of a workout, so that with no signal the
// workout page still opens (from its last copy) and other pages show the app's own
// offline page instead of the browser's error. Sets logged offline are queued by the
// page (static/js/offline.js), not here: only GET requests are ever answered from cache.
"use strict";
const VERSION = "{{ version }}";
const STATIC_CACHE = "aw-static-" + VERSION;
const PAGE_CACHE = "aw-pages";
const OFFLINE_URL = "{{ offline_url }}";
const ASSETS = {{ assets_json }};
// Pages kept for offline use: a workout and the session pages it links to.
const KEEP = /^\/sessions\/[0-9a-f-]{36}\/(workout\/)?$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC_CACHE).then((cache) => cache.addAll(ASSETS.concat([OFFLINE_URL]))).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(
      names.filter((name) => name.startsWith("aw-static-") && name !== STATIC_CACHE).map((name) => caches.delete(name))
    )).then(() => self.clients.claim())
  );
});

// The page asks for the kept pages to be dropped when nobody is logged in (log out,
// log in as someone else), so one person's workout never opens for another.
self.addEventListener("message", (event) => {
  if (event.data === "forget-pages") event.waitUntil(caches.delete(PAGE_CACHE));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (ASSETS.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  if (request.mode !== "navigate") return;
  // Network first: a page is always fresh when the server can be reached.
  event.respondWith(
    fetch(request).then((response) => {
      if (response.ok && KEEP.test(url.pathname)) {
        const copy = response.clone();
        caches.open(PAGE_CACHE).then((cache) => cache.put(url.pathname, copy));
      }
      return response;
    }).catch(() => caches.open(PAGE_CACHE)
      .then((cache) => cache.match(url.pathname))
      .then((hit) => hit || caches.match(OFFLINE_URL)))
  );
});
{% endautoescape %}
