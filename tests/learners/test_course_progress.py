"""The course page and the module page's outline as a learner sees them: Start / Continue,
each part's state in words, what is left, and nothing personal for visitors."""

import re
from datetime import timedelta

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    AttestFactory,
    EnrolmentFactory,
    ModulePageFactory,
    ModuleProgressFactory,
    WebinarPageFactory,
    publish,
)


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def record(learner, course_tree):
    """Write the learner's progress: record(module, completed=..., minutes_ago=...)."""
    enrolment = EnrolmentFactory(
        user=learner,
        course_key=course_tree["course"].translation_key,
        started_at=timezone.now() - timedelta(days=1),
    )

    def write(module, *, completed=False, minutes_ago=60):
        return ModuleProgressFactory(
            enrolment=enrolment,
            module_key=module.translation_key,
            completed=completed,
            first_activity_at=timezone.now() - timedelta(minutes=minutes_ago),
        )

    write.enrolment = enrolment
    return write


def part_lines(html):
    """{part title: the text of its line} from the course page's list of parts."""
    parts = html.split('<ol class="parts">', 1)[1].split("</ol>", 1)[0]
    lines = {}
    for item in re.findall(r'<li class="part">(.*?)</li>', parts, re.S):
        title = re.search(r"<a [^>]*>([^<]+)</a>", item).group(1)
        lines[title] = " ".join(re.sub(r"<[^>]+>", " ", item).split())
    return lines


def progress_box(html):
    return html.split('class="course-progress"', 1)[1].split("</section>", 1)[0]


@pytest.mark.django_db
def test_before_starting_the_learner_is_sent_to_the_first_module(signed_in, course_tree):
    html = signed_in.get(course_tree["course"].url).content.decode()
    box = progress_box(html)
    assert f'href="{course_tree["watch"].url}">Begin aan de opleiding</a>' in box
    assert "0 van 3 modules voltooid (0%)" in box
    assert "Nog ongeveer 45 minuten" in box  # three required modules of 15 minutes
    lines = part_lines(html)
    assert all("Niet gestart" in lines[t] for t in ("Kijken", "Toetsen", "Kijken en toetsen"))
    assert "optioneel" in lines["Verdieping"] and "optioneel" not in lines["Kijken"]


@pytest.mark.django_db
def test_each_part_says_its_state_in_words_and_the_rest_is_counted(signed_in, course_tree, record):
    record(course_tree["watch"], minutes_ago=30)
    record(course_tree["check"], completed=True, minutes_ago=20)
    record(course_tree["extra"], completed=True, minutes_ago=10)  # optional: not counted

    html = signed_in.get(course_tree["course"].url).content.decode()

    lines = part_lines(html)
    assert "◐ Bezig" in lines["Kijken"]
    assert "✓ Voltooid" in lines["Toetsen"]
    assert "○ Niet gestart" in lines["Kijken en toetsen"]
    assert "✓ Voltooid" in lines["Verdieping"]
    box = progress_box(html)
    assert "1 van 3 modules voltooid (33%)" in box
    assert '<progress class="learning-progress" max="100" value="33"' in box
    assert "Nog ongeveer 30 minuten" in box  # the optional module's time is not left
    assert f'href="{course_tree["watch"].url}">Verdergaan' in box


@pytest.mark.django_db
def test_continue_goes_to_the_module_worked_in_last_that_is_not_completed(
    signed_in, course_tree, record
):
    record(course_tree["watch"], minutes_ago=50)
    record(course_tree["both"], minutes_ago=5)
    record(course_tree["check"], completed=True, minutes_ago=1)  # latest, but done

    box = progress_box(signed_in.get(course_tree["course"].url).content.decode())

    assert f'href="{course_tree["both"].url}">Verdergaan' in box
    assert "Volgende: Kijken en toetsen" in box


@pytest.mark.django_db
def test_with_nothing_half_done_continue_goes_to_the_first_module_not_completed(
    signed_in, course_tree, record
):
    record(course_tree["watch"], completed=True)
    record(course_tree["both"], completed=True)

    box = progress_box(signed_in.get(course_tree["course"].url).content.decode())

    assert f'href="{course_tree["check"].url}">Verdergaan' in box
    assert "2 van 3 modules voltooid (67%)" in box
    assert "Nog ongeveer 15 minuten" in box


@pytest.mark.django_db
def test_a_completed_course_offers_a_review_and_the_certificate(
    signed_in, learner, course_tree, record
):
    for module in ("watch", "check", "both"):
        record(course_tree[module], completed=True)
    enrolment = record.enrolment
    enrolment.completed_at = timezone.now()
    enrolment.save()
    attest = AttestFactory(enrolment=enrolment, user=learner)

    box = progress_box(signed_in.get(course_tree["course"].url).content.decode())
    assert "Opleiding voltooid" in box
    assert f'href="{course_tree["watch"].url}">De opleiding opnieuw bekijken' in box
    assert "Uw attest wordt klaargemaakt" in box
    assert "Nog ongeveer" not in box and "Verdergaan" not in box

    attest.pdf.save("attest-test.pdf", ContentFile(b"%PDF-1.7 test"))
    box = progress_box(signed_in.get(course_tree["course"].url).content.decode())
    assert f'href="/nl/account/learning/attests/{attest.code}.pdf">Uw attest downloaden' in box


