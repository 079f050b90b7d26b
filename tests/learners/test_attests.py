"""Attests: issued once per completed course (PDF in storage, a discreet email), checked by code."""

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone, translation

from wagtail.models import Locale

from elearning.core.retries import MailDeferred
from elearning.learners import attests, tasks
from elearning.learners.models import Attest, Enrolment
from elearning.learners.services import attests as issuing
from elearning.learners.services import course_completion_refresh
from elearning.learners.views import attests as attest_views
from tests.factories import AttestFactory, UserFactory, publish, translate

from .conftest import ATTEST_COMPLETED_AT as COMPLETED_AT
from .conftest import attest_enrolment

# Words a subject line must never carry: mail is read over shoulders and on shared screens.
TELLING_WORDS = ["geweld", "violence", "mishandeling", "maltraitance", "abuse", "misbruik", "vif"]


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def french_course(attest_course):
    """The same course, translated into French."""
    for page in (attest_course.home, attest_course.library):
        translate(page, "fr")
    translate(attest_course.page, "fr", title="Reconnaître la maltraitance")
    for module in attest_course.modules:
        translate(module, "fr")
    return attest_course


def completed_enrolment(user, course):
    enrolment = attest_enrolment(user, course)
    assert course_completion_refresh(enrolment=enrolment, now=COMPLETED_AT)
    return enrolment


