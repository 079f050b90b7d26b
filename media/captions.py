"""WebVTT caption files, checked before they are stored.

A caption file that a browser silently ignores leaves deaf viewers without text while the editor
believes the video is accessible, so a file is refused with the line at fault instead.
"""

import re

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024
# A last caption may run on a little past the end of the recording.
END_TOLERANCE_SECONDS = 2.0
_TIME = r"(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING = re.compile(rf"{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+\S.*)?")


def _seconds(hours, minutes, seconds, millis):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _text(content):
    if len(content) > MAX_BYTES:
        raise ValidationError(_("A caption file may be at most 2 MB."), code="too_large")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("The caption file must be saved as UTF-8 text."), code="encoding"
        ) from None
    if "\x00" in text:
        raise ValidationError(_("This is not a text file."), code="binary")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _cue_times(lines, duration):
    count = 0
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            continue
        match = TIMING.fullmatch(line.strip())
        if match is None:
            raise ValidationError(
                _("Line %(line)d: the timing must read like 00:01:02.500 --> 00:01:05.000."),
                code="timing",
                params={"line": number},
            )
        start, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
        if end <= start:
            raise ValidationError(
                _("Line %(line)d: the caption ends before it starts."),
                code="reversed",
                params={"line": number},
            )
        if duration and end > duration + END_TOLERANCE_SECONDS:
            raise ValidationError(
                _("Line %(line)d: the caption lies beyond the end of the recording."),
                code="beyond_end",
                params={"line": number},
            )
        count += 1
    return count


def captions_check(content, *, duration=None):
    """Check a WebVTT file (bytes); return its number of captions or raise ValidationError."""
    text = _text(content)
    lines = text.split("\n")
    if not re.fullmatch(r"WEBVTT(?:[ \t].*)?", lines[0]):
        raise ValidationError(
            _('A WebVTT file starts with the line "WEBVTT". Is this an SRT file or a document?'),
            code="header",
        )
    count = _cue_times(lines, duration)
    if not count:
        raise ValidationError(_("The caption file holds no captions."), code="empty")
    try:
        webvtt.from_string(text, strict=True)
    except (MalformedFileError, MalformedCaptionError, ValueError):
        raise ValidationError(
            _("The caption file is not valid WebVTT: check the blank line between captions."),
            code="malformed",
        ) from None
    return count
