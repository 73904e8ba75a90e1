// Taihang maintenance console: live device values (polling JSON every 2 s) and confirmations.
// No inline scripts (the Content-Security-Policy forbids them); values are set with textContent only.
(function () {
  'use strict';

  function stateText(state) {
    var template = document.getElementById('state-texts');
    if (template) {
      var spans = template.content.querySelectorAll('[data-state]');
      for (var i = 0; i < spans.length; i++) {
        if (spans[i].getAttribute('data-state') === state) { return spans[i].textContent; }
      }
    }
    return state;
  }

  function byData(root, attribute, value) {
    var found = [];
    var all = root.querySelectorAll('[' + attribute + ']');
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute(attribute) === value) { found.push(all[i]); }
    }
    return found;
  }

  function setField(row, field, text, state) {
    var changed = false;
    var cells = row.querySelectorAll('[data-field="' + field + '"]');
    for (var i = 0; i < cells.length; i++) {
      if (cells[i].textContent !== text) {
        changed = true;
        cells[i].textContent = text;
        cells[i].classList.add('changed');
        (function (cell) { setTimeout(function () { cell.classList.remove('changed'); }, 600); })(cells[i]);
      }
      if (state) { cells[i].className = 'badge s-' + state.toLowerCase(); }
    }
    return changed;
  }

  // a sign's picture is fetched again when its channels change (new message, panel back)
  function refreshImage(section) {
    var img = section.querySelector('img[data-sign-image]');
    if (img) { img.src = img.getAttribute('src').replace(/&t=\d+$/, '') + '&t=' + Date.now(); }
  }

  function live(page) {
    var body = document.body;
    var updated = document.querySelector('[data-updated]');
    var failures = 0;

    function apply(data) {
      var ids = [];
      data.devices.forEach(function (device) {
        ids.push(device.id);
        byData(document, 'data-device', device.id).forEach(function (section) {
          var changed = false;
          device.channels.forEach(function (channel) {
            byData(section, 'data-channel', channel.name).forEach(function (row) {
              changed = setField(row, 'value', channel.value) || changed;
              changed = setField(row, 'detail', channel.detail) || changed;
              changed = setField(row, 'state', stateText(channel.state), channel.state) || changed;
            });
            if (channel.name === 'message' && channel.state === 'OK') {
              var notes = section.querySelectorAll('[data-unconfirmed]');
              for (var i = 0; i < notes.length; i++) { notes[i].hidden = true; }
            }
          });
          if (changed) { refreshImage(section); }
        });
      });
      var onPage = document.querySelectorAll('[data-device]');
      var known = [];
      for (var i = 0; i < onPage.length; i++) { known.push(onPage[i].getAttribute('data-device')); }
      var changed = ids.length !== known.length || ids.some(function (id) { return known.indexOf(id) < 0; });
      if (updated) {
        updated.textContent = changed ? body.getAttribute('data-text-changed')
          : new Date(data.time).toLocaleTimeString(document.documentElement.lang) + ' ✓';
      }
    }

    function poll() {
      fetch('/api/devices?page=' + encodeURIComponent(page), { credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (response.status === 401) { window.location.href = '/login?next=' + encodeURIComponent(window.location.pathname); return null; }
          if (!response.ok) { throw new Error('HTTP ' + response.status); }
          return response.json();
        })
        .then(function (data) { if (data) { failures = 0; apply(data); } })
        .catch(function () {
          failures++;
          if (updated && failures > 1) { updated.textContent = body.getAttribute('data-text-stale'); }
        });
    }
    setInterval(poll, 2000);
    poll();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var page = document.body.getAttribute('data-live');
    if (page) { live(page); }
    document.addEventListener('submit', function (event) {
      var button = event.submitter;
      var question = button && button.getAttribute('data-confirm');
      if (question && !window.confirm(question)) { event.preventDefault(); }
    });
  });
}());