def pdf_text(attest):
    with attest.pdf.open("rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    return " ".join(page.extract_text() for page in reader.pages), reader


def stored_attest_files():
    return len(default_storage.listdir("attests")[1]) if default_storage.exists("attests") else 0


def study_time(minutes, language):
    with translation.override(language):
        return attests.attest_study_time_display(minutes)


def translated(msgid, language):
    with translation.override(language):
        return translation.gettext(msgid)


def test_completing_the_course_enqueues_one_attest_task_after_commit(
    attest_course, learner, monkeypatch, django_capture_on_commit_callbacks
):
    enrolment = attest_enrolment(learner, attest_course)
    sent = []
    monkeypatch.setattr(tasks.attest_issue, "delay", sent.append)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        course_completion_refresh(enrolment=enrolment, now=COMPLETED_AT)
        course_completion_refresh(enrolment=enrolment, now=COMPLETED_AT)  # already completed
    assert sent == []  # nothing is enqueued before the transaction commits
    for callback in callbacks:
        callback()
    assert sent == [enrolment.pk]


def test_an_incomplete_course_issues_nothing(attest_course, learner):
    enrolment = attest_enrolment(learner, attest_course, modules=attest_course.modules[:-1])
    assert not course_completion_refresh(enrolment=enrolment, now=COMPLETED_AT)
    assert issuing.attest_issue(enrolment_id=enrolment.pk) is None
    assert not Attest.objects.exists()
    assert mail.outbox == []


def test_the_attest_pdf_states_name_course_hours_date_and_code(attest_course, learner):
    files_before = stored_attest_files()
    enrolment = completed_enrolment(learner, attest_course)

    attest = issuing.attest_issue(enrolment_id=enrolment.pk)

    assert Attest.objects.get() == attest
    assert attest.pdf.name.startswith("attests/") and default_storage.exists(attest.pdf.name)
    assert stored_attest_files() == files_before + 1
    assert attest.study_minutes == 75  # the course's nominal study time, not the 40 measured
    assert attest.learner_name == learner.get_full_name() == "Lies Peeters"
    text, reader = pdf_text(attest)
    for expected in (
        "Lies Peeters",
        "Kindermishandeling herkennen",
        study_time(75, "nl"),
        "5 maart 2025",
        attest.code,
    ):
        assert expected in text
    assert (
        reader.metadata.title == f"{translated('Certificate', 'nl')}: Kindermishandeling herkennen"
    )
    assert reader.trailer["/Root"]["/Lang"] == "nl"


def test_the_attest_is_emailed_once_with_a_discreet_subject_and_the_pdf(attest_course, learner):
    enrolment = completed_enrolment(learner, attest_course)

    attest = issuing.attest_issue(enrolment_id=enrolment.pk)

    assert attest.emailed_at is not None
    [message] = mail.outbox
    assert message.to == [learner.email]
    assert message.subject.startswith("[Leerplatform] ")
    assert not [word for word in TELLING_WORDS if word in message.subject.lower()]
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == (f"attest-{attest.code}.pdf", "application/pdf")
    with attest.pdf.open("rb") as pdf:
        assert content == pdf.read()
    assert "5 maart 2025" in message.body
    assert f"http://leerplatform.test/nl/attest/{attest.code}/" in message.body  # SITE_URL


def test_a_french_learner_gets_the_attest_and_the_email_in_french(french_course, learner):
    learner.preferred_language = "fr"
    learner.save()
    enrolment = completed_enrolment(learner, french_course)

    attest = issuing.attest_issue(enrolment_id=enrolment.pk)

    assert (attest.language, attest.course_title) == ("fr", "Reconnaître la maltraitance")
    text, reader = pdf_text(attest)
    assert "Reconnaître la maltraitance" in text
    assert "5 mars 2025" in text
    assert study_time(75, "fr") in text
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    [message] = mail.outbox
    assert not [word for word in TELLING_WORDS if word in message.subject.lower()]
    assert "Reconnaître la maltraitance" in message.body and "5 mars 2025" in message.body
    assert f"/fr/attest/{attest.code}/" in message.body


def test_the_name_falls_back_to_the_email_address(attest_course):
    nameless = UserFactory(email="zonder.naam@example.org")
    enrolment = completed_enrolment(nameless, attest_course)

    attest = issuing.attest_issue(enrolment_id=enrolment.pk)

    assert attest.learner_name == "zonder.naam@example.org"
    assert "zonder.naam@example.org" in pdf_text(attest)[0]


def test_running_the_task_twice_changes_nothing(attest_course, learner):
    files_before = stored_attest_files()
    enrolment = completed_enrolment(learner, attest_course)

    tasks.attest_issue.apply(args=[enrolment.pk]).get()
    first = Attest.objects.get()
    tasks.attest_issue.apply(args=[enrolment.pk]).get()

    again = Attest.objects.get()
    assert (again.code, again.pdf.name, again.emailed_at) == (
        first.code,
        first.pdf.name,
        first.emailed_at,
    )
    assert stored_attest_files() == files_before + 1
    assert len(mail.outbox) == 1


def test_a_mail_failure_keeps_the_attest_and_pdf_so_the_retry_only_sends(
    attest_course, learner, settings
):
    files_before = stored_attest_files()
    enrolment = completed_enrolment(learner, attest_course)
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"

    with pytest.raises(MailDeferred):  # the task's retry policy tries again later
        issuing.attest_issue(enrolment_id=enrolment.pk)

    attest = Attest.objects.get()
    assert attest.pdf and attest.emailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    issuing.attest_issue(enrolment_id=enrolment.pk)

    retried = Attest.objects.get()
    assert (retried.pk, retried.pdf.name) == (attest.pk, attest.pdf.name)
    assert retried.emailed_at is not None
    assert len(mail.outbox) == 1
    assert stored_attest_files() == files_before + 1


def test_the_sweep_issues_attests_whose_task_was_lost(attest_course, learner):
    enrolment = attest_enrolment(learner, attest_course)
    # Completed 20 minutes ago, but the task never ran (the broker was down at that moment).
    Enrolment.objects.filter(pk=enrolment.pk).update(
        completed_at=timezone.now() - timedelta(minutes=20)
    )
    # Completed 2 minutes ago: its own task may still be on its way; the sweep leaves it.
    fresh = attest_enrolment(UserFactory(), attest_course)
    Enrolment.objects.filter(pk=fresh.pk).update(completed_at=timezone.now() - timedelta(minutes=2))

    # The sweep task enqueues attest_issue for these (a real worker takes them in the Redis run).
    assert attests.attests_pending() == [enrolment.pk]
    issuing.attest_issue(enrolment_id=enrolment.pk)

    attest = Attest.objects.get(enrolment=enrolment)
    assert attest.pdf and attest.emailed_at
    assert len(mail.outbox) == 1
    assert attests.attests_pending() == []  # once issued, it is not picked up again


def test_nothing_is_issued_for_an_enrolment_that_is_gone(db):
    # An erased account or a flushed queue: the task meets an id that no longer exists.
    assert issuing.attest_issue(enrolment_id=987654) is None


@pytest.fixture
def issued(learner):
    """An attest as issuing leaves it (row and stored PDF), made directly: pages only read it."""
    attest = AttestFactory(
        enrolment__user=learner,
        enrolment__started_at=COMPLETED_AT,
        learner_name="Lies Peeters",
        course_title="Kindermishandeling herkennen",
        study_minutes=75,
        completed_on=COMPLETED_AT.date(),
        language="nl",
        emailed_at=COMPLETED_AT,
    )
    attest.pdf.save("attest-test.pdf", ContentFile(b"%PDF-1.7 test"))
    return attest


def grouped(code):
    return f"{code[:4]}-{code[4:8]} {code[8:]}".lower()


@pytest.mark.parametrize("form", ["exact", "lower case, dashes and spaces"])
def test_the_verification_page_confirms_a_valid_code(client, issued, form):
    code = issued.code if form == "exact" else f"  {grouped(issued.code)} "

    response = client.get("/en/attest/", {"code": code})

    assert response.status_code == 200
    html = response.content.decode()
    assert "This certificate is valid" in html
    assert (
        "Lies Peeters completed the course “Kindermishandeling herkennen” on March 5, 2025." in html
    )
    assert study_time(75, "en") in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_qr_code_link_shows_the_result_directly(client, issued):
    response = client.get(f"/en/attest/{grouped(issued.code)}/")

    assert response.status_code == 200
    assert "This certificate is valid" in response.content.decode()


def test_an_unknown_code_is_not_found(client, issued):
    response = client.get("/en/attest/", {"code": "ABCD EFGH JKMN"})

    assert response.status_code == 200
    assert "There is no certificate with this code." in response.content.decode()
    assert "Lies Peeters" not in response.content.decode()


def test_the_empty_form_asks_for_the_code_and_an_empty_code_is_an_error(client, db):
    first = client.get("/en/attest/")
    empty = client.get("/en/attest/", {"code": "  "})

    assert first.status_code == 200 and 'role="status"' in first.content.decode()
    html = empty.content.decode()
    assert "Enter the verification code printed on the certificate." in html
    assert (
        'id="id_code_errors"' in html
        and 'aria-describedby="id_code_helptext id_code_errors"' in html
    )


@pytest.mark.parametrize(
    ("hostile", "answer"),
    [
        ("A" * 5000, "Ensure this value has at most 40 characters"),
        ("' OR 1=1 --", "There is no certificate with this code."),
        ("ÄÖÜ ß 漢字 😀 ‮", "There is no certificate with this code."),
        ("\x00", "Null characters are not allowed."),
        ("ABCD\x00EFGHJKMN", "Null characters are not allowed."),
    ],
)
def test_hostile_input_gets_a_normal_answer(client, issued, hostile, answer):
    by_form = client.get("/en/attest/", {"code": hostile})

    assert by_form.status_code == 200
    assert answer in by_form.content.decode()
    assert "Lies Peeters" not in by_form.content.decode()


@pytest.mark.parametrize("path", ["/en/attest/%00/", "/en/attest/%27%20OR%201=1%20--/"])
def test_hostile_input_in_the_address_gets_a_normal_answer(client, issued, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "Lies Peeters" not in response.content.decode()


def test_lookups_are_limited_per_address(client, issued, monkeypatch, rate_limit_clock):
    monkeypatch.setattr(attest_views, "VERIFICATIONS_PER_MINUTE", 3)

    answers = [client.get("/en/attest/", {"code": f"WRONG{n}"}) for n in range(3)]
    blocked = client.get("/en/attest/", {"code": issued.code})
    elsewhere = client.get("/en/attest/", {"code": issued.code}, REMOTE_ADDR="192.0.2.7")

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert blocked.status_code == 429 and blocked["Retry-After"] == "60"
    assert "Too many codes were checked" in blocked.content.decode()
    assert "Lies Peeters" not in blocked.content.decode()
    assert elsewhere.status_code == 200 and "Lies Peeters" in elsewhere.content.decode()


def test_the_lookup_limit_is_told_in_the_visitors_language(
    client, db, monkeypatch, rate_limit_clock
):
    monkeypatch.setattr(attest_views, "VERIFICATIONS_PER_MINUTE", 2)

    answers = [client.get("/fr/attest/", {"code": "ABCDEFGHJKMN"}) for _ in range(3)]

    not_found = "aucune attestation avec ce code"
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert all(not_found in answer.content.decode() for answer in answers[:2])
    assert "Trop de vérifications" in answers[-1].content.decode()
    assert not_found not in answers[-1].content.decode()


def test_lookups_are_answered_again_the_next_minute(client, issued, monkeypatch, rate_limit_clock):
    monkeypatch.setattr(attest_views, "VERIFICATIONS_PER_MINUTE", 2)
    for _ in range(2):
        client.get("/en/attest/", {"code": "WRONG"})
    assert client.get("/en/attest/", {"code": issued.code}).status_code == 429

    rate_limit_clock.advance(60)
    again = client.get("/en/attest/", {"code": issued.code})

    assert again.status_code == 200 and "Lies Peeters" in again.content.decode()


def test_the_owner_downloads_the_pdf(client, issued, learner):
    client.force_login(learner)

    response = client.get(f"/nl/account/learning/attests/{issued.code}.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="attest-{issued.code}.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    response.close()


def test_another_learner_gets_not_found(client, issued):
    client.force_login(UserFactory())

    response = client.get(f"/nl/account/learning/attests/{issued.code}.pdf")

    assert response.status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, issued):
    response = client.get(f"/nl/account/learning/attests/{issued.code}.pdf")

    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/login/")


def test_a_pdf_not_ready_yet_gets_a_friendly_page(client, issued, learner):
    Attest.objects.filter(pk=issued.pk).update(pdf="")
    client.force_login(learner)

    response = client.get(f"/en/account/learning/attests/{issued.code}.pdf")

    assert response.status_code == 200
    assert "Your certificate is being prepared" in response.content.decode()


# What the certificate states: issuer, modules and study time, in the learner's language.


@pytest.mark.parametrize(
    ("minutes", "language", "said"),
    [
        (90, "nl", "1 uur 30 minuten"),
        (90, "en", "1 hour 30 minutes"),
        (90, "fr", "1 heure 30 minutes"),
        (30, "nl", "30 minuten"),
        (120, "nl", "2 uur"),
        (61, "en", "1 hour 1 minute"),
    ],
)
def test_study_time_is_said_in_hours_and_minutes(minutes, language, said):
    assert study_time(minutes, language) == said


@pytest.fixture
def identity(attest_course):
    """The installation's identity: a name, the organising platform and a logo."""
    from wagtail.models import Site

    from elearning.core.models import SiteIdentity
    from tests.factories import logo_image

    setting = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    setting.site_name_nl = "Leerplatform Gent"
    setting.organisation = "Interlokaal Platform Intrafamiliaal Geweld"
    setting.logo = logo_image(alt_text="Logo van het platform")
    setting.save()
    return setting


def test_the_certificate_names_the_issuer_the_modules_and_the_study_time(
    attest_course, learner, identity
):
    titles = ["Signalen", "Gesprek", "Melden", "Nazorg"]
    for module, title in zip(attest_course.modules, titles, strict=True):
        module.title = title
        publish(module)
    enrolment = completed_enrolment(learner, attest_course)

    attest = issuing.attest_issue(enrolment_id=enrolment.pk)

    assert attest.module_titles == ["Signalen", "Gesprek", "Melden", "Nazorg"]
    text, reader = pdf_text(attest)
    text = " ".join(text.split())  # lines may wrap anywhere
    assert "Leerplatform Gent" in text
    assert "Uitgereikt door Interlokaal Platform Intrafamiliaal Geweld" in text
    assert "Voltooide modules:" in text
    positions = [text.index(title) for title in attest.module_titles]
    assert positions == sorted(positions)  # in the course's order
    assert "1 uur 15 minuten" in text
    assert reader.pages[0].images  # the logo, inlined (the renderer fetches nothing)


def test_the_certificate_keeps_what_it_stated_when_the_course_changes(attest_course, learner):
    enrolment = completed_enrolment(learner, attest_course)
    attest = issuing.attest_issue(enrolment_id=enrolment.pk)
    stated = list(attest.module_titles)

    attest_course.modules[0].title = "Een nieuwe titel"
    publish(attest_course.modules[0])

    attest.refresh_from_db()
    assert attest.module_titles == stated and "Een nieuwe titel" not in stated


def test_a_french_certificate_lists_the_modules_in_french(french_course, learner):
    learner.preferred_language = "fr"
    learner.save()
    enrolment = completed_enrolment(learner, french_course)

    attest = issuing.attest_issue(enrolment_id=enrolment.pk)

    french_titles = [
        module.get_translation(Locale.objects.get(language_code="fr")).title
        for module in french_course.modules
    ]
    assert attest.module_titles == french_titles
    text = pdf_text(attest)[0]
    assert "Modules terminés" in text and "1 heure 15 minutes" in text


def test_a_pdf_rendered_without_a_site_identity_names_the_platform(db):
    attest = AttestFactory(study_minutes=90, language="en", module_titles=["Signals"])

    text = " ".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(attests.attest_pdf_render(attest=attest))).pages
    )

    assert "VIF learning library" in text and "Certificate" in text
    assert "1 hour 30 minutes" in text and "Signals" in text
    assert "Attest" not in text


def test_the_dutch_mail_says_studietijd(attest_course, learner):
    enrolment = completed_enrolment(learner, attest_course)

    issuing.attest_issue(enrolment_id=enrolment.pk)

    [message] = mail.outbox
    assert "(1 uur 15 minuten studietijd)" in message.body
    assert message.subject == "[Leerplatform] Uw attest"


def test_the_english_mail_says_certificate_never_attest(attest_course, learner):
    learner.preferred_language = "en"
    learner.save()
    enrolment = completed_enrolment(learner, attest_course)

    issuing.attest_issue(enrolment_id=enrolment.pk)

    [message] = mail.outbox
    assert message.subject.endswith("Your certificate")
    assert "(1 hour 15 minutes of study)" in message.body
    words = " ".join(line for line in message.body.splitlines() if "://" not in line)
    assert "certificate" in words and "attest" not in words.lower()
