/*
 * Private notes on reflection questions. Without JavaScript the form posts and the page reloads
 * at the question; with it, the note is saved in place and the status line (role="status") says
 * "Saved." or why not (the server's words; data-not-saved when no answer came). On
 * "My reflections" the Print button opens the browser's print dialog.
 */
(function () {
  "use strict";

  function noteSave(form) {
    var status = form.querySelector("[data-reflection-status]");
    var all = form.querySelector("[data-reflection-all]");
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.textContent = "";
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        status.textContent = body.error || body.message;
        if (all && !body.error) all.hidden = !body.saved;
      })
      .catch(function () {
        // Offline, or an answer that is not the endpoint's (an expired session's error page):
        // the text stays in the box and the learner can save again.
        status.textContent = form.getAttribute("data-not-saved");
      })
      .finally(function () {
        button.disabled = false;
      });
  }

  document.querySelectorAll("form[data-reflection-note]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      noteSave(form);
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
