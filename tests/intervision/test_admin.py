"""Intervision in the admin: trainers plan sessions, facilitators run them and their lists."""

import csv
import io
from datetime import timedelta
from html.parser import HTMLParser

import openpyxl
import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from elearning.accounts.roles import MODERATORS, TRAINERS
from elearning.intervision import services
from elearning.intervision.models import (
    Attendance,
    IntervisionSession,
    SignUp,
    SignUpStatus,
)
from tests.factories import SignUpFactory, UserFactory

from .conftest import person_make, session_make

pytestmark = pytest.mark.django_db

FORM_TIME = "%Y-%m-%d %H:%M"  # the admin's date-time widget


def nl(message):
    """A text in Dutch, the admin's default language (English until it is translated)."""
    with translation.override("nl"):
        return gettext(message)


def said(message):
    """A message as the admin page shows it."""
    return escape(nl(message))


def trainer_make(email):
    trainer = UserFactory(email=email, first_name="Tine", last_name="Trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    return trainer


@pytest.fixture
def trainer(db):
    return trainer_make("trainer@example.org")


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


def session_run_by(facilitator, *, starts_in=timedelta(days=7), **fields):
    """A session of `facilitator` whose date falls on a whole minute, as the admin saves it."""
    session = session_make(starts_in=starts_in, facilitator=facilitator, **fields)
    starts = session.meetings.get().starts_at.replace(second=0, microsecond=0)
    session.meetings.update(starts_at=starts, ends_at=starts + timedelta(hours=2))
    return session


def session_started(facilitator, **fields):
    """A session whose only date began an hour ago."""
    fields.setdefault("signup_opens_at", timezone.now() - timedelta(days=10))
    return session_run_by(facilitator, starts_in=-timedelta(hours=1), **fields)


def signup_add(session, person, status, minutes_ago, **fields):
    """A sign-up as the engine leaves it; `minutes_ago` sets its turn in the queue."""
    queued_at = timezone.now() - timedelta(minutes=minutes_ago)
    return SignUpFactory(session=session, user=person, status=status, queued_at=queued_at, **fields)


def url(name, session, *args):
    return reverse(f"intervision_facilitator:{name}", args=[session.pk, *args])


def local(moment):
    return timezone.localtime(moment).strftime(FORM_TIME)


def form_data(meetings, **fields):
    """The session form as the admin posts it; `meetings` are (starts, ends, id or "")."""
    now = timezone.now().replace(second=0, microsecond=0)
    first = min(starts for starts, _ends, _id in meetings)
    data = {
        "title": "Intervisie ouderenmis",
        "description": "Casusbespreking.",
        "language": "nl",
        "course": "",
        "theme": "",
        "webinar": "",
        "facilitator": "",
        "mode": "on_site",
        "address": "Stadhuis, Botermarkt 1, 9000 Gent",
        "join_url": "",
        "min_places": "0",
        "max_places": "12",
        "signup_opens_at": local(now),
        "signup_closes_at": local(first - timedelta(days=1)),
        "cancellation_cutoff_at": local(first - timedelta(days=2)),
        "offer_hours": "48",
        "confidentiality_text": "Wat hier gezegd wordt, blijft hier.",
        "never_recorded": "on",
        "meetings": inline_formset(
            [
                {"id": pk, "starts_at": local(starts), "ends_at": local(ends)}
                for starts, ends, pk in meetings
            ],
            initial=sum(1 for *_times, pk in meetings if pk),
        ),
        **fields,
    }
    return nested_form_data(data)


def two_dates(days=14):
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(days=days)
    return [
        (starts, starts + timedelta(hours=2), ""),
        (starts + timedelta(days=14), starts + timedelta(days=14, hours=2), ""),
    ]


def edit_data(session, **fields):
    """The edit form of `session` as loaded, with `fields` changed."""
    meetings = [(m.starts_at, m.ends_at, m.pk) for m in session.meetings.all()]
    data = form_data(
        meetings,
        title=session.title,
        description=session.description,
        facilitator=str(session.facilitator_id),
        address=session.address,
        signup_opens_at=local(session.signup_opens_at),
        signup_closes_at=local(session.signup_closes_at),
        cancellation_cutoff_at=local(session.cancellation_cutoff_at),
        confidentiality_text=session.confidentiality_text,
        max_places=str(session.max_places),
    )
    data.update(fields)
    return data


def refused(response):
    """Wagtail answers a refused admin page with a message on the dashboard (or a bare 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


# --- Planning a session --------------------------------------------------------------------


def test_a_trainer_creates_a_session_with_two_dates_and_becomes_its_facilitator(
    trainer_client, trainer
):
    response = trainer_client.post(reverse("intervision_sessions:add"), form_data(two_dates()))

    assert response.status_code == 302
    session = IntervisionSession.objects.get()
    assert session.facilitator == trainer
    assert session.meetings.count() == 2
    listing = trainer_client.get(reverse("intervision_sessions:index")).content.decode()
    assert "Intervisie ouderenmis" in listing
    assert url("participants", session) in listing


def test_the_new_session_form_proposes_the_trainer_as_facilitator(trainer_client, trainer):
    form = trainer_client.get(reverse("intervision_sessions:add")).content.decode()

    assert f'<option value="{trainer.pk}" selected>' in form


def field_errors(response, field):
    form = response.context["form"]
    if field.startswith("meetings-"):
        _prefix, index, name = field.split("-")
        return form.formsets["meetings"].forms[int(index)].errors.get(name, [])
    return form.errors.get(field, [])


@pytest.mark.parametrize(
    "change, field, message",
    [
        (
            {"signup_closes_at": 15},
            "signup_closes_at",
            "Sign-up must close before the first date starts (%(start)s).",
        ),
        (
            {"cancellation_cutoff_at": 15},
            "cancellation_cutoff_at",
            "The cancellation cut-off must come before the first date starts (%(start)s).",
        ),
        ({"mode": "online", "join_url": ""}, "join_url", "An online session needs a join link."),
        ({"address": "  "}, "address", "A session on site needs an address."),
        ({"meetings-1-ends_at": 13}, "meetings-1-ends_at", "A date must end after it starts."),
    ],
)
def test_a_session_that_does_not_add_up_is_refused_with_the_reason_on_its_field(
    trainer_client, change, field, message
):
    dates = two_dates()
    data = form_data(dates)
    for name, value in change.items():
        if isinstance(value, int):  # days after the first date starts
            value = local(dates[0][0] + timedelta(days=value))
        data[name] = value

    response = trainer_client.post(reverse("intervision_sessions:add"), data)

    assert response.status_code == 200
    with translation.override("nl"):
        start = formats.date_format(timezone.localtime(dates[0][0]), "SHORT_DATETIME_FORMAT")
        expected = gettext(message) % {"start": start} if "%(" in message else gettext(message)
    assert field_errors(response, field) == [expected]
    assert escape(expected) in response.content.decode()
    assert not IntervisionSession.objects.exists()


# --- Who sees what -------------------------------------------------------------------------


def test_a_trainer_lists_and_opens_only_their_own_sessions(trainer_client, trainer):
    own = session_run_by(trainer, title="Mijn intervisie")
    colleague = trainer_make("collega@example.org")
    other = session_run_by(colleague, title="Intervisie van een collega")
    signup_add(other, person_make(email="deelnemer@example.org"), SignUpStatus.CONFIRMED, 5)

    listing = trainer_client.get(reverse("intervision_sessions:index")).content.decode()

    assert "Mijn intervisie" in listing and url("participants", own) in listing
    assert "Intervisie van een collega" not in listing
    edit = trainer_client.get(reverse("intervision_sessions:edit", args=[other.pk]), follow=True)
    assert edit.status_code == 404  # as if it did not exist
    for name in ("participants", "csv", "xlsx", "cancel"):
        response = trainer_client.get(url(name, other))
        assert refused(response), name
        assert b"deelnemer@example.org" not in response.content


def test_the_listing_filters_sessions_to_come_and_over(trainer_client, trainer):
    session_run_by(trainer, title="Intervisie in december")
    session_run_by(
        trainer,
        title="Intervisie van vorige maand",
        starts_in=-timedelta(days=30),
        signup_opens_at=timezone.now() - timedelta(days=60),
    )
    listing = reverse("intervision_sessions:index")

    to_come = trainer_client.get(listing, {"when": "upcoming"}).content.decode()
    over = trainer_client.get(listing, {"when": "past"}).content.decode()
    found = trainer_client.get(listing, {"q": "december"}).content.decode()

    assert "Intervisie in december" in to_come and "vorige maand" not in to_come
    assert "vorige maand" in over and "Intervisie in december" not in over
    assert "Intervisie in december" in found and "vorige maand" not in found


def test_a_trainer_changes_nothing_in_someone_elses_session_by_url(trainer_client):
    colleague = trainer_make("collega@example.org")
    started = session_started(colleague, max_places=1)
    present = signup_add(started, person_make(), SignUpStatus.CONFIRMED, 10)
    coming = session_run_by(colleague, max_places=2)
    waiting = signup_add(coming, person_make(), SignUpStatus.WAITLISTED, 5)

    posts = [
        (url("attendance_all", started), {f"attendance-{present.pk}": Attendance.NO_SHOW}),
        (url("promote", coming, waiting.pk), {}),
        (url("cancel", coming), {}),
    ]
    for target, data in posts:
        assert refused(trainer_client.post(target, data)), target

    present.refresh_from_db()
    waiting.refresh_from_db()
    coming.refresh_from_db()
    assert present.attendance == ""
    assert waiting.status == SignUpStatus.WAITLISTED
    assert not coming.is_cancelled


def test_forged_ids_get_a_message_and_change_nothing(trainer_client, trainer):
    session = session_started(trainer)
    elsewhere = signup_add(session_started(trainer), person_make(), SignUpStatus.CONFIRMED, 5)

    missing = trainer_client.get(reverse("intervision_facilitator:participants", args=[99999]))
    assert missing.status_code == 302
    assert said("This session does not exist.") in trainer_client.get(missing.url).content.decode()
    forged = trainer_client.post(
        url("attendance_all", session), {f"attendance-{elsewhere.pk}": "attended"}, follow=True
    )
    nonsense = trainer_client.post(
        url("attendance_all", session), {"attendance-99999": "attended"}, follow=True
    )

    not_here = said(
        "This form lists someone who is not a confirmed participant of this session. "
        "Nothing was saved."
    )
    assert not_here in forged.content.decode()
    assert not_here in nonsense.content.decode()
    elsewhere.refresh_from_db()
    assert elsewhere.attendance == ""


def test_a_learner_is_sent_to_the_login_and_gets_no_list(client, trainer):
    session = session_run_by(trainer)
    client.force_login(person_make())

    for name in ("participants", "csv", "xlsx"):
        response = client.get(url(name, session))
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))


# --- Running a session ---------------------------------------------------------------------


def test_attendance_is_refused_before_the_session_starts(trainer_client, trainer):
    session = session_run_by(trainer)
    signup = signup_add(session, person_make(), SignUpStatus.CONFIRMED, 5)

    response = trainer_client.post(
        url("attendance_all", session), {f"attendance-{signup.pk}": "attended"}, follow=True
    )

    assert said("Attendance can be marked once the session has started.") in (
        response.content.decode()
    )
    signup.refresh_from_db()
    assert signup.attendance == ""


def test_the_facilitator_marks_attendance_once_the_session_has_started(trainer_client, trainer):
    session = session_started(trainer)
    came = signup_add(session, person_make(first_name="Ann"), SignUpStatus.CONFIRMED, 10)
    left_early = signup_add(session, person_make(first_name="Bram"), SignUpStatus.CONFIRMED, 9)
    stayed_away = signup_add(session, person_make(first_name="Cas"), SignUpStatus.CONFIRMED, 8)

    response = trainer_client.post(
        url("attendance_all", session),
        {
            f"attendance-{came.pk}": Attendance.ATTENDED,
            f"attendance-{left_early.pk}": Attendance.PARTLY,
            f"attendance-{stayed_away.pk}": Attendance.NO_SHOW,
        },
    )
    assert response.status_code == 302

    marked = dict(SignUp.objects.values_list("pk", "attendance"))
    assert marked == {came.pk: "attended", left_early.pk: "partly", stayed_away.pk: "no_show"}
    page = trainer_client.get(url("participants", session)).content.decode()
    assert '<option value="partly" selected>' in page


def test_after_the_cutoff_the_facilitator_chooses_who_gets_a_freed_place(trainer_client, trainer):
    session = session_run_by(trainer, max_places=1)
    gone = signup_add(session, person_make(), SignUpStatus.CONFIRMED, 30)
    first = signup_add(session, person_make(first_name="Eerste"), SignUpStatus.WAITLISTED, 20)
    second = signup_add(session, person_make(first_name="Tweede"), SignUpStatus.WAITLISTED, 10)
    IntervisionSession.objects.filter(pk=session.pk).update(
        cancellation_cutoff_at=timezone.now() - timedelta(hours=1)
    )
    services.signup_cancel(signup_id=gone.pk, user=gone.user)
    first.refresh_from_db()
    assert first.status == SignUpStatus.WAITLISTED  # after the cut-off nobody moves up alone

    page = trainer_client.get(url("participants", session)).content.decode()
    assert url("promote", session, second.pk) in page
    given = trainer_client.post(url("promote", session, second.pk), follow=True)
    full = trainer_client.post(url("promote", session, first.pk), follow=True)

    second.refresh_from_db()
    first.refresh_from_db()
    assert second.status == SignUpStatus.CONFIRMED
    assert first.status == SignUpStatus.WAITLISTED
    assert "Tweede" in given.content.decode()
    assert said("No place is free; the session is full.") in full.content.decode()


def test_cancelling_the_session_asks_first_then_cancels_every_signup(trainer_client, trainer):
    session = session_run_by(trainer, max_places=1)
    signups = [
        signup_add(session, person_make(), SignUpStatus.CONFIRMED, 20),
        signup_add(session, person_make(), SignUpStatus.WAITLISTED, 10),
    ]

    confirm = trainer_client.get(url("cancel", session))
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.content.decode()
    assert not IntervisionSession.objects.get(pk=session.pk).is_cancelled

    response = trainer_client.post(url("cancel", session))

    assert response.status_code == 302
    assert IntervisionSession.objects.get(pk=session.pk).is_cancelled
    for signup in signups:
        signup.refresh_from_db()
        assert signup.status == SignUpStatus.CANCELLED


def test_a_session_with_people_signed_up_is_cancelled_rather_than_deleted(client, trainer):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    session = session_run_by(trainer)
    signup_add(session, person_make(), SignUpStatus.CONFIRMED, 5)

    response = client.post(reverse("intervision_sessions:delete", args=[session.pk]))

    assert response.status_code == 302
    assert IntervisionSession.objects.filter(pk=session.pk).exists()


# --- Changes participants must hear of -----------------------------------------------------


def moved_by_an_hour(session):
    moved = session.meetings.get().starts_at + timedelta(hours=1)
    return {
        "meetings-0-starts_at": local(moved),
        "meetings-0-ends_at": local(moved + timedelta(hours=2)),
    }


@pytest.mark.parametrize(
    "change",
    [
        moved_by_an_hour,
        lambda session: {"address": "Sint-Pietersplein 5, 9000 Gent"},
        lambda session: {"mode": "online", "join_url": "https://meet.example.org/intervisie"},
    ],
    ids=["date", "address", "online"],
)
def test_a_change_to_date_or_place_updates_every_invite(trainer_client, trainer, change):
    session = session_run_by(trainer)
    signups = [
        signup_add(session, person_make(), SignUpStatus.CONFIRMED, 10),
        signup_add(session, person_make(), SignUpStatus.WAITLISTED, 5),
    ]
    before = [signup.ical_sequence for signup in signups]

    response = trainer_client.post(
        reverse("intervision_sessions:edit", args=[session.pk]),
        edit_data(session, **change(session)),
        follow=True,
    )

    assert response.redirect_chain
    after = [SignUp.objects.get(pk=signup.pk).ical_sequence for signup in signups]
    assert after == [sequence + 1 for sequence in before]
    assert "De 2 ingeschreven personen krijgen de bijgewerkte uitnodiging." in (
        response.content.decode()
    )


def test_a_new_description_leaves_the_invites_alone(trainer_client, trainer):
    session = session_run_by(trainer)
    signup = signup_add(session, person_make(), SignUpStatus.CONFIRMED, 5)

    response = trainer_client.post(
        reverse("intervision_sessions:edit", args=[session.pk]),
        edit_data(session, description="Nieuwe tekst."),
    )

    assert response.status_code == 302
    assert IntervisionSession.objects.get(pk=session.pk).description == "Nieuwe tekst."
    assert SignUp.objects.get(pk=signup.pk).ical_sequence == signup.ical_sequence


# --- The list and its exports --------------------------------------------------------------


class TableReader(HTMLParser):
    """The tables of a page as [{header: text}] per table; a <select> reads as its choice."""

    def __init__(self):
        super().__init__()
        self.tables = []
        self._row = self._cell = self._option = self._choice = None
        self._in_head = self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "headers": [], "rows": []})
        elif tag == "caption":
            self._in_caption = True
        elif tag in ("thead", "tbody"):
            self._in_head = tag == "thead"
        elif tag == "tr":
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell, self._choice = [], None
        elif tag == "option":
            self._option = [] if "selected" in dict(attrs) else None

    def handle_data(self, data):
        if self._option is not None:
            self._option.append(data)
        elif self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.tables[-1]["caption"] += data.strip()

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag == "option" and self._option is not None:
            self._choice, self._option = "".join(self._option).strip(), None
        elif tag in ("th", "td") and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            self._row.append(self._choice if self._choice is not None else text)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if self._in_head:
                table["headers"] = self._row
            else:
                table["rows"].append(dict(zip(table["headers"], self._row, strict=False)))
            self._row = None


def shown_rows(page):
    """Every participant row of the page's tables, but the collapsed cancelled sign-ups."""
    reader = TableReader()
    reader.feed(page)
    with translation.override("nl"):
        cancelled = gettext("Cancelled sign-ups")
    return [
        row
        for table in reader.tables
        if table["caption"] != cancelled
        for row in table["rows"]
        if len(row) > 2
    ]


def exported_rows(rows):
    header, *body = [["" if value is None else str(value) for value in row] for row in rows]
    return [dict(zip(header, row, strict=True)) for row in body]


def csv_rows(response):
    return exported_rows(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )


def xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return exported_rows(workbook.active.iter_rows(values_only=True))


def busy_session_make(facilitator, *, started=False):
    """Confirmed, offered, waiting and cancelled people; one name looks like a formula."""
    make = session_started if started else session_run_by
    session = make(facilitator, max_places=2)
    people = {
        "confirmed": person_make(first_name="Ann", last_name="Claes", email="ann@example.org"),
        "offered": person_make(first_name="=1+1", last_name="", email="bram@example.org"),
        "first": person_make(first_name="Célia", last_name="Dubois", email="celia@example.org"),
        "second": person_make(first_name="Dirk", last_name="Aerts", email="dirk@example.org"),
        "cancelled": person_make(first_name="Eva", last_name="Gone", email="eva@example.org"),
    }
    now = timezone.now()
    signup_add(
        session,
        people["confirmed"],
        SignUpStatus.CONFIRMED,
        50,
        confidentiality_accepted_at=now,
        attendance=Attendance.PARTLY if started else "",
    )
    signup_add(
        session, people["offered"], SignUpStatus.OFFERED, 40, offered_until=now + timedelta(hours=8)
    )
    signup_add(session, people["first"], SignUpStatus.WAITLISTED, 30)
    signup_add(session, people["second"], SignUpStatus.WAITLISTED, 20)
    signup_add(session, people["cancelled"], SignUpStatus.CANCELLED, 10, cancelled_at=now)
    return session


@pytest.fixture
def busy_session(trainer):
    return busy_session_make(trainer)


@pytest.mark.parametrize("started", [False, True], ids=["to-come", "started"])
def test_the_exports_hold_the_rows_the_facilitator_sees(trainer_client, trainer, started):
    busy_session = busy_session_make(trainer, started=started)
    page = trainer_client.get(url("participants", busy_session)).content.decode()
    csv_response = trainer_client.get(url("csv", busy_session))
    xlsx_response = trainer_client.get(url("xlsx", busy_session))

    shown = shown_rows(page)
    email, name, position = nl("Email"), nl("Name"), nl("Position on the waiting list")
    for response, read, extension in [
        (csv_response, csv_rows, "csv"),
        (xlsx_response, xlsx_rows, "xlsx"),
    ]:
        filename = f"intervision-{busy_session.pk}-participants.{extension}"
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
        exported = read(response)
        assert [row[email] for row in exported] == [
            "ann@example.org",
            "bram@example.org",
            "celia@example.org",
            "dirk@example.org",
        ]
        assert len(exported) == len(shown)
        for row in exported:
            [seen] = [r for r in shown if r.get(email) == row[email]]
            shared = set(seen) & set(row)
            assert {name, nl("Organisation"), nl("Signed up")} <= shared
            if extension == "csv":  # the CSV keeps a formula-like name inert
                row[name] = row[name].removeprefix("'")
            assert {key: seen[key] for key in shared} == {key: row[key] for key in shared}
        waiting = [(row[position], row[name]) for row in exported if row[position]]
        assert waiting == [("1", "Célia Dubois"), ("2", "Dirk Aerts")]
        [ann] = [row for row in shown if row.get(email) == "ann@example.org"]
        assert ann[nl("Attendance")] == nl("Partly attended" if started else "Not marked")
    assert csv_response.content.startswith("\ufeff".encode())


def test_a_formula_like_name_stays_text_in_the_exports(trainer_client, busy_session):
    csv_names = [row[nl("Name")] for row in csv_rows(trainer_client.get(url("csv", busy_session)))]
    workbook = openpyxl.load_workbook(
        io.BytesIO(trainer_client.get(url("xlsx", busy_session)).content)
    )
    cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value == "=1+1"]

    assert "'=1+1" in csv_names
    assert [cell.data_type for cell in cells] == ["s"]


