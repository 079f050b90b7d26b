"""The demo library as a visitor meets it after `make run`: every page in French and English
reads in that language, and every demo recording plays, seeks and shows captions in the three
languages."""

import functools

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from django.core.cache import cache

from courses.models import ModulePage, WebinarPage
from elearning.demo.seeding import demo_seed
from media.models import MediaAsset
from tests.media_assets.conftest import processing_settled

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGES = ["nl", "fr", "en"]
# Paragraphs of this many words say enough for a language identifier to be sure; shorter ones
# (a date and a place, a name, "20 minutes") say little in any language.
MIN_WORDS = 6
# What a reader reads: the page's own text, not the site's header, footer or help box.
PARAGRAPHS = """() => Array.from(document.querySelectorAll(
    'main p, main li, main h1, main h2, main h3, main dd, main blockquote, main figcaption'
)).filter(el => !el.closest('main [lang]') && !el.querySelector('p, li')).map(el => {
    // Parts marked with their own language, and names (translate="no"), are left out.
    const own = el.cloneNode(true);
    own.querySelectorAll('[lang], [translate="no"]').forEach(part => part.remove());
    return own.textContent.replace(/\\s+/g, ' ').trim();
})"""


@pytest.fixture
def demo(db, celery_worker_real):
    demo_seed()
    for asset in MediaAsset.objects.all():
        processing_settled(asset)
    cache.clear()


@functools.cache
def identifier():
    found = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    found.set_languages(LANGUAGES)
    return found


def words(text):
    return [word for word in text.split() if word.strip(".,;:!?()«»\"'’").isalpha()]


def language_of(text):
    return identifier().classify(text)[0]


def demo_pages(language):
    from wagtail.models import Page

    return Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific()


def test_every_demo_page_reads_in_french_and_in_english(page, live_server, demo):
    checked = 0
    for language in ("fr", "en"):
        for demo_page in demo_pages(language):
            page.goto(live_server.url + demo_page.url)
            assert page.locator("html").get_attribute("lang") == language
            # Translated, so never shown as "not yet translated" text of another language.
            assert page.locator(".page-content[lang]").count() == 0, demo_page.url
            for text in page.evaluate(PARAGRAPHS):
                if len(words(text)) < MIN_WORDS:
                    continue
                found = language_of(text)
                assert found == language, f"{demo_page.url}: {found} text: {text[:120]}"
                checked += 1
    assert checked > 300  # the whole library, not an empty page


def recording_pages():
    modules = [
        module
        for module in ModulePage.objects.live()
        if any(block.block_type == "video" for block in module.body)
    ]
    return [*WebinarPage.objects.live(), *modules]


def test_every_demo_recording_plays_seeks_and_has_captions_in_three_languages(
    page, live_server, demo
):
    pages = [item for item in recording_pages() if item.locale.language_code == "fr"]
    assert len(pages) == 5  # the three Babobox webinars and the two recorded webinars
    for demo_page in pages:
        page.goto(live_server.url + demo_page.url)
        video = page.locator("video").first
        tracks = video.evaluate("v => Array.from(v.textTracks).map(t => t.language)")
        assert sorted(tracks) == sorted(LANGUAGES)
        video.evaluate("v => { v.muted = true; return v.play(); }")
        page.wait_for_function(
            "() => document.querySelector('video').currentTime > 0.5", timeout=15_000
        )
        # The French captions show what is being said, at the place the learner seeks to.
        video.evaluate("v => { v.currentTime = 20; }")
        page.wait_for_function(
            """() => { const t = Array.from(document.querySelector('video').textTracks)
                .find(t => t.language === 'fr'); t.mode = 'showing';
                return t.activeCues && t.activeCues.length > 0; }""",
            timeout=15_000,
        )
        cue = video.evaluate(
            """v => Array.from(v.textTracks).find(t => t.language === 'fr').activeCues[0].text"""
        )
        assert language_of(cue) == "fr" or len(words(cue)) < MIN_WORDS
        source = video.evaluate("v => v.currentSrc")
        ranged = page.request.get(source, headers={"Range": "bytes=1000-1999"})
        assert ranged.status == 206
        assert len(ranged.body()) == 1000
