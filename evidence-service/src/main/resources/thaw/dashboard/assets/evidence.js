// The evidence dashboard's behaviour on top of thaw.js (which shows refusals in a form's
// .problem-slot). No build step: plain script, loaded with `defer`.
(function () {
  'use strict';

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
