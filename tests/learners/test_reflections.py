"""Private notes on reflection questions: saved by the learner alone, printable, downloadable,
gone with the account."""

import json
import uuid

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

from elearning.accounts.services import account_erase
from elearning.learners.models import ReflectionNote
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    UserFactory,
    make_home,
    publish,
    translate,
)

JSON = {"HTTP_ACCEPT": "application/json"}


def reflection(question):
    return {"type": "reflection", "id": str(uuid.uuid4()), "value": {"question": question}}


@pytest.fixture(autouse=True)
def _dutch_urls():
    with translation.override("nl"):
        yield


@pytest.fixture
def course(db):
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = publish(CoursePageFactory(parent=library, title="Partnergeweld herkennen"))
    first = publish(
        ModulePageFactory(
            parent=course,
            title="Signalen",
            body=[reflection("Wat valt u op?"), reflection("Wie kunt u bellen?")],
        )
    )
    second = publish(
        ModulePageFactory(parent=course, title="Het gesprek", body=[reflection("Wat zegt u?")])
    )
    cache.clear()
    return {"course": course, "first": first, "second": second}


def translate_with_parents(page, language, title=None):
    """The page in `language`, after its ancestors (a translation needs its parent translated)."""
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        translate(ancestor, language)
    return translate(page, language, title=title)


def block_ids(module):
    return [block.id for block in module.body if block.block_type == "reflection"]


def note_url(module, block_id):
    return reverse("learners:reflection_note", args=[module.pk, block_id])


def save(client, module, text, *, index=0, **headers):
    return client.post(note_url(module, block_ids(module)[index]), {"text": text}, **headers)


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


# --- Saving -------------------------------------------------------------------------------------


def test_a_note_is_saved_and_the_form_returns_to_the_question(signed_in, learner, course):
    module = course["first"]
    response = save(signed_in, module, "Ik let op blauwe plekken.")
    block_id = block_ids(module)[0]
    assert response.status_code == 302
    assert response["Location"] == f"{module.url}?note={block_id}#reflection-{block_id}"
    note = ReflectionNote.objects.get()
    assert (note.user, note.module_key, note.block_id) == (
        learner,
        module.translation_key,
        block_id,
    )
    assert note.text == "Ik let op blauwe plekken."

    page = BeautifulSoup(signed_in.get(response["Location"]).content, "html.parser")
    section = page.find(id=f"reflection-{block_id}")
    assert section.find("textarea").get_text() == "Ik let op blauwe plekken."
    assert section.find(attrs={"role": "status"}).get_text(strip=True) == "Opgeslagen."
    label = section.find("label")
    assert label["for"] == section.find("textarea")["id"]


def test_saving_again_replaces_the_note(signed_in, course):
    save(signed_in, course["first"], "Eerste gedachte")
    save(signed_in, course["first"], "Tweede gedachte")
    assert list(ReflectionNote.objects.values_list("text", flat=True)) == ["Tweede gedachte"]


def test_an_emptied_note_is_removed(signed_in, course):
    save(signed_in, course["first"], "Iets")
    response = save(signed_in, course["first"], "   \r\n ", **JSON)
    assert response.json() == {"saved": False, "message": "Uw notitie is verwijderd."}
    assert not ReflectionNote.objects.exists()


def test_with_javascript_the_answer_is_json(signed_in, course):
    response = save(signed_in, course["first"], "Snel bewaard", **JSON)
    assert response.status_code == 200
    assert response.json() == {"saved": True, "message": "Opgeslagen."}


def test_a_note_too_long_is_refused_and_nothing_is_saved(signed_in, course):
    save(signed_in, course["first"], "Kort")
    response = save(signed_in, course["first"], "x" * 5001, **JSON)
    assert response.status_code == 400
    assert "5001" in response.json()["error"] and "5000" in response.json()["error"]
    assert ReflectionNote.objects.get().text == "Kort"
    page = signed_in.get(course["first"].url)
    assert page.status_code == 200

    plain = save(signed_in, course["first"], "y" * 5001)  # without JavaScript
    assert plain.status_code == 400
    page = BeautifulSoup(plain.content, "html.parser")
    assert "5000 tekens" in page.find(attrs={"role": "alert"}).get_text()
    assert page.find("textarea").get_text() == "y" * 5001  # the text is not lost
    assert page.find("main").find("form")["action"] == note_url(
        course["first"], block_ids(course["first"])[0]
    )
    assert ReflectionNote.objects.get().text == "Kort"


