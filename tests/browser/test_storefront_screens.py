"""Every main page on a 360 px phone and a 1280 px desktop: nothing wider than the
screen, every field labelled, and a screenshot of each.

Screenshots go to a temporary folder; with P16_SCREENSHOTS=1 they replace the ones
committed under storefront_theme/screenshots/ (shown in the README).
"""
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .storefront import HOME_16E, OUTSIDE, add_to_basket, fill_address, pay, products_from_shops, start_checkout

pytestmark = [pytest.mark.browser, pytest.mark.live]

COMMITTED = Path(__file__).resolve().parents[2] / "storefront_theme" / "screenshots"
WIDTHS = {"mobile": 360, "desktop": 1280}

UNLABELLED_FIELDS = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
  .map(el => el.name || el.id)"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    if os.environ.get("P16_SCREENSHOTS") == "1":
        COMMITTED.mkdir(exist_ok=True)
        return COMMITTED
    return tmp_path_factory.mktemp("screenshots")


def check_and_shoot(page, folder, name, width_name):
    width = WIDTHS[width_name]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} is wider than {width} px"
    assert page.evaluate(UNLABELLED_FIELDS) == [], f"{name} has fields without a label"
    assert page.locator("html").get_attribute("lang") == "fr"
    page.screenshot(path=str(folder / f"{name}-{width_name}.png"))


@pytest.mark.parametrize("width_name", WIDTHS)
def test_main_pages_fit_the_screen(browser, site_server, api, folder, width_name):
    context = browser.new_context(viewport={"width": WIDTHS[width_name], "height": 900}, locale="fr-FR")
    context.set_default_timeout(30_000)
    page = context.new_page()
    base = site_server.url
    shops = products_from_shops(api, 2, click_and_collect=True, skip=20)

    for name, path in [
        ("accueil", "/"),
        ("boutiques", "/boutiques/?metier=BAKERY"),
        ("boutique", f"/boutiques/{shops[0]['slug']}/"),
        ("produit", f"/produits/{shops[0]['product']}/"),
        ("recherche", "/recherche/?q=pain"),
    ]:
        page.goto(base + path)
        check_and_shoot(page, folder, name, width_name)

    for item in shops:
        add_to_basket(page, base, item["product"])
    check_and_shoot(page, folder, "panier", width_name)

    start_checkout(page, base, "screens@exemple.fr")
    fill_address(page, OUTSIDE)
    page.get_by_label("Ville", exact=True).press("Tab")
    expect(page.locator("#postalCode-message")).not_to_be_empty()
    check_and_shoot(page, folder, "commande-adresse-hors-zone", width_name)

    fill_address(page, HOME_16E)
    page.get_by_role("button", name="Valider l'adresse").click()
    page.get_by_label("Livraison groupée dans le 16e").check()
    page.get_by_role("button", name="Continuer").click()
    expect(page.get_by_role("button", name="Réserver ce créneau")).to_be_visible()
    check_and_shoot(page, folder, "commande-creneau", width_name)
    page.locator("input[name=slot]:not([disabled])").first.check()
    page.get_by_role("button", name="Réserver ce créneau").click()
    expect(page.get_by_role("button", name=re.compile("^Payer "))).to_be_visible()
    check_and_shoot(page, folder, "commande-paiement", width_name)
    pay(page)
    check_and_shoot(page, folder, "confirmation", width_name)

    page.goto(f"{base}/commercant/")
    page.get_by_label("Adresse e-mail").fill(f"{shops[0]['slug']}@paris16.example")
    page.get_by_label("Mot de passe").fill("paris16-demo")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Commandes à préparer", exact=False)).to_be_visible()
    check_and_shoot(page, folder, "commercant", width_name)
    context.close()
