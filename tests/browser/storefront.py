"""What a resident does in the storefront, as Playwright steps shared by the browser tests."""
import re

from playwright.sync_api import Page, expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

HOME_16E = {
    "firstName": "Camille", "lastName": "Martin", "streetAddress1": "12 rue de Passy",
    "postalCode": "75016", "city": "Paris",
}
OUTSIDE = {
    "firstName": "Louis", "lastName": "Bernard", "streetAddress1": "10 rue de Vaugirard",
    "postalCode": "75006", "city": "Paris",
}

SHOPS = """
query Shops {
  merchants(first: 40) { edges { node {
    slug name isActive clickAndCollect
    products(first: 10) { edges { node { slug name isAvailable } } }
  } } }
}"""


def products_from_shops(api, count, click_and_collect=False, skip=0):
    """One available product from each of `count` open shops (read from the public API)."""
    chosen = []
    for edge in api.data(SHOPS)["merchants"]["edges"][skip:]:
        shop = edge["node"]
        if not shop["isActive"] or (click_and_collect and not shop["clickAndCollect"]):
            continue
        product = next((p["node"] for p in shop["products"]["edges"] if p["node"]["isAvailable"]), None)
        if product:
            chosen.append({"shop": shop["name"], "slug": shop["slug"], "product": product["slug"],
                           "name": product["name"]})
        if len(chosen) == count:
            return chosen
    raise AssertionError("the demo district has too few open shops with stock")


def add_to_basket(page: Page, base_url: str, product_slug: str):
    page.goto(f"{base_url}/produits/{product_slug}/")
    page.get_by_role("button", name="Ajouter au panier").click()
    expect(page.get_by_role("heading", name="Votre panier")).to_be_visible()


def fill_address(page: Page, address: dict):
    labels = {
        "firstName": "Prénom", "lastName": "Nom", "streetAddress1": "Numéro et rue",
        "postalCode": "Code postal", "city": "Ville",
    }
    for field, label in labels.items():
        page.get_by_label(label, exact=True).fill(address[field])


def start_checkout(page: Page, base_url: str, email: str):
    page.goto(f"{base_url}/panier/")
    page.get_by_role("link", name="Commander").click()
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_role("button", name="Continuer").click()
    expect(page.get_by_role("button", name="Valider l'adresse")).to_be_visible()


def choose_option(page: Page, pattern: str):
    page.get_by_label(re.compile(pattern)).first.check()
    page.get_by_role("button", name="Continuer").click()


def pay(page: Page) -> str:
    """Pays with the dummy gateway; returns the order's tracking URL."""
    page.get_by_role("button", name=re.compile(r"^Payer ")).click()
    expect(page.get_by_role("heading", name="Merci, votre commande est enregistrée")).to_be_visible()
    return page.url.split("?")[0]
