"""The outside programs the demo media are made with (ffmpeg, ffprobe, espeak-ng), run with fixed
argument lists and no shell, so that a missing or failing program ends the build with one clear
error naming what to install instead of a half-made library."""

import json
import re
import shutil
import subprocess
import unicodedata

# The Debian package that brings each program.
PACKAGES = {"ffmpeg": "ffmpeg", "ffprobe": "ffmpeg", "espeak-ng": "espeak-ng"}
TIMEOUT_SECONDS = 120
ERROR_TAIL = 400


class MediaBuildError(Exception):
    """A demo recording, episode or image could not be made."""


def program_path(name):
    """The full path of an installed program, or MediaBuildError saying which package brings it."""
    path = shutil.which(name)
    if path is None:
        package = PACKAGES.get(name, name)
        raise MediaBuildError(
            f"{name} is not installed; install the Debian package {package!r} "
            f"(apt-get install {package})"
        )
    return path


def program_run(name, arguments, *, stdin=None):
    """Run a program with a fixed argument list; its standard output (bytes) or MediaBuildError."""
    command = [program_path(name), *arguments]
    try:
        # No shell: the arguments are passed as they are, text goes in as data (stdin).
        finished = subprocess.run(  # noqa: S603
            command, input=stdin, capture_output=True, check=True, timeout=TIMEOUT_SECONDS
        )
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode("utf-8", "replace").strip()[-ERROR_TAIL:]
        raise MediaBuildError(f"{name} failed (exit {error.returncode}): {message}") from error
    except (OSError, subprocess.TimeoutExpired) as error:
        raise MediaBuildError(f"{name} could not run: {error}") from error
    return finished.stdout


def duration_probe(path):
    """A media file's duration in seconds, as ffprobe reads it from the container."""
    arguments = ["-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)]
    report = json.loads(program_run("ffprobe", arguments))
    try:
        return float(report["format"]["duration"])
    except (KeyError, ValueError) as error:
        raise MediaBuildError(f"ffprobe found no duration in {path}") from error


def text_clean(text):
    """Text without control characters and with single spaces: what may reach a program or a
    caption file."""
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in str(text or ""))
    return re.sub(r"\s+", " ", text).strip()
