"""ffprobe and ffmpeg on local files: what a recording is, a poster frame, a web rendition.

Pure functions on paths in a temporary folder; services.py moves files between storage and that
folder. Each tool runs with a time limit, so a file that makes ffmpeg hang ends in a failure
instead of a worker stuck for ever, in a process group of its own that dies with the worker
(elearning/core/child_processes.py). `stop`, an event, calls a run off: the worker lost its claim
on the recording (ProcessingStopped, not a problem of the file).
"""

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import magic

from elearning.core.child_processes import ChildStopped, ChildTimeout, child_run

PROBE_SECONDS = 60
POSTER_SECONDS = 120
# A two-hour webinar takes a few minutes with the "veryfast" preset; the limit leaves room.
RENDITION_SECONDS = 4 * 3600
# Web renditions: at most 1280 pixels wide (enough for slides and faces), even dimensions for
# H.264, yuv420p so every browser decodes it, the index (moov atom) at the front.
VIDEO_FILTER = "scale='min(1280,iw)':-2,format=yuv420p"
DETAIL_CHARACTERS = 2000


class MediaUnusable(Exception):
    """The file cannot become a playable recording; `problem` names why (ProcessingProblem)."""

    def __init__(self, problem, detail=""):
        super().__init__(problem, detail)
        self.problem = problem
        self.detail = detail[-DETAIL_CHARACTERS:]


@dataclass(frozen=True)
class Probe:
    duration: float
    width: int | None
    height: int | None
    has_video: bool
    has_audio: bool
    web_ready: bool = False  # already what the rendition would be: its streams can be copied


def tools_available():
    return bool(shutil.which("ffmpeg") and shutil.which("ffprobe"))


class ProcessingStopped(Exception):
    """The run was called off from outside (claim lost, worker shutting down): nothing is known
    about the file, and whoever holds the recording now processes it."""


class ToolKilled(Exception):
    """ffmpeg or ffprobe was killed by a signal nobody here sent: technical trouble."""


def _run(command, seconds, problem, stop=None):
    try:
        result = child_run(command, timeout=seconds, stop=stop)
    except ChildTimeout as error:
        raise MediaUnusable(problem, f"{command[0]} took longer than {seconds} s") from error
    except ChildStopped as error:
        raise ProcessingStopped(command[0]) from error
    if result.returncode < 0:
        # Killed by a signal from outside (out of memory, a service manager stopping the whole
        # worker group): trouble of the machine, not of the file, so the task tries again.
        raise ToolKilled(f"{command[0]} was killed by signal {-result.returncode}")
    if result.returncode != 0:
        raise MediaUnusable(problem, result.stderr.decode("utf-8", "replace"))
    return result


def sniffed_type(path):
    """The MIME type read from the file's first bytes (its name or extension may lie)."""
    return magic.from_file(str(path), mime=True)


def media_probe(path, *, stop=None):
    """Duration, dimensions and streams of a recording; MediaUnusable if it has none."""
    sniffed = sniffed_type(path)
    if not sniffed.startswith(("video/", "audio/")) and sniffed != "application/octet-stream":
        raise MediaUnusable("not_media", f"detected type: {sniffed}")
    command = ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams"]
    output = _run([*command, str(path)], PROBE_SECONDS, "unreadable", stop).stdout
    try:
        found = json.loads(output)
    except ValueError as error:
        raise MediaUnusable("unreadable", "ffprobe gave no readable answer") from error
    streams = found.get("streams", [])
    # Cover art in an MP3 is a one-frame "video" stream; it does not make the file a video.
    pictures = [s for s in streams if s.get("codec_type") == "video" and _is_moving(s)]
    sound = [s for s in streams if s.get("codec_type") == "audio"]
    if not (pictures or sound):
        raise MediaUnusable("unreadable", f"no playable stream (detected type: {sniffed})")
    # 0 when the container does not say (a WebM written as a stream, a browser recording):
    # the rendition made from it does, and is probed instead (services._outputs_make).
    duration = _duration(found, streams)
    width = pictures[0].get("width") if pictures else None
    height = pictures[0].get("height") if pictures else None
    ready = _web_ready(found, pictures, sound)
    return Probe(duration, width, height, bool(pictures), bool(sound), ready)


def _web_ready(found, pictures, sound):
    """An MP4 holding one H.264 (yuv420p, at most 1280 wide) video and AAC sound at most: the
    rendition would hold the same, so it is made by copying the streams (seconds, not minutes,
    and no loss) instead of encoding them again."""
    container = found.get("format", {}).get("format_name", "")
    if "mp4" not in container.split(",") or len(pictures) != 1 or len(sound) > 1:
        return False
    video = pictures[0]
    if video.get("codec_name") != "h264" or video.get("pix_fmt") != "yuv420p":
        return False
    if not isinstance(video.get("width"), int) or video["width"] > 1280:
        return False
    return all(stream.get("codec_name") == "aac" for stream in sound)


def _is_moving(stream):
    return not stream.get("disposition", {}).get("attached_pic")


def _duration(found, streams):
    candidates = [found.get("format", {}).get("duration")]
    candidates += [stream.get("duration") for stream in streams]
    seconds = []
    for value in candidates:
        try:
            seconds.append(float(value or 0))
        except ValueError:
            continue
    return max(seconds, default=0.0)


def poster_extract(source, target, *, duration, stop=None):
    """A JPEG frame a tenth into the video (past black leaders and title fades)."""
    at = f"{min(duration * 0.1, 30):.2f}"
    command = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-ss", at, "-i", str(source)]
    command += ["-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-q:v", "3", str(target)]
    _run(command, POSTER_SECONDS, "conversion", stop)
    if not Path(target).exists() or not Path(target).stat().st_size:
        raise MediaUnusable("conversion", "ffmpeg wrote no poster frame")


def rendition_make(source, target, *, has_video, copy=False, stop=None):
    """An MP4 every browser plays: H.264 + AAC for video, AAC alone for audio; faststart.
    `copy`: the source already is such a video (Probe.web_ready); its streams are copied."""
    command = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(source)]
    if has_video and copy:
        command += ["-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-movflags", "+faststart"]
        _run([*command, "-f", "mp4", str(target)], RENDITION_SECONDS, "conversion", stop)
        return _rendition_check(target)
    if has_video:
        command += ["-map", "0:v:0", "-map", "0:a:0?", "-c:v", "libx264", "-preset", "veryfast"]
        command += ["-crf", "23", "-vf", VIDEO_FILTER, "-profile:v", "high"]
    else:
        command += ["-map", "0:a:0", "-vn"]
    command += ["-c:a", "aac", "-b:a", "128k", "-ac", "2", "-movflags", "+faststart"]
    _run([*command, "-f", "mp4", str(target)], RENDITION_SECONDS, "conversion", stop)
    return _rendition_check(target)


def _rendition_check(target):
    if not Path(target).exists() or not Path(target).stat().st_size:
        raise MediaUnusable("conversion", "ffmpeg wrote no rendition")
