// What HTML alone cannot do: tell the user when an HTMX request failed outright
// (no network in the gym, a server error), since htmx then leaves the page as it was.
(function () {
  "use strict";
  function show(message) {
    var toast = document.getElementById("connection-error");
    if (!toast) return;
    if (message) toast.textContent = message;
    toast.hidden = false;
    clearTimeout(show.timer);
    show.timer = setTimeout(function () { toast.hidden = true; }, 6000);
  }
  document.addEventListener("htmx:sendError", function () { show(); });
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    // 503: the database is down or restarting; the server's short message says so.
    if (status === 503) show(event.detail.xhr.responseText.slice(0, 200));
    else if (status >= 500) show("Something went wrong on our side; nothing was saved. Please try again.");
  });
})();

// Rest timer. The server says when the rest after the latest set ends (epoch ms, from
// the set's stored time), so the countdown is wall-clock based: it survives the phone
// sleeping and page reloads. +30 s and Skip are remembered per session in localStorage,
// tied to the set they adjust.
(function () {
  let ticker = null;
  function timer() { return document.getElementById("rest-timer"); }
  function key(el) { return "rest:" + el.dataset.session; }
  function start(base) {
    const el = timer();
    if (!el) return;
    let endsAt = base;
    try {
      const saved = JSON.parse(localStorage.getItem(key(el)) || "null");
      if (saved && saved.base === base) endsAt = saved.endsAt;
    } catch (e) { /* private mode: no memory, still a timer */ }
    el.dataset.base = base;
    el.dataset.endsAt = endsAt;
    el.dataset.skipped = "";
    clearInterval(ticker);
    tick();
    ticker = setInterval(tick, 500);
  }
  function save(el) {
    try { localStorage.setItem(key(el), JSON.stringify({base: Number(el.dataset.base), endsAt: Number(el.dataset.endsAt)})); } catch (e) {}
  }
  function tick() {
    const el = timer();
    if (!el) return;
    const left = Math.round((Number(el.dataset.endsAt) - Date.now()) / 1000);
    if (left <= 0) {
      // Reaching zero (not a Skip, not a reload long after): tell the lifter, who is
      // likely not looking at the phone.
      if (!el.hidden && el.dataset.skipped !== "1") ring(el);
      el.hidden = true; clearInterval(ticker); return;
    }
    el.hidden = false;
    el.querySelector(".rest-left").textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
  }
  // Rest over: vibrate, a short beep (Web Audio, no file), and a notification when the
  // page is hidden and the user allowed it. Each is skipped where the browser lacks it.
  function ring(el) {
    el.dataset.alerted = String(Date.now());
    try { if (navigator.vibrate) navigator.vibrate([200, 100, 200]); } catch (e) {}
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (Ctx) {
        const ctx = new Ctx(), osc = ctx.createOscillator(), gain = ctx.createGain();
        osc.frequency.value = 880; gain.gain.value = 0.2;
        osc.connect(gain); gain.connect(ctx.destination);
        osc.start(); osc.stop(ctx.currentTime + 0.25);
      }
    } catch (e) {}
    try {
      if (document.hidden && window.Notification && Notification.permission === "granted") {
        new Notification("Rest is over", {body: "Time for your next set."});
      }
    } catch (e) {}
  }
  // Ask for notifications once, on a tap (browsers only allow it from a gesture).
  document.addEventListener("click", function (event) {
    if (!event.target.closest("form[data-offline-queue] button, [data-rest]")) return;
    try { if (window.Notification && Notification.permission === "default") Notification.requestPermission(); } catch (e) {}
  });
  // The screen stays awake during a workout where the browser allows it (Wake Lock),
  // taken again when the page comes back to the front.
  let lock = null;
  function keepAwake() {
    if (!timer() || !navigator.wakeLock || document.hidden) return;
    navigator.wakeLock.request("screen").then(function (l) { lock = l; }).catch(function () {});
  }
  document.addEventListener("DOMContentLoaded", keepAwake);
  document.addEventListener("visibilitychange", keepAwake);
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-rest]");
    const el = timer();
    if (!button || !el) return;
    el.dataset.skipped = button.dataset.rest === "skip" ? "1" : "";
    el.dataset.endsAt = button.dataset.rest === "add" ? Number(el.dataset.endsAt) + 30000 : Date.now();
    save(el);
    clearInterval(ticker);
    tick();
    if (button.dataset.rest === "add") ticker = setInterval(tick, 500);
  });
  document.addEventListener("DOMContentLoaded", function () {
    const el = timer();
    if (el && el.dataset.endsAt) start(Number(el.dataset.endsAt));
  });
  // A set kept offline (static/js/offline.js) starts the card's planned rest at once:
  // the timer runs with no signal too.
  document.addEventListener("aw:set-queued", function (event) {
    const form = document.querySelector("form[data-offline-queue] input[name=id][value='" + event.detail.key + "']");
    const card = form && form.closest("[data-rest-seconds]");
    if (card && Number(card.dataset.restSeconds)) start(event.detail.at + Number(card.dataset.restSeconds) * 1000);
  });
  // A set logged over HTMX brings a marker with its rest's end: start the timer once.
  document.addEventListener("htmx:afterSettle", function () {
    document.querySelectorAll("template[data-rest-ends-at]:not([data-started])").forEach(function (marker) {
      marker.dataset.started = "1";
      start(Number(marker.dataset.restEndsAt));
    });
  });
})();

