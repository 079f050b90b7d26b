"""The search with a keyboard only: suggestions as a combobox, facets as a plain form."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_suggestion_is_chosen_with_the_arrow_keys_and_enter(page, library_tree):
    module = library_tree["pages"]["module"]
    page.goto("/nl/search/")
    box = page.get_by_role("combobox", name="Zoeken naar")
    box.focus()
    box.press_sequentially("Signa")
    option = page.get_by_role("option", name=re.compile("^Signalen"))
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").filter(has_text="suggesties")).to_have_count(1)
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(module.url) + "$"))


def test_escape_closes_the_suggestions_and_enter_then_searches(page, library_tree):
    page.goto("/nl/search/")
    box = page.get_by_role("combobox", name="Zoeken naar")
    box.focus()
    box.press_sequentially("Signa")
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/nl/search/\?q=Signa$"))


def test_facets_are_chosen_with_the_keyboard_and_kept_in_the_address(page, library_tree):
    page.goto("/nl/search/?q=kindermishandeling")
    expect(page.get_by_role("status").filter(has_text="resultaten")).to_have_count(1)
    checkbox = page.get_by_role("checkbox", name=re.compile("^Opleiding"))
    checkbox.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Filters toepassen").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=kindermishandeling.*format=course"))
    expect(page.get_by_role("checkbox", name=re.compile("^Opleiding"))).to_be_checked()
    titles = page.locator(".result__title").all_inner_texts()
    assert titles == [library_tree["pages"]["course"].title]


def test_the_facets_work_without_javascript(browser, live_server, library_tree):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(library_tree["pages"]["library"].url)
    checkbox = page.get_by_role("checkbox", name=re.compile("^Tool"))
    expect(checkbox).not_to_be_checked()  # the library's default formats are not a choice
    checkbox.check()
    page.get_by_role("button", name="Filters toepassen").click()
    expect(page).to_have_url(re.compile(r"format=tool"))
    expect(page.locator(".card__title")).to_have_text([library_tree["pages"]["tool"].title])
    context.close()
