// Sends the CSRF token with every htmx request (the page's forms carry it as a hidden field).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
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
    why.textContent = decisions > 0
      ? "Advocates are not offered: " + decisions + " selected task(s) are coordinators' decisions (reviews, silent targets)."
      : "";
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
