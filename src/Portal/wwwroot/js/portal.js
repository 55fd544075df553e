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

// The quick search (Search/AppBarSearch.razor): a GET form to /soeg that this makes a combobox. Suggestions come from
// /api/search/forslag after a pause in typing; arrow keys move through them, Enter opens the chosen one or the
// results page, Escape closes. Plain script, so reading pages need no circuit for it.
(function () {
  var pauseMs = 120;
  var state = { hits: [], active: -1, open: false, timer: null, pending: false, asked: 0 };
  function parts() {
    var box = document.getElementById('hurtigsoeg');
    if (!box) { return null; }
    var form = box.closest('[data-quick-search]');
    return { box: box, list: document.getElementById('hurtigsoeg-forslag'), status: form.querySelector('[role=status]'), hint: form.querySelector('.shortcut-hint') };
  }
  function optionId(i) { return 'hurtigsoeg-forslag-' + i; }
  function render(p) {
    var show = state.open && state.hits.length > 0;
    p.list.textContent = '';
    state.hits.forEach(function (hit, i) {
      var li = document.createElement('li');
      li.id = optionId(i);
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === state.active ? 'true' : 'false');
      li.className = i === state.active ? 'quick-result active' : 'quick-result';
      var title = document.createElement('span');
      title.className = 'quick-title';
      title.textContent = hit.title;
      var meta = document.createElement('span');
      meta.className = 'quick-meta';
      meta.textContent = hit.meta;
      li.appendChild(title);
      li.appendChild(meta);
      li.addEventListener('mousedown', function (e) { e.preventDefault(); go(hit.url); });
      p.list.appendChild(li);
    });
    p.list.hidden = !show;
    p.box.setAttribute('aria-expanded', show ? 'true' : 'false');
    if (show && state.active >= 0) { p.box.setAttribute('aria-activedescendant', optionId(state.active)); } else { p.box.removeAttribute('aria-activedescendant'); }
    if (p.hint) { p.hint.hidden = p.box.value.length > 0; }
  }
  function go(url) { state.open = false; state.active = -1; window.location.href = url; }
  function search(p) {
    clearTimeout(state.timer);
    state.pending = false;
    var query = p.box.value;
    var asked = ++state.asked;
    if (!query.trim()) {
      state.hits = []; state.active = -1; state.open = true; p.status.textContent = '';
      render(p);
      return Promise.resolve();
    }
    return fetch('/api/search/forslag?q=' + encodeURIComponent(query), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (asked !== state.asked) { return; } // a later keystroke asked again
        // An answer that arrives after the reader chose with the arrow keys keeps that choice when it is still listed.
        var chosen = state.active >= 0 && state.hits[state.active] ? state.hits[state.active].url : null;
        state.hits = answer.ok ? answer.body : [];
        state.active = -1;
        for (var i = 0; chosen && i < state.hits.length; i++) {
          if (state.hits[i].url === chosen) { state.active = i; break; }
        }
        state.open = true;
        p.status.textContent = !answer.ok ? (answer.body && answer.body.detail) || 'Forslag kunne ikke hentes. Tryk Enter for at søge.'
          : state.hits.length === 0 ? 'Ingen forslag. Tryk Enter for at søge.' : state.hits.length + ' forslag. Brug pil op og ned og Enter.';
        render(p);
      })
      .catch(function () { /* offline or signed out: Enter still opens the results page */ });
  }
  document.addEventListener('input', function (e) {
    if (!e.target || e.target.id !== 'hurtigsoeg') { return; }
    var p = parts();
    clearTimeout(state.timer);
    state.pending = true;
    if (p.hint) { p.hint.hidden = p.box.value.length > 0; }
    state.timer = setTimeout(function () { search(p); }, pauseMs);
  });
  document.addEventListener('keydown', function (e) {
    if (!e.target || e.target.id !== 'hurtigsoeg') { return; }
    var p = parts();
    var key = e.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') { e.preventDefault(); } // move through the list, not the caret
    if (key === 'Enter') {
      e.preventDefault();
      // A search still waiting for the pause means the reader did not choose from the list: open the results page.
      if (!state.pending && state.open && state.hits.length > 0 && state.active >= 0) {
        go(state.hits[state.active].url);
      } else if (p.box.value.trim()) {
        clearTimeout(state.timer);
        state.open = false;
        window.location.href = '/soeg?q=' + encodeURIComponent(p.box.value.trim());
      }
      return;
    }
    var move = function () {
      if (key === 'ArrowDown') {
        state.open = true;
        state.active = state.hits.length === 0 ? -1 : Math.min(state.active + 1, state.hits.length - 1);
      } else if (key === 'ArrowUp') {
        state.active = Math.max(state.active - 1, -1);
      } else if (key === 'Escape') {
        state.open = false;
        state.active = -1;
      } else {
        return;
      }
      render(p);
    };
    // The late search for what was typed would otherwise reset the choice made with these keys.
    if (state.pending && (key === 'ArrowDown' || key === 'ArrowUp')) { search(p).then(move); } else { move(); }
  });
  document.addEventListener('focusout', function (e) {
    if (e.target && e.target.id === 'hurtigsoeg') { state.open = false; state.active = -1; render(parts()); }
  });
  document.addEventListener('focusin', function (e) {
    if (e.target && e.target.id === 'hurtigsoeg') { state.open = state.hits.length > 0; render(parts()); }
  });
})();

