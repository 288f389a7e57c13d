"""Depth and cost of a document, measured before it runs (pure, table of cases)."""
import time

import pytest
from graphql import parse

from plugins.api_guard.query_limits import Measure, QueryLimits, measure, root_fields


def nested_products(levels: int) -> str:
    """The issue's query: products → category → products(first:1) → node → category…"""
    inner = "name"
    for _ in range(levels):
        inner = "category { name products(first: 1) { edges { node { %s } } } }" % inner
    return "{ products(first: 1) { edges { node { %s } } } }" % inner


CASES = [
    # (document, variables, depth, cost): a field costs (1 + its selection) × first/last
    ("{ shop { name } }", None, 2, 2),
    ("{ a: shop { name } b: shop { name } }", None, 2, 4),  # aliases are separate fields
    ("{ products(first: 10) { edges { node { name } } } }", None, 4, 40),
    ("{ products(last: 7) { edges { node { name } } } }", None, 4, 28),
    ("query($n: Int) { products(first: $n) { edges { node { name } } } }", {"n": 100}, 4, 400),
    ("query($n: Int) { products(first: $n) { edges { node { name } } } }", {}, 4, 4),
    ("query($n: Int) { products(first: $n) { edges { node { name } } } }", {"n": "9"}, 4, 4),
    ("query($n: Int) { products(first: $n) { edges { node { name } } } }", {"n": -5}, 4, 4),
    ("{ products(first: 0) { edges { node { name } } } }", None, 4, 4),
    # Nested lists multiply.
    ("{ categories(first: 10) { edges { node { products(first: 10) { edges { node { name } } } } } } }",
     None, 7, 10 * (1 + 1 + 1 + 10 * 4)),
    # Fragments and inline fragments are expanded, without a level of their own.
    ("{ shop { ...F } } fragment F on Shop { name domain { host } }", None, 3, 4),
    ("{ node(id: \"x\") { ... on Product { category { name } } } }", None, 3, 3),
    ("query { ...Q } fragment Q on Query { shop { name } }", None, 2, 2),
    # An unknown fragment counts nothing (validation refuses it before it runs).
    ("{ shop { ...Missing } }", None, 1, 1),
    # The deepest operation of a document counts, whichever runs.
    ("query A { shop { name } } query B { me { email } }", None, 2, 2),
    (nested_products(2), None, 4 + 4 * 2, None),
    (nested_products(14), None, 4 + 4 * 14, None),
]


@pytest.mark.parametrize("document, variables, depth, cost", CASES)
def test_measure(document, variables, depth, cost):
    result = measure(parse(document), variables)
    assert result.depth == depth
    if cost is not None:
        assert result.cost == cost


def test_a_fragment_cycle_is_endless():
    document = parse("{ shop { ...A } } fragment A on Shop { ...B } fragment B on Shop { ...A }")
    result = measure(document)
    assert QueryLimits(max_depth=15, max_cost=50000).verdict(result) == "QUERY_TOO_DEEP"


def test_exponential_fragments_are_measured_in_linear_time():
    # Each fragment spreads the next one twice: 2**40 fields once expanded.
    fragments = "".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "
        for i in range(40)
    ) + "fragment F40 on Query { shop { name } }"
    started = time.perf_counter()
    result = measure(parse("{ ...F0 } " + fragments))
    assert time.perf_counter() - started < 1
    assert result.cost == 2 * 2 ** 40
    assert QueryLimits(max_depth=15, max_cost=50000).verdict(result) == "QUERY_TOO_COMPLEX"


@pytest.mark.parametrize("depth, cost, page, cost_left, verdict", [
    (15, 50000, 100, None, None),
    (16, 10, 1, None, "QUERY_TOO_DEEP"),
    (3, 50001, 1, None, "QUERY_TOO_COMPLEX"),
    (16, 50001, 1, None, "QUERY_TOO_DEEP"),
    (3, 400, 101, None, "PAGE_TOO_LARGE"),
    (3, 400, 1, 399, "QUERY_TOO_COMPLEX"),  # what a batch has left
    (3, 400, 1, 400, None),
])
def test_verdict(depth, cost, page, cost_left, verdict):
    limits = QueryLimits(max_depth=15, max_cost=50000, max_page=100)
    assert limits.verdict(Measure(depth, cost, page), cost_left=cost_left) == verdict


@pytest.mark.parametrize("document, variables, page", [
    ("{ shop { name } }", None, 1),
    ("{ a: products(first: 5) { totalCount } b: products(last: 120) { totalCount } }", None, 120),
    ("query($n: Int) { products(first: $n) { totalCount } }", {"n": 100000}, 100000),
])
def test_largest_page(document, variables, page):
    assert measure(parse(document), variables).largest_page == page


TOKEN = 'tokenCreate(email: "a@b.fr", password: "x") { token }'


@pytest.mark.parametrize("document, count", [
    (f"mutation {{ {TOKEN} }}", 1),
    ("mutation { " + " ".join(f"a{i}: {TOKEN}" for i in range(8)) + " }", 8),
    (f"mutation {{ ...M ...M }} fragment M on Mutation {{ a: {TOKEN} b: {TOKEN} }}", 4),
    (f"mutation {{ ... on Mutation {{ {TOKEN} }} }}", 1),
    (f"mutation A {{ {TOKEN} }} mutation B {{ {TOKEN} }}", 2),
    (f"query {{ shop {{ name }} }}", 0),
    ("mutation { checkoutCreate(input: {}) { checkout { id } } }", 0),
    # A fragment that spreads itself is not counted forever.
    ("mutation { ...M } fragment M on Mutation { ...M }", 0),
])
def test_root_fields_counts_aliases_and_fragments(document, count):
    assert root_fields(parse(document), "mutation", {"tokenCreate"}) == count
