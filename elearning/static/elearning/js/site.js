/*
 * Quick exit: the button, or pressing Shift three times, hides the page at once and replaces it
 * with a neutral site. history.replaceState() and location.replace() overwrite this page's
 * history entry, so the back button does not return to it. Without JavaScript the button is a
 * plain link to the same site.
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
    // As GOV.UK's "Exit this page": first the current history entry stops naming this page,
    // then the neutral site replaces it, so Back does not return here.
    try {
      window.history.replaceState(null, "", "/");
    } catch (error) {
      // A browser that refuses still leaves below.
    }
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

/*
 * Folding menus: on a narrow screen the header's menus fold behind the "Menu" button and the
 * library's filters behind "Filters" (data-menu-toggle="narrow"), so the page's own content comes
 * first; on a wide one the signed-in account links fold behind "Account" (data-menu-toggle="wide"),
 * so the header keeps one row. The stylesheet shows each button only at its width, and only once
 * this script runs (html.js-foldable): without it the buttons stay hidden and everything shows.
 */
(function () {
  "use strict";
  var toggles = document.querySelectorAll("[data-menu-toggle]");

  function menuOf(toggle) {
    return document.getElementById(toggle.getAttribute("aria-controls"));
  }

  function menuShow(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    menuOf(toggle).classList.toggle("menu--open", open);
  }

  function isOpen(toggle) {
    return toggle.getAttribute("aria-expanded") === "true";
  }

  document.documentElement.classList.add("js-foldable");
  toggles.forEach(function (toggle) {
    if (!menuOf(toggle)) return;
    menuShow(toggle, false);
    toggle.addEventListener("click", function () {
      menuShow(toggle, !isOpen(toggle));
    });
    // Escape closes an open menu and gives the focus back to its button.
    menuOf(toggle).addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen(toggle)) {
        menuShow(toggle, false);
        toggle.focus();
      }
    });
  });
  // The account menu drops over the page on a wide screen: a click elsewhere closes it.
  document.addEventListener("click", function (event) {
    toggles.forEach(function (toggle) {
      var menu = menuOf(toggle);
      if (toggle.dataset.menuToggle !== "wide" || !menu || !isOpen(toggle)) return;
      if (!toggle.contains(event.target) && !menu.contains(event.target)) menuShow(toggle, false);
    });
  });

  // The header's row leaves room for the quick exit fixed in its corner, as wide as its label.
  var header = document.querySelector(".site-header");
  var exit = document.querySelector(".quick-exit__button");
  if (!header || !exit) return;
  function exitRoom() {
    header.style.setProperty("--quick-exit-width", exit.getBoundingClientRect().width + "px");
  }
  exitRoom();
  if (window.ResizeObserver) new ResizeObserver(exitRoom).observe(exit);
})();
