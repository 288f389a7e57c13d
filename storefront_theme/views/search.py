"""Search: the results page (shops first, each product once with the shops selling it)
and the suggestions the search boxes show while typing (JSON for site.js)."""
from urllib.parse import urlencode

from django.http import JsonResponse
from django.urls import reverse

from .. import api, listing
from .base import page, storefront_view
from .catalogue import MERCHANT_CARD, PRODUCT_CARD

MAX_QUERY = 100

SEARCH = """
query Search($q: String!) {
  products(first: 48, filter: {search: $q}) { totalCount edges { node { ...ProductCard } } }
  merchants(first: 20, filter: {search: $q}) { edges { node { ...MerchantCard } } }
}""" + MERCHANT_CARD + PRODUCT_CARD

SUGGESTIONS = """
query Suggestions($q: String!) {
  searchSuggestions(query: $q, first: 8) { kind text merchant { slug } }
}"""


def query_of(request) -> str:
    """The typed words, without control characters nobody means (NUL, tabs...)."""
    raw = request.GET.get("q", "")[:MAX_QUERY]
    return "".join(ch if ch.isprintable() else " " for ch in raw).strip()


@storefront_view
def search(request):
    query = query_of(request)
    data = api.cached(SEARCH, {"q": query}) if query else None
    products = api.edges(data["products"]) if data else []
    return page(request, "storefront/search.html", {
        "query": query,
        "offers": listing.group_offers(products),
        "product_count": data["products"]["totalCount"] if data else 0,
        "merchants": api.edges(data["merchants"]) if data else [],
    })


def _link(suggestion: dict) -> str:
    """A shop opens its page; a product name, the results for that name (every shop)."""
    if suggestion["kind"] == "MERCHANT":
        return reverse("storefront:shop", args=[suggestion["merchant"]["slug"]])
    return reverse("storefront:search") + "?" + urlencode({"q": suggestion["text"]})


@storefront_view
def suggestions(request):
    query = query_of(request)
    found = api.cached(SUGGESTIONS, {"q": query})["searchSuggestions"] if len(query) >= 2 else []
    return JsonResponse({"suggestions": [
        {"text": s["text"], "kind": s["kind"], "url": _link(s)} for s in found
    ]})