// Static reading pages (no circuit): a changed document reaches an open page by polling its cheap version
// endpoint while the tab is visible, then reloading, unless the reader is busy in a dialog or a field.
(function () {
  var intervalMs = 2000;
  function busy() {
    var active = document.activeElement;
    return document.querySelector('.mud-dialog, dialog[open]') !== null ||
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

// Static pages: a native <dialog> opened by a button with data-dialog-open="<id>" (the document page's "Giv besked til
// tovholder"). Escape and "Annullér" close it, and focus goes back to the button. A form marked data-feedback-form is
// sent with fetch: a refusal shows its Danish reason in the dialog and keeps the text; success closes the dialog and
// says so in the page's status line.
(function () {
  var opener = null;
  function close(dialog) {
    dialog.close();
    if (opener && document.contains(opener)) { opener.focus(); }
  }
  document.addEventListener('click', function (e) {
    var open = e.target && e.target.closest ? e.target.closest('[data-dialog-open]') : null;
    if (open) {
      var dialog = document.getElementById(open.getAttribute('data-dialog-open'));
      if (dialog && !dialog.open) {
        opener = open;
        var error = dialog.querySelector('[data-feedback-error]');
        if (error) { error.textContent = ''; }
        dialog.showModal();
      }
      return;
    }
    var cancel = e.target && e.target.closest ? e.target.closest('[data-dialog-close]') : null;
    if (cancel) { close(cancel.closest('dialog')); }
  });
  document.addEventListener('close', function (e) {
    if (e.target && e.target.tagName === 'DIALOG' && opener && document.contains(opener) && document.activeElement === document.body) { opener.focus(); }
  }, true);
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form || !form.hasAttribute || !form.hasAttribute('data-feedback-form')) { return; }
    e.preventDefault();
    var dialog = form.closest('dialog');
    var error = form.querySelector('[data-feedback-error]');
    var send = form.querySelector('[type=submit]');
    var status = document.querySelector('[data-feedback-status]');
    send.disabled = true;
    error.textContent = '';
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }, function () { return { ok: false, body: null }; }); })
      .then(function (answer) {
        send.disabled = false;
        if (!answer.ok) {
          error.textContent = (answer.body && answer.body.detail) || 'Beskeden blev ikke sendt. Prøv igen.';
          return;
        }
        form.querySelector('textarea').value = '';
        close(dialog);
        if (status) { status.textContent = answer.body.message; }
      })
      .catch(function () {
        send.disabled = false;
        error.textContent = 'Beskeden blev ikke sendt: portalen kunne ikke nås. Teksten er her stadig; prøv igen.';
      });
  });
})();
