"""The courier's page on a phone, and the printed round sheet, in Debian's Chromium:
nothing wider than the screen, every field labelled, a screenshot of each.

With P16_SCREENSHOTS=1 the screenshots replace storefront_theme/screenshots/coursier-*.png
and tournee-feuille.png (shown in the README)."""
import os
from pathlib import Path

import pytest
from graphql_relay import from_global_id

from tests.live.test_courier_rounds import COURIER, OPERATOR, PLAN, _courier_account, planned_slot  # noqa: F401
from tests.live.test_grouped_delivery_concurrency import committed  # noqa: F401

from .storefront import CHROMIUM, CHROMIUM_ARGS
from .test_storefront_screens import UNLABELLED_FIELDS

pytestmark = [pytest.mark.browser, pytest.mark.live]

COMMITTED = Path(__file__).resolve().parents[2] / "storefront_theme" / "screenshots"


def test_courier_page_and_round_sheet(site_server, planned_slot, tmp_path):
    from zoneinfo import ZoneInfo

    from plugins.grouped_delivery.models import DeliverySlot
    from plugins.grouped_delivery.views import sheet_html

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package")
    folder = COMMITTED if os.environ.get("P16_SCREENSHOTS") == "1" else tmp_path
    slot_id, _ = planned_slot
    assert site_server.login(OPERATOR).data(PLAN, {"s": slot_id, "c": 2})[
        "deliveryRoundPlan"]["errors"] == []
    _courier_account()
    slot = DeliverySlot.objects.get(pk=int(from_global_id(slot_id)[1]))
    day = slot.start.astimezone(ZoneInfo("Europe/Paris")).date().isoformat()
    html = sheet_html(slot)  # the PDF's source, before Playwright's loop forbids the ORM

    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 800}, locale="fr-FR")
            page.goto(f"{site_server.url}/coursier/connexion/")
            page.get_by_label("Adresse e-mail").fill(COURIER)
            page.get_by_label("Mot de passe").fill("velo-cargo-16")
            page.get_by_role("button", name="Se connecter").click()
            expect(page.get_by_role("heading", name="Tournées du jour")).to_be_visible()
            page.goto(f"{site_server.url}/coursier/?jour={day}")
            assert page.locator("svg.round-map").count() >= 1
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            assert page.evaluate(UNLABELLED_FIELDS) == []
            page.screenshot(path=str(folder / "coursier-mobile.png"), full_page=True)
            # A tap on "Collecté" at the first shop.
            page.locator("button[value=collected]").first.click()
            expect(page.locator(".stop-done").first).to_be_visible()
            page.screenshot(path=str(folder / "coursier-collecte-mobile.png"))
            sheet = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
            sheet.set_content(html)
            sheet.screenshot(path=str(folder / "tournee-feuille.png"), full_page=True)
        finally:
            browser.close()
