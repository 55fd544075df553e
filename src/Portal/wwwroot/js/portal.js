// Keyboard shortcut: "/" or Ctrl+K focuses the quick search (unless typing in a field).
document.addEventListener('keydown', function (e) {
  var target = e.target;
  var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
  if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K'))) {
    var box = document.getElementById('hurtigsoeg');
    if (box) {
      e.preventDefault();
      box.focus();
      if (box.select) { box.select(); }
    }
  }
});

window.portal = window.portal || {};
// Downloads a file produced on the server (letters, CSV, calendar) from a byte array.
window.portal.downloadFile = function (fileName, contentType, base64) {
  var link = document.createElement('a');
  link.href = 'data:' + contentType + ';base64,' + base64;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
};

// The quick search is a combobox: arrow keys move through the suggestions, not the caret.
document.addEventListener('keydown', function (e) {
  if (e.target && e.target.id === 'hurtigsoeg' && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
  }
});

// Static reading pages (no circuit): a changed document reaches an open page by polling its cheap version
// endpoint while the tab is visible, then reloading, unless the reader is busy in a dialog or a field.
(function () {
  var intervalMs = 2000;
  function busy() {
    var active = document.activeElement;
    return document.querySelector('.mud-dialog') !== null ||
      (active && (active.tagName === 'TEXTAREA' || (active.tagName === 'INPUT' && active.value)));
  }
  function check() {
    var article = document.querySelector('[data-live-url]');
    if (!article || document.hidden || busy()) { return; }
    fetch(article.getAttribute('data-live-url'), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (version) {
        var current = document.querySelector('[data-live-url]');
        if (version && current && version !== current.getAttribute('data-live-version')) {
          window.location.reload();
        }
      })
      .catch(function () { /* offline or signed out: try again at the next tick */ });
  }
  setInterval(check, intervalMs);
})();

// Static pages: the menu button opens and closes the drawer without a circuit; on a narrow screen it starts closed,
// as MudDrawer's responsive variant does when interactive.
(function () {
  function setDrawer(layout, open) {
    var drawer = layout.querySelector('.mud-drawer');
    var button = layout.querySelector('[data-drawer-toggle]');
    layout.classList.toggle('mud-drawer-open-responsive-md-left', open);
    layout.classList.toggle('mud-drawer-close-responsive-md-left', !open);
    if (drawer) {
      drawer.classList.toggle('mud-drawer--open', open);
      drawer.classList.toggle('mud-drawer--closed', !open);
      drawer.classList.remove('mud-drawer--initial');
    }
    if (button) { button.setAttribute('aria-expanded', open ? 'true' : 'false'); }
  }
  function init() {
    var layout = document.querySelector('.mud-layout.static-layout');
    if (layout && window.matchMedia('(max-width: 959.98px)').matches) { setDrawer(layout, false); }
  }
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('[data-drawer-toggle]') : null;
    if (button) { setDrawer(button.closest('.mud-layout'), button.getAttribute('aria-expanded') !== 'true'); }
  });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', init); }
})();

// Static filter forms (GET) apply as soon as a choice is made; the submit button stays for keyboard and no-script use.
document.addEventListener('change', function (e) {
  var form = e.target && e.target.closest ? e.target.closest('form[data-autosubmit]') : null;
  if (form) { form.requestSubmit(); }
});

// Static pages: a print button needs no circuit.
document.addEventListener('click', function (e) {
  var button = e.target && e.target.closest ? e.target.closest('[data-print]') : null;
  if (button) { window.print(); }
});
