"""The storefront over real HTTP, as a browser without JavaScript sees it.

Pages cost one API request whatever the number of products shown; French errors land
next to their field; a closed shop and an out-of-stock product are shown, not dropped.
"""
import re
import uuid

import pytest
import requests

pytestmark = [pytest.mark.live]

NBSP = "\u00a0"

PUBLIC_PRODUCTS = """
query($slug: String!) { merchant(slug: $slug) { products(first: 1) { edges { node {
  slug variants { id } } } } } }"""
SHOP_PRODUCTS = """
query($slug: String!) { merchant(slug: $slug) { id name products(first: 5) { edges { node {
  slug name variants { id stocks { warehouse { id } quantity } } } } } } }"""
SET_ACTIVE = """
mutation($id: ID!, $active: Boolean!) { merchantUpdate(id: $id, input: {isActive: $active}) {
  merchant { isActive } merchantErrors { field message code } } }"""
SET_STOCK = """
mutation($variant: ID!, $warehouse: ID!, $quantity: Int!) {
  productVariantStocksUpdate(variantId: $variant, stocks: [{warehouse: $warehouse, quantity: $quantity}]) {
    bulkStockErrors { field message code } } }"""
SHOPS = "{ merchants(first: 100) { edges { node { slug } } } }"


def api_calls(response) -> int:
    return int(re.search(r'desc="(\d+) appels"', response.headers["Server-Timing"]).group(1))


def shop_slugs(api, skip):
    return [e["node"]["slug"] for e in api.data(SHOPS)["merchants"]["edges"]][skip:]


def csrf_session(url):
    session = requests.Session()
    session.get(url, timeout=30)
    return session, session.cookies["csrftoken"]


@pytest.mark.parametrize("path", ["/", "/boutiques/{shop}/", "/recherche/?q=pain", "/recherche/?q=a"])
def test_catalogue_pages_make_one_api_request_then_none(site_server, api, path):
    url = site_server.url + path.format(shop=shop_slugs(api, 30)[0])
    first = requests.get(url, timeout=60)
    assert first.status_code == 200
    assert api_calls(first) <= 1
    again = requests.get(url, timeout=60)
    assert again.status_code == 200 and api_calls(again) == 0  # the catalogue is cached
    assert '<html lang="fr">' in again.text


def test_the_directory_lists_every_shop_street_by_street(site_server):
    page = requests.get(f"{site_server.url}/boutiques/", timeout=60)
    assert page.status_code == 200
    cards = page.text.count('class="card merchant-card"')
    assert cards >= 150
    assert f"{cards} boutiques" in page.text
    streets = re.findall(r'<h2 id="rue-\d+">([^<]+)</h2>', page.text)
    assert len(streets) > 10 and all(not s[0].isdigit() for s in streets)
    bakeries = requests.get(f"{site_server.url}/boutiques/?metier=BAKERY", timeout=60).text
    assert 0 < bakeries.count('class="card merchant-card"') < cards
    assert bakeries.count('class="card-trade">Boulangerie<') == bakeries.count('class="card merchant-card"')


