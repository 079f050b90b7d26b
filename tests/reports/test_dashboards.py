"""The report screens as each role sees them: numbers, privacy, downloads, query cost."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from django.urls import reverse

from elearning.reports.models import EvaluatedKind

from .conftest import evaluations_add, learners_add, municipality, tables_of

LEARNING = reverse("reports_learning")
MUNICIPAL = reverse("reports_municipalities")
FEWER = "minder dan 5"


@pytest.fixture
def learning(courses, people):
    """Gent: 12 learners (8 completed the first module, 6 the course, scores 90);
    Eeklo: 7 learners (5 completed the first module, scores 50); Aalter: 3 learners.
    The other course: 9 learners in Gent."""
    c = courses
    learners_add(
        c.course,
        c.modules,
        place="Gent",
        count=6,
        completed_modules=3,
        course_completed=True,
        score=90,
    )
    learners_add(c.course, c.modules, place="Gent", count=2, completed_modules=1, score=90)
    learners_add(c.course, c.modules, place="Gent", count=4, completed_modules=0)
    learners_add(c.course, c.modules, place="Eeklo", count=5, completed_modules=1, score=50)
    learners_add(c.course, c.modules, place="Eeklo", count=2, completed_modules=0)
    learners_add(c.course, c.modules, place="Aalter", count=3, completed_modules=0)
    learners_add(c.other, [c.other_module], place="Gent", count=9, completed_modules=1)
    return c


def course_url(course, **params):
    query = "&".join(f"{k}={v}" for k, v in {"course": course.pk, **params}.items())
    return f"{LEARNING}?{query}"


def refused(response):
    """Wagtail's answer to an admin page one may not open: back to the dashboard, with a note."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not response.content


def funnel(response):
    return {row[0]: row[1] for row in tables_of(response)["Voltooiingstrechter"][1:]}


# --- Roles ------------------------------------------------------------------------------------


def test_editor_sees_every_course_and_municipality(as_person, people, learning):
    response = as_person(people.editor).get(LEARNING)
    assert response.status_code == 200
    overview = tables_of(response)["Opleidingen"]
    assert overview[0] == [
        "Opleiding",
        "Gestart",
        "Voltooid",
        "Voltooid (%)",
        "Gemiddelde studietijd (minuten)",
    ]
    rows = {row[0]: row for row in overview[1:]}
    assert rows["Kindermishandeling"][1:3] == ["22", "6"]
    assert rows["Ouderenmis"][1:3] == ["9", FEWER]


def test_spoc_of_eeklo_sees_only_eeklo(as_person, people, learning):
    client = as_person(people.spoc)
    response = client.get(course_url(learning.course))
    assert response.status_code == 200
    steps = funnel(response)
    assert steps["Opleiding gestart"] == "7"  # Eeklo's 7, never the 22 of all municipalities
    assert steps["“Signalen” voltooid"] == "5"
    every_cell = [cell for table in tables_of(response).values() for row in table for cell in row]
    assert "22" not in every_cell and "12" not in every_cell  # all, and Gent's
    municipal = tables_of(client.get(MUNICIPAL))["Per gemeente en sector"]
    assert {row[0] for row in municipal[1:]} == {"Eeklo"}


def test_spoc_cannot_reach_gent_by_changing_the_url(as_person, people, learning):
    client = as_person(people.spoc)
    gent = municipality("Gent").pk
    for url in (
        f"{MUNICIPAL}?municipality={gent}",
        f"{MUNICIPAL}?municipality={gent}&export=csv&table=municipalities",
        course_url(learning.course, municipality=gent),
        course_url(learning.course, municipality=gent, export="xlsx", table="funnel"),
        f"{LEARNING}?municipality={gent}",
    ):
        refused(client.get(url))
    # The download without a choice holds Eeklo only.
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"{MUNICIPAL}?export=csv&table=municipalities").content.decode(
                    "utf-8-sig"
                )
            ),
            delimiter=";",
        )
    )
    assert [row[0] for row in rows[1:]] == ["Eeklo"]


def test_trainer_sees_their_course_only(as_person, people, learning):
    client = as_person(people.trainer)
    overview = tables_of(client.get(LEARNING))["Opleidingen"]
    assert [row[0] for row in overview[1:]] == ["Kindermishandeling"]
    for url in (
        course_url(learning.other),
        course_url(learning.other, export="csv", table="funnel"),
    ):
        refused(client.get(url))
    steps = funnel(client.get(course_url(learning.course)))
    assert steps["Opleiding gestart"] == "22"
    municipal = tables_of(client.get(MUNICIPAL))["Per gemeente en sector"]
    gent = next(row for row in municipal[1:] if row[0] == "Gent")
    assert gent[2] == "12"  # the other course's 9 Gent learners are not theirs


