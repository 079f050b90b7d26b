"""axe-core finds no violations, of any impact, on any page type in any language."""

import uuid
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

from media.models import CustomDocument
from tests.factories import (
    ModulePageFactory,
    ToolPageFactory,
    TrainerFactory,
    WebinarPageFactory,
    knowledge_check_block,
    module_body,
    publish,
)

from .conftest import LANGUAGES, ROLES, page_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Axe()


def axe_report(page):
    """None when axe is satisfied, else its report (what, where, how to fix)."""
    results = AXE.run(page)
    if results.violations_count == 0:
        return None
    return results.generate_report()


def test_every_page_type_in_every_language_passes_axe(page, library_tree):
    # 18 pages (6 types x nl/fr/en), one tree and one browser page: building the tree costs
    # more than all the axe runs together. Every page is checked before failing, so one run
    # reports all the problems, each under its URL (which starts with the language).
    failures = {}
    for language in LANGUAGES:
        for role in ROLES:
            url = page_for(library_tree, role, language).url
            response = page.goto(url)
            assert response.ok, f"{url}: HTTP {response.status}"
            report = axe_report(page)
            if report:
                failures[url] = report
    for url, report in failures.items():
        print(f"\n===== axe: {url} =====\n{report}")
    assert not failures, f"axe violations on {sorted(failures)} (reports printed above)"


def test_search_results_and_not_found_pages_pass_axe(page, small_tree):
    failures = {}
    urls = [f"/{language}/search/?q=signalen" for language in LANGUAGES]
    urls.append("/nl/search/?q=niets-gevonden")  # the "no results" state
    for url in urls:
        response = page.goto(url)
        assert response.ok, f"{url}: HTTP {response.status}"
        report = axe_report(page)
        if report:
            failures[url] = report
    response = page.goto("/nl/bestaat-niet/")
    assert response.status == 404
    report = axe_report(page)
    if report:
        failures["404"] = report
    for url, report in failures.items():
        print(f"\n===== axe: {url} =====\n{report}")
    assert not failures, f"axe violations on {sorted(failures)} (reports printed above)"


def rich_module_body():
    """Every block a module can hold without uploaded media; checks, reflections and callouts
    twice, as editors do: repeated blocks must not clash (ids, labels, landmark names)."""
    body = module_body()
    body += [
        knowledge_check_block("Wie belt u bij twijfel?"),
        {
            "type": "reflection",
            "id": str(uuid.uuid4()),
            "value": {"question": "Wat zou u anders doen?", "guidance": ""},
        },
        {
            "type": "case_vignette",
            "id": str(uuid.uuid4()),
            "value": {
                "title": "Lotte (8)",
                "story": "<p>Lotte komt vaak te laat en wil niet naar huis.</p>",
                "questions": ["Wat valt u op?", "Met wie overlegt u?"],
            },
        },
        {
            "type": "help_callout",
            "id": str(uuid.uuid4()),
            "value": {"kind": "help", "text": "<p>Bel 1712 voor advies.</p>"},
        },
        {
            "type": "help_callout",
            "id": str(uuid.uuid4()),
            "value": {"kind": "selfcare", "text": "<p>Neem even pauze.</p>"},
        },
        {
            "type": "help_callout",
            "id": str(uuid.uuid4()),
            "value": {"kind": "help", "text": "<p>Of vraag raad aan een collega.</p>"},
        },
        {
            "type": "embed",
            "id": str(uuid.uuid4()),
            "value": {
                "url": "https://www.1712.be/",
                "title": "1712",
                "description": "Hulplijn voor geweld, misbruik en kindermishandeling.",
            },
        },
    ]
    return body


def test_rich_module_with_an_answered_check_passes_axe(page, small_tree):
    module = publish(
        ModulePageFactory(
            parent=small_tree["course"],
            title="Signalen in de klas",
            content_warning="Deze module beschrijft geweld tegen kinderen.",
            body=rich_module_body(),
        )
    )
    cache.clear()
    page.goto(module.url)
    check = page.locator(".knowledge-check").first
    check.get_by_label("De pleger confronteren").check()
    check.get_by_role("button").click()
    expect(check.locator(".feedback[role=status]")).to_be_visible()
    assert "check=" in page.url

    report = axe_report(page)
    if report:
        print(report)
    assert report is None


def test_upcoming_webinar_in_a_series_passes_axe(page, small_tree):
    webinar = WebinarPageFactory(
        parent=small_tree["course"],
        title="Live: het gesprek",
        starts_at=timezone.now() + timedelta(days=14),
        transcript="",
        chapters=[
            {
                "type": "chapter",
                "id": str(uuid.uuid4()),
                "value": {"start_seconds": 0, "title": "Welkom"},
            },
            {
                "type": "chapter",
                "id": str(uuid.uuid4()),
                "value": {"start_seconds": 300, "title": "Casus"},
            },
        ],
    )
    webinar.trainers.set([TrainerFactory(name="An Voorbeeld")])
    publish(webinar)
    cache.clear()
    page.goto(webinar.url)
    expect(page.locator(".notice")).to_be_visible()

    report = axe_report(page)
    if report:
        print(report)
    assert report is None


def test_tool_with_materials_courses_contact_and_steps_passes_axe(page, small_tree):
    handout = CustomDocument(title="Babobox: handleiding", file=ContentFile(b"%PDF-1.4", "b.pdf"))
    handout.file_size = 8
    handout.save()
    steps = "".join(f"<li><b>Stap {n}.</b> Doe dit.</li>" for n in range(1, 4))
    tool = ToolPageFactory(
        parent=small_tree["library"],
        title="Babobox",
        body=[{"type": "text", "id": str(uuid.uuid4()), "value": f"<ol>{steps}</ol>"}],
        materials=[
            {
                "type": "material",
                "id": str(uuid.uuid4()),
                "value": {"document": handout.pk, "description": "Om af te drukken."},
            }
        ],
        contact_organisation="Interlokaal platform",
        contact_email="vif@leerplatform.test",
        contact_phone="09 266 00 00",
        contact_text="Mail ons welke week u de box wilt ontlenen.",
    )
    tool.courses.set([small_tree["course"]])
    publish(tool)
    cache.clear()
    page.goto(tool.url)
    expect(page.locator(".tool-contact")).to_be_visible()

    report = axe_report(page)
    if report:
        print(report)
    assert report is None
