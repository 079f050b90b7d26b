/* Player controls beside the browser's own: captions per language and playback speed, as
 * labelled <select> elements that work with a keyboard and a screen reader (the browser's
 * built-in caption menu is hard to reach with either), and chapter buttons that jump in the
 * recording. Without this script the controls stay hidden and chapters are plain text.
 */
(function () {
  "use strict";

  function captionsShow(media, language) {
    for (var index = 0; index < media.textTracks.length; index += 1) {
      var track = media.textTracks[index];
      if (track.kind === "captions" || track.kind === "subtitles") {
        track.mode = track.language === language ? "showing" : "disabled";
      }
    }
  }

  function showingLanguage(media) {
    for (var index = 0; index < media.textTracks.length; index += 1) {
      if (media.textTracks[index].mode === "showing") return media.textTracks[index].language;
    }
    return "";
  }

  function controlsWire(controls) {
    var figure = controls.closest(".player");
    var media = figure && figure.querySelector("video, audio");
    if (!media) return;
    var captions = controls.querySelector("[data-player-captions]");
    if (captions) {
      // The default track (the page's language) is showing once the tracks are known.
      var sync = function () {
        captions.value = showingLanguage(media);
      };
      media.addEventListener("loadedmetadata", sync);
      sync();
      captions.addEventListener("change", function () {
        captionsShow(media, captions.value);
      });
    }
    var speed = controls.querySelector("[data-player-speed]");
    if (speed) {
      speed.addEventListener("change", function () {
        media.playbackRate = parseFloat(speed.value) || 1;
      });
      media.addEventListener("ratechange", function () {
        speed.value = String(media.playbackRate);
      });
    }
    controls.hidden = false;
  }

  function chaptersWire(list) {
    var media = document.querySelector(list.dataset.chaptersFor);
    if (!media) return;
    list.querySelectorAll("[data-seek]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        media.currentTime = parseFloat(button.dataset.seek) || 0;
        media.focus();
        var playing = media.play();
        if (playing && playing.catch) playing.catch(function () {});
      });
    });
    list.querySelectorAll("[data-seek-text]").forEach(function (text) {
      text.hidden = true;
    });
  }

  document.querySelectorAll("[data-player-controls]").forEach(controlsWire);
  document.querySelectorAll("[data-chapters-for]").forEach(chaptersWire);
})();
