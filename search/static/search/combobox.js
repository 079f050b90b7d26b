// Suggestions under the search box: the ARIA 1.2 combobox with a list (input keeps focus,
// arrow keys move through the options, Enter opens the chosen one, Escape closes the list).
// Without JavaScript the box is a plain search field and the form works as before.
(function () {
  "use strict";
  var box = document.querySelector("[data-suggest]");
  if (!box || !window.fetch) return;
  var input = box.querySelector("input[type=search]");
  var list = box.querySelector("[role=listbox]");
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  box.appendChild(status);
  var options = [];
  var active = -1;
  var timer = null;
  var asked = 0;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(index) {
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index < 0) input.removeAttribute("aria-activedescendant");
    else input.setAttribute("aria-activedescendant", options[index].id);
  }

  function show(suggestions) {
    list.textContent = "";
    options = suggestions.map(function (suggestion, i) {
      var option = document.createElement("li");
      option.id = "search-suggestion-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = suggestion.url;
      option.textContent = suggestion.title;
      var kind = document.createElement("span");
      kind.className = "combobox__kind";
      kind.textContent = " · " + suggestion.format;
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();  // keep the focus in the box
        window.location.href = suggestion.url;
      });
      list.appendChild(option);
      return option;
    });
    active = -1;
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", options.length ? "true" : "false");
    status.textContent = options.length ? box.dataset.countText.replace("%s", options.length) : "";
  }

  function ask() {
    var words = input.value.trim();
    if (words.length < 2) { close(); return; }
    var ticket = ++asked;
    fetch(box.dataset.suggest + "?q=" + encodeURIComponent(words), {headers: {Accept: "application/json"}})
      .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
      .then(function (data) { if (ticket === asked) show(data.suggestions || []); })
      .catch(close);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden && options.length;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      choose(active + 1 < options.length ? active + 1 : 0);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      choose(active > 0 ? active - 1 : options.length - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      window.location.href = options[active].dataset.url;
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); close(); }
    }
  });
  input.addEventListener("blur", close);
})();
