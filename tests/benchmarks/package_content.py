"""The package scenario's work inside Django (run through inproc.py, never imported by run.py).

Source: a Dutch home and library holding one course of `modules` modules, each module with a
downloadable PDF of its own (made with Pillow: a real PDF, distinct bytes per module). A few of
the PDFs hold a picture of noise and weigh megabytes; the rest a few hundred bytes.
Target: the home and library a fresh installation has, for the importer to put the course under.
Summary: what a course holds, the same way on both sides, so the import can be checked.
"""

import hashlib
import io
import time
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

COURSE_SLUG = "bench-package"
SMALL_SIDE = (24, 16)  # pixels of the small PDFs' picture
NOISE_BYTES_PER_PIXEL = 0.6  # what Pillow's JPEG (quality 75) makes of RGB noise
READ_CHUNK = 1024**2


def _pdf(number, size=0):
    """A PDF of one picture: a colour of its own, or (size > 0) noise of about `size` bytes."""
    from PIL import Image

    if size:
        side = int((size / NOISE_BYTES_PER_PIXEL) ** 0.5)
        picture = Image.frombytes("RGB", (side, side), _noise(side * side * 3, seed=number))
    else:
        colour = (number % 256, (number // 256) * 37 % 256, 255 - number % 256)
        picture = Image.new("RGB", SMALL_SIDE, colour)
    buffer = io.BytesIO()
    picture.save(buffer, "PDF", title=f"Werkblad module {number}")
    return buffer.getvalue()


def _noise(length, seed):
    """Reproducible incompressible bytes (a real file of this size would not deflate much)."""
    import random

    return random.Random(seed).randbytes(length)


def _document(number, size):
    from media.models import CustomDocument

    document = CustomDocument(
        title=f"Werkblad module {number}",
        file=ContentFile(_pdf(number, size), name=f"werkblad-module-{number:04d}.pdf"),
    )
    document._set_document_file_metadata()  # as the admin's upload form does
    document.save()
    return document


def _module(course, number, document, published_at):
    from courses.models import ModulePage
    from tests.factories import knowledge_check_block

    body = [
        {
            "type": "text",
            "id": str(uuid.uuid4()),
            "value": f"<p>Deel {number}: signalen herkennen en het gesprek voorbereiden.</p>",
        },
        {
            "type": "resource",
            "id": str(uuid.uuid4()),
            "value": {"document": document.pk, "description": f"Werkblad bij deel {number}"},
        },
        knowledge_check_block(f"Wat doet u eerst in situatie {number}?"),
    ]
    module = ModulePage(
        title=f"Module {number}: signalen herkennen",
        slug=f"module-{number:04d}",
        summary="Een module van vijf minuten.",
        duration_minutes=5 + number % 15,
        body=body,
        # Live from the start, without a revision of its own: publishing 1,000 revisions one by
        # one doubles the set-up time, and the export reads the live pages, not revisions.
        live=True,
        first_published_at=published_at,
        last_published_at=published_at,
    )
    course.add_child(instance=module)
    return module


def seed(*, modules, large_sizes):
    """The course with its modules and documents; `large_sizes` {module number: bytes}."""
    from courses.models import CoursePage
    from tests.factories import (
        CoursePageFactory,
        LibraryPageFactory,
        make_home,
        publish,
    )

    started = time.monotonic()
    large_sizes = {int(number): size for number, size in large_sizes.items()}
    with transaction.atomic():
        library = publish(LibraryPageFactory(parent=make_home()))
        course = publish(
            CoursePageFactory(
                parent=library,
                title="Partnergeweld herkennen, in duizend delen",
                slug=COURSE_SLUG,
                attribution="Stad Gent",
            )
        )
        now = timezone.now()
        for number in range(1, modules + 1):
            _module(course, number, _document(number, large_sizes.get(number, 0)), now)
        # Once for all modules: the course's stored duration (publishing signals) and cache.
        course = publish(CoursePage.objects.get(pk=course.pk))
    return {
        "key": str(course.translation_key),
        **course_summary(key=str(course.translation_key)),
        "seconds": round(time.monotonic() - started, 1),
    }


def target_prepare():
    """A fresh installation's tree: a Dutch home and library, nothing else."""
    from tests.factories import LibraryPageFactory, make_home, publish

    with transaction.atomic():
        library = publish(LibraryPageFactory(parent=make_home()))
    return {"library": library.pk}


def _file_sha256(field):
    digest = hashlib.sha256()
    with field.storage.open(field.name, "rb") as stored:
        while block := stored.read(READ_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _resource_documents(modules):
    """The document ids of the modules' resource blocks, in module order."""
    found = []
    for module in modules:
        found += [
            block.value["document"].pk
            for block in module.body
            if block.block_type == "resource" and block.value["document"] is not None
        ]
    return found


def course_summary(*, key):
    """The live course with translation key `key`: its modules, the documents they offer and
    a digest of those documents' bytes (the same files give the same digest on any site)."""
    from courses.models import CoursePage, ModulePage
    from media.models import CustomDocument

    course = CoursePage.objects.filter(translation_key=key, live=True).first()
    if course is None:
        return {"modules": 0, "documents": 0, "missing_files": 0, "files_digest": None}
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    document_ids = _resource_documents(modules)
    documents = CustomDocument.objects.filter(pk__in=document_ids).order_by("pk")
    hashes, missing, stored_bytes = [], 0, 0
    for document in documents:
        if not document.file.name or not document.file.storage.exists(document.file.name):
            missing += 1
            continue
        hashes.append(_file_sha256(document.file))
        stored_bytes += document.file.size
    return {
        "course_id": course.pk,
        "modules": len(modules),
        "documents": len(set(document_ids)),
        "distinct_files": len(set(hashes)),
        "missing_files": missing,
        "stored_mb": round(stored_bytes / 1024**2, 1),
        "files_digest": hashlib.sha256("".join(sorted(hashes)).encode()).hexdigest(),
    }
