// Sends the signer's answer back to the site at once. Without scripts the visible button does the same.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("auth-response");
  if (form) {
    form.submit();
  }
});
