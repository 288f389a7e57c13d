"""Querysets and expressions over the search documents (the Django side of the index)."""
from django.contrib.postgres.search import SearchQuery
from django.db.models import F, Func, IntegerField, Q, Value

from .models import MerchantDocument, ProductDocument
from .phrase import Phrase, weighted

CONFIG = "p16_french"
DOCUMENTS = {"product": ProductDocument, "merchant": MerchantDocument}


def _words(tsquery: str) -> SearchQuery:
    return SearchQuery(tsquery, config=CONFIG, search_type="raw")


def matches(phrase: Phrase, of: str = "product", tsquery: str = None) -> Q:
    """Products (of="product") or shops (of="merchant") matching the phrase.

    Its words first (GIN on the documents). Only when they find nothing anywhere, a typo
    is assumed and names close to the phrase are looked for (trigram GIN): one small
    query more, and no similarity is computed for a search that found its words (the
    trigram test is the costly one, and PostgreSQL does not know it)."""
    tsquery = tsquery or phrase.tsquery
    by_words = Q(search_document__document=_words(tsquery))
    if not phrase.fuzzy or DOCUMENTS[of].objects.filter(document=_words(tsquery)).exists():
        return by_words
    return Q(search_document__name_folded__p16_fuzzy=phrase.text)


def shop_matches(phrase: Phrase) -> Q:
    """Shops by name, trade and street (a shop's description would find every bakery
    for "bague", whose "baguettes" it praises)."""
    return matches(phrase, of="merchant", tsquery=weighted(phrase.tsquery, "AB"))


def rank_key(phrase: Phrase) -> Func:
    """Ascending: exact name, name prefix, full-text rank, then similarity."""
    return Func(
        F("search_document__document"), F("search_document__name_folded"),
        Value(phrase.text), Value(phrase.tsquery),
        function="p16_rank_key", output_field=IntegerField(),
    )
