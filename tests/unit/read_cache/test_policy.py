"""What the anonymous read cache may share between residents, and what invalidates it."""
import json

import pytest

from plugins.read_cache.policy import Request, anonymous_payload, cache_key, executed_payloads

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
    "{ shop { name geolocalization { country { code } } } }",  # the caller's address
    "{ shop { ...G } } fragment G on Shop { geolocalization { country { code } } }",
    "query A { shop { name } } mutation B { productDelete(id: \"x\") { errors { field } } }",
]
CATALOGUE_MUTATIONS = [
    "mutation { productUpdate(id: \"x\", input: {}) { errors { field } } }",
    "mutation { productVariantStocksUpdate(variantId: \"x\", stocks: []) { errors { field } } }",
    "mutation { merchantUpdate(id: \"x\", input: {}) { errors { field } } }",
    "mutation { checkoutComplete(checkoutId: \"x\") { order { id } } }",  # allocates stock
    "mutation { somethingNew { ok } }",                               # unknown: deny
    "mutation { ...F } fragment F on Mutation { productDelete(id: \"x\") { errors { field } } }",
    # Whatever operationName picks: the document may write.
    "query A { shop { name } } mutation B { productBulkPublish(ids: [], isPublished: false) { count } }",
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


JSON = "application/json"
READ = {"query": "{ shop { name } }"}
WRITE = {"query": "mutation { productBulkPublish(ids: [], isPublished: false) { count } }"}


@pytest.mark.parametrize("body", [
    b"not json", b"[]", b'[{"query": "{ shop { name } }"}]', b'{"query": 3}',
    b'{"query": "{ shop { name } }", "variables": [1]}', b"\xff\xfe", b'"{ shop { name } }"', b"null",
    '{"query": "{ shop { name } }"}'.encode("utf-16"), b'\xef\xbb\xbf{"query": "{ shop { name } }"}',
])
def test_only_a_single_graphql_request_may_come_from_the_cache(body):
    assert anonymous_payload(JSON, body, {}) is None


@pytest.mark.parametrize("content_type", ["application/graphql", "application/x-www-form-urlencoded",
                                          "multipart/form-data", "text/plain"])
def test_other_bodies_never_come_from_the_cache(content_type):
    assert anonymous_payload(content_type, json.dumps(READ).encode(), {}) is None


@pytest.mark.parametrize("header", ["HTTP_AUTHORIZATION", "HTTP_COOKIE"])
def test_credentials_and_cookies_are_never_shared(header):
    assert anonymous_payload(JSON, json.dumps(READ).encode(), {}) == READ
    assert anonymous_payload(JSON, json.dumps(READ).encode(), {header: "x"}) is None
    assert anonymous_payload(JSON, json.dumps(READ).encode(), {header: ""}) == READ  # empty: none


# (content type, raw body, form fields) -> may the request write?
BODIES = [
    (JSON, json.dumps(READ).encode(), None, False),
    (JSON, json.dumps(WRITE).encode(), None, True),
    (JSON, json.dumps([READ, WRITE]).encode(), None, True),  # a batch: every entry runs
    (JSON, json.dumps([WRITE, READ]).encode(), None, True),
    (JSON, json.dumps([READ, "x", WRITE]).encode(), None, True),
    (JSON, json.dumps([READ, READ]).encode(), None, False),
    (JSON, json.dumps({**WRITE, "operationName": "Nope"}).encode(), None, True),
    (JSON, b"not json", None, False),  # Saleor answers 400 and runs nothing
    (JSON, b"\xff", None, False),
    ("application/graphql", WRITE["query"].encode(), None, True),
    ("application/graphql", READ["query"].encode(), None, False),
    ("application/x-www-form-urlencoded", None, {"query": WRITE["query"]}, True),
    ("multipart/form-data", None, {"operations": json.dumps(WRITE), "map": "{}"}, True),
    ("multipart/form-data", None, {"operations": json.dumps(READ), "map": "{}"}, False),
    ("multipart/form-data", None, {"operations": "{oops"}, True),  # unreadable: a write
    ("text/plain", WRITE["query"].encode(), None, False),  # Saleor reads no query
    (JSON, json.dumps({"query": "{ a " * 5000}).encode(), None, False),  # too deep to parse: runs nothing
]


@pytest.mark.parametrize("content_type, body, form, writes", BODIES)
def test_any_body_that_may_run_a_mutation_invalidates(content_type, body, form, writes):
    payloads = executed_payloads(content_type, body, form)
    assert (payloads is None or any(Request(p).may_change_catalogue() for p in payloads)) is writes


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
    http, https = ("http://127.0.0.1/", "FR", "EUR", "fr"), ("https://127.0.0.1/", "FR", "EUR", "fr")
    assert cache_key(payload, http) != cache_key(payload, https)
