"""Suggestions in the header search box, with the keyboard only, in a real Chromium."""
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.live]


def test_a_resident_picks_a_suggestion_with_the_keyboard(page, site_server):
    page.goto(site_server.url + "/")
    box = page.locator("#recherche-entete")
    box.focus()
    page.keyboard.type("camem", delay=40)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    first = listbox.get_by_role("option").first
    expect(first).to_contain_text("Camembert de Normandie AOP")
    page.keyboard.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=Camembert*")
    expect(page.locator(".card-title").first).to_have_text("Camembert de Normandie AOP")


def test_escape_closes_and_enter_searches_what_was_typed(page, site_server):
    page.goto(site_server.url + "/")
    box = page.locator("#recherche-entete")
    box.focus()
    page.keyboard.type("fromag", delay=40)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=fromag")