def test_learner_and_anonymous_visitor_see_no_report(client, as_person, people, learning):
    for url in (
        LEARNING,
        MUNICIPAL,
        course_url(learning.course),
        f"{MUNICIPAL}?export=csv&table=municipalities",
    ):
        assert client.get(url).status_code == 302  # to the sign-in page
    learner = as_person(people.learner)
    for url in (LEARNING, MUNICIPAL, course_url(learning.course, export="csv", table="funnel")):
        response = learner.get(url)
        assert response.status_code in (302, 403), url
        assert b"Kindermishandeling" not in response.content


def test_spoc_without_municipality_sees_nothing(as_person, people, learning):
    people.spoc.coordinated.all().delete()
    response = as_person(people.spoc).get(LEARNING)
    assert response.status_code in (302, 403)  # left the coordinators' group with the last row


# --- Privacy ----------------------------------------------------------------------------------


def test_groups_under_five_are_shown_as_fewer_than_five_everywhere(as_person, people, learning):
    client = as_person(people.editor)
    aalter = municipality("Aalter").pk
    steps = funnel(client.get(course_url(learning.course, municipality=aalter)))
    assert set(steps.values()) == {FEWER}  # 3 learners: no step shows a number
    municipal = tables_of(client.get(MUNICIPAL))["Per gemeente en sector"]
    # Eeklo: 7 learners, nobody completed a course: the 0 is hidden too.
    eeklo_row = next(row for row in municipal[1:] if row[0] == "Eeklo")
    assert eeklo_row[2:4] == ["7", FEWER]
    # Aalter's row holds nothing but hidden numbers: it is left out, or it would say that
    # someone of Aalter is there.
    assert "Aalter" not in [row[0] for row in municipal]
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"{MUNICIPAL}?export=csv&table=municipalities").content.decode(
                    "utf-8-sig"
                )
            ),
            delimiter=";",
        )
    )
    assert next(row for row in rows if row[0] == "Eeklo")[2:4] == ["7", FEWER]
    assert "Aalter" not in [row[0] for row in rows]
    sheet = load_workbook(
        io.BytesIO(client.get(f"{MUNICIPAL}?export=xlsx&table=municipalities").content)
    ).active
    values = list(sheet.iter_rows(values_only=True))
    assert next(row for row in values if row[0] == "Eeklo")[2:4] == (7, FEWER)
    assert "Aalter" not in [row[0] for row in values]


def test_a_learner_in_several_courses_counts_once(as_person, people, learning):
    """Gent's 9 learners of the other course also took a module of the first: still 12 + 9
    different people in Gent, each once, not 30 rows."""
    from elearning.learners.models import Enrolment

    for enrolment in Enrolment.objects.filter(course_key=learning.other.translation_key):
        Enrolment.objects.create(
            user=enrolment.user,
            course_key=learning.course.translation_key,
            municipality=enrolment.municipality,
            sector=enrolment.sector,
            started_at=enrolment.started_at,
        )
    municipal = tables_of(as_person(people.editor).get(MUNICIPAL))["Per gemeente en sector"]
    gent = next(row for row in municipal[1:] if row[0] == "Gent")
    assert gent[2] == "21"  # 12 + 9 people, whatever number of courses each took
    months = tables_of(as_person(people.editor).get(MUNICIPAL))["Per maand"]
    started = [row[1] for row in months[1:]]
    assert "31" in started and "40" not in started  # people, not the 22 + 9 + 9 enrolments


def test_averages_and_shares_of_small_groups_are_hidden(as_person, people, learning):
    client = as_person(people.editor)
    modules = tables_of(
        client.get(course_url(learning.course, municipality=municipality("Eeklo").pk))
    )
    first = modules["Modules: studietijd en kennistoetsen"][1]
    # Eeklo: 7 started, 5 completed "Signalen", 5 took the check, none passed (50 < 80).
    assert first[:3] == ["Signalen", "7", "5"]
    assert first[3] == "10,0"  # 600 seconds on average
    assert first[4] == "5" and first[5] == FEWER  # 0 passed: a share of too few


