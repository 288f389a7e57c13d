"""Write the search documents: one SQL statement per refresh, whatever the row count.

A product's document holds its name (weight A), its SKUs and category (B), its shop's
name and trade (C) and its description (D); a shop's, its name and trade (A), its
street (B) and its description (D). Names are also kept folded for the trigram index.
"""
from typing import Iterable, Optional

from django.db import connection as default_connection

from plugins.kernel.trades import TRADE_LABELS

# The trade's French name ("Boulangerie"), as the resident types it.
_TRADE_LABEL = "CASE m.trade {} ELSE '' END".format(
    " ".join(f"WHEN '{trade.value}' THEN '{label}'" for trade, label in TRADE_LABELS.items())
)

_PRODUCTS = f"""
INSERT INTO p16_search_productdocument (product_id, document, name_folded)
SELECT p.id,
       setweight(to_tsvector('p16_french', p.name), 'A')
       -- Folded: "ROSETTE-7781" is two words, not a word and a negative number.
       || setweight(to_tsvector('p16_french', coalesce(
            (SELECT p16_fold(string_agg(v.sku, ' ')) FROM product_productvariant v
             WHERE v.product_id = p.id), '')), 'B')
       || setweight(to_tsvector('p16_french', coalesce(c.name, '')), 'B')
       || setweight(to_tsvector('p16_french',
            coalesce(m.name, '') || ' ' || coalesce({_TRADE_LABEL}, '')), 'C')
       || setweight(to_tsvector('p16_french', coalesce(p.description, '')), 'D'),
       p16_fold(p.name)
FROM product_product p
LEFT JOIN product_category c ON c.id = p.category_id
LEFT JOIN local_merchants_productmerchant pm ON pm.product_id = p.id
LEFT JOIN local_merchants_merchant m ON m.id = pm.merchant_id
WHERE {{where}}
ON CONFLICT (product_id) DO UPDATE
  SET document = EXCLUDED.document, name_folded = EXCLUDED.name_folded
"""

_MERCHANTS = f"""
INSERT INTO p16_search_merchantdocument (merchant_id, document, name_folded)
SELECT m.id,
       setweight(to_tsvector('p16_french', m.name || ' ' || {_TRADE_LABEL}), 'A')
       || setweight(to_tsvector('p16_french',
            coalesce(a.street_address_1, '') || ' ' || coalesce(a.street_address_2, '')), 'B')
       || setweight(to_tsvector('p16_french', m.description), 'D'),
       p16_fold(m.name)
FROM local_merchants_merchant m
LEFT JOIN account_address a ON a.id = m.address_id
WHERE {{where}}
ON CONFLICT (merchant_id) DO UPDATE
  SET document = EXCLUDED.document, name_folded = EXCLUDED.name_folded
"""


def _run(sql: str, params: tuple, connection=None) -> None:
    with (connection or default_connection).cursor() as cursor:
        cursor.execute(sql, params)


def refresh_products(product_ids: Iterable[int], connection=None) -> None:
    ids = list(product_ids)
    if ids:
        _run(_PRODUCTS.format(where="p.id = ANY(%s)"), (ids,), connection)


def refresh_products_of(*, merchant_id: Optional[int] = None,
                        category_id: Optional[int] = None, connection=None) -> None:
    """Every product of a shop or of a category: their documents name it."""
    if merchant_id is not None:
        _run(_PRODUCTS.format(where="pm.merchant_id = %s"), (merchant_id,), connection)
    if category_id is not None:
        _run(_PRODUCTS.format(where="p.category_id = %s"), (category_id,), connection)


def refresh_merchants(merchant_ids: Iterable[int], connection=None) -> None:
    ids = list(merchant_ids)
    if ids:
        _run(_MERCHANTS.format(where="m.id = ANY(%s)"), (ids,), connection)


def analyze(connection=None) -> None:
    """Fresh statistics after writing many documents, or the planner guesses how many
    a word matches and may read every document instead of the indexes."""
    _run("ANALYZE p16_search_productdocument, p16_search_merchantdocument", (), connection)


def refresh_all(connection=None) -> None:
    _run(_PRODUCTS.format(where="TRUE"), (), connection)
    _run(_MERCHANTS.format(where="TRUE"), (), connection)
    analyze(connection)
