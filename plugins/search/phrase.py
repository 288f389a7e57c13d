"""What a resident typed, made safe to search with. Pure Python.

Only letters and digits survive (no SQL or tsquery syntax, no NUL, no LIKE wildcards),
at most MAX_WORDS words of a phrase cut at MAX_CHARS: any input gives a bounded query.
"""
import re
from typing import NamedTuple, Optional

MAX_CHARS = 100
MAX_WORDS = 8
MAX_WORD = 30  # longer is no word a resident means (and costs the trigram index)
# A shorter last word is not completed: "b" would match half the district.
MIN_PREFIX = 3
# Trigram matching needs a few letters to mean anything ("vin" is in "vinaigre").
MIN_FUZZY = 4

_WORD = re.compile(r"[^\W_]{2,}|\d")  # a lone letter ("à", "l'") says nothing


class Phrase(NamedTuple):
    text: str  # the words, space separated (folded by PostgreSQL)
    tsquery: str  # for to_tsquery('p16_french', ...): every word (the last one as a prefix
    # while typing: a search for "bague" must not find the bakeries' "baguettes")
    fuzzy: bool  # worth a trigram match


def parse(raw: Optional[str], prefix: bool = False) -> Optional[Phrase]:
    """None when nothing searchable is left."""
    words = [w[:MAX_WORD] for w in _WORD.findall((raw or "")[:MAX_CHARS].lower())[:MAX_WORDS]]
    if not words:
        return None
    terms = [f"'{word}'" for word in words]
    if prefix and len(words[-1]) >= MIN_PREFIX:
        terms[-1] += ":*"
    text = " ".join(words)
    return Phrase(text=text, tsquery=" & ".join(terms), fuzzy=len(text) >= MIN_FUZZY)


def weighted(tsquery: str, weights: str) -> str:
    """The same query, matched only in the parts of the documents of these weights
    ("A": a product's name, "AB": a shop's name, trade and street)."""
    return " & ".join(
        term + (weights if term.endswith(":*") else ":" + weights) for term in tsquery.split(" & ")
    )
