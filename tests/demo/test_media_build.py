"""The demo's media are made from text by the real espeak-ng and ffmpeg: a recording plays with
sound and picture for as long as its narration, its captions are valid WebVTT in every language
and say what is spoken, the pictures have the sizes podcast apps and course cards need, and a
missing program is named with the package that brings it."""

import json
import shutil
import subprocess
import wave

import pytest
import webvtt
from PIL import Image, ImageChops, ImageStat

from elearning.core.contrast import contrast_ratio
from elearning.demo.media_build import (
    MediaBuildError,
    artwork_build,
    audio_build,
    card_image_build,
    lettering,
    recording_build,
)
from elearning.demo.media_build.captions import cue_texts
from elearning.demo.media_build.pictures import BAND, HILLS, INK, ON_BAND, ON_BAND_QUIET, PAPER
from elearning.demo.media_build.programs import text_clean
from elearning.demo.media_build.speech import FRAMES_PER_SECOND, PAUSE_SECONDS

LONG_SAY = (
    "Signalen van huiselijk geweld zijn zelden eenduidig, en daarom is het belangrijk om ze "
    "zorgvuldig te noteren. Bespreek uw zorgen met een collega, of met een aandachtsfunctionaris, "
    "voordat u een volgende stap zet."
)
SEGMENTS = [
    {
        "slide": {"nl": "Welkom", "fr": "Bienvenue", "en": "Welcome"},
        "say": {
            "nl": "Welkom bij deze korte module.",
            "fr": "Bienvenue dans ce court module.",
            "en": "Welcome to this short module.",
        },
    },
    {
        "slide": {"nl": "Signalen noteren", "fr": "Noter les signaux", "en": "Noting the signs"},
        "say": {
            "nl": LONG_SAY,
            "fr": "Les signaux sont rarement univoques, notez-les avec soin.",
            "en": "Signs are rarely clear-cut, so note them carefully.",
        },
    },
    {
        "slide": {"nl": "Tot slot", "fr": "Pour finir", "en": "To close"},
        "say": {"nl": "Dank u wel.", "fr": "Merci.", "en": "Thank you."},
    },
]
LANGUAGES = ("nl", "fr", "en")
FRAME_SECONDS = 1 / FRAMES_PER_SECOND
# The narration ends each segment with a pause, rounded up to a whole video frame.
MOST_PAUSE_SECONDS = PAUSE_SECONDS + FRAME_SECONDS


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    return recording_build(SEGMENTS, language="nl", out_dir=tmp_path_factory.mktemp("recording"))


def probe(path):
    command = ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)]
    return json.loads(subprocess.run(command, capture_output=True, check=True).stdout)


def spoken_seconds(text, tmp_path):
    """How long espeak-ng speaks the text, measured apart from the builder."""
    sound = tmp_path / "spoken.wav"
    subprocess.run(["espeak-ng", "-v", "nl", "-s", "150", "-w", str(sound), text], check=True)
    with wave.open(str(sound)) as spoken:
        return spoken.getnframes() / spoken.getframerate()


def seconds(stamp):
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def cues(path):
    return [
        (seconds(cue.start), seconds(cue.end), cue.text)
        for cue in webvtt.read(str(path), strict=True)
    ]


def frame_at(video, moment, tmp_path):
    picture = tmp_path / f"frame-{moment}.png"
    command = ["ffmpeg", "-v", "error", "-y", "-ss", str(moment), "-i", str(video)]
    subprocess.run([*command, "-frames:v", "1", str(picture)], check=True)
    return Image.open(picture).convert("L")


def difference(first, second):
    return ImageStat.Stat(ImageChops.difference(first, second)).mean[0]


def test_the_recording_has_h264_video_at_1280x720_and_aac_sound(recording):
    streams = {stream["codec_type"]: stream for stream in probe(recording.video)["streams"]}

    assert streams["video"]["codec_name"] == "h264"
    assert (streams["video"]["width"], streams["video"]["height"]) == (1280, 720)
    assert streams["video"]["pix_fmt"] == "yuv420p"
    assert streams["audio"]["codec_name"] == "aac"


def test_the_recording_lasts_as_long_as_its_narration(recording, tmp_path):
    spoken = sum(spoken_seconds(segment["say"]["nl"], tmp_path) for segment in SEGMENTS)
    streams = probe(recording.video)["streams"]

    assert spoken <= recording.duration <= spoken + len(SEGMENTS) * MOST_PAUSE_SECONDS
    assert recording.duration == pytest.approx(sum(recording.segment_seconds), abs=0.05)
    for stream in streams:
        assert float(stream["duration"]) == pytest.approx(recording.duration, abs=0.1)


