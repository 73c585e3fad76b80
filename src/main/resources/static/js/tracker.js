// Sends the CSRF token with every htmx request (the page's forms carry it as a hidden field).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// The bell never swaps in something that is not the bell: after the session ended the poll would
// otherwise put the login page into the header (and an error page likewise).
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.target && event.detail.target.id === "bell") {
    var xhr = event.detail.xhr;
    if (xhr.status !== 200 || (xhr.responseURL && xhr.responseURL.indexOf("/notices/bell") < 0)) {
      event.detail.shouldSwap = false;
    }
  }
});
// "Select all" for bulk actions on tables.
document.addEventListener("change", function (event) {
  var all = event.target.closest("[data-select-all]");
  if (!all) return;
  document.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (box) {
    box.checked = all.checked;
  });
});
// A form that does something hard to undo asks first (data-confirm holds the question).
document.addEventListener("submit", function (event) {
  var question = event.target.dataset ? event.target.dataset.confirm : null;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
// Bulk assign offers only people who can work every selected task, and says why the others are missing.
document.addEventListener("change", function (event) {
  if (!event.target.matches('input[name="taskIds"], [data-select-all="taskIds"]')) return;
  var select = document.getElementById("bulk-assignee");
  if (!select) return;
  var decisions = document.querySelectorAll('input[name="taskIds"][data-group="COORDINATOR"]:checked').length;
  select.querySelectorAll('option[data-group="ADVOCATE"]').forEach(function (option) {
    option.disabled = decisions > 0;
    option.hidden = decisions > 0;
  });
  if (decisions > 0 && select.selectedOptions.length && select.selectedOptions[0].disabled) {
    var first = select.querySelector('option:not([disabled])');
    if (first) select.value = first.value;
  }
  var why = document.getElementById("bulk-why");
  if (why) {
    // The sentence comes from the page, in the reader's language; %d is the number of decisions.
    why.textContent = decisions > 0 ? why.dataset.why.replace("%d", decisions) : "";
  }
});
// Stacked bars (the start page's campaign progress) take widths in proportion to their counts; set
// through the style object, which the Content-Security-Policy allows where style attributes are not.
function sizeShares() {
  document.querySelectorAll("[data-share]").forEach(function (bar) {
    bar.style.flexGrow = bar.dataset.share;
  });
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sizeShares); else sizeShares();
// The campaign board's keys: j/k or the arrows between offices, Enter opens the appeal, x selects its
// task, a gives it to someone, d moves its due date, / filters, ? shows the keys, Escape leaves a field.
document.addEventListener("keydown", function (event) {
  var board = document.querySelector("table[data-board]");
  if (!board || event.ctrlKey || event.metaKey || event.altKey) return;
  var help = document.getElementById("board-keys-help");
  var typing = event.target.matches("input:not([type=checkbox]), select, textarea");
  if (typing) {
    if (event.key === "Escape") event.target.blur();
    return;
  }
  var rows = Array.prototype.slice.call(board.querySelectorAll("tbody tr"));
  var row = event.target.closest ? event.target.closest("table[data-board] tbody tr") : null;
  var index = row ? rows.indexOf(row) : -1;
  function go(i) {
    var next = rows[Math.max(0, Math.min(rows.length - 1, i))];
    if (!next) return;
    rows.forEach(function (r) { r.tabIndex = -1; });
    next.tabIndex = 0;
    next.focus();
  }
  function only(r) {
    board.querySelectorAll('input[name="taskIds"]').forEach(function (box) {
      box.checked = r.contains(box);
      box.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
  switch (event.key) {
    case "j": case "ArrowDown": go(index + 1); break;
    case "k": case "ArrowUp": go(index < 0 ? 0 : index - 1); break;
    case "Enter":
      if (!row || event.target !== row) return;
      window.location.href = row.dataset.href;
      break;
    case "x": {
      var box = row && row.querySelector('input[name="taskIds"]');
      if (!box) return;
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      break;
    }
    case "a": case "d": {
      var control = document.getElementById(event.key === "a" ? "board-assignee" : "board-days");
      if (!control) return;
      if (row && !board.querySelector('input[name="taskIds"]:checked')) only(row);
      control.focus();
      break;
    }
    case "/": document.getElementById("board-q").focus(); break;
    case "?": if (help) { if (help.open) help.close(); else help.showModal(); } break;
    default: return;
  }
  event.preventDefault();
});
document.addEventListener("click", function (event) {
  if (!event.target.matches("[data-board-keys]")) return;
  var help = document.getElementById("board-keys-help");
  if (help) help.showModal();
});
// The skip link puts the keyboard where it points (the board's first office), not only the view.
document.addEventListener("click", function (event) {
  var skip = event.target.closest ? event.target.closest("a.skip") : null;
  if (!skip) return;
  var target = document.getElementById(skip.getAttribute("href").slice(1));
  if (target && target.tabIndex >= 0) {
    event.preventDefault();
    target.focus();
  }
});
// On a phone the header is the brand and a menu button; the button opens the navigation.
document.addEventListener("click", function (event) {
  var toggle = event.target.closest ? event.target.closest(".menu-toggle") : null;
  if (!toggle) return;
  var header = toggle.closest("header");
  var open = header.classList.toggle("open");
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
});
