/* Upload progress for videos and audio in the admin.
 *
 * A webinar recording can be a gigabyte: without feedback a trainer cannot tell a slow upload
 * from a stuck one. The media form is sent by XMLHttpRequest instead, so the browser reports
 * progress; a <progress> bar and a polite live region show it. The server's answer replaces
 * the page exactly as a normal submission would (redirect on success, the form with its
 * errors otherwise). Without this script the form posts normally.
 */
(function () {
  "use strict";

  var SMALL_FILE_BYTES = 5 * 1024 * 1024;
  // The translated texts come with the script tag (media/wagtail_hooks.py).
  var script = document.currentScript;

  function messages() {
    return {
      progress: script.dataset.progressText,
      failed: script.dataset.failedText,
    };
  }

  function megabytes(bytes) {
    return Math.round(bytes / (1024 * 1024));
  }

  function progressArea(form) {
    var area = document.createElement("div");
    area.className = "upload-progress";
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.id = "upload-progress-bar";
    var label = document.createElement("p");
    label.setAttribute("role", "status");
    label.setAttribute("aria-live", "polite");
    area.appendChild(bar);
    area.appendChild(label);
    form.appendChild(area);
    return { area: area, bar: bar, label: label };
  }

  function send(form, event) {
    var input = form.querySelector('input[type="file"][name="file"]');
    var file = input && input.files && input.files[0];
    if (!file || file.size < SMALL_FILE_BYTES || !window.FormData) {
      return; // a small file posts normally
    }
    event.preventDefault();
    var text = messages();
    var shown = progressArea(form);
    var lastAnnounced = -10;
    var request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.upload.addEventListener("progress", function (progress) {
      if (!progress.lengthComputable) return;
      var percent = Math.floor((100 * progress.loaded) / progress.total);
      shown.bar.value = percent;
      if (percent - lastAnnounced >= 10 || percent === 100) {
        // Screen readers hear every tenth percent, not a stream of numbers.
        lastAnnounced = percent;
        shown.label.textContent = text.progress
          .replace("{percent}", percent)
          .replace("{done}", megabytes(progress.loaded))
          .replace("{total}", megabytes(progress.total));
      }
    });
    request.addEventListener("load", function () {
      if (request.responseURL && request.responseURL !== (form.action || window.location.href)) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      shown.label.textContent = text.failed;
      form.querySelectorAll('[type="submit"]').forEach(function (button) {
        button.disabled = false;
      });
    });
    form.querySelectorAll('[type="submit"]').forEach(function (button) {
      button.disabled = true;
    });
    request.send(new FormData(form));
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    // wagtailmedia's add and edit forms of a video or audio (the upload field is "file").
    var isMediaForm =
      form.matches &&
      form.matches('form[enctype="multipart/form-data"][action*="/media/"]') &&
      form.querySelector('input[type="file"][name="file"]');
    if (isMediaForm) {
      send(form, event);
    }
  });
})();
