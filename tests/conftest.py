import pytest

from django.core.cache import cache

from wagtail.models import Locale

from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    ThemeFactory,
    ToolPageFactory,
    TrainerFactory,
    WebinarPageFactory,
    make_home,
    publish,
    translate,
)


def pytest_report_header(config):
    """Say which real parts this run uses, so a CI log shows the SQLite and the PostgreSQL run."""
    from django.conf import settings

    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    celery = "eager" if settings.CELERY_TASK_ALWAYS_EAGER else settings.CELERY_BROKER_URL
    return f"vif: database={database} cache={cache_backend} celery={celery}"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so no cached page leaks between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def library_tree(db):
    """A small published library in nl with fr and en translations of every page.

    Returns a dict of the Dutch pages by role and the translations by (role, language).
    """
    Locale.objects.get_or_create(language_code="fr")
    Locale.objects.get_or_create(language_code="en")
    theme = ThemeFactory(name="Kindermishandeling", slug="kindermishandeling")
    trainer = TrainerFactory(name="An Voorbeeld")
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = CoursePageFactory(parent=library, title="Kindermishandeling herkennen")
    course.themes.set([theme])
    course.trainers.set([trainer])
    publish(course)
    module = publish(ModulePageFactory(parent=course, title="Signalen", duration_minutes=15))
    module2 = publish(ModulePageFactory(parent=course, title="Het gesprek", duration_minutes=10))
    webinar = publish(WebinarPageFactory(parent=library, title="Webinar partnergeweld"))
    tool = publish(ToolPageFactory(parent=library, title="Babobox"))
    pages = {
        "home": home,
        "library": library,
        "course": course,
        "module": module,
        "module2": module2,
        "webinar": webinar,
        "tool": tool,
    }
    translations = {}
    for language in ("fr", "en"):
        for role in ("home", "library", "course", "module", "module2", "webinar", "tool"):
            translations[(role, language)] = translate(pages[role], language)
    cache.clear()
    return {"pages": pages, "translations": translations, "theme": theme}
