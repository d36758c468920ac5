// The evidence dashboard's behaviour on top of thaw.js. No build step: plain script, loaded with `defer`.
(function () {
  'use strict';

  // A refusal (4xx) comes back as a message in the page's language: show it in the form that was
  // sent (its .problem-slot) instead of swapping it over the form's target.
  document.addEventListener('htmx:beforeSwap', function (event) {
    const status = event.detail.xhr.status;
    if (status >= 400 && status < 500) {
      const form = event.detail.requestConfig && event.detail.requestConfig.elt
        ? event.detail.requestConfig.elt.closest('form') : null;
      const slot = form ? form.querySelector('.problem-slot') : null;
      if (slot) {
        // Answers that are not one of our messages (e.g. the gateway's 413 problem) get a generic one.
        const type = event.detail.xhr.getResponseHeader('Content-Type') || '';
        if (type.indexOf('text/html') !== 0) {
          const message = document.createElement('p');
          message.className = 'problem';
          message.textContent = (slot.dataset.refused || '{0}').replace('{0}', String(status));
          event.detail.serverResponse = message.outerHTML;
        }
        event.detail.shouldSwap = true;
        event.detail.isError = false;
        event.detail.target = slot;
        event.detail.swapOverride = 'innerHTML';
      }
    }
  });
  // A successful write clears the form's earlier refusal.
  document.addEventListener('htmx:beforeRequest', function (event) {
    const form = event.target.closest ? event.target.closest('form') : null;
    const slot = form ? form.querySelector('.problem-slot') : null;
    if (slot) {
      slot.innerHTML = '';
    }
  });

  // Upload progress: htmx reports the request body's progress; the form's <progress> shows it.
  document.addEventListener('htmx:xhr:progress', function (event) {
    const form = event.target.closest ? event.target.closest('form') : null;
    const bar = form ? form.querySelector('progress') : null;
    if (bar && event.detail.lengthComputable !== false && event.detail.total > 0) {
      bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
      bar.textContent = bar.value + ' %';
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    const form = event.target.closest ? event.target.closest('form') : null;
    if (form && form.id === 'upload-form' && event.detail.successful) {
      form.reset();
    }
  });
})();
