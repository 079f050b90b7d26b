/*
 * Tells a SCORM 1.2 learning platform that the learner worked through this page.
 *
 * The platform offers its API as an object named "API" on a window above the page: a parent
 * frame, or the window that opened this one. The learner marks the page as completed with the
 * button at its end; leaving the page earlier records it as "incomplete". Every commit carries
 * the time spent on the page so far (cmi.core.session_time). A platform's commit is often a
 * synchronous request, which browsers refuse while a page is being closed, so the state is
 * committed as soon as it changes and again when the page is hidden (another tab, the window
 * closing); the commit at the very end is then only a last chance. Opened without a platform
 * (from the zip, offline), the page stays a plain readable page: the button stays hidden and
 * nothing is called.
 */
(function () {
  "use strict";

  // Platforms nest the page a few frames deep; the usual lookup gives up after seven.
  var MAX_FRAMES_UP = 7;
  var DONE = ["completed", "passed"];

  function apiAbove(start) {
    var win = start;
    for (var depth = 0; win && depth <= MAX_FRAMES_UP; depth += 1) {
      try {
        if (win.API) {
          return win.API;
        }
      } catch (error) {
        return null; // a frame of another origin: no API of ours up there
      }
      if (!win.parent || win.parent === win) {
        return null;
      }
      win = win.parent;
    }
    return null;
  }

  function apiFind() {
    return apiAbove(window) || (window.opener ? apiAbove(window.opener) : null);
  }

  function call(api, name, args) {
    try {
      return String(api[name].apply(api, args));
    } catch (error) {
      return "false";
    }
  }

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // SCORM 1.2's CMITimespan: HHHH:MM:SS, the hours in two to four digits.
  function timespan(milliseconds) {
    var seconds = Math.min(Math.floor(milliseconds / 1000), 9999 * 3600 + 3599);
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    return twoDigits(hours) + ":" + twoDigits(minutes) + ":" + twoDigits(seconds % 60);
  }

  function commit(session) {
    var spent = timespan(Date.now() - session.started);
    call(session.api, "LMSSetValue", ["cmi.core.session_time", spent]);
    return call(session.api, "LMSCommit", [""]);
  }

  function start(api) {
    if (call(api, "LMSInitialize", [""]) !== "true") {
      return null;
    }
    var session = { api: api, completed: false, finished: false, started: Date.now() };
    var status = call(api, "LMSGetValue", ["cmi.core.lesson_status"]);
    session.completed = DONE.indexOf(status) !== -1;
    if (!session.completed) {
      call(api, "LMSSetValue", ["cmi.core.lesson_status", "incomplete"]);
    }
    commit(session);
    return session;
  }

  function complete(session) {
    var stored = call(session.api, "LMSSetValue", ["cmi.core.lesson_status", "completed"]);
    var committed = commit(session);
    session.completed = stored === "true" && committed === "true";
    return session.completed;
  }

  function finish(session) {
    if (session.finished) {
      return;
    }
    session.finished = true;
    if (!session.completed) {
      call(session.api, "LMSSetValue", ["cmi.core.lesson_status", "incomplete"]);
    }
    commit(session);
    call(session.api, "LMSFinish", [""]);
  }

  function offer(session, section) {
    var button = section.querySelector("[data-scorm-complete]");
    var status = section.querySelector("[data-scorm-status]");
    section.hidden = false;
    if (session.completed) {
      button.disabled = true;
      status.textContent = section.getAttribute("data-completed-text");
    }
    button.addEventListener("click", function () {
      var done = complete(session);
      button.disabled = done;
      status.textContent = section.getAttribute(done ? "data-completed-text" : "data-failed-text");
    });
  }

  var section = document.querySelector("[data-scorm-completion]");
  var api = apiFind();
  var session = api ? start(api) : null;
  if (!session) {
    return;
  }
  if (section) {
    offer(session, section);
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && !session.finished) {
      commit(session);
    }
  });
  window.addEventListener("pagehide", function () { finish(session); });
  window.addEventListener("beforeunload", function () { finish(session); });
})();
