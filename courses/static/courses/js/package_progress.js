// Course packages (admin): follow running exports and show their progress without a reload.
// Without JavaScript the page shows the state at load time and a "Refresh" link.
(function () {
  "use strict";
  const POLL_MS = 2000;

  function follow(box) {
    const bar = box.querySelector(".package-export__bar");
    const label = box.querySelector(".package-export__label");
    const live = box.querySelector(".package-export__live");
    let lastAnnounced = -1;

    function update(state) {
      label.textContent = state.label;
      if (bar) bar.value = state.progress;
      const step = Math.floor(state.progress / 25);
      if (step !== lastAnnounced) {
        lastAnnounced = step;
        live.textContent = state.label + " " + state.progress + " %";
      }
      if (state.status === "ready" || state.status === "failed") {
        if (bar) bar.remove();
        const refresh = box.querySelector(".package-export__refresh");
        if (refresh) refresh.remove();
        if (state.download) {
          const link = document.createElement("a");
          link.href = state.download;
          link.textContent = box.dataset.downloadText;
          box.appendChild(link);
        }
        if (state.problem) {
          const problem = document.createElement("p");
          problem.textContent = state.problem;
          box.appendChild(problem);
        }
        live.textContent = state.label;
        return;
      }
      window.setTimeout(poll, POLL_MS);
    }

    function poll() {
      fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then(update)
        .catch(() => window.setTimeout(poll, POLL_MS * 5));
    }

    window.setTimeout(poll, POLL_MS);
  }

  document.querySelectorAll('.package-export[data-status="pending"], .package-export[data-status="running"]').forEach(follow);
})();
