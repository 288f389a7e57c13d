"""Suggestions as the resident types: shops first, then product names (one per name,
however many shops sell it), from the same documents as the search itself, the last
word completed. A bounded number of queries, whatever the district's size."""
from typing import List, NamedTuple, Optional

from . import matching
from .phrase import parse, weighted

MAX_SUGGESTIONS = 10
MAX_SHOPS = 3


class Suggestion(NamedTuple):
    kind: str  # "PRODUCT" | "MERCHANT"
    text: str
    merchant: Optional[object] = None


def suggest(raw: str, first: int, products, merchants) -> List[Suggestion]:
    """products, merchants: the querysets the asker may see."""
    phrase = parse(raw, prefix=True)
    first = max(1, min(first or MAX_SUGGESTIONS, MAX_SUGGESTIONS))
    if phrase is None:
        return []
    rank = matching.rank_key(phrase)
    shops = list(
        merchants.filter(matching.shop_matches(phrase))
        .annotate(search_rank=rank).order_by("search_rank", "name")[:min(MAX_SHOPS, first)]
    )
    # Product suggestions complete names: their words must be in the name (weight A).
    named = products.filter(matching.matches(phrase, tsquery=weighted(phrase.tsquery, "A")))
    # Products of one name rank the same (only their names' words are matched): rank one
    # of them, not each shop's copy (×10 district: 1,500 "poi…" products, 40 names).
    one_per_name = named.order_by("name", "pk").distinct("name").values("pk")
    names = (
        products.model.objects.filter(pk__in=one_per_name).annotate(search_rank=rank)
        .order_by("search_rank", "name").values_list("name", flat=True)[:first - len(shops)]
    )
    return ([Suggestion("MERCHANT", shop.name, shop) for shop in shops]
            + [Suggestion("PRODUCT", name) for name in names])