@pytest.mark.parametrize("address, code, field", [
    ({"streetAddress1": "12 rue de Passy", "postalCode": "75016", "city": "Paris", "country": "FR"}, "IN_ZONE", "postalCode"),
    ({"streetAddress1": "12 rue de Passy", "postalCode": "75 116", "city": "PARIS 16E", "country": "FR"}, "IN_ZONE", "postalCode"),
    ({"streetAddress1": "12 rue de Passy", "postalCode": "75015", "city": "Paris", "country": "FR"}, "OUTSIDE_ZONE", "postalCode"),
    ({"streetAddress1": "12 rue de Passy", "postalCode": "7501", "city": "Paris", "country": "FR"}, "INVALID_POSTAL_CODE", "postalCode"),
    ({"streetAddress1": "12 rue de Passy", "postalCode": "75016", "city": "Boulogne", "country": "FR"}, "WRONG_CITY", "city"),
    ({"streetAddress1": "12 rue de Passy", "postalCode": "75016", "city": "Paris", "country": "BE"}, "WRONG_COUNTRY", "country"),
    ({"streetAddress1": "12 rue de Passy", "postalCode": "75016 CEDEX", "city": "Paris", "country": "FR"}, "CEDEX", "postalCode"),
    ({"streetAddress1": "12 rue de Passy", "postalCode": "", "city": "Paris", "country": "FR"}, "MISSING_FIELD", "postalCode"),
    ({"streetAddress1": "", "postalCode": "75016", "city": "Paris", "country": "FR"}, "MISSING_FIELD", "postalCode"),
    ({"streetAddress1": "BP 1234", "postalCode": "75016", "city": "Paris", "country": "FR"}, "PO_BOX", "streetAddress1"),
])
def test_the_live_address_check_answers_in_french_for_the_right_field(site_server, address, code, field):
    verdict = requests.get(f"{site_server.url}/commande/verifier-adresse/", params=address, timeout=30).json()
    assert (verdict["code"], verdict["field"]) == (code, field)
    assert verdict["inZone"] is (code == "IN_ZONE")
    assert verdict["message"].endswith(".") and ("16e" in verdict["message"] or "postal" in verdict["message"])


def test_too_many_articles_shows_the_french_message_next_to_the_quantity(site_server, api):
    slug = shop_slugs(api, 40)[0]
    product = api.data(PUBLIC_PRODUCTS, {"slug": slug})["merchant"]["products"]["edges"][0]["node"]
    session, token = csrf_session(f"{site_server.url}/produits/{product['slug']}/")
    answer = session.post(f"{site_server.url}/panier/ajouter/", data={
        "csrfmiddlewaretoken": token, "variant": product["variants"][0]["id"],
        "quantity": "999", "product": product["slug"],
    }, headers={"Referer": site_server.url}, timeout=60)
    assert answer.status_code == 400
    assert '<p class="error" id="quantite-erreur">Quantité trop grande pour un seul panier.</p>' in answer.text
    assert 'aria-invalid="true"' in answer.text


def test_forms_without_the_csrf_token_are_refused(site_server):
    answer = requests.post(f"{site_server.url}/panier/ajouter/", data={"variant": "x", "quantity": "1"}, timeout=30)
    assert answer.status_code == 403


def test_a_closed_shop_and_an_empty_stock_are_shown_not_dropped(site_server, api):
    operator = site_server.login("admin@paris16.example")
    closed_slug, emptied_slug = shop_slugs(api, 50)[:2]
    closed = operator.data(SHOP_PRODUCTS, {"slug": closed_slug})["merchant"]
    emptied = operator.data(SHOP_PRODUCTS, {"slug": emptied_slug})["merchant"]["products"]["edges"][0]["node"]
    variant = emptied["variants"][0]
    stock = variant["stocks"][0]
    try:
        assert not operator.data(SET_ACTIVE, {"id": closed["id"], "active": False})["merchantUpdate"]["merchantErrors"]
        assert not operator.data(SET_STOCK, {"variant": variant["id"], "warehouse": stock["warehouse"]["id"],
                                             "quantity": 0})["productVariantStocksUpdate"]["bulkStockErrors"]

        # The API hides a closed shop from residents; its page says it is closed.
        shop_page = requests.get(f"{site_server.url}/boutiques/{closed_slug}/", timeout=60)
        assert shop_page.status_code == 404
        assert "Cette boutique n'est pas ouverte en ligne" in shop_page.text.replace("&#x27;", "'")
        product = closed["products"]["edges"][0]["node"]
        product_page = requests.get(f"{site_server.url}/produits/{product['slug']}/", timeout=60)
        assert "ne peut pas être commandé" in product_page.text
        assert "Ajouter au panier" not in product_page.text

        out = requests.get(f"{site_server.url}/produits/{emptied['slug']}/", timeout=60)
        assert out.status_code == 200 and emptied["name"] in out.text.replace("&#x27;", "'")
        assert "épuisé" in out.text
    finally:
        operator.data(SET_ACTIVE, {"id": closed["id"], "active": True})
        operator.data(SET_STOCK, {"variant": variant["id"], "warehouse": stock["warehouse"]["id"],
                                  "quantity": stock["quantity"]})


