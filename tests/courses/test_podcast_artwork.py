"""The show's artwork: podcast directories list a show only with a square JPEG or PNG cover of
1400 to 3000 pixels, so the page takes no other and is not published without one."""

import io

import pytest
from PIL import Image

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import rich_text

from courses.models import PodcastPage
from media.models import CustomRendition
from tests.factories import PodcastPageFactory, UserFactory, podcast_artwork, publish
from tests.factories.admin_forms import add_url, page_form

from .podcast_setup import SITE, read_feed

SIZE_REFUSAL = (
    "The artwork is %(width)d × %(height)d pixels; podcast apps need a square image of 1400 to "
    "3000 pixels."
)
FORMAT_REFUSAL = "The artwork is a %(format)s file; podcast apps need a JPEG or PNG image."
MISSING = (
    "Choose the show's artwork before publishing: podcast apps do not list a podcast without "
    "a cover. A draft can be saved without it."
)
HOSTILE_ARTWORK = {
    "a GIF renamed .png": ({"image_format": "GIF"}, FORMAT_REFUSAL, {"format": "GIF"}),
    "1400 × 1401": ({"size": (1400, 1401)}, SIZE_REFUSAL, {"width": 1400, "height": 1401}),
    "3001 px": ({"size": (3001, 3001)}, SIZE_REFUSAL, {"width": 3001, "height": 3001}),
    "100 px": ({"size": (100, 100)}, SIZE_REFUSAL, {"width": 100, "height": 100}),
    "800 × 600": ({"size": (800, 600)}, SIZE_REFUSAL, {"width": 800, "height": 600}),
}


def in_language(message, language="nl", **params):
    with translation.override(language):
        return translation.gettext(message) % params if params else translation.gettext(message)


def admin_language(response):
    return response.wsgi_request.LANGUAGE_CODE


@pytest.fixture
def show(library_tree):
    return publish(PodcastPageFactory(parent=library_tree["pages"]["library"]))


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def show_form(show, *, artwork, action):
    form = page_form(
        show.title,
        slug=show.slug,
        intro=rich_text(""),
        artwork=str(artwork.pk) if artwork else "",
        owner_name=show.owner_name,
        owner_email=show.owner_email,
        itunes_category="Education",
    )
    return {**form, action: "on"}


@pytest.mark.django_db
def test_the_feed_serves_the_artwork_at_its_own_size(client, show):
    show.artwork = podcast_artwork(size=(1500, 1500))
    publish(show)
    cache.clear()

    href = read_feed(client, show).feed.image.href

    assert href.startswith(f"{SITE}/uploads/images/") and href.endswith(".jpg")
    rendition = CustomRendition.objects.get(file=href.removeprefix(f"{SITE}/uploads/"))
    with rendition.file.open("rb") as stream, Image.open(io.BytesIO(stream.read())) as cover:
        assert (cover.format, cover.size) == ("JPEG", (1500, 1500))


@pytest.mark.django_db
@pytest.mark.parametrize("accepted", [(1400, "PNG"), (3000, "JPEG")])
def test_square_jpeg_or_png_of_1400_to_3000_pixels_is_accepted(show, accepted):
    side, image_format = accepted
    show.artwork = podcast_artwork(size=(side, side), image_format=image_format)

    show.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("case", HOSTILE_ARTWORK, ids=list(HOSTILE_ARTWORK))
def test_artwork_podcast_apps_refuse_is_refused_with_what_is_wrong(show, case):
    fields, message, params = HOSTILE_ARTWORK[case]
    show.artwork = podcast_artwork(**fields)

    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        show.full_clean()

    assert refused.value.message_dict["artwork"] == [in_language(message, **params)]


@pytest.mark.django_db
@pytest.mark.parametrize("case", HOSTILE_ARTWORK, ids=list(HOSTILE_ARTWORK))
@pytest.mark.parametrize("action", ["action-publish", "action-save"])
def test_the_editor_sees_why_the_artwork_is_refused_and_nothing_is_saved(
    editor_client, show, case, action
):
    fields, message, params = HOSTILE_ARTWORK[case]
    kept = show.artwork
    revisions = show.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=[show.pk])
    form = show_form(show, artwork=podcast_artwork(**fields), action=action)

    response = editor_client.post(url, form)

    assert response.status_code == 200
    expected = in_language(message, admin_language(response), **params)
    assert response.context["form"].errors["artwork"] == [expected]
    assert PodcastPage.objects.get(pk=show.pk).artwork == kept
    assert show.revisions.count() == revisions


@pytest.mark.django_db
def test_a_show_without_artwork_is_saved_as_a_draft_but_not_published(editor_client, library_tree):
    library = library_tree["pages"]["library"]
    draft = PodcastPageFactory.build(slug="zonder-omslag", artwork=None)
    form = show_form(draft, artwork=None, action="action-publish")

    refused = editor_client.post(add_url(PodcastPage, library), form)
    form.pop("action-publish")
    saved = editor_client.post(add_url(PodcastPage, library), {**form, "action-save": "on"})

    assert refused.status_code == 200
    expected = in_language(MISSING, admin_language(refused))
    assert refused.context["form"].errors["artwork"] == [expected]
    assert saved.status_code == 302
    (page,) = PodcastPage.objects.filter(slug="zonder-omslag")
    assert not page.live and page.artwork is None


@pytest.mark.django_db
def test_a_show_without_artwork_cannot_be_published_however_it_is_published(show):
    show.artwork = None
    revision = show.save_revision()  # a draft may lack it

    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        revision.publish()

    assert refused.value.message_dict["artwork"] == [in_language(MISSING)]
    assert PodcastPage.objects.get(pk=show.pk).artwork is not None


@pytest.mark.django_db
def test_artwork_chosen_before_it_was_checked_leaves_the_feed_without_a_cover(client, show):
    # A show published before this check with a 800 x 600 image: no cover beats a 600 px one.
    PodcastPage.objects.filter(pk=show.pk).update(artwork=podcast_artwork(size=(800, 600)))
    cache.clear()

    feed = read_feed(client, show)

    assert "image" not in feed.feed
