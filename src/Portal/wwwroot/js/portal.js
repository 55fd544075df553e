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
