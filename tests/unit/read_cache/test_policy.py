"""What the anonymous read cache may share between residents, and what invalidates it."""
import json

import pytest

from plugins.read_cache.policy import Request, cache_key, parse_body

PUBLIC_READS = [
    "{ products(first: 24) { edges { node { name } } } }",
    "query P($id: ID!) { product(id: $id) { name merchant { name } } }",
    "query { categories(first: 5) { edges { node { name } } } shop { name } }",
    "query M { merchants(first: 10) { edges { node { name } } } }",
]
NOT_SHARED = [
    "{ me { email } }",                                        # who asks
    "query C($t: UUID!) { checkout(token: $t) { id } }",       # a basket
    "{ orders(first: 5) { edges { node { id } } } }",
    "{ products(first: 5) { edges { node { id } } } me { id } }",  # mixed
    "{ ...F } fragment F on Query { products(first: 1) { totalCount } }",  # hidden root
    "mutation { tokenCreate(email: \"a@b.fr\", password: \"x\") { token } }",
    "{ products(first: 24) { edges { node { name } } }",       # syntax error
    "subscription { x }",
]
CATALOGUE_MUTATIONS = [
    "mutation { productUpdate(id: \"x\", input: {}) { errors { field } } }",
    "mutation { productVariantStocksUpdate(variantId: \"x\", stocks: []) { errors { field } } }",
    "mutation { merchantUpdate(id: \"x\", input: {}) { errors { field } } }",
    "mutation { checkoutComplete(checkoutId: \"x\") { order { id } } }",  # allocates stock
    "mutation { somethingNew { ok } }",                               # unknown: deny
    "mutation { ...F } fragment F on Mutation { productDelete(id: \"x\") { errors { field } } }",
]
PRIVATE_MUTATIONS = [
    "mutation { checkoutCreate(input: {}) { checkout { id } } }",
    "mutation { checkoutLinesAdd(checkoutId: \"x\", lines: []) { checkout { id } } }",
    "mutation { checkoutShippingAddressUpdate(checkoutId: \"x\", shippingAddress: {}) { checkout { id } } }",
    "mutation { checkoutPaymentCreate(checkoutId: \"x\", input: {}) { payment { id } } }",
    "mutation { tokenCreate(email: \"a\", password: \"b\") { token } }",
    "mutation { accountRegister(input: {}) { user { id } } }",
    "{ products(first: 1) { totalCount } }",
]


@pytest.mark.parametrize("query", PUBLIC_READS)
def test_public_catalogue_reads_are_shared(query):
    assert Request({"query": query}).is_public_read()


@pytest.mark.parametrize("query", NOT_SHARED)
def test_anything_else_is_not_shared(query):
    assert not Request({"query": query}).is_public_read()


@pytest.mark.parametrize("query", CATALOGUE_MUTATIONS)
def test_mutations_that_may_change_the_catalogue_invalidate(query):
    assert Request({"query": query}).may_change_catalogue()


@pytest.mark.parametrize("query", PRIVATE_MUTATIONS)
def test_a_residents_own_basket_and_account_do_not_invalidate(query):
    assert not Request({"query": query}).may_change_catalogue()


@pytest.mark.parametrize("body", [
    b"not json", b"[]", b'[{"query": "{ shop { name } }"}]', b'{"query": 3}',
    b'{"query": "{ shop { name } }", "variables": [1]}', b"\xff\xfe",
])
def test_bodies_that_are_not_a_single_graphql_request_are_left_alone(body):
    assert parse_body(body) is None


def test_the_key_depends_on_query_variables_operation_and_context_only():
    payload = {"query": "query P($id: ID!) { product(id: $id) { name } }",
               "variables": {"id": "UHJvZHVjdDox", "x": 1}, "operationName": "P"}
    same = json.loads(json.dumps({**payload, "variables": {"x": 1, "id": "UHJvZHVjdDox"}}))
    assert cache_key(payload, ("FR", "EUR")) == cache_key(same, ("FR", "EUR"))
    assert cache_key(payload, ("FR", "EUR")) != cache_key(payload, ("BE", "EUR"))
    assert cache_key(payload, ("FR", "EUR")) != cache_key(
        {**payload, "variables": {"id": "UHJvZHVjdDoy", "x": 1}}, ("FR", "EUR"))
    assert cache_key(payload, ("FR", "EUR")) != cache_key(
        {**payload, "operationName": None}, ("FR", "EUR"))
