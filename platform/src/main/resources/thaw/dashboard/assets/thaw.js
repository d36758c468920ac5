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
  // data-overdue="overdue {0}">…</time> shows the time left, or how late, every second, in the
  // words of the server's ThawFormat ("2 h 14 min", "2 小时 14 分"): the layout's countdown fragment.
  function span(ms) {
    const zh = (document.documentElement.lang || '').indexOf('zh') === 0;
    const total = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(total / 86400), h = Math.floor((total % 86400) / 3600), m = Math.floor((total % 3600) / 60);
    if (d > 0) {
      return zh ? d + ' 天 ' + h + ' 小时' : d + ' d ' + h + ' h';
    }
    if (h > 0) {
      return zh ? h + ' 小时 ' + m + ' 分' : h + ' h ' + m + ' min';
    }
    if (m > 0) {
      return zh ? m + ' 分' : m + ' min';
    }
    return zh ? total + ' 秒' : total + ' s';
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

  // Copy buttons: <button type="button" data-copy="element-id" data-copied="Copied">: copies the
  // element's text and says so in the button's own live region.
  document.addEventListener('click', function (event) {
    const button = event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button) {
      return;
    }
    const source = document.getElementById(button.dataset.copy);
    if (!source) {
      return;
    }
    const done = function () {
      const status = button.parentElement.querySelector('.copy-status');
      if (status) {
        status.textContent = button.dataset.copied || 'Copied';
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.textContent.trim()).then(done, done);
    } else {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try { document.execCommand('copy'); } catch (e) { /* the text stays selected to copy by hand */ }
      done();
    }
  });
})();
