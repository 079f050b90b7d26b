/*
 * Quick exit: the button, or pressing Shift three times, hides the page at once and replaces it
 * with a neutral site. location.replace() overwrites this page's history entry, so the back
 * button does not return to it. Without JavaScript the button is a plain link to the same site.
 */
(function () {
  "use strict";
  var button = document.querySelector("[data-quick-exit]");
  if (!button) return;
  var target = button.getAttribute("href");

  function quickExit() {
    var curtain = document.createElement("div");
    curtain.className = "quick-exit-curtain";
    document.body.appendChild(curtain);
    document.title = "";
    window.location.replace(target);
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    quickExit();
  });

  // Only a press of Shift on its own counts: Shift used as a modifier (Shift+Tab to move back,
  // capitals while typing) must never throw a keyboard user off the site.
  var presses = [];
  var shiftAlone = false;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      shiftAlone = false;
      presses = [];
      return;
    }
    if (!event.repeat) shiftAlone = true;
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 1500; });
    presses.push(now);
    if (presses.length >= 3) quickExit();
  });
})();