def test_a_note_of_exactly_the_maximum_is_kept(signed_in, course):
    save(signed_in, course["first"], "x" * 5000)
    assert len(ReflectionNote.objects.get().text) == 5000


@pytest.mark.parametrize("block_id", ["no-such-block", "<script>", "x" * 300])
def test_an_unknown_question_is_refused(signed_in, course, block_id):
    response = signed_in.post(note_url(course["first"], block_id), {"text": "Iets"})
    assert response.status_code == 400
    assert "geen reflectievraag" in response.content.decode()
    assert not ReflectionNote.objects.exists()


def test_a_question_of_another_module_is_refused(signed_in, course):
    other_block = block_ids(course["second"])[0]
    response = signed_in.post(note_url(course["first"], other_block), {"text": "Iets"}, **JSON)
    assert response.status_code == 400
    assert not ReflectionNote.objects.exists()


def test_a_block_that_is_no_reflection_is_refused(signed_in, library_tree):
    module = library_tree["pages"]["module"]
    check_id = next(b.id for b in module.body if b.block_type == "knowledge_check")
    response = signed_in.post(note_url(module, check_id), {"text": "Iets"}, **JSON)
    assert response.status_code == 400
    assert not ReflectionNote.objects.exists()


def test_an_unknown_or_unpublished_module_is_refused(signed_in, course):
    block_id = block_ids(course["first"])[0]
    response = signed_in.post(reverse("learners:reflection_note", args=[987654, block_id]), {})
    assert response.status_code == 404
    course["first"].unpublish()
    response = signed_in.post(note_url(course["first"], block_id), {"text": "Iets"}, **JSON)
    assert response.status_code == 404
    assert "niet meer gepubliceerd" in response.json()["error"]
    assert not ReflectionNote.objects.exists()


@pytest.mark.parametrize("restriction", [PageViewRestriction.GROUPS, PageViewRestriction.PASSWORD])
def test_a_module_the_learner_may_not_view_takes_no_note(signed_in, learner, course, restriction):
    group = Group.objects.create(name="Politiezone Gent")
    rule = PageViewRestriction.objects.create(
        page=course["course"], restriction_type=restriction, password="geheim-2026"
    )
    rule.groups.add(group)

    response = save(signed_in, course["first"], "Mijn notitie", **JSON)

    assert response.status_code == 404
    assert "niet meer gepubliceerd" in response.json()["error"]
    assert not ReflectionNote.objects.exists()
    if restriction == PageViewRestriction.GROUPS:
        learner.groups.add(group)  # once they may view the module, they may write the note
        assert save(signed_in, course["first"], "Mijn notitie", **JSON).status_code == 200
        assert ReflectionNote.objects.get().text == "Mijn notitie"


def test_a_learner_only_ever_writes_their_own_note(client, learner, course):
    colleague = UserFactory(email="collega@example.org")
    client.force_login(colleague)
    save(client, course["first"], "Van de collega")
    client.force_login(learner)
    save(client, course["first"], "Van Lies")
    notes = dict(ReflectionNote.objects.values_list("user__email", "text"))
    assert notes == {"collega@example.org": "Van de collega", "leerling@example.org": "Van Lies"}
    page = client.get(course["first"].url).content.decode()
    assert "Van Lies" in page and "Van de collega" not in page


def test_a_note_in_one_language_is_the_note_in_every_language(signed_in, course):
    save(signed_in, course["first"], "Meertalig")
    french = translate_with_parents(course["first"], "fr")
    page = signed_in.get(french.url).content.decode()
    assert "Meertalig" in page


def test_an_anonymous_post_is_refused(client, course):
    response = save(client, course["first"], "Anoniem")
    assert response.status_code == 302 and "/login/" in response["Location"]
    response = save(client, course["first"], "Anoniem", **JSON)
    assert response.status_code == 401
    assert not ReflectionNote.objects.exists()


def test_only_a_post_saves(signed_in, course):
    response = signed_in.get(note_url(course["first"], block_ids(course["first"])[0]))
    assert response.status_code == 405


def test_saving_needs_the_csrf_token(learner, course):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    assert save(browser, course["first"], "Zonder token").status_code == 403
    assert not ReflectionNote.objects.exists()


