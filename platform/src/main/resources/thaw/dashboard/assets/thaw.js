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

  // A refused write (4xx) answers with a message in the page's language: show it instead of
  // dropping it (htmx's default for errors). In a form with a .problem-slot it goes into the slot,
  // and an answer that is not one of our pages (the gateway's problem+json, e.g. a 413) becomes the
  // slot's data-refused text with the status; elsewhere it swaps into the request's target. A 5xx
  // stays an error and swaps nothing.
  document.addEventListener('htmx:beforeSwap', function (event) {
    const status = event.detail.xhr.status;
    if (status < 400 || status >= 500) {
      return;
    }
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    const form = formOf(event.detail.requestConfig && event.detail.requestConfig.elt);
    const slot = form ? form.querySelector('.problem-slot') : null;
    if (slot) {
      const type = event.detail.xhr.getResponseHeader('Content-Type') || '';
      if (type.indexOf('text/html') !== 0) {
        const message = document.createElement('p');
        message.className = 'problem';
        message.textContent = (slot.dataset.refused || '{0}').replace('{0}', String(status));
        event.detail.serverResponse = message.outerHTML;
      }
      event.detail.target = slot;
      event.detail.swapOverride = 'innerHTML';
    }
  });
  // A new attempt clears the form's earlier refusal.
  document.addEventListener('htmx:beforeRequest', function (event) {
    const form = formOf(event.target);
    const slot = form ? form.querySelector('.problem-slot') : null;
    if (slot) {
      slot.innerHTML = '';
    }
  });
  function formOf(element) {
    return element && element.closest ? element.closest('form') : null;
  }

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