def top_level_boxes(path):
    """The types of an MP4 file's top-level boxes, in file order."""
    content, boxes, offset = path.read_bytes(), [], 0
    while offset + 8 <= len(content):
        size = int.from_bytes(content[offset : offset + 4], "big")
        boxes.append(content[offset + 4 : offset + 8].decode("latin-1"))
        offset += size if size >= 8 else len(content)
    return boxes


def test_the_recording_is_small_and_starts_playing_before_it_is_downloaded(recording):
    megabytes_per_minute = recording.video.stat().st_size / 1e6 / (recording.duration / 60)
    boxes = top_level_boxes(recording.video)

    assert megabytes_per_minute < 1
    assert boxes.index("moov") < boxes.index("mdat")  # +faststart: the index comes first


def test_each_slide_is_shown_from_the_moment_its_narration_starts(recording, tmp_path):
    # ffmpeg shows the first frame at or after a moment: `before` is the last frame of slide 1.
    change = recording.segment_seconds[0]
    early = frame_at(recording.video, 0.5, tmp_path)
    before = frame_at(recording.video, round(change - FRAME_SECONDS - 0.1, 2), tmp_path)
    after = frame_at(recording.video, round(change + 0.1, 2), tmp_path)

    assert difference(early, before) < 1
    assert difference(before, after) > 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_caption_track_is_webvtt_covering_the_recording_without_overlap(
    recording, language, tmp_path
):
    path = recording.captions[language]
    timed = cues(path)
    # A second, independent reader: ffmpeg reads the track and writes it again.
    again = tmp_path / "again.vtt"
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), str(again)], check=True)

    assert again.read_text().count("-->") == len(timed)
    assert timed[0][0] == 0
    assert all(start < end for start, end, _text in timed)
    assert all(timed[i][1] <= timed[i + 1][0] for i in range(len(timed) - 1))
    assert timed[-1][1] == pytest.approx(recording.duration, abs=0.1)


def test_the_spoken_language_track_says_exactly_what_is_narrated(recording):
    shown = " ".join(
        text.replace("\n", " ") for _start, _end, text in cues(recording.captions["nl"])
    )

    assert shown == " ".join(segment["say"]["nl"] for segment in SEGMENTS)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_translated_tracks_change_segment_when_the_narration_does(recording, language):
    starts = {round(start, 3) for start, _end, _text in cues(recording.captions[language])}
    segment_starts = {0.0}
    for length in recording.segment_seconds[:-1]:
        segment_starts.add(round(max(segment_starts) + length, 3))
    shown = " ".join(text.replace("\n", " ") for *_, text in cues(recording.captions[language]))

    assert segment_starts <= starts
    assert shown == " ".join(segment["say"][language] for segment in SEGMENTS)


def test_long_narration_is_captioned_in_cues_of_at_most_two_short_lines(recording):
    texts = [text for _start, _end, text in cues(recording.captions["nl"])]

    assert len(texts) > len(SEGMENTS)
    assert all(len(text) <= 84 + 1 and text.count("\n") <= 1 for text in texts)


def test_cues_are_cut_at_sentences_and_clauses_and_give_the_text_back():
    pieces = cue_texts(LONG_SAY)

    assert " ".join(pieces) == LONG_SAY
    assert all(piece.endswith((".", ",")) for piece in pieces)


def test_a_cue_holds_whole_sentences_or_a_part_of_one_never_a_mix():
    text = (
        "Als professional ziet u soms signalen van huiselijk geweld bij de mensen met wie u "
        "werkt. Neem die signalen ernstig, noteer wat u ziet en hoort, en bespreek uw zorgen. "
        "Dank u. Tot ziens."
    )
    pieces = cue_texts(text)

    assert " ".join(pieces) == text
    assert all(10 < len(piece) <= 84 for piece in pieces)
    for before, cue in zip(["."] + pieces, pieces, strict=False):
        if ". " in cue:
            assert before.endswith(".") and cue.endswith(".")


def test_a_podcast_episode_is_a_mono_mp3_of_the_narration(tmp_path):
    episode = tmp_path / "episode.mp3"

    duration = audio_build(SEGMENTS[:1], language="en", out_path=episode)

    audio = probe(episode)["streams"][0]
    assert (audio["codec_name"], audio["channels"], audio["sample_rate"]) == ("mp3", 1, "44100")
    assert int(audio["bit_rate"]) == 64000
    assert duration == pytest.approx(float(probe(episode)["format"]["duration"]))
    assert spoken_seconds(SEGMENTS[0]["say"]["en"], tmp_path) < duration < 5


