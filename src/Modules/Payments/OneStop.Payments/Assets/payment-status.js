// Watches a payment while its QR code is on screen and reloads the page when the bank reports, so the payer sees
// "paid" (or "did not go through") without pressing anything. Without JavaScript the page's "check now" link does it.
(function () {
  'use strict';
  var box = document.querySelector('[data-status-url]');
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute('data-status-url');
  var seen = box.getAttribute('data-status');
  var every = 5000;
  var until = Date.now() + 20 * 60 * 1000;
  function check() {
    if (Date.now() > until) { return; }
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (answer && answer.status && answer.status !== seen) { window.location.reload(); return; }
        window.setTimeout(check, every);
      })
      .catch(function () { window.setTimeout(check, every * 2); });
  }
  window.setTimeout(check, every);
})();
