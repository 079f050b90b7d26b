"""A course with everything a package carries: two languages, modules and a webinar, an image,
a document, a recording with captions, themes, a trainer with a photo, and a link between
modules. Plus helpers to export it, and to empty the site as a fresh installation would be."""

import io
import subprocess
import uuid

import pytest
from PIL import Image

from django.core.files.base import ContentFile
from django.utils import translation

from wagtail.models import Collection, Locale, Page

from courses.models import CoursePackage, CoursePage, Theme, Trainer
from courses.packaging.services import package_export_file
from media.models import CustomDocument, CustomImage, MediaAsset, MediaCaption
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    WebinarPageFactory,
    knowledge_check_block,
    make_home,
    publish,
    translate,
)

CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:01.500\nWelkom bij deze opname.\n"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def own_upload_folder(settings, tmp_path):
    """Each test its own MEDIA_ROOT, so "no stray files" means files of this test."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


def png_bytes(colour="red"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="session")
def audio_bytes(tmp_path_factory):
    target = tmp_path_factory.mktemp("package-media") / "fragment.mp3"
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
         "sine=frequency=330:duration=2", "-c:a", "libmp3lame", str(target)],
        check=True, capture_output=True,
    )  # fmt: skip
    return target.read_bytes()


def libraries():
    """A site with a Dutch and a French library, as every installation has."""
    home = make_home()
    library = LibraryPageFactory(parent=home)
    publish(library)
    translate(home, "fr")
    library_fr = translate(library, "fr", title="Bibliothèque")
    return library, library_fr


def rich_text_link(page):
    return f'<p>Zie ook <a linktype="page" id="{page.pk}">de vorige module</a>.</p>'


@pytest.fixture
def course_full(audio_bytes):
    library, _library_fr = libraries()
    fr = Locale.objects.get(language_code="fr")
    theme = Theme.objects.create(name="Kindermishandeling", slug="kindermishandeling")
    theme_fr = Theme.objects.create(
        name="Maltraitance", slug="maltraitance", locale=fr, translation_key=theme.translation_key
    )
    photo = CustomImage.objects.create(
        title="Portret", file=ContentFile(png_bytes("blue"), name="portret.png")
    )
    trainer = Trainer.objects.create(name="An Peeters", slug="an-peeters", photo=photo)
    image = CustomImage.objects.create(
        title="Omslag", alt_text="Twee handen", file=ContentFile(png_bytes(), name="omslag.png")
    )
    document = CustomDocument.objects.create(
        title="Meldcode", file=ContentFile(PDF, name="meldcode.pdf")
    )
    recording = MediaAsset.objects.create(
        title="Opname", type="audio", duration=2, file=ContentFile(audio_bytes, name="opname.mp3")
    )
    MediaCaption.objects.create(
        asset=recording, language="nl", file=ContentFile(CAPTIONS, name="opname.vtt"), cue_count=1
    )
    course = CoursePageFactory(
        parent=library, title="Kindermishandeling herkennen", slug="kindermishandeling",
        image=image, attribution="Stad Gent", licence="cc-by-sa-4.0",
        evaluation_questions=[
            {"type": "rating", "id": str(uuid.uuid4()), "value": "Bruikbaar in mijn werk"}
        ],
    )  # fmt: skip
    course.themes.set([theme])
    course.trainers.set([trainer])
    publish(course)
    first = ModulePageFactory(parent=course, title="Signalen", slug="signalen")
    publish(first)
    second = ModulePageFactory(
        parent=course,
        title="Het gesprek",
        slug="gesprek",
        body=[
            {"type": "text", "id": str(uuid.uuid4()), "value": rich_text_link(first)},
            {
                "type": "resource",
                "id": str(uuid.uuid4()),
                "value": {"document": document.pk, "description": "De meldcode"},
            },
            {
                "type": "audio",
                "id": str(uuid.uuid4()),
                "value": {"audio": recording.pk, "caption": ""},
            },
            knowledge_check_block(),
        ],
    )
    publish(second)
    webinar = WebinarPageFactory(
        parent=course, title="Babobox", slug="babobox", recording=recording, slides=document
    )
    webinar.themes.set([theme])
    publish(webinar)
    course_fr = translate(course, "fr", title="Reconnaître la maltraitance")
    course_fr.themes.set([theme_fr])
    publish(course_fr)
    for page, title in ((first, "Signaux"), (second, "La conversation"), (webinar, "Babobox FR")):
        translate(page, "fr", title=title)
    return course


def package_bytes(course):
    out = io.BytesIO()
    package_export_file(course=course, out=out)
    out.seek(0)
    return out


def site_emptied():
    """Remove every course, file, theme and trainer: what a fresh installation holds (its own
    home and libraries only)."""
    for page in Page.objects.type(CoursePage):
        page.refresh_from_db()
        page.delete()
    CoursePackage.objects.all().delete()
    for model in (MediaCaption, MediaAsset, CustomDocument, CustomImage, Theme, Trainer):
        for row in model.objects.all():
            row.delete()
    Collection.get_first_root_node().get_children().delete()


@pytest.fixture(autouse=True)
def package_tasks_here(request, monkeypatch):
    """Package tasks run in the test's thread, also in the integration run, where `.delay`
    would hand them to a broker no worker of these (non-transactional) tests reads.
    test_worker.py has a real worker do them; test_worker_crash.py worker processes."""
    if {"celery_worker_real", "tasks_to_worker_processes"} & set(request.fixturenames):
        return
    from courses.packaging.tasks import package_export_task, package_import_task

    for task in (package_export_task, package_import_task):
        monkeypatch.setattr(task, "delay", lambda *args, task=task: task.apply(args=args))


@pytest.fixture
def retries_here():
    """A retried task runs again at once in this thread (Celery's eager mode), its failure
    kept on its result instead of raised: as a worker would, without the wait."""
    from elearning.celery import app

    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True  # settings/base.py
