"""Residents and a shopkeeper in a real Chromium, against the live server.

(a) a resident buys from three shops, grouped delivery in a slot, one fee, one payment;
(b) a resident outside the 16e is stopped at the address with the French message
    and collects in the shop instead;
(c) a shopkeeper marks their part ready and the resident's tracking page shows it.
"""
import re

import pytest
from playwright.sync_api import expect

from .storefront import (
    HOME_16E,
    OUTSIDE,
    add_to_basket,
    choose_option,
    fill_address,
    pay,
    products_from_shops,
    start_checkout,
)

# No django_db: everything goes through HTTP, and Playwright's event loop would
# forbid synchronous database access in this thread anyway.
pytestmark = [pytest.mark.browser, pytest.mark.live]

OUTSIDE_MESSAGE = "La livraison groupée est réservée au 16e arrondissement (75016 ou 75116)"
NBSP_EURO = re.compile(r"\d+,\d\d\u00a0€")


def test_a_resident_buys_from_three_shops_with_one_grouped_delivery(page, site_server, api):
    base = site_server.url
    chosen = products_from_shops(api, 3)
    for item in chosen:
        add_to_basket(page, base, item["product"])

    # The basket survives a reload and is grouped by shop, with a subtotal each.
    page.reload()
    shops = page.locator("section.basket-shop")
    expect(shops).to_have_count(3)
    for item in chosen:
        section = shops.filter(has=page.get_by_role("heading", name=item["shop"]))
        expect(section.locator(".subtotal")).to_contain_text(NBSP_EURO)
    # One delivery fee for the three shops.
    expect(page.locator(".totals")).to_contain_text("une seule pour toutes les boutiques")

    start_checkout(page, base, "camille.martin@exemple.fr")
    fill_address(page, HOME_16E)
    page.get_by_label("Ville", exact=True).press("Tab")
    # The live check answers in French before anything is paid.
    expect(page.locator("#postalCode-message")).to_contain_text("16e arrondissement")
    page.get_by_role("button", name="Valider l'adresse").click()

    options = page.get_by_role("group", name="Comment recevoir votre commande ?")
    expect(options.get_by_label(re.compile("^Livraison groupée dans le 16e"))).to_have_count(1)
    choose_option(page, "^Livraison groupée dans le 16e")

    # Slots show their remaining capacity.
    slots = page.get_by_role("group", name="Choisissez quand vous serez chez vous")
    first_open = slots.locator("input[type=radio]:not([disabled])").first
    label = page.locator(f"label[for='{first_open.get_attribute('id')}']")
    expect(label).to_contain_text(re.compile(r"\d+ places? restantes?"))
    chosen_slot = label.inner_text().split(" — ")[0]
    first_open.check()
    page.get_by_role("button", name="Réserver ce créneau").click()
    expect(page.locator("#etape-creneau + p")).to_contain_text(chosen_slot)

    tracking = pay(page)
    expect(page.get_by_text(f"Livraison groupée {chosen_slot.lower()}", exact=False)).to_be_visible()
    parts = page.locator("section.basket-shop")
    expect(parts).to_have_count(3)
    expect(parts.locator("[data-status=TO_PREPARE]")).to_have_count(3)

    # Paid: the basket is empty, the order stays reachable.
    page.goto(f"{base}/panier/")
    expect(page.get_by_text("Votre panier est vide")).to_be_visible()
    page.goto(tracking)
    expect(page.get_by_role("heading", name=re.compile("Suivi de la commande"))).to_be_visible()


def test_a_resident_outside_the_16th_is_stopped_and_collects_in_the_shop(page, site_server, api):
    base = site_server.url
    item = products_from_shops(api, 1, click_and_collect=True, skip=5)[0]
    add_to_basket(page, base, item["product"])
    start_checkout(page, base, "louis.bernard@exemple.fr")

    fill_address(page, OUTSIDE)
    page.get_by_label("Ville", exact=True).press("Tab")
    # Stopped at the address, next to the postcode, before submitting anything.
    message = page.locator("#postalCode-message")
    expect(message).to_contain_text(OUTSIDE_MESSAGE)
    expect(page.get_by_label("Code postal")).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Valider l'adresse").click()

    # The page says why, and only what this address can use is offered.
    expect(page.get_by_role("alert")).to_contain_text(OUTSIDE_MESSAGE)
    options = page.get_by_role("group", name="Comment recevoir votre commande ?")
    expect(options.get_by_label(re.compile("^Livraison groupée"))).to_have_count(0)
    choose_option(page, f"^Retrait gratuit chez {re.escape(item['shop'])}")

    pay(page)
    expect(page.locator("section.basket-shop")).to_have_count(1)
    expect(page.locator(".notice").first).to_contain_text("Retrait")


