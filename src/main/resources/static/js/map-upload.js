/*
 * Sends an organisation's PMTiles file as the request body (no multipart buffer on the server), showing how much has
 * been sent; a refused file's reason is put beside the file field as text.
 */
(function () {
  'use strict';

  function start() {
    var form = document.getElementById('pmtiles-upload');
    if (!form) return;
    var input = document.getElementById('pmtiles-file');
    var progress = document.getElementById('pmtiles-progress');
    var error = document.getElementById('file-error');
    var field = document.getElementById('file-field');
    var button = document.getElementById('pmtiles-send');

    function showError(text) {
      error.textContent = text;
      error.hidden = !text;
      field.classList.toggle('has-error', !!text);
      input.setAttribute('aria-invalid', text ? 'true' : 'false');
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var file = input.files && input.files[0];
      if (!file) {
        input.focus();
        return;
      }
      showError('');
      var attribution = document.getElementById('attribution');
      var url = form.getAttribute('data-action')
        + (attribution && attribution.value ? '?attribution=' + encodeURIComponent(attribution.value) : '');
      var csrf = form.querySelector('meta[name="reach-csrf"]');
      var request = new XMLHttpRequest();
      request.open('POST', url);
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('X-File-Name', encodeURIComponent(file.name).slice(0, 255));
      if (csrf) request.setRequestHeader(csrf.getAttribute('data-header'), csrf.getAttribute('content'));
      progress.hidden = false;
      progress.value = 0;
      button.disabled = true;
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total);
      });
      request.addEventListener('load', function () {
        button.disabled = false;
        var answer = {};
        try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = {}; }
        if (request.status === 200 && answer.location) {
          progress.value = 100;
          window.location.assign(answer.location);
          return;
        }
        progress.hidden = true;
        var problems = answer.problems || {};
        showError(problems.file || problems.attribution || Object.keys(problems).map(function (k) { return problems[k]; })
          .join(' ') || form.getAttribute('data-failed') || String(request.status));
      });
      request.addEventListener('error', function () {
        button.disabled = false;
        progress.hidden = true;
        showError(form.getAttribute('data-failed') || 'upload failed');
      });
      request.send(file);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
