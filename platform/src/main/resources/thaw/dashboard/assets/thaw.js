// Shared behaviour of Thaw's staff pages. No build step: plain script, loaded with `defer`.
(function () {
  'use strict';

  function cookie(name) {
    const match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  // Writes go through the gateway's console session, which is CSRF-protected: htmx sends the
  // session's token (the gateway's XSRF-TOKEN cookie) as a header on every request.
  document.addEventListener('htmx:configRequest', function (event) {
    const token = cookie('XSRF-TOKEN');
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });

  // Live clock countdowns: <time data-due="2026-11-23T10:00:00Z" data-left="{0} left"
  // data-overdue="overdue by {0}">…</time> shows the time left, or how late, every second.
  function span(ms) {
    const total = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    const pad = (n) => String(n).padStart(2, '0');
    return (h > 0 ? h + ':' + pad(m) : String(m)) + ':' + pad(s);
  }
  function tick() {
    const now = Date.now();
    document.querySelectorAll('time[data-due]').forEach(function (element) {
      const left = Date.parse(element.dataset.due) - now;
      const template = left >= 0 ? (element.dataset.left || '{0}') : (element.dataset.overdue || '-{0}');
      element.textContent = template.replace('{0}', span(left));
      element.classList.toggle('overdue', left < 0);
      element.classList.toggle('at-risk', left >= 0 && left < 5 * 60 * 1000);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
  });
  document.addEventListener('htmx:afterSwap', tick);
})();
