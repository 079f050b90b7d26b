"""Factories: the content tree (every page type with sensible defaults) and the domain models.

The domain factories live beside this module by app (people, learners, intervision, reports) and
are imported here, so tests import every factory from `tests.factories`.
"""

import uuid

import factory
import wagtail_factories

from django.core.files.base import ContentFile

from wagtail.models import Locale, Page, Site

from courses.models import (
    CoursePage,
    HomePage,
    InformationPage,
    LibraryPage,
    ModulePage,
    PodcastEpisodePage,
    PodcastPage,
    Theme,
    ToolPage,
    Trainer,
    WebinarPage,
)
from elearning.core.models import HelpLine
from elearning.core.sites import site_address
from media.models import MediaAsset

from .intervision import IntervisionSessionFactory, MeetingFactory, SignUpFactory
from .learners import AttestFactory, EnrolmentFactory, ModuleProgressFactory
from .people import EmailAddressFactory, UserFactory
from .reports import EvaluationFactory, EvaluationRatingFactory

__all__ = [
    "AttestFactory",
    "AudioAssetFactory",
    "CoursePageFactory",
    "EmailAddressFactory",
    "EnrolmentFactory",
    "EvaluationFactory",
    "EvaluationRatingFactory",
    "HelpLineFactory",
    "HomePageFactory",
    "InformationPageFactory",
    "IntervisionSessionFactory",
    "LibraryPageFactory",
    "MeetingFactory",
    "ModulePageFactory",
    "ModuleProgressFactory",
    "PodcastEpisodePageFactory",
    "PodcastPageFactory",
    "SignUpFactory",
    "ThemeFactory",
    "ToolPageFactory",
    "TRANSLATED_SUMMARY",
    "TrainerFactory",
    "UserFactory",
    "WebinarPageFactory",
    "knowledge_check_block",
    "make_home",
    "module_body",
    "podcast_artwork",
    "publish",
    "translate",
]


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Theme


class TrainerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Trainer {n}")
    slug = factory.Sequence(lambda n: f"trainer-{n}")
    organisation = "Stad Gent"

    class Meta:
        model = Trainer


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startpagina"
    summary = "Korte opleidingen voor professionals."

    class Meta:
        model = HomePage


class LibraryPageFactory(wagtail_factories.PageFactory):
    title = "Bibliotheek"
    slug = "bibliotheek"
    summary = "Alle opleidingen."
    show_in_menus = True

    class Meta:
        model = LibraryPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Opleiding {n}")
    summary = "Een korte opleiding."
    learning_objectives = [("objective", "Signalen herkennen")]

    class Meta:
        model = CoursePage


def knowledge_check_block(question="Wat doet u eerst?"):
    return {
        "type": "knowledge_check",
        "id": str(uuid.uuid4()),
        "value": {
            "question": question,
            "choices": [
                {
                    "text": "Veiligheid inschatten",
                    "correct": True,
                    "feedback": "Juist: eerst veiligheid.",
                },
                {
                    "text": "De pleger confronteren",
                    "correct": False,
                    "feedback": "Dat kan gevaar geven.",
                },
            ],
        },
    }


def module_body():
    return [
        {"type": "text", "id": str(uuid.uuid4()), "value": "<p>Uitleg over signalen.</p>"},
        knowledge_check_block(),
        {
            "type": "reflection",
            "id": str(uuid.uuid4()),
            "value": {"question": "Wat herkent u?", "guidance": "Denk aan uw praktijk."},
        },
    ]


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "Een module van een kwartier."
    duration_minutes = 15
    body = factory.LazyFunction(module_body)

    class Meta:
        model = ModulePage


class WebinarPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Webinar {n}")
    summary = "Een opgenomen webinar."
    duration_minutes = 60
    transcript = "Welkom bij dit webinar."

    class Meta:
        model = WebinarPage


class ToolPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tool {n}")
    summary = "Een praktische tool."
    kind = "kit"
    body = factory.LazyFunction(
        lambda: [{"type": "text", "id": str(uuid.uuid4()), "value": "<p>Zo gebruikt u de kit.</p>"}]
    )

    class Meta:
        model = ToolPage


class InformationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Informatie {n}")
    summary = "Over deze site."
    body = "<h2>Contact</h2><p>Mail ons.</p>"

    class Meta:
        model = InformationPage


class HelpLineFactory(factory.django.DjangoModelFactory):
    number = factory.Sequence(lambda n: f"0800 {n:05d}")
    name = "Hulplijn"
    description = "Gratis, elke werkdag."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = HelpLine


class AudioAssetFactory(factory.django.DjangoModelFactory):
    """An audio recording; its bytes are not real sound unless a test passes a real `file`."""

    title = factory.Sequence(lambda n: f"Aflevering {n}")
    type = "audio"
    duration = 754.0
    file = factory.LazyFunction(lambda: ContentFile(b"not really sound", name="aflevering.mp3"))

    class Meta:
        model = MediaAsset


def picture_bytes(size, image_format="PNG"):
    """A real picture file of `size` (width, height), filled with one colour."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 85, 122)).save(buffer, format=image_format)
    return buffer.getvalue()


def podcast_artwork(*, size=(1400, 1400), image_format="PNG", name="omslag.png"):
    """A library image as a show's artwork: by default what podcast apps accept (a square PNG
    of 1400 px); another size, format or name makes one they refuse."""
    from media.models import CustomImage

    return CustomImage.objects.create(
        title="Omslag",
        file=ContentFile(picture_bytes(size, image_format), name=name),
        width=size[0],
        height=size[1],
    )


class PodcastPageFactory(wagtail_factories.PageFactory):
    title = "Podcast"
    slug = "podcast"
    summary = "Gesprekken met professionals."
    owner_name = "Interlokaal Platform Intrafamiliaal Geweld"
    owner_email = "podcast@example.org"
    # A show is published only with valid artwork (courses/podcast_artwork.py).
    artwork = factory.LazyFunction(podcast_artwork)

    class Meta:
        model = PodcastPage


class PodcastEpisodePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Aflevering {n}")
    summary = "Een gesprek van een kwartier."
    audio = factory.SubFactory(AudioAssetFactory)
    transcript = "Welkom bij deze aflevering."

    class Meta:
        model = PodcastEpisodePage


def logo_image(*, alt_text="Logo of the City of Ghent", size=(240, 80)):
    """A small PNG logo (a filled rectangle) as a library image."""
    import io

    from PIL import Image

    from media.models import CustomImage

    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 85, 122)).save(buffer, format="PNG")
    return CustomImage.objects.create(
        title="Logo",
        alt_text=alt_text,
        file=ContentFile(buffer.getvalue(), name="logo.png"),
        width=size[0],
        height=size[1],
    )


def publish(page):
    page.save_revision().publish()
    return page


def make_home():
    """A published Dutch home page as the default site's root (the default welcome page goes), at
    SITE_URL's host and port as `migrate` leaves it."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, **site_address()}
    )
    return publish(home)


# A summary in each language, long enough to outweigh a factory page's short Dutch body: the
# copy's text is then detected as translated (elearning/core/content_language.py).
TRANSLATED_SUMMARY = {
    "fr": (
        "Une formation courte pour les professionnels qui rencontrent la violence "
        "intrafamiliale : reconnaître les signaux, en parler avec la personne et savoir vers "
        "qui orienter."
    ),
    "en": (
        "A short training for professionals who meet family violence: recognising the signs, "
        "talking about them with the person and knowing where to refer."
    ),
}


def translate(page, language_code, title=None, summary=None):
    """A published copy of the page in another locale, as the admin's "Translate" makes it:
    its text stays the original's (Dutch) unless a `summary` in that language is given
    (TRANSLATED_SUMMARY), which makes it read as translated."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    copy = page.copy_for_translation(locale)
    copy.title = title or f"{page.title} ({language_code})"
    if summary is not None:
        copy.summary = summary
    copy.save()
    return publish(copy)
