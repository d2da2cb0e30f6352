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
    if (status >= 500) show("Something went wrong on our side; nothing was saved. Please try again.");
  });
})();
