"""A tool page offers its materials, names the courses that use it and whom to ask for it."""

import re

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils.form_data import rich_text, streamfield

from courses.models import CoursePage, ToolPage
from media.models import CustomDocument
from tests.factories import CoursePageFactory, UserFactory, publish
from tests.factories.admin_forms import page_form

pytestmark = pytest.mark.django_db


def html_of(client, page):
    cache.clear()
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def section(html, heading_id):
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, heading_id
    return match.group(0)


@pytest.fixture
def handout():
    document = CustomDocument(
        title="Babobox: handleiding", file=ContentFile(b"%PDF-1.4 " + b"x" * 1500, "babo.pdf")
    )
    document.file_size = 1545
    document.save()
    return document


def test_materials_are_offered_with_their_file_type_and_size(client, library_tree, handout):
    tool = library_tree["pages"]["tool"]
    tool.materials = [("material", {"document": handout, "description": "Om af te drukken."})]
    publish(tool)

    materials = section(html_of(client, tool), "materials-title")

    assert "Te downloaden materiaal" in materials
    assert f'href="{handout.url}"' in materials
    assert "Babobox: handleiding" in materials
    assert re.search(r"\(PDF, 1[,.]5\s*KB\)", materials), materials
    assert "Om af te drukken." in materials


def test_a_tool_without_materials_or_contact_shows_neither_box(client, library_tree):
    html = html_of(client, library_tree["pages"]["tool"])

    assert 'id="materials-title"' not in html
    assert 'id="contact-title"' not in html
    assert 'id="courses-title"' not in html


def test_linked_courses_show_in_the_page_language_and_only_when_live(client, library_tree):
    pages, translations = library_tree["pages"], library_tree["translations"]
    tool, course = pages["tool"], pages["course"]
    draft = CoursePageFactory(parent=pages["library"], title="Nog niet gepubliceerd", live=False)
    tool.courses.set([course, draft])
    publish(tool)

    dutch = section(html_of(client, tool), "courses-title")
    french = section(html_of(client, translations[("tool", "fr")]), "courses-title")

    assert f'href="{course.url}"' in dutch and course.title in dutch
    assert "Nog niet gepubliceerd" not in dutch
    french_course = translations[("course", "fr")]
    assert f'href="{french_course.url}"' in french
    assert f'href="{course.url}"' not in french
    assert french.count("<li>") == 1


def test_a_course_unpublished_in_one_language_disappears_from_that_language_only(
    client, library_tree
):
    pages, translations = library_tree["pages"], library_tree["translations"]
    pages["tool"].courses.set([pages["course"]])
    publish(pages["tool"])
    CoursePage.objects.get(pk=translations[("course", "en")].pk).unpublish()

    assert 'id="courses-title"' not in html_of(client, translations[("tool", "en")])
    assert 'id="courses-title"' in html_of(client, translations[("tool", "fr")])


def test_the_contact_box_says_whom_to_ask_to_borrow_or_order(client, library_tree):
    tool = library_tree["pages"]["tool"]
    tool.contact_organisation = "Interlokaal platform"
    tool.contact_email = "vif@leerplatform.test"
    tool.contact_phone = "09 266 00 00"
    tool.contact_text = "Mail ons welke week u de box wilt ontlenen."
    publish(tool)

    box = section(html_of(client, tool), "contact-title")

    assert "Ontlenen of bestellen" in box
    assert "Interlokaal platform" in box
    assert 'href="mailto:vif@leerplatform.test"' in box
    assert 'href="tel:092660000"' in box
    assert "Mail ons welke week u de box wilt ontlenen." in box


def test_steps_in_the_text_read_as_a_numbered_list(client, library_tree):
    tool = library_tree["pages"]["tool"]
    steps = "".join(f"<li><b>Stap {n}.</b> Doe dit.</li>" for n in range(1, 5))
    tool.body = [("text", f"<p>Inleiding.</p><ol>{steps}</ol>")]
    publish(tool)

    (ordered,) = re.findall(r"<ol>.*?</ol>", section_body(html_of(client, tool)), re.S)

    assert ordered.count("<li>") == 4


def section_body(html):
    return re.search(r'<div class="module-body">.*?</div>', html, re.S).group(0)


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def tool_form(tool, **contact):
    return page_form(
        tool.title,
        slug=tool.slug,
        kind="kit",
        body=streamfield([("text", rich_text("<p>Zo gebruikt u de kit.</p>"))]),
        materials=streamfield([]),
        contact_organisation="Interlokaal platform",
        contact_text="Mail ons.",
        **contact,
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("contact_email", "vif@", "geldig e-mailadres"),
        ("contact_email", "<script>@x", "geldig e-mailadres"),
        ("contact_phone", "bel ons", "alleen in cijfers"),
    ],
)
def test_the_admin_refuses_a_contact_it_cannot_use_and_changes_nothing(
    editor_client, library_tree, field, value, message
):
    tool = library_tree["pages"]["tool"]
    edit = reverse("wagtailadmin_pages:edit", args=[tool.pk])

    response = editor_client.post(
        edit, {**tool_form(tool, **{field: value}), "action-publish": "on"}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    tool = ToolPage.objects.get(pk=tool.pk)
    assert getattr(tool, field) == "" and tool.contact_organisation == ""


def test_the_admin_saves_a_valid_contact(editor_client, library_tree):
    tool = library_tree["pages"]["tool"]
    edit = reverse("wagtailadmin_pages:edit", args=[tool.pk])
    form = tool_form(tool, contact_email="vif@leerplatform.test", contact_phone="+32 9 266 00 00")

    response = editor_client.post(edit, {**form, "action-publish": "on"})

    assert response.status_code == 302
    tool = ToolPage.objects.get(pk=tool.pk)
    assert (tool.contact_email, tool.contact_phone) == ("vif@leerplatform.test", "+32 9 266 00 00")


def test_more_materials_and_courses_cost_no_more_queries(client, library_tree):
    pages = library_tree["pages"]
    tool = pages["tool"]

    def queries_with(count):
        documents = []
        for number in range(count):
            document = CustomDocument(
                title=f"Materiaal {number}", file=ContentFile(b"x", f"m{number}.txt")
            )
            document.save()
            documents.append(("material", {"document": document, "description": ""}))
        courses = [
            publish(CoursePageFactory(parent=pages["library"], title=f"Opleiding {count}-{n}"))
            for n in range(count)
        ]
        tool.materials = documents
        tool.courses.set(courses)
        publish(tool)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            html = client.get(tool.url).content.decode()
        assert html.count("Materiaal ") == count and html.count("Opleiding ") == count
        return len(queries)

    assert queries_with(1) == queries_with(4)