// After a set is logged the server sends, out of band, the card's header, its
// "+ Add set", the exercise's next row (with the weight just lifted) and the next card.
// One thing only the page knows: whether the lifter already typed into a row it would
// replace. Such a row is kept as typed.
(function () {
  function edited(el) {
    return Array.prototype.some.call(el.querySelectorAll("input[type=text]"), function (input) {
      return input.value !== input.defaultValue;
    });
  }
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    const target = event.detail.target;
    if (target && target.matches && target.matches("li.set-row, details.exercise-card") && edited(target)) {
      event.detail.shouldSwap = false;
    }
  });
})();

// The account's time zone, from the phone, the first time (the profile can change it):
// dates and "today" then follow the lifter's own day.
(function () {
  const url = document.body.dataset.detectTimeZone;
  let zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return; }
  if (!url || !zone) return;
  const token = (JSON.parse(document.body.getAttribute("hx-headers") || "{}") || {})["X-CSRFToken"] || "";
  fetch(url, {method: "POST", credentials: "same-origin",
              headers: {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": token},
              body: new URLSearchParams({time_zone: zone, detected: "1"})}).catch(function () {});
})();

// Set types: a tap on a set's number cycles normal -> W (warm-up) -> D (drop set) ->
// F (failure), as Strong users know it; the hidden field carries it with the set.
(function () {
  const CYCLE = ["", "warmup", "drop", "failure"];
  const LABEL = {"": null, warmup: "W", drop: "D", failure: "F"};
  const NAME = {"": "normal set", warmup: "warm-up", drop: "drop set", failure: "set to failure"};
  function show(button) {
    const type = button.dataset.setType || "";
    const number = button.dataset.number || button.textContent;
    button.dataset.number = number;
    button.textContent = LABEL[type] || number;
    const next = CYCLE[(CYCLE.indexOf(type) + 1) % CYCLE.length];
    button.setAttribute("aria-label", "Set " + number + ": " + NAME[type] + " (tap: " + NAME[next] + ")");
    button.classList.toggle("typed", type !== "");
  }
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-set-type]");
    if (!button) return;
    const field = button.form && button.form.elements.set_type;
    const type = CYCLE[(CYCLE.indexOf(button.dataset.setType || "") + 1) % CYCLE.length];
    button.dataset.setType = type;
    if (field) field.value = type;
    show(button);
  });
  function init() { document.querySelectorAll("button[data-set-type]").forEach(show); }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:afterSettle", init);
})();