@pytest.mark.django_db
def test_a_webinar_in_the_course_has_no_state_and_its_time_is_left(signed_in, course_tree, record):
    publish(WebinarPageFactory(parent=course_tree["course"], title="Live sessie"))
    cache.clear()
    record(course_tree["watch"], completed=True)

    html = signed_in.get(course_tree["course"].url).content.decode()

    line = part_lines(html)["Live sessie"]
    assert "Webinar" in line
    assert not any(state in line for state in ("Niet gestart", "Bezig", "Voltooid"))
    box = progress_box(html)
    assert "1 van 3 modules voltooid" in box  # the webinar does not count for completion
    assert "Nog ongeveer 90 minuten" in box  # 2 modules of 15 and the 60-minute webinar


@pytest.mark.django_db
def test_visitors_get_start_and_a_sign_in_hint_and_nothing_personal(signed_in, course_tree, record):
    record(course_tree["watch"], minutes_ago=5)
    course = course_tree["course"]
    assert "Bezig" in signed_in.get(course.url).content.decode()  # not cached: signed in

    for _visit in range(2):  # rendered, then from the page cache
        html = Client().get(course.url).content.decode()
        box = progress_box(html)
        assert f'href="{course_tree["watch"].url}">Begin aan de opleiding</a>' in box
        assert "Meld u aan om uw voortgang bij te houden." in box
        assert f"/nl/account/login/?next={course.url}" in box
        assert "part-state" not in html and "modules voltooid" not in html
        assert "Verdergaan" not in html and "Bezig" not in html


@pytest.mark.django_db
def test_a_course_without_parts_offers_no_start(signed_in, course_tree):
    from tests.factories import CoursePageFactory

    empty = publish(CoursePageFactory(parent=course_tree["library"], title="In opbouw"))
    cache.clear()
    response = signed_in.get(empty.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "course-progress" not in html
    assert "De modules van deze opleiding worden voorbereid." in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_the_learners_progress_costs_the_same_queries_for_a_longer_course(
    signed_in, course_tree, record
):
    course, module = course_tree["course"], course_tree["check"]
    record(module, completed=True)
    signed_in.get(course.url), signed_in.get(module.url)  # warm the per-process caches
    small = (_queries(signed_in, course.url), _queries(signed_in, module.url))

    for number in range(8):
        extra = publish(ModulePageFactory(parent=course, title=f"Extra {number}"))
        record(extra, completed=number % 2 == 0)
    cache.clear()
    signed_in.get(course.url), signed_in.get(module.url)

    assert (_queries(signed_in, course.url), _queries(signed_in, module.url)) == small
    html = signed_in.get(course.url).content.decode()
    assert "5 van 11 modules voltooid" in html


@pytest.mark.django_db
def test_the_module_page_shows_the_outline_with_states_and_the_current_module(
    signed_in, course_tree, record
):
    record(course_tree["watch"], completed=True)
    check = course_tree["check"]

    html = signed_in.get(check.url).content.decode()

    fold = html.split('<details class="outline-fold">', 1)[1].split("</details>", 1)[0]
    assert "<summary>Inhoud van de opleiding (1 van 3 voltooid)</summary>" in fold
    aside = html.split('<nav class="outline-aside"', 1)[1].split("</nav>", 1)[0]
    for outline in (fold, aside):
        assert f'<a href="{check.url}" aria-current="page">Toetsen</a>' in outline
        assert outline.count('aria-current="page"') == 1
        items = re.findall(r"<li class=\"outline__part[^>]*>(.*?)</li>", outline, re.S)
        text = [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items]
        assert "✓ Voltooid" in text[0]  # Kijken
        assert "◐ Bezig" in text[1]  # Toetsen: opened now, its check not passed yet
        assert "○ Niet gestart" in text[2]
        assert "optioneel" in text[3]
    assert "1 van 3 modules voltooid" in aside


@pytest.mark.django_db
def test_the_module_pager_names_the_neighbours_as_buttons(client, course_tree):
    html = client.get(course_tree["check"].url).content.decode()
    pager = html.split('class="pager"', 1)[1].split("</nav>", 1)[0]
    assert (
        f'class="button button--secondary pager__link" href="{course_tree["watch"].url}" '
        'rel="prev"' in pager
    )
    assert "Vorige: Kijken" in pager
    assert f'class="button pager__link" href="{course_tree["both"].url}" rel="next"' in pager
    assert "Volgende: Kijken en toetsen" in pager


@pytest.mark.django_db
def test_a_visitor_sees_the_outline_without_states(client, course_tree):
    html = client.get(course_tree["check"].url).content.decode()
    assert "<summary>Inhoud van de opleiding</summary>" in html
    assert "part-state" not in html
    assert html.count(f'href="{course_tree["check"].url}" aria-current="page"') == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "start", "left"),
    [
        ("fr", "Commencer la formation", "Encore environ 45 minutes"),
        ("en", "Start the course", "About 45 minutes left"),
    ],
)
def test_the_course_page_speaks_the_pages_language(signed_in, course_tree, language, start, left):
    from tests.factories import translate

    translate(course_tree["library"].get_parent(), language)
    translate(course_tree["library"], language)
    course = translate(course_tree["course"], language)
    for role in ("watch", "check", "both", "extra"):
        translate(course_tree[role], language)
    cache.clear()
    html = signed_in.get(course.url).content.decode()
    assert start in html and left in html
    assert "Niet gestart" not in html and "Begin aan de opleiding" not in html


@pytest.mark.django_db
def test_a_learner_never_sees_another_learners_progress(client, other_learner, course_tree, record):
    record(course_tree["watch"], completed=True)
    record(course_tree["check"], minutes_ago=5)
    client.force_login(other_learner)

    html = client.get(course_tree["course"].url).content.decode()

    assert "Begin aan de opleiding" in progress_box(html)
    assert "0 van 3 modules voltooid (0%)" in html
    assert "Bezig" not in html and "✓ Voltooid" not in html
