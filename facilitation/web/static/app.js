// facilitation on the phones: keep the note being typed on the server every few seconds (per
// device), and follow the facilitator's clock. Everything else works without JavaScript.
(function () {
  "use strict";
  // The server says how often (data-draft-ms, data-state-ms on the body; tests shorten them).
  var timers = document.body.dataset;
  var DRAFT_MS = Number(timers.draftMs) || 3000, STATE_MS = Number(timers.stateMs) || 5000;

  function fields(form) {
    return new URLSearchParams(new FormData(form));
  }

  var form = document.querySelector("form[data-draft]");
  if (form) {
    var status = document.getElementById("draft-status");
    var last = fields(form).toString(), sending = false, submitted = false;
    var send = function (keepalive) {
      var body = fields(form), text = body.toString();
      if (submitted || sending || text === last) { return; }
      sending = true;
      fetch(form.dataset.draft, {
        method: "POST", body: body, credentials: "same-origin", keepalive: !!keepalive,
        headers: { "Content-Type": "application/x-www-form-urlencoded" }
      }).then(function (response) {
        if (response.ok) {
          last = text;
          status.textContent = status.dataset.kept + " " + new Date().toLocaleTimeString();
        } else { status.textContent = status.dataset.failed; }
      }).catch(function () {
        status.textContent = status.dataset.failed;
      }).finally(function () { sending = false; });
    };
    setInterval(send, DRAFT_MS);
    form.addEventListener("submit", function () { submitted = true; });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { send(true); }
    });
    window.addEventListener("pagehide", function () { send(true); });
  }

  var clock = document.getElementById("clock");
  if (clock) {
    var left = Number(clock.dataset.remaining), state = clock.dataset.status;
    var step = clock.dataset.step, shown = document.getElementById("time-left");
    var revealed = clock.dataset.revealed;
    var title = document.getElementById("step-title"), since = Date.now();
    var show = function () {
      var s = state === "running" ? left - (Date.now() - since) / 1000 : left;
      if (state !== "running" && state !== "paused") {
        if (shown.textContent !== "") { shown.textContent = ""; }
        return;
      }
      var a = Math.abs(Math.round(s));
      var t = (s < 0 ? "\u2212" : "") + Math.floor(a / 60) + ":" + String(a % 60).padStart(2, "0");
      if (state === "paused") { t = clock.dataset.paused + " " + t; }  // as the server wrote it
      if (shown.textContent !== t) { shown.textContent = t; }  // unchanged: nothing to redraw
      shown.classList.toggle("over", s < 0);
    };
    setInterval(show, 1000);
    var poll = function () {
      fetch("/api/state", { credentials: "same-origin" }).then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (data) {
        if (!data) { return; }
        left = data.remaining; state = data.status; since = Date.now();
        if (title.textContent !== data.title) { title.textContent = data.title; }
        // The room moved on, or the vote results were revealed or hidden: pages without
        // text being typed follow it.
        var now = data.revealed ? "1" : "0";
        if (String(data.step) !== step || (revealed !== undefined && now !== revealed)) {
          var typed = Array.prototype.some.call(
            document.querySelectorAll("textarea, input[type=text], input:not([type])"),
            function (field) { return field.value.trim() !== ""; });
          if (!typed) { window.location.assign(window.location.pathname); }
          step = String(data.step);
          revealed = now;
        }
        show();
      }).catch(function () {});
    };
    setInterval(poll, STATE_MS);
  }
})();
