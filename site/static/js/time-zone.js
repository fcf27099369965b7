// The browser's time zone into the hidden fields that ask for it (the sign-up and the
// member's settings), so that e-mails give times as the member reads them. Without
// script the field stays empty and the site's time zone is used.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  document.querySelectorAll("input[data-browser-time-zone]").forEach(function (input) {
    if (!input.value && zone) {
      input.value = zone;
    }
  });
})();
