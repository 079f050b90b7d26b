"""Security baseline: headers, deploy checks, login throttling, safe document serving."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse

from media.models import CustomDocument
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client, library_tree):
    response = client.get(library_tree["pages"]["home"].url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_check_deploy_with_production_settings_reports_nothing():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DJANGO_SECRET_KEY": "k3y-" + "a1b2c3d4e5f6g7h8" * 4,
        "SITE_URL": "https://leren.example.be",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_a_missing_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.production", "DJANGO_SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_out(client, settings):
    user = UserFactory(email="editor@example.org", is_staff=True)
    login_url = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login_url, {"username": user.email, "password": "wrong-password"})
    response = client.post(login_url, {"username": user.email, "password": "correct-horse-battery"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_good_login_still_works(client):
    UserFactory(email="editor@example.org", is_staff=True)
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "editor@example.org", "password": "correct-horse-battery"},
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("evil.html", b"<html><script>alert(1)</script></html>"),
        ("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
)
def test_uploaded_html_or_svg_is_never_rendered_inline(client, name, body):
    document = CustomDocument.objects.create(title=name, file=ContentFile(body, name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_the_admin_refuses_html_and_svg_document_uploads(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name in ("page.html", "image.svg"):
        upload = ContentFile(b"<html></html>", name=name)
        response = client.post(
            reverse("wagtaildocs:add"), {"title": name, "file": upload, "collection": 1}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["file"]
    assert not CustomDocument.objects.exists()


@pytest.mark.django_db
def test_the_admin_asks_no_third_party_for_avatars(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html