def test_evaluation_averages_and_comments_only_from_five_people(as_person, people, learning):
    course, module = learning.course, learning.modules[0]
    evaluations_add(
        course,
        kind=EvaluatedKind.MODULE,
        item_key=module.translation_key,
        place="Gent",
        scores=[(5, 4)] * 4 + [(3, 4)],
        comment="Heel bruikbaar",
    )
    evaluations_add(
        course,
        kind=EvaluatedKind.WEBINAR,
        item_key=learning.webinar.translation_key,
        place="Gent",
        scores=[(2, 2)] * 3,
        comment="Te snel",
    )
    response = as_person(people.trainer).get(course_url(course))
    tables = tables_of(response)
    rows = {row[0]: row for row in tables["Evaluaties"][1:]}
    assert tables["Evaluaties"][0][3:] == [
        "Ik kan dit gebruiken in mijn werk",
        "De uitleg was duidelijk",
    ]
    assert rows["Signalen"][2:] == ["5", "4,6", "4,0"]
    assert "Babobox deel 1" not in rows  # 3 evaluations: the row would say someone did
    comments = tables["Opmerkingen"]
    assert [row[2] for row in comments[1:]] == ["Heel bruikbaar"] * 5
    assert "Te snel" not in response.content.decode()
    assert "@e.org" not in response.content.decode()  # no names or addresses with comments


# --- Downloads equal the tables ---------------------------------------------------------------


