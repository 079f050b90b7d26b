"""A narrated slide recording and a podcast episode, made from text: espeak-ng speaks each
segment, Pillow draws its slide, ffmpeg joins them into an MP4 (H.264/AAC) or an MP3, and the
captions are written from the same measured timings in every language."""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .captions import cues_timed, webvtt_text
from .pictures import slide_draw
from .programs import duration_probe, program_run
from .speech import FRAMES_PER_SECOND, narration_build

CAPTION_LANGUAGES = ("nl", "fr", "en")
# Still slides: a keyframe every ten seconds keeps seeking quick and the file small.
KEYFRAME_SECONDS = 10
REPRODUCIBLE = ["-fflags", "+bitexact", "-flags", "+bitexact", "-map_metadata", "-1"]
VIDEO_CODEC = ["-c:v", "libx264", "-preset", "superfast", "-tune", "stillimage"]
VIDEO_CODEC += ["-pix_fmt", "yuv420p", "-g", str(FRAMES_PER_SECOND * KEYFRAME_SECONDS)]
# The fast coder is four times quicker than the default one and good enough for speech.
AUDIO_CODEC = ["-c:a", "aac", "-aac_coder", "fast", "-b:a", "48k", "-ac", "1"]
EPISODE_PAUSE_SECONDS = 0.8


@dataclass(frozen=True)
class Recording:
    """A built recording: the MP4, its duration as ffprobe measures it, a WebVTT file per
    language, and how long each segment's slide is shown (in seconds)."""

    video: Path
    duration: float
    captions: dict
    segment_seconds: tuple = ()


def recording_build(segments, *, language="nl", out_dir):
    """Narrate the segments' `say` in `language` over their `slide`s into out_dir/recording.mp4,
    with captions out_dir/captions.<lang>.vtt timed to the narration."""
    if not segments:
        raise ValueError("a recording needs at least one segment")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    narration = narration_build(
        [segment["say"][language] for segment in segments], language=language
    )
    video = out_dir / "recording.mp4"
    with tempfile.TemporaryDirectory(prefix="vif-recording-") as work:
        slides = _slides_write(segments, language=language, directory=Path(work))
        sound = Path(work) / "narration.wav"
        sound.write_bytes(narration.wav())
        _video_encode(slides, narration.segment_seconds, sound=sound, out_path=video)
    captions = {
        caption_language: _captions_write(
            [segment["say"].get(caption_language, "") for segment in segments],
            narration.segment_seconds,
            out_path=out_dir / f"captions.{caption_language}.vtt",
        )
        for caption_language in CAPTION_LANGUAGES
    }
    return Recording(video, duration_probe(video), captions, narration.segment_seconds)


def audio_build(segments, *, language, out_path, pause_seconds=EPISODE_PAUSE_SECONDS):
    """The segments' `say[language]` spoken in order, with a pause between them, as a mono MP3
    at 64 kbit/s in out_path; returns its duration in seconds (ffprobe)."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    narration = narration_build(
        [segment["say"][language] for segment in segments],
        language=language,
        pause_seconds=pause_seconds,
    )
    arguments = ["-nostdin", "-y", "-loglevel", "error", "-f", "wav", "-i", "pipe:0"]
    # 44.1 kHz, as podcast directories ask for MP3 (espeak-ng speaks at 22.05 kHz).
    arguments += ["-c:a", "libmp3lame", "-b:a", "64k", "-ac", "1", "-ar", "44100"]
    arguments += [*REPRODUCIBLE, str(out_path)]
    program_run("ffmpeg", arguments, stdin=narration.wav())
    return duration_probe(out_path)


def _slides_write(segments, *, language, directory):
    paths = []
    for number, segment in enumerate(segments, start=1):
        path = directory / f"slide-{number:03d}.png"
        slide = slide_draw(segment["slide"][language], number=number, count=len(segments))
        slide.save(path, compress_level=1)  # read once by ffmpeg: speed over size
        paths.append(path)
    return paths


def _video_encode(slides, seconds, *, sound, out_path):
    playlist = sound.parent / "slides.txt"
    playlist.write_text(_concat_playlist(slides, seconds), encoding="utf-8")
    arguments = ["-nostdin", "-y", "-loglevel", "error"]
    arguments += ["-f", "concat", "-safe", "0", "-i", str(playlist), "-i", str(sound)]
    arguments += ["-map", "0:v", "-map", "1:a", "-vf", _frames_filter(seconds), *VIDEO_CODEC]
    arguments += [*AUDIO_CODEC, "-movflags", "+faststart", *REPRODUCIBLE]
    program_run("ffmpeg", [*arguments, str(out_path)])


def _frames_filter(seconds):
    # Converted to yuv420p once per slide, then repeated at the frame rate, then cut at the
    # narration's end: every segment lasts a whole number of frames (speech.py), so the video
    # ends exactly with the sound (a `-t` or `-frames:v` would cut the sound short instead).
    frames = round(sum(seconds) * FRAMES_PER_SECOND)
    return f"format=yuv420p,fps={FRAMES_PER_SECOND},trim=end_frame={frames}"


def _concat_playlist(slides, seconds):
    # ffmpeg's concat demuxer holds each picture for its duration; the last picture is listed
    # again to hold it up to the end, where the video is cut at the narration's length.
    # The slides lie beside the playlist, which names them relative to itself.
    entries = [
        f"file '{path.name}'\nduration {length:.3f}"
        for path, length in zip(slides, seconds, strict=True)
    ]
    entries.append(f"file '{slides[-1].name}'\nduration 1")
    return "ffconcat version 1.0\n" + "\n".join(entries) + "\n"


def _captions_write(texts, seconds, *, out_path):
    out_path.write_text(webvtt_text(cues_timed(texts, seconds)), encoding="utf-8")
    return out_path
