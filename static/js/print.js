// Shows the print button (it needs a script) and opens the browser's print dialog with it.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