def test_prices_and_slots_are_written_the_french_way(site_server):
    home = requests.get(f"{site_server.url}/", timeout=60).text
    assert re.search(rf"\d+,\d\d{NBSP}€", home)
    assert re.search(r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d+(er)? \w+, \d+\xa0h", home)


@pytest.fixture(scope="module")
def resident(site_server, django_db_blocker):
    """A resident's account, committed so the live server sees it (set-up only)."""
    from saleor.account.models import User

    email, password = "residente.storefront@exemple.fr", "Passy-16-demo"
    with django_db_blocker.unblock():
        user, _ = User.objects.get_or_create(email=email, defaults={"is_active": True})
        user.set_password(password)
        user.save()
    return email, password


def test_login_errors_are_french_and_a_logged_in_basket_uses_the_account_email(site_server, api, resident):
    session, token = csrf_session(f"{site_server.url}/connexion/")
    headers = {"Referer": site_server.url}
    wrong = session.post(f"{site_server.url}/connexion/", data={
        # An unknown address: failures count toward a login throttle (15 minutes).
        "csrfmiddlewaretoken": token, "email": f"inconnue-{uuid.uuid4().hex[:8]}@exemple.fr",
        "password": "faux"}, headers=headers, timeout=30)
    assert wrong.status_code == 400
    assert "Adresse e-mail ou mot de passe incorrect." in wrong.text
    assert "p16_session" not in session.cookies

    slug = shop_slugs(api, 60)[0]
    product = api.data(PUBLIC_PRODUCTS, {"slug": slug})["merchant"]["products"]["edges"][0]["node"]
    added = session.post(f"{site_server.url}/panier/ajouter/", data={
        "csrfmiddlewaretoken": token, "variant": product["variants"][0]["id"], "quantity": "2",
        "product": product["slug"]}, headers=headers, timeout=60)
    assert added.status_code == 200 and session.cookies["p16_articles"] == "2"

    email, password = resident
    logged = session.post(f"{site_server.url}/connexion/?suite=/commande/", data={
        "csrfmiddlewaretoken": token, "email": email, "password": password, "suite": "/commande/"},
        headers=headers, timeout=60)
    assert logged.status_code == 200 and logged.url.endswith("/commande/")
    # The JWT cookie is HttpOnly: page scripts cannot read it.
    assert any(c.name == "p16_session" and c.has_nonstandard_attr("HttpOnly") for c in session.cookies)
    # The basket filled before logging in is now the customer's, with their e-mail.
    assert "2 articles" in logged.text
    assert f"{email} · " in logged.text
    assert "Valider l'adresse" in logged.text

    account = session.get(f"{site_server.url}/compte/", timeout=60)
    assert account.status_code == 200 and "Mes commandes" in account.text and "Mes adresses" in account.text


def test_a_shopkeeper_browsing_the_shop_buys_nothing_with_the_staff_token(site_server, api):
    slug = shop_slugs(api, 70)[0]
    session, token = csrf_session(f"{site_server.url}/commercant/connexion/")
    headers = {"Referer": site_server.url}
    session.post(f"{site_server.url}/commercant/connexion/", data={
        "csrfmiddlewaretoken": token, "email": f"{slug}@paris16.example", "password": "paris16-demo"},
        headers=headers, timeout=60)
    assert session.get(f"{site_server.url}/commercant/", timeout=60).status_code == 200
    # The staff token is not sent with the basket: the API refuses staff baskets.
    product = api.data(PUBLIC_PRODUCTS, {"slug": slug})["merchant"]["products"]["edges"][0]["node"]
    added = session.post(f"{site_server.url}/panier/ajouter/", data={
        "csrfmiddlewaretoken": token, "variant": product["variants"][0]["id"], "quantity": "1",
        "product": product["slug"]}, headers=headers, timeout=60)
    assert added.status_code == 200 and "Votre panier" in added.text