def test_saving_is_rate_limited(signed_in, course, settings, rate_limit_clock):
    settings.REFLECTION_SAVES_PER_MINUTE = 3
    for attempt in range(3):
        assert save(signed_in, course["first"], f"Versie {attempt}", **JSON).status_code == 200
    response = save(signed_in, course["first"], "Te veel", **JSON)
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert ReflectionNote.objects.get().text == "Versie 2"
    rate_limit_clock.advance(60)
    assert save(signed_in, course["first"], "Later", **JSON).status_code == 200


# --- The module page ----------------------------------------------------------------------------


def test_visitors_are_asked_to_sign_in_and_see_no_form(client, learner, course):
    ReflectionNote.objects.create(
        user=learner,
        module_key=course["first"].translation_key,
        block_id=block_ids(course["first"])[0],
        text="Geheim",
    )
    page = client.get(course["first"].url).content.decode()
    assert "Meld u aan om privénotities bij te houden" in page
    assert "<textarea" not in page and "Geheim" not in page


def test_the_cached_anonymous_page_never_shows_a_note(client, learner, course):
    client.get(course["first"].url)  # cached for visitors
    client.force_login(learner)
    save(client, course["first"], "Alleen voor mij")
    client.logout()
    page = client.get(course["first"].url).content.decode()
    assert "Alleen voor mij" not in page and "<textarea" not in page


def test_the_block_links_to_my_reflections_once_a_note_exists(signed_in, course):
    module = course["first"]
    page = BeautifulSoup(signed_in.get(module.url).content, "html.parser")
    link = page.find("a", href=reverse("learners:reflections"))
    assert link.find_parent(attrs={"data-reflection-all": True}).has_attr("hidden")
    save(signed_in, module, "Eerste notitie")
    page = BeautifulSoup(signed_in.get(module.url).content, "html.parser")
    first, second = (page.find(id=f"reflection-{block_id}") for block_id in block_ids(module))
    assert not first.find(attrs={"data-reflection-all": True}).has_attr("hidden")
    assert second.find(attrs={"data-reflection-all": True}).has_attr("hidden")
    assert "Laatst opgeslagen op" in first.get_text()


def test_the_module_page_reads_the_notes_in_one_query(
    signed_in, course, django_assert_max_num_queries
):
    save(signed_in, course["first"], "Een")
    save(signed_in, course["first"], "Twee", index=1)
    signed_in.get(course["first"].url)  # warm up the session and the site
    with django_assert_max_num_queries(60) as queries:
        signed_in.get(course["first"].url)
    note_queries = [q for q in queries.captured_queries if "learners_reflectionnote" in q["sql"]]
    assert len(note_queries) == 1


def test_a_module_without_reflection_questions_reads_no_notes(signed_in, library_tree):
    module = library_tree["pages"]["module"]
    module.body = [b for b in module.body.raw_data if b["type"] != "reflection"]
    publish(module)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert signed_in.get(module.url).status_code == 200
    assert not [q for q in captured.captured_queries if "learners_reflectionnote" in q["sql"]]


# --- My reflections -----------------------------------------------------------------------------


