// Offline: register the service worker, and keep sets logged with no signal.
//
// A set-log form marked data-offline-queue that cannot reach the server (the phone
// says it is offline, or the request fails on the way) is kept in IndexedDB with the
// set id the page made for it, shown in its row as "waiting to sync" and counted in a
// banner. The queue is sent in order, with the same ids, when the network returns (and
// every few seconds while anything waits) or on the next page load; the server stores a set id once, so a request that did reach
// it before the signal dropped is not stored twice. A set the server refuses (the
// workout was completed or deleted elsewhere, the input is wrong) stays in the banner
// with the reason and its numbers until the user dismisses it. Edits and deletes are
// refused while offline with a message: only new sets are queued.
(function () {
  "use strict";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", {scope: "/"}).catch(function () {});
    // Nobody logged in: drop the kept workout pages (they are someone's data).
    if (document.body && document.body.dataset.anonymous !== undefined && !document.getElementById("kept-workouts") &&
        navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage("forget-pages");
    }
  }
  if (!("indexedDB" in window)) return;

  var DB = "allworkouts-offline", STORE = "sets";
  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, {keyPath: "key"}); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function tx(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode), store = t.objectStore(STORE), out = work(store);
        t.oncomplete = function () { resolve(out && out.result !== undefined ? out.result : out); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function all() { return tx("readonly", function (s) { return s.getAll(); }).then(function (items) {
    return (items || []).sort(function (a, b) { return a.at - b.at; }); }); }
  function put(item) { return tx("readwrite", function (s) { s.put(item); }); }
  function remove(key) { return tx("readwrite", function (s) { s.delete(key); }); }

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (e) { return ""; }
  }
  function text(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var el = doc.querySelector(".error, .errorlist, .message, [role=alert]") || doc.body;
    return (el ? el.textContent : "").replace(/\s+/g, " ").trim().slice(0, 200);
  }
  function describe(form) {
    var card = form.closest("[data-exercise-name]") || form.closest(".card");
    var heading = card && card.querySelector("summary strong, h2, h3");
    var name = card ? (card.dataset.exerciseName || (heading ? heading.textContent : "")) : "";
    var weight = form.elements.weight ? form.elements.weight.value : "";
    var reps = form.elements.reps ? form.elements.reps.value : "";
    var unit = form.querySelector(".unit");
    return (name.trim() + ": " + (weight ? weight + " " + (unit ? unit.textContent : "") + " × " : "") + reps + (reps ? " reps" : "")).trim();
  }
  function keyOf(form) {
    return form.dataset.offlineKey || (form.elements.id && form.elements.id.value) || String(Date.now());
  }

  function markRows(items) {
    var byKey = {};
    items.forEach(function (item) { byKey[item.key] = item; });
    document.querySelectorAll("form[data-offline-queue]").forEach(function (form) {
      // The status goes under the form's row (the form itself is one flex line).
      var item = byKey[keyOf(form)], next = form.nextElementSibling;
      var status = next && next.classList.contains("sync-status") ? next : null;
      if (!item) { if (status) status.remove(); form.classList.remove("queued"); return; }
      if (!status) {
        status = document.createElement("p");
        status.className = "sync-status";
        status.setAttribute("role", "status");
        form.after(status);
      }
      form.classList.add("queued");
      status.textContent = item.state === "refused" ? "Not saved: " + item.reason : "Waiting to sync";
    });
  }
  var waitingShown = [];  // keys of the sets this page shows as waiting, as last rendered
  function render() {
    return all().then(function (items) {
      var banner = document.getElementById("offline-banner");
      markRows(items);
      if (!banner) return items;
      var waiting = items.filter(function (i) { return i.state !== "refused"; });
      var refused = items.filter(function (i) { return i.state === "refused"; });
      waitingShown = waiting.map(function (i) { return i.key; });
      banner.hidden = items.length === 0;
      banner.querySelector(".offline-count").textContent = waiting.length
        ? waiting.length + (waiting.length === 1 ? " set" : " sets") + " waiting to sync" + (navigator.onLine ? "…" : " (no connection)")
        : "";
      var list = banner.querySelector(".offline-refused");
      list.replaceChildren();
      refused.forEach(function (item) {
        var li = document.createElement("li"), dismiss = document.createElement("button");
        li.textContent = item.summary + " — not saved: " + item.reason + " ";
        dismiss.type = "button";
        dismiss.className = "btn-small";
        dismiss.dataset.offlineDismiss = item.key;
        dismiss.textContent = "Dismiss";
        li.appendChild(dismiss);
        list.appendChild(li);
      });
      return items;
    });
  }

  function enqueue(form) {
    var item = {
      key: keyOf(form), url: form.getAttribute("hx-post") || form.action,
      body: new URLSearchParams(new FormData(form)).toString(),
      summary: describe(form), state: "waiting", reason: "", at: Date.now()
    };
    return put(item).then(render).then(function () {
      document.dispatchEvent(new CustomEvent("aw:set-queued", {detail: item}));
    });
  }

  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine) return Promise.resolve();
    flushing = true;
    var sent = 0, shown = waitingShown;
    function next(items) {
      var item = items.shift();
      if (!item) return Promise.resolve();
      if (item.state === "refused") return next(items);
      return fetch(item.url, {
        method: "POST", body: item.body, credentials: "same-origin",
        headers: {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": csrfToken(), "HX-Request": "true"}
      }).then(function (response) {
        if (response.ok) { sent += 1; return remove(item.key).then(function () { return next(items); }); }
        return response.text().then(function (html) {
          item.state = "refused";
          item.reason = response.status === 403 ? "your log-in has expired; log in again and log it again"
            : (text(html) || "the server refused it (" + response.status + ")");
          return put(item).then(function () { return next(items); });
        });
      });
      // A network error ends the round; the rest waits for the next one.
    }
    return all().then(next).catch(function () {}).then(function () {
      flushing = false;
      return render();
    }).then(function (items) {
      // Show the server's own view of the workout once what was queued got there, sent
      // from this page or from another tab of the same queue.
      var stillWaiting = items.some(function (i) { return i.state !== "refused"; });
      var left = items.map(function (i) { return i.key; });
      var sentElsewhere = shown.some(function (key) { return left.indexOf(key) < 0; });
      if ((sent || sentElsewhere) && !stillWaiting && document.querySelector("form[data-offline-queue]")) reloadFresh();
    });
  }

  // Reload once the server has the sets. The page's copy is fetched by the page itself
  // and kept first: the reload goes through the service worker, whose own requests can
  // still fail for a moment after the signal returns, and it then answers from the kept
  // copy, which must not be the one from before the sets were sent.
  function reloadFresh() {
    var path = location.pathname;
    var kept = !("caches" in window) ? Promise.resolve() :
      fetch(path, {credentials: "same-origin", cache: "no-store"}).then(function (response) {
        if (response.ok) return caches.open("aw-pages").then(function (cache) { return cache.put(path, response); });
      });
    kept.catch(function () {}).then(function () { location.reload(); });
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt, verb = (event.detail.requestConfig || {}).verb;
    if (navigator.onLine) return;
    if (elt && elt.matches && elt.matches("form[data-offline-queue]")) {
      event.preventDefault();
      enqueue(elt);
    } else if (verb && verb !== "get") {
      event.preventDefault();
      var toast = document.getElementById("connection-error");
      if (toast) {
        toast.textContent = "You're offline. Only new sets are kept until you're back; edits, deletes and other changes need a connection.";
        toast.hidden = false;
      }
    }
  });
  document.addEventListener("htmx:sendError", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.matches && elt.matches("form[data-offline-queue]")) enqueue(elt);
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-offline-dismiss]");
    if (button) remove(button.dataset.offlineDismiss).then(render);
  });
  document.addEventListener("htmx:afterSettle", function () { render(); });
  window.addEventListener("online", flush);
  window.addEventListener("offline", render);
  // The signal often comes back without an "online" event (the phone never said it was
  // offline, only that requests failed; some browsers do not tell the page at all), so
  // whatever waits is also tried every few seconds. With nothing queued a round is one
  // IndexedDB read and no request.
  setInterval(flush, 4000);
  render().then(flush);

  // The offline page lists the workouts this phone kept, so the open one is a tap away.
  var kept = document.getElementById("kept-workouts");
  if (kept && "caches" in window) {
    caches.open("aw-pages").then(function (cache) { return cache.keys(); }).then(function (requests) {
      requests.map(function (r) { return new URL(r.url).pathname; })
        .filter(function (path) { return /\/workout\/$/.test(path); })
        .forEach(function (path) {
          var a = document.createElement("a");
          a.href = path; a.className = "btn"; a.textContent = "Open your workout";
          kept.appendChild(a);
        });
    });
  }
})();