def test_a_shopkeeper_marks_their_part_ready_and_the_resident_sees_it(page, desktop, site_server, api):
    base = site_server.url
    first, second = products_from_shops(api, 2, skip=10)
    add_to_basket(page, base, first["product"])
    add_to_basket(page, base, second["product"])
    start_checkout(page, base, "ines.durand@exemple.fr")
    fill_address(page, HOME_16E)
    page.get_by_role("button", name="Valider l'adresse").click()
    choose_option(page, "^Livraison groupée dans le 16e")
    page.locator("input[name=slot]:not([disabled])").first.check()
    page.get_by_role("button", name="Réserver ce créneau").click()
    tracking = pay(page)
    number = re.search(r"n° (\d+)", page.locator(".hero").inner_text()).group(1)

    # The first shop's keeper logs in on their own screen.
    desktop.goto(f"{base}/commercant/")
    desktop.get_by_label("Adresse e-mail").fill(f"{first['slug']}@paris16.example")
    desktop.get_by_label("Mot de passe").fill("paris16-demo")
    desktop.get_by_role("button", name="Se connecter").click()
    expect(desktop.get_by_role("heading", name=re.compile(f"Commandes à préparer — {re.escape(first['shop'])}"))).to_be_visible()
    part = desktop.locator("article").filter(has_text=f"Commande n° {number}")
    expect(part).to_have_count(1)
    # Their part only: the other shop's article is not on their screen.
    expect(part).to_contain_text(first["name"])
    expect(part).not_to_contain_text(second["name"])
    part.get_by_role("button", name=re.compile("^Prêt")).click()
    expect(desktop.locator("article").filter(has_text=f"Commande n° {number}")).to_have_count(0)
    expect(desktop.get_by_text(re.compile(rf"Commande n° {number}\s: Prête"))).to_be_visible()

    # The resident's tracking page: that shop ready, the other still preparing.
    page.goto(tracking)
    ready = page.locator("section.basket-shop").filter(has=page.get_by_role("link", name=first["shop"]))
    expect(ready.locator(".status")).to_have_text("Prête")
    other = page.locator("section.basket-shop").filter(has=page.get_by_role("link", name=second["shop"]))
    expect(other.locator(".status")).to_have_text("En préparation")


STOCK = """
query($slug: String!) { product(slug: $slug) { variants { id stocks { warehouse { id } quantity } } } }"""
SET_STOCK = """
mutation($variant: ID!, $warehouse: ID!, $quantity: Int!) {
  productVariantStocksUpdate(variantId: $variant, stocks: [{warehouse: $warehouse, quantity: $quantity}]) {
    bulkStockErrors { field message code } } }"""


def test_a_payment_that_fails_keeps_the_basket(page, site_server, api):
    base = site_server.url
    item = products_from_shops(api, 1, skip=15)[0]
    operator = site_server.login("admin@paris16.example")
    variant = operator.data(STOCK, {"slug": item["product"]})["product"]["variants"][0]
    stock = variant["stocks"][0]
    add_to_basket(page, base, item["product"])
    start_checkout(page, base, "paiement.refuse@exemple.fr")
    fill_address(page, HOME_16E)
    page.get_by_role("button", name="Valider l'adresse").click()
    choose_option(page, "^Livraison groupée dans le 16e")
    page.locator("input[name=slot]:not([disabled])").first.check()
    page.get_by_role("button", name="Réserver ce créneau").click()
    try:
        # The shop sells its last one in the shop while the resident is paying.
        operator.data(SET_STOCK, {"variant": variant["id"], "warehouse": stock["warehouse"]["id"], "quantity": 0})
        page.get_by_role("button", name=re.compile(r"^Payer ")).click()
        expect(page.get_by_role("alert")).to_contain_text("Il n'en reste plus assez")
    finally:
        operator.data(SET_STOCK, {"variant": variant["id"], "warehouse": stock["warehouse"]["id"],
                                  "quantity": stock["quantity"]})
    # Nothing was ordered and the basket is still there, address and slot included.
    page.goto(f"{base}/panier/")
    expect(page.get_by_role("link", name=item["name"])).to_be_visible()
    page.get_by_role("link", name="Commander").click()
    tracking = pay(page)
    assert "/commandes/" in tracking
