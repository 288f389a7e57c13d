"""Browsing: home, shop directory, shop page, product page (search: search.py).

Each page asks the API once (the directory pages through the merchants, 100 at a
time) and anonymous reads come from the cache.
"""
from datetime import datetime

from plugins.kernel import french as formatting
from plugins.kernel.paris import PARIS
from plugins.kernel.trades import TRADE_LABELS, MerchantTrade

from .. import api, listing
from .base import not_found, page, storefront_view

MERCHANT_CARD = """
fragment MerchantCard on Merchant {
  id name slug trade isActive clickAndCollect
  address { streetAddress1 postalCode city }
}"""

# Listings read the stored lowest price (TTC here, no extra query per product);
# the product page and the basket show Saleor's full pricing.
PRODUCT_CARD = """
fragment ProductCard on Product {
  id name slug isAvailable
  thumbnail(size: 255) { url alt }
  minimalVariantPrice { amount currency }
  merchant { name slug isActive }
}"""

HOME = """
query Home {
  merchants(first: 12) { totalCount edges { node { ...MerchantCard } } }
  products(first: 8, sortBy: {field: DATE, direction: DESC}) {
    edges { node { ...ProductCard } }
  }
  deliverySlots { start end remaining isAvailable }
}""" + MERCHANT_CARD + PRODUCT_CARD

DIRECTORY = """
query Directory($after: String, $filter: MerchantFilterInput) {
  merchants(first: 100, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...MerchantCard } }
  }
}""" + MERCHANT_CARD

SHOP = """
query Shop($slug: String!, $after: String) {
  merchant(slug: $slug) {
    ...MerchantCard
    description
    openingHours { weekday opens closes }
    products(first: 48, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        id name slug isAvailable
        thumbnail(size: 255) { url alt }
        minimalVariantPrice { amount currency }
      } }
    }
  }
}""" + MERCHANT_CARD

PRODUCT = """
query Product($slug: String!) {
  product(slug: $slug) {
    id name slug description isAvailable
    images { url alt }
    thumbnail(size: 510) { url alt }
    category { name }
    variants {
      id name quantityAvailable
      pricing { price { gross { amount currency } } }
    }
    merchant { ...MerchantCard openingHours { weekday opens closes } }
  }
}""" + MERCHANT_CARD

def trade_label(value):
    try:
        return TRADE_LABELS[MerchantTrade(value)]
    except ValueError:
        return TRADE_LABELS[MerchantTrade.OTHER]


TRADES = sorted(((t.value, t.label) for t in MerchantTrade), key=lambda pair: pair[1])


@storefront_view
def home(request):
    data = api.cached(HOME)
    slots = [s for s in data["deliverySlots"] if s["isAvailable"]]
    return page(request, "storefront/home.html", {
        "merchants": api.edges(data["merchants"]),
        "merchant_count": data["merchants"]["totalCount"],
        "products": api.edges(data["products"]),
        "trades": TRADES,
        "next_slot": slots[0] if slots else None,
    })


@storefront_view
def directory(request):
    trade = request.GET.get("metier", "")
    # Control characters (a NUL from "?q=%00"...) are never part of a search.
    query = "".join(ch for ch in request.GET.get("q", "") if ch.isprintable()).strip()[:100]
    merchant_filter = {}
    if trade in MerchantTrade.__members__:
        merchant_filter["trade"] = trade
    if query:
        merchant_filter["search"] = query
    merchants, after = [], None
    while True:
        connection = api.cached(DIRECTORY, {"after": after, "filter": merchant_filter})["merchants"]
        merchants += api.edges(connection)
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    return page(request, "storefront/directory.html", {
        "streets": listing.by_street(merchants),
        "count": len(merchants),
        "trades": TRADES,
        "trade": trade,
        "query": query,
    })


@storefront_view
def shop(request, slug):
    merchant = api.cached(SHOP, {"slug": slug, "after": request.GET.get("apres")})["merchant"]
    if merchant is None:
        # The API hides closed shops from anonymous readers: say so, rather than a bare 404.
        return page(request, "storefront/shop_closed.html", status=404)
    hours = merchant["openingHours"]
    return page(request, "storefront/shop.html", {
        "merchant": merchant,
        "hours": formatting.opening_hours(hours),
        "open_now": formatting.is_open_at(hours, datetime.now(PARIS)),
        "products": api.edges(merchant["products"]),
        "next_page": merchant["products"]["pageInfo"],
    })


@storefront_view
def product(request, slug):
    found = api.cached(PRODUCT, {"slug": slug}, partial=True)["product"]
    if found is None:
        return not_found(request, "Ce produit n'est plus en ligne")
    return page(request, "storefront/product.html", product_context(found))


def product_context(found, errors=None, quantity=1):
    return {
        "product": found,
        "merchant": found["merchant"],
        "variants": found["variants"],
        "errors": errors or {},
        "quantity": quantity,
    }
