"""The storefront's search over real HTTP: shops above products, a product sold by
several shops shown once with each shop, suggestions as JSON, bad input answered with
a page (never an error)."""
import re

import pytest
import requests

pytestmark = [pytest.mark.live]


def search_page(site_server, q):
    response = requests.get(f"{site_server.url}/recherche/", params={"q": q}, timeout=60)
    assert response.status_code == 200, (q, response.status_code)
    return response.text


def test_shops_come_above_products(site_server):
    html = search_page(site_server, "boulangerie auteuil")
    shops, products = html.find('id="res-boutiques"'), html.find('id="res-produits"')
    assert 0 < shops < products
    assert "Boulangerie Auteuil" in html[shops:products]


def test_a_product_sold_by_several_shops_is_listed_once(site_server):
    html = search_page(site_server, "comté 24 mois")
    products = html[html.find('id="res-produits"'):]
    assert products.count('<span class="card-title">Comté 24 mois (250 g)</span>') == 1
    shops = re.search(r'Dans (\d+) boutiques', products)
    assert shops and int(shops.group(1)) >= 2
    offers = re.search(r'<ul class="offers"[^>]*>(.*?)</ul>', products, re.S).group(1)
    assert offers.count("<li>") == int(shops.group(1))
    assert offers.count('href="/produits/') == int(shops.group(1))


@pytest.mark.parametrize("q", ["", "a", "%", "_", "\x00", "x" * 1000,
                               "'; DROP TABLE product_product; --", "😀", "<script>"])
def test_bad_input_gets_a_page(site_server, q):
    html = search_page(site_server, q)  # 200, the search page
    assert "Rechercher dans toutes les boutiques" in html
    if q == "<script>":
        assert "&lt;script&gt;" in html and "<script>" not in html


def test_suggestions_as_json(site_server):
    body = requests.get(f"{site_server.url}/recherche/suggestions/", params={"q": "fromager"},
                        timeout=30).json()
    found = body["suggestions"]
    assert found and found[0]["kind"] == "MERCHANT"
    assert found[0]["url"].startswith("/boutiques/")
    products = [s for s in body["suggestions"] if s["kind"] == "PRODUCT"]
    assert all(s["url"].startswith("/recherche/?q=") for s in products)
    for q in ("", "a", "%", "\x00", "😀"):
        assert requests.get(f"{site_server.url}/recherche/suggestions/", params={"q": q},
                            timeout=30).json() == {"suggestions": []}
