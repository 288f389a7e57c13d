"""Suggestions as the resident types: shops first, then product names (one per name,
however many shops sell it), from the same documents as the search itself, the last
word completed. A bounded number of queries, whatever the district's size."""
from typing import List, NamedTuple, Optional

from django.db.models import Min

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
    names = (
        products.filter(matching.matches(phrase, tsquery=weighted(phrase.tsquery, "A")))
        .order_by().values("name").annotate(search_rank=Min(rank))
        .order_by("search_rank", "name")[:first - len(shops)]
    )
    return ([Suggestion("MERCHANT", shop.name, shop) for shop in shops]
            + [Suggestion("PRODUCT", row["name"]) for row in names])