def test_my_reflections_groups_the_notes_by_course_and_module(signed_in, learner, course):
    save(signed_in, course["second"], "Over het gesprek")
    save(signed_in, course["first"], "Tweede vraag", index=1)
    save(signed_in, course["first"], "Eerste vraag")
    other_course = publish(
        CoursePageFactory(parent=course["course"].get_parent(), title="Ouderenmis herkennen")
    )
    elders = publish(
        ModulePageFactory(parent=other_course, title="Geld", body=[reflection("Wat merkt u?")])
    )
    save(signed_in, elders, "Over geld")

    response = signed_in.get(reverse("learners:reflections"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    main = page.find("main")
    assert [h.get_text(strip=True) for h in main.find_all("h2")] == [
        "Ouderenmis herkennen",
        "Partnergeweld herkennen",
    ]
    assert [h.get_text(strip=True) for h in main.find_all("h3")] == [
        "Geld",
        "Signalen",
        "Het gesprek",
    ]
    assert [dt.get_text(strip=True) for dt in main.find_all("dt")] == [
        "Wat merkt u?",
        "Wat valt u op?",
        "Wie kunt u bellen?",
        "Wat zegt u?",
    ]
    notes = [dd.find(class_="reflections__text").get_text(strip=True) for dd in main.find_all("dd")]
    assert notes == ["Over geld", "Eerste vraag", "Tweede vraag", "Over het gesprek"]
    assert "intervisie" in main.get_text()
    assert page.find("button", attrs={"data-print": True}).get_text(strip=True) == "Afdrukken"
    assert "afdrukopdracht van uw browser" in main.get_text()
    assert page.find(class_="quick-exit") is not None


def test_my_reflections_escapes_the_notes(signed_in, course):
    save(signed_in, course["first"], "<script>alert(1)</script>\nTweede regel")
    html = signed_in.get(reverse("learners:reflections")).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Tweede regel" in html


def test_my_reflections_keeps_notes_of_a_module_no_longer_published(signed_in, course):
    save(signed_in, course["second"], "Blijft van mij")
    course["second"].unpublish()
    main = BeautifulSoup(
        signed_in.get(reverse("learners:reflections")).content, "html.parser"
    ).find("main")
    assert "Blijft van mij" in main.get_text()
    assert "Modules die niet meer gepubliceerd zijn" in main.get_text()


def test_my_reflections_reads_in_a_fixed_number_of_queries(signed_in, course):
    def queries_for_the_page():
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(reverse("learners:reflections")).status_code == 200
        return len(captured.captured_queries)

    save(signed_in, course["first"], "Een")
    queries_for_the_page()  # warms the session and the site
    one_note = queries_for_the_page()
    save(signed_in, course["first"], "Twee", index=1)
    save(signed_in, course["second"], "Drie")
    assert queries_for_the_page() == one_note


def test_my_reflections_without_notes_says_how_to_write_one(signed_in, course):
    main = BeautifulSoup(
        signed_in.get(reverse("learners:reflections")).content, "html.parser"
    ).find("main")
    assert "U hebt nog geen notities." in main.get_text()
    assert "reflectievragen" in main.get_text()
    assert main.find("button") is None


def test_my_reflections_needs_signing_in(client, db):
    response = client.get(reverse("learners:reflections"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_my_learning_links_to_my_reflections(signed_in, course):
    page = BeautifulSoup(signed_in.get(reverse("learners:dashboard")).content, "html.parser")
    assert page.find("main").find("a", href=reverse("learners:reflections")) is not None


def test_my_reflections_speaks_the_page_language(signed_in, course):
    save(signed_in, course["first"], "Iets")
    with translation.override("fr"):
        url = reverse("learners:reflections")
    text = BeautifulSoup(signed_in.get(url).content, "html.parser").find("main").get_text()
    assert "Mes réflexions" in text and "Mijn reflecties" not in text


# --- Data download and erasure ------------------------------------------------------------------


def test_the_download_holds_the_notes_with_module_and_question(signed_in, learner, course):
    save(signed_in, course["first"], "Mijn notitie", index=1)
    data = json.loads(signed_in.get("/nl/account/profile/download/").content)
    [note] = data["reflection_notes"]
    assert note["course"] == str(course["course"].translation_key)
    assert note["course_title"] == "Partnergeweld herkennen"
    assert note["module"] == str(course["first"].translation_key)
    assert note["module_title"] == "Signalen"
    assert note["question"] == "Wie kunt u bellen?"
    assert note["note"] == "Mijn notitie"
    assert note["updated_at"]


def test_the_download_names_courses_and_modules_in_the_learners_language(
    signed_in, learner, course
):
    learner.preferred_language = "fr"
    learner.save()
    translate_with_parents(course["course"], "fr", title="Reconnaître la violence")
    translate(course["first"], "fr", title="Les signaux")
    signed_in.get(course["first"].url)  # starts the enrolment and the module's record
    save(signed_in, course["first"], "Note")
    data = json.loads(signed_in.get("/nl/account/profile/download/").content)
    [enrolment] = data["learning"]["enrolments"]
    assert enrolment["course"] == str(course["course"].translation_key)
    assert enrolment["course_title"] == "Reconnaître la violence"
    [module] = data["learning"]["modules"]
    assert module["module"] == str(course["first"].translation_key)
    assert module["module_title"] == "Les signaux"
    [note] = data["reflection_notes"]
    assert (note["course_title"], note["module_title"]) == (
        "Reconnaître la violence",
        "Les signaux",
    )


def test_account_erasure_deletes_the_notes(signed_in, learner, course):
    save(signed_in, course["first"], "Weg ermee")
    colleague = UserFactory(email="collega@example.org")
    ReflectionNote.objects.create(
        user=colleague, module_key=course["first"].translation_key, block_id="x", text="Blijft"
    )
    account_erase(user=learner)
    assert list(ReflectionNote.objects.values_list("text", flat=True)) == ["Blijft"]
