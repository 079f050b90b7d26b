"""The backup and restore of README.md ("Backups and restore") bring the site back: a `pg_dump -Fc`
of the database and a copy of the upload folder, restored into a fresh database and a fresh
folder, answer with the same pages, search results, document and learner progress.

The restored installation runs in processes of its own (manage.py, as an operator would run it),
on the restored database and folder, without the original's Redis: caches and queues are not
part of a backup."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client

from wagtail.documents import get_document_model

from tests.factories.learners import EnrolmentFactory, ModuleProgressFactory

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="pg_dump/pg_restore back up PostgreSQL only",
    ),
    # pg_dump sees committed rows only.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]

ROOT = settings.BASE_DIR
HANDOUT = b"Checklist signalen\n- blauwe plekken op ongewone plaatsen\n"
PROGRESS = re.compile(r"\d+ van \d+ modules voltooid")
RESULT_LINK = re.compile(r'class="result__title"[^>]*><a href="([^"]+)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def site_seen(*, pages, search, document, learner_email):
    """What a visitor and the learner see: each page's status and title, the links of the search
    results, the document's bytes (as a digest) and the learner's progress on "My learning".
    Runs in the test and, through `manage.py shell`, in the restored installation."""
    from django.contrib.auth import get_user_model

    client = Client()
    seen = {}
    for path in pages:
        response = client.get(path)
        seen[path] = [response.status_code, TITLE.search(response.content.decode()).group(1)]
    results = client.get(search).content.decode()
    seen["search"] = RESULT_LINK.findall(results)
    response = client.get(document)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    seen["document"] = [response.status_code, hashlib.sha256(body).hexdigest()]
    client.force_login(get_user_model().objects.get(email=learner_email))
    dashboard = client.get("/nl/account/learning/").content.decode()
    seen["progress"] = PROGRESS.findall(dashboard)
    return seen


def postgres_environ(name=None):
    """libpq's variables for the test database's server (pg_dump, createdb read them)."""
    database = connection.settings_dict
    environ = {**os.environ, "PGDATABASE": name or database["NAME"]}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if database[key]:
            environ[variable] = str(database[key])
    if database["PASSWORD"]:
        environ["PGPASSWORD"] = database["PASSWORD"]
    return environ


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # noqa: S603
    assert result.returncode == 0, f"{command[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def restored_environ(database_name, media_root):
    """The restored installation's environment: its database and folder, no Redis (a restored
    site starts with empty caches and queues) and no address of the original."""
    database = connection.settings_dict
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    address = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "CELERY_BROKER_URL", "PYTEST_XDIST_WORKER"}
    }
    environ.update(
        DATABASE_URL=f"postgres://{credentials}@{address}/{database_name}",
        DJANGO_MEDIA_ROOT=str(media_root),
        DJANGO_SETTINGS_MODULE="tests.core.backup_restore_settings",
        # The host Django's test client names; pytest-django allows it in this process.
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    return environ


def manage(*arguments, environ):
    return run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=environ)


def test_a_backup_restores_into_a_fresh_database_and_upload_folder(library_tree, learner, tmp_path):
    pages = library_tree["pages"]
    course, module = pages["course"], pages["module"]
    enrolment = EnrolmentFactory(user=learner, course_key=course.translation_key)
    ModuleProgressFactory(enrolment=enrolment, module_key=module.translation_key, completed=True)
    document = get_document_model().objects.create(
        title="Checklist signalen", file=ContentFile(HANDOUT, name="checklist.txt")
    )
    call_command("search_rebuild", stdout=open(os.devnull, "w"))  # noqa: SIM115
    seen = {
        "pages": [pages["library"].url, course.url, module.url, pages["module2"].url],
        "search": "/nl/search/?q=Kindermishandeling",
        "document": document.url,
        "learner_email": learner.email,
    }
    before = site_seen(**seen)
    assert course.url in before["search"]
    assert before["document"][0] == 200
    assert before["progress"] == ["1 van 2 modules voltooid"]

    # The backup, as README.md writes it: the database in pg_dump's custom format, the folder.
    backup = tmp_path / "backup"
    backup.mkdir()
    run(["pg_dump", "-Fc", "--file", str(backup / "database.dump")], env=postgres_environ())
    shutil.copytree(settings.MEDIA_ROOT, backup / "uploads")

    # The restore, into a database and a folder that never saw the original.
    fresh = f"{connection.settings_dict['NAME']}_restored"
    admin = postgres_environ("postgres")
    run(["dropdb", "--if-exists", fresh], env=admin)
    run(["createdb", fresh], env=admin)
    try:
        run(
            ["pg_restore", "--no-owner", "--dbname", fresh, str(backup / "database.dump")],
            env=admin,
        )
        media_root = tmp_path / "restored-uploads"
        shutil.copytree(backup / "uploads", media_root)
        environ = restored_environ(fresh, media_root)
        manage("migrate", "--no-input", environ=environ)
        manage("search_rebuild", environ=environ)
        probe = (
            "import json; from tests.core.test_backup_restore import site_seen; "
            f"print(json.dumps(site_seen(**{seen!r})))"
        )
        after = json.loads(manage("shell", "--command", probe, environ=environ).splitlines()[-1])
    finally:
        run(["dropdb", "--if-exists", fresh], env=admin)

    assert after == before