def test_the_same_text_gives_the_same_recording(recording, tmp_path):
    again = recording_build(SEGMENTS, language="nl", out_dir=tmp_path)

    assert again.video.read_bytes() == recording.video.read_bytes()
    assert again.captions["fr"].read_text() == recording.captions["fr"].read_text()


def test_podcast_artwork_is_a_square_of_1400_px(tmp_path):
    cover = artwork_build(
        title="Huiselijk geweld", subtitle="De podcast", out_path=tmp_path / "a.jpg"
    )
    png = artwork_build(title="Huiselijk geweld", subtitle="", out_path=tmp_path / "a.png")

    with Image.open(cover) as jpeg, Image.open(png) as lossless:
        assert (jpeg.format, jpeg.size, jpeg.mode) == ("JPEG", (1400, 1400), "RGB")
        assert (lossless.format, lossless.size) == ("PNG", (1400, 1400))
    with pytest.raises(ValueError, match="1400 to 3000"):
        artwork_build(title="x", subtitle="y", out_path=tmp_path / "b.jpg", size=1000)


def test_a_card_image_is_a_1200_by_675_jpeg_drawn_from_its_theme_and_title(tmp_path):
    card = card_image_build(title="Het gesprek", theme="Signalen", out_path=tmp_path / "1.jpg")
    same = card_image_build(title="Het gesprek", theme="Signalen", out_path=tmp_path / "2.jpg")
    other = card_image_build(title="Een plan", theme="Signalen", out_path=tmp_path / "3.jpg")

    with Image.open(card) as picture:
        assert (picture.format, picture.size) == ("JPEG", (1200, 675))
    assert card.read_bytes() == same.read_bytes()
    assert card.read_bytes() != other.read_bytes()


@pytest.mark.parametrize(
    ("text", "ground"),
    [(INK, PAPER), (ON_BAND, BAND), (ON_BAND_QUIET, BAND), *((ON_BAND, hill) for hill in HILLS)],
)
def test_text_colours_meet_the_wcag_contrast_for_normal_text(text, ground):
    assert contrast_ratio(text, ground) >= 4.5


def test_control_characters_never_reach_a_program():
    assert text_clean("Eerst\x07 dit,\nthen\x1b[31m dat\t. ") == "Eerst dit, then [31m dat ."


def test_narration_that_looks_like_an_option_is_spoken_not_obeyed(tmp_path):
    segments = [{"slide": {"en": "-v"}, "say": {"en": "--help -v xx"}}]

    assert audio_build(segments, language="en", out_path=tmp_path / "dash.mp3") > 0.5


@pytest.mark.parametrize(("missing", "package"), [("espeak-ng", "espeak-ng"), ("ffmpeg", "ffmpeg")])
def test_a_missing_program_is_named_with_its_debian_package(
    tmp_path, monkeypatch, missing, package
):
    # A PATH holding every program but the missing one: the real absence, not a stand-in.
    programs = tmp_path / "bin"
    programs.mkdir()
    for name in {"espeak-ng", "ffmpeg", "ffprobe"} - {missing}:
        (programs / name).symlink_to(shutil.which(name))
    monkeypatch.setenv("PATH", str(programs))

    with pytest.raises(MediaBuildError, match=f"{missing} is not installed.*'{package}'"):
        audio_build(SEGMENTS[:1], language="nl", out_path=tmp_path / "episode.mp3")


def test_a_failing_program_is_reported_with_its_message(tmp_path):
    with pytest.raises(MediaBuildError, match="ffmpeg failed"):
        audio_build(SEGMENTS[:1], language="nl", out_path=tmp_path / "episode.unknown")


@pytest.fixture
def without_dejavu(monkeypatch, tmp_path):
    monkeypatch.setattr(lettering, "FONT_DIRECTORY", tmp_path / "no-fonts")
    lettering.font_load.cache_clear()
    yield
    lettering.font_load.cache_clear()


def test_without_dejavu_the_pictures_are_drawn_in_pillows_own_font(without_dejavu, tmp_path):
    cover = artwork_build(
        title="Huiselijk geweld", subtitle="De podcast", out_path=tmp_path / "a.png"
    )

    with Image.open(cover) as picture:
        assert picture.size == (1400, 1400)
        assert len(picture.convert("L").getcolors(maxcolors=1 << 16)) > 2  # text was drawn
