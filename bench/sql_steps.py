"""Django-side helper: every SQL statement of each step of one resident's checkout,
normalised (literals and identifiers of rows replaced), to compare ours with stock.

    DJANGO_SETTINGS_MODULE=saleor_config.settings       python -m bench.sql_steps 5 > ours.json
    DJANGO_SETTINGS_MODULE=saleor_config.settings_stock python -m bench.sql_steps 5 > stock.json
    python -m bench.sql_steps --diff ours.json stock.json checkoutComplete

The argument is the number of shops of the basket (5 lines always, as in bench.flows).
"""
import json
import random
import re
import sys
from collections import Counter

LITERALS = [
    (re.compile(r'"s\d+_x\d+"'), '"savepoint"'),
    (re.compile(r'"_django_curs_\d+_sync_\d+"'), '"cursor"'),
    (re.compile(r"'(?:[^']|'')*'"), "'?'"),
    (re.compile(r"\b\d+(\.\d+)?\b"), "?"),
    (re.compile(r"\bIN \((?:\?|'\?')(?:, (?:\?|'\?'))*\)"), "IN (...)"),
    (re.compile(r"VALUES (\(.*?\))(?:, \1)+"), r"VALUES \1, ..."),
]


def normalise(sql: str) -> str:
    for pattern, replacement in LITERALS:
        sql = pattern.sub(replacement, sql)
    return sql


def record(shop_count: int) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from . import flows, queries
    from .dataset import sample
    from .inprocess import CountingAPI

    api = CountingAPI()
    features = queries.Features.from_introspection(
        api.execute("features", queries.FEATURES_QUERY, {}))
    steps = {}

    def execute(label, query, variables):
        with CaptureQueriesContext(connection) as captured:
            data = api.execute(label, query, variables)
        steps[label] = [normalise(q["sql"]) for q in captured.captured_queries]
        return data

    rng = random.Random(16)
    lines = flows.baskets(sample()["shops"], shop_count, 1, rng)[0]
    flows.checkout(execute, lines, features, "bench-sql@paris16.example", rng)
    return steps


def diff(ours_file: str, stock_file: str, step: str) -> None:
    ours = Counter(json.load(open(ours_file))[step])
    stock = Counter(json.load(open(stock_file))[step])
    print(f"{step}: ours {sum(ours.values())}, stock {sum(stock.values())}")
    for label, extra in (("ours only", ours - stock), ("stock only", stock - ours)):
        print(f"--- {label}: {sum(extra.values())}")
        for sql, count in sorted(extra.items(), key=lambda item: -item[1]):
            print(f"{count:3} × {sql[:400]}")


if __name__ == "__main__":
    if sys.argv[1] == "--diff":
        diff(*sys.argv[2:5])
    else:
        print(json.dumps(record(int(sys.argv[1])), indent=1))