@pytest.mark.parametrize("report", ["course", "municipal", "overview"])
def test_every_download_equals_its_table(as_person, people, learning, report):
    evaluations_add(
        learning.course,
        kind=EvaluatedKind.MODULE,
        item_key=learning.modules[0].translation_key,
        place="Gent",
        scores=[(4, 5)] * 6,
        comment='=HYPERLINK("x")',
    )
    client = as_person(people.editor)
    url = {
        "course": course_url(learning.course),
        "municipal": f"{MUNICIPAL}?",
        "overview": f"{LEARNING}?",
    }[report]
    page = client.get(url)
    slugs = [
        a["href"].split("table=")[1].split("&")[0]
        for a in BeautifulSoup(page.content, "html.parser").select("a[href*='export=csv']")
    ]
    assert slugs
    shown = list(tables_of(page).values())
    shown = [table for table in shown if table]
    assert len(slugs) == len(shown)
    for slug, table in zip(slugs, shown, strict=True):
        body = client.get(f"{url}&export=csv&table={slug}").content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(body), delimiter=";"))
        assert [[cell.removeprefix("'") for cell in row] for row in rows] == table, slug
        sheet = load_workbook(
            io.BytesIO(client.get(f"{url}&export=xlsx&table={slug}").content)
        ).active
        values = [
            ["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)
        ]
        assert len(values) == len(table)
        for got, seen in zip(values, table, strict=True):
            assert all(_as_shown(v, t) for v, t in zip(got, seen, strict=True)), (slug, got, seen)


def _as_shown(value, shown):
    """The spreadsheet's cell next to the page's text: the same number, or the same text."""
    if isinstance(value, (int, float)):
        return float(shown.replace(".", "").replace(",", ".")) == value
    return value.removeprefix("'") == shown


# --- Charts -----------------------------------------------------------------------------------


def test_charts_are_svg_images_with_a_table_beside(as_person, people, learning):
    page = as_person(people.editor).get(
        course_url(learning.course, municipality=municipality("Eeklo").pk)
    )
    soup = BeautifulSoup(page.content, "html.parser")
    charts = soup.select("figure.reports-chart svg[role=img]")
    assert len(charts) == 2  # the funnel and the months
    for chart in charts:
        title_id, desc_id = chart["aria-labelledby"].split()
        assert chart.find("title", id=title_id).get_text(strip=True)
        assert chart.find("desc", id=desc_id).get_text(strip=True)
        assert chart.find_parent("section").find("table")
    funnel_svg = charts[0].get_text(" ", strip=True)
    assert "Opleiding gestart" in funnel_svg and "7" in funnel_svg
    assert FEWER in funnel_svg  # "Gesprek": nobody in Eeklo completed it


# --- Hostile input ----------------------------------------------------------------------------


ODD_PARAMETERS = [
    ("municipality=abc", ["“Gemeente” werd niet begrepen"]),
    ("municipality=-1", ["“Gemeente” werd niet begrepen"]),
    ("municipality=99999999999999999999999", ["“Gemeente” werd niet begrepen"]),
    ("municipality=999999", ["“Gemeente” werd niet begrepen"]),
    ("months=-3", ["“Periode” werd niet begrepen"]),
    ("months=1000000", ["“Periode” werd niet begrepen"]),
    ("export=pdf&table=courses", ["Deze download bestaat niet"]),
    ("export=csv&table=../../etc/passwd", ["Deze download bestaat niet"]),
    ("export=csv", ["Deze download bestaat niet"]),
    # Repeated parameters: the last value counts, as in any Django form.
    (
        "export=csv&table=courses&table=nothing&municipality=1&municipality=x",
        ["Deze download bestaat niet", "“Gemeente” werd niet begrepen"],
    ),
]


@pytest.mark.parametrize(
    "url,query,notes",
    [(LEARNING, query, notes) for query, notes in ODD_PARAMETERS]
    + [(MUNICIPAL, query, notes) for query, notes in ODD_PARAMETERS]
    + [(LEARNING, "course=1%27%20OR%201=1", ["“Opleiding” werd niet begrepen"])],
)
def test_odd_parameters_give_the_page_with_a_note(as_person, people, learning, url, query, notes):
    response = as_person(people.editor).get(f"{url}?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    for note in notes:
        assert note in response.content.decode()


def test_a_course_that_does_not_exist_is_refused(as_person, people, learning):
    refused(as_person(people.editor).get(f"{LEARNING}?course=999999"))


# --- Query cost -------------------------------------------------------------------------------


@pytest.mark.parametrize("report", ["course", "municipal", "overview"])
def test_query_count_does_not_grow_with_learners(
    as_person, people, courses, report, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_person(people.editor)
    url = {"course": course_url(courses.course), "municipal": MUNICIPAL, "overview": LEARNING}[
        report
    ]
    learners_add(
        courses.course, courses.modules, place="Gent", count=2, completed_modules=1, score=90
    )
    client.get(url)  # warm: permissions, locales, site
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    learners_add(
        courses.course,
        courses.modules,
        place="Eeklo",
        count=30,
        completed_modules=2,
        course_completed=True,
        score=90,
    )
    learners_add(
        courses.course,
        courses.modules,
        place="Gent",
        count=20,
        completed_modules=3,
        score=70,
        sector_code="prevention",
    )
    evaluations_add(
        courses.course,
        kind=EvaluatedKind.MODULE,
        item_key=courses.modules[0].translation_key,
        place="Gent",
        scores=[(4, 4)] * 10,
        comment="Goed",
    )
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_intervision_attendance_per_municipality_month_and_session(as_person, people, learning):
    from datetime import timedelta

    from django.utils import timezone

    from elearning.intervision.models import SignUp
    from tests.intervision.conftest import session_make

    session = session_make(
        starts_in=timedelta(days=-1),
        title="Intervisie kindermishandeling",
        facilitator=people.trainer,
        signup_opens_at=timezone.now() - timedelta(days=20),
    )
    gent = municipality("Gent")
    for attendance in ["attended"] * 5 + ["partly"] + ["no_show"] * 2:
        SignUp.objects.create(
            session=session,
            user=None,
            status="confirmed",
            queued_at=timezone.now() - timedelta(days=5),
            attendance=attendance,
            municipality=gent,
        )
    tables = tables_of(as_person(people.trainer).get(MUNICIPAL))
    gent_rows = [row for row in tables["Per gemeente en sector"][1:] if row[0] == "Gent"]
    not_given = next(row for row in gent_rows if row[1] == "Niet opgegeven")
    assert not_given[4:] == ["6", FEWER, FEWER]  # 2 no-shows: count and share hidden
    month = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m")
    months = {row[0]: row for row in tables["Per maand"][1:]}
    assert tables["Per maand"][0][3:] == ["Intervisie: aanwezig", "Intervisie: niet gekomen"]
    assert months[month][3:] == ["6", FEWER]
    sessions = tables["Intervisiesessies"]
    assert sessions[1][0] == "Intervisie kindermishandeling" and sessions[1][2:4] == ["6", FEWER]
    # The SPOC of Eeklo sees none of Gent's attendance.
    eeklo = tables_of(as_person(people.spoc).get(MUNICIPAL))
    assert all(row[3:] == [FEWER, FEWER] for row in eeklo["Per maand"][1:])
    assert eeklo["Intervisiesessies"] == []
