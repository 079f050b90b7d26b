"""The narration: each segment spoken by espeak-ng, then joined in memory with a short pause after
each segment, padded to whole video frames so that every slide change falls exactly on the
moment its narration starts (and the captions, timed from the same numbers, agree)."""

import io
import wave
from dataclasses import dataclass

from .programs import MediaBuildError, program_run, text_clean

# Belgian French for a Belgian audience; espeak-ng's Dutch and British English otherwise.
VOICES = {"nl": "nl", "fr": "fr-be", "en": "en-gb"}
WORDS_PER_MINUTE = "150"
# espeak-ng's own voices all speak at this rate.
SAMPLE_RATE = 22050
PAUSE_SECONDS = 0.3
# Still slides need few frames: two a second halve the encoding time of five, and the padding to
# whole frames lengthens each pause by at most half a second.
FRAMES_PER_SECOND = 2


@dataclass(frozen=True)
class Narration:
    """Mono 16-bit PCM of the whole narration and the length of each segment in it."""

    pcm: bytes
    sample_rate: int
    segment_seconds: tuple

    @property
    def seconds(self):
        return len(self.pcm) // 2 / self.sample_rate

    def wav(self):
        """The narration as the bytes of a WAV file."""
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.sample_rate)
            out.writeframes(self.pcm)
        return buffer.getvalue()


def speech_synthesise(text, *, language):
    """The PCM samples of espeak-ng speaking the text (none for no text); the text goes in on
    stdin, never through a shell."""
    text = text_clean(text)
    if not text:
        return b""
    voice = VOICES.get(language)
    if voice is None:
        raise MediaBuildError(f"no espeak-ng voice for the language {language!r}")
    arguments = ["-v", voice, "-s", WORDS_PER_MINUTE, "-b", "1", "--stdout"]
    sound = program_run("espeak-ng", arguments, stdin=text.encode("utf-8"))
    return _pcm_read(sound)


def _pcm_read(sound):
    # espeak-ng streams its WAV with a placeholder length: the samples are the bytes after the
    # header, which is read for the format only.
    try:
        with wave.open(io.BytesIO(sound)) as source:
            rate, width = source.getframerate(), source.getsampwidth()
            channels = source.getnchannels()
    except (wave.Error, EOFError) as error:
        raise MediaBuildError("espeak-ng produced no readable sound") from error
    if (rate, width, channels) != (SAMPLE_RATE, 2, 1):
        raise MediaBuildError("espeak-ng produced sound in an unexpected format")
    samples = sound[sound.find(b"data") + 8 :]
    return samples[: len(samples) // 2 * 2]


def narration_build(texts, *, language, pause_seconds=PAUSE_SECONDS):
    """The texts spoken one after the other, each followed by a pause and padded to a whole
    number of video frames."""
    pieces = [
        _padded(speech_synthesise(text, language=language), pause_seconds=pause_seconds)
        for text in texts
    ]
    lengths = tuple(len(piece) // 2 / SAMPLE_RATE for piece in pieces)
    return Narration(pcm=b"".join(pieces), sample_rate=SAMPLE_RATE, segment_seconds=lengths)


def _padded(samples, *, pause_seconds):
    frame = SAMPLE_RATE // FRAMES_PER_SECOND
    wanted = len(samples) // 2 + round(pause_seconds * SAMPLE_RATE)
    frames = -(-wanted // frame)  # rounded up
    return samples + b"\x00\x00" * (frames * frame - len(samples) // 2)
