/*
 * Progress reporting on a module page, for signed-in learners.
 *
 * Records which parts of each video or audio were actually played (intervals, so skipping to
 * the end does not count as watching), the position, and the time spent, and sends them to the
 * progress API every 15 seconds and when the learner pauses or leaves. Events wait in
 * localStorage until the server acknowledged them; each has its own id, so sending one twice
 * counts once. On return, the player continues where the learner left off.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-progress-endpoint]");
  if (!root || !window.fetch) {
    return;
  }
  var endpoint = root.getAttribute("data-progress-endpoint");
  var moduleId = Number(root.getAttribute("data-module"));
  var csrfToken = root.getAttribute("data-csrf");
  // One queue per learner: on a shared computer, one learner's unsent events must never be
  // sent under the next learner's session.
  var QUEUE_KEY = "vif-progress-queue-" + root.getAttribute("data-learner");
  var FLUSH_EVERY_MS = 15000;
  var MAX_BATCH = 50;
  var MAX_ELAPSED_SECONDS = 120;
  // Two timeupdates further apart than this (in media seconds) mean a seek, not playing.
  var MAX_CONTINUOUS_STEP = 3;

  var memoryQueue = [];
  var sending = false;
  var activeMs = 0;
  var lastTick = Date.now();
  var trackers = [];

  function loadQueue() {
    try {
      return JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
    } catch (error) {
      return memoryQueue;
    }
  }

  function saveQueue(queue) {
    memoryQueue = queue;
    try {
      window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    } catch (error) {
      /* private browsing: the queue lives in memory only */
    }
  }

  function newEventId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function somethingPlays() {
    return trackers.some(function (tracker) {
      return !tracker.media.paused && !tracker.media.ended;
    });
  }

  // Time spent counts while the page is in view or something plays (audio in a background tab).
  function tick() {
    var now = Date.now();
    var step = Math.min(now - lastTick, 5000);
    lastTick = now;
    if (document.visibilityState === "visible" || somethingPlays()) {
      activeMs += step;
    }
  }

  function closeInterval(tracker) {
    if (tracker.current && tracker.current[1] > tracker.current[0]) {
      tracker.intervals.push([tracker.current[0], tracker.current[1]]);
    }
    tracker.current = null;
  }

  function track(media) {
    var tracker = { media: media, intervals: [], current: null, reportedPosition: null };
    var mediaId = Number(media.getAttribute("data-media-id"));
    tracker.mediaId = mediaId;

    media.addEventListener("timeupdate", function () {
      if (media.paused || media.seeking) {
        return;
      }
      var now = media.currentTime;
      var current = tracker.current;
      if (current && now >= current[1] && now - current[1] <= MAX_CONTINUOUS_STEP) {
        current[1] = now;
      } else {
        closeInterval(tracker);
        tracker.current = [now, now];
      }
    });
    media.addEventListener("seeking", function () {
      closeInterval(tracker);
    });
    media.addEventListener("play", function () {
      // Another player's share goes out first: one event describes one video or audio.
      trackers.forEach(function (other) {
        if (other !== tracker && !other.media.paused) {
          other.media.pause();
        }
      });
      flush(false);
    });
    media.addEventListener("pause", function () {
      closeInterval(tracker);
      flush(false);
    });
    media.addEventListener("ended", function () {
      closeInterval(tracker);
      flush(false);
    });
    resume(media);
    return tracker;
  }

  function resume(media) {
    var position = parseFloat(media.getAttribute("data-resume") || "");
    var figure = media.closest("figure");
    var note = figure && figure.querySelector("[data-resume-note]");
    if (!position) {
      return;
    }
    function apply() {
      // Close to the end, starting over is what the learner wants.
      if (media.duration && position >= media.duration - 5) {
        return;
      }
      media.currentTime = position;
      if (note) {
        note.hidden = false;
        var restart = note.querySelector("[data-restart]");
        restart.addEventListener("click", function () {
          media.currentTime = 0;
          note.hidden = true;
          media.focus();
        });
      }
    }
    if (media.readyState >= 1) {
      apply();
    } else {
      media.addEventListener("loadedmetadata", apply, { once: true });
    }
  }

  function collect() {
    tick();
    var events = [];
    var elapsed = Math.min(activeMs / 1000, MAX_ELAPSED_SECONDS);
    activeMs = 0;
    trackers.forEach(function (tracker) {
      var media = tracker.media;
      var intervals = tracker.intervals;
      if (tracker.current && tracker.current[1] > tracker.current[0]) {
        intervals = intervals.concat([[tracker.current[0], tracker.current[1]]]);
        tracker.current = [tracker.current[1], tracker.current[1]];
      }
      tracker.intervals = [];
      var position = Math.round(media.currentTime * 10) / 10;
      if (!intervals.length && position === tracker.reportedPosition) {
        return;
      }
      tracker.reportedPosition = position;
      events.push({
        id: newEventId(),
        module: moduleId,
        media: tracker.mediaId,
        intervals: intervals.map(function (pair) {
          return [Math.round(pair[0] * 100) / 100, Math.round(pair[1] * 100) / 100];
        }),
        position: position,
        elapsed: 0,
        at: Date.now(),
      });
    });
    if (!events.length && elapsed >= 1) {
      events.push({ id: newEventId(), module: moduleId, elapsed: 0, at: Date.now() });
    }
    if (events.length) {
      events[0].elapsed = Math.round(elapsed * 10) / 10;
    }
    return events;
  }

  function flush(leaving) {
    var queue = loadQueue().concat(collect());
    saveQueue(queue);
    if (!queue.length || (sending && !leaving)) {
      return;
    }
    var batch = queue.slice(0, MAX_BATCH);
    var sentIds = batch.map(function (event) {
      return event.id;
    });
    sending = true;
    fetch(endpoint, {
      method: "POST",
      credentials: "same-origin",
      keepalive: leaving,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken },
      body: JSON.stringify({ events: batch }),
    })
      .then(function (response) {
        // Accepted, or refused for good (a 4xx other than 429): either way, not sent again.
        var final = response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429);
        if (final) {
          saveQueue(
            loadQueue().filter(function (event) {
              return sentIds.indexOf(event.id) === -1;
            })
          );
        }
        if (!response.ok && window.console) {
          response.json().then(function (body) {
            window.console.warn("Progress not recorded:", body.error || response.status);
          });
        }
      })
      .catch(function () {
        /* offline: the events stay queued and go with the next flush */
      })
      .finally(function () {
        sending = false;
      });
  }

  trackers = Array.prototype.map.call(root.querySelectorAll("video[data-media-id], audio[data-media-id]"), track);
  window.setInterval(tick, 1000);
  window.setInterval(function () {
    flush(false);
  }, FLUSH_EVERY_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      flush(true);
    }
  });
  window.addEventListener("pagehide", function () {
    flush(true);
  });
})();