def test_someone_who_does_not_run_the_session_cannot_download_its_list(client, busy_session):
    client.force_login(trainer_make("collega@example.org"))

    for name in ("csv", "xlsx"):
        response = client.get(url(name, busy_session))
        assert refused(response)
        assert b"ann@example.org" not in response.content


def test_an_editor_sees_the_contact_data_of_any_session(client, busy_session):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)

    page = client.get(url("participants", busy_session)).content.decode()

    assert "ann@example.org" in page and "celia@example.org" in page


def test_raising_the_maximum_moves_the_people_waiting_up_in_their_order(trainer_client, trainer):
    session = session_run_by(trainer, max_places=1, offer_hours=0)
    signup_add(session, person_make(), SignUpStatus.CONFIRMED, 30)
    first = signup_add(session, person_make(), SignUpStatus.WAITLISTED, 20)
    second = signup_add(session, person_make(), SignUpStatus.WAITLISTED, 10)
    third = signup_add(session, person_make(), SignUpStatus.WAITLISTED, 5)

    response = trainer_client.post(
        reverse("intervision_sessions:edit", args=[session.pk]),
        edit_data(session, max_places="3", offer_hours="0"),
    )

    assert response.status_code == 302
    statuses = [SignUp.objects.get(pk=s.pk).status for s in (first, second, third)]
    assert statuses == [SignUpStatus.CONFIRMED, SignUpStatus.CONFIRMED, SignUpStatus.WAITLISTED]


def test_the_new_places_wait_for_the_facilitator_after_the_cut_off(trainer_client, trainer):
    session = session_run_by(trainer, max_places=1, offer_hours=0)
    session.cancellation_cutoff_at = timezone.now() - timedelta(hours=1)
    session.save(update_fields=["cancellation_cutoff_at"])
    signup_add(session, person_make(), SignUpStatus.CONFIRMED, 30)
    waiting = signup_add(session, person_make(), SignUpStatus.WAITLISTED, 20)

    trainer_client.post(
        reverse("intervision_sessions:edit", args=[session.pk]), edit_data(session, max_places="2")
    )

    assert SignUp.objects.get(pk=waiting.pk).status == SignUpStatus.WAITLISTED
