"""Fuzzing the GraphQL API over real HTTP (gunicorn): hypothesis builds queries and
variables from the live schema (introspected like any client would), as an anonymous
visitor, a customer and a shopkeeper, plus bodies of random JSON. Whatever is sent:
no HTTP 500, no internal exception text, no answer past the time limit.

Sized for CI (about a minute); deterministic (derandomize) so a failure reproduces.
The figures are printed at the end of each run for the closing note.
"""
import json
import string
import time
import uuid

import pytest
import requests
from graphql.utils.introspection_query import introspection_query
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DEMO_PASSWORD

EXAMPLES_PER_ROLE = 120
TIME_LIMIT = 30 + 5  # GRAPHQL_MAX_SECONDS, plus the network
LEAKS = ("Traceback", "object has no attribute", "badly formed", "psycopg2", 'File "',
         "NoneType", "KeyError", "IndexError", "Unable to parse", "AssertionError",
         "invalid literal for int", "is not JSON serializable", "django.")
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_ROLE, deadline=None, derandomize=True, database=None,
    suppress_health_check=list(HealthCheck),
)
FIGURES = {}


class Schema:
    """The parts of the introspected schema the generator needs."""

    def __init__(self, introspection: dict):
        self.types = {t["name"]: t for t in introspection["__schema"]["types"]}
        self.query = self.types[introspection["__schema"]["queryType"]["name"]]


def named(type_ref: dict) -> dict:
    while type_ref.get("ofType"):
        type_ref = type_ref["ofType"]
    return type_ref


def type_text(type_ref: dict) -> str:
    if type_ref["kind"] == "NON_NULL":
        return type_text(type_ref["ofType"]) + "!"
    if type_ref["kind"] == "LIST":
        return f"[{type_text(type_ref['ofType'])}]"
    return type_ref["name"]


SCALARS = {
    "String": st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30)
    | st.sampled_from(["", "75016", "a@b.fr", "' OR 1=1 --", "<script>", "é" * 300]),
    "Int": st.integers(min_value=-3, max_value=120) | st.integers(),
    "Float": st.floats(allow_nan=False, allow_infinity=False) | st.just(-1.5),
    "Boolean": st.booleans(),
    "ID": st.sampled_from(["UHJvZHVjdDox", "Q2F0ZWdvcnk6MQ==", "T3JkZXI6MQ==", "VXNlcjox",
                           "QWRkcmVzczox", "TWVyY2hhbnQ6MQ==", "V2FyZWhvdXNlOjE=", "x", "", "%%%",
                           "UHJvZHVjdDp4eXo=", "Q2hlY2tvdXQ6MQ=="]) | st.text(max_size=12),
    "UUID": st.uuids().map(str) | st.sampled_from(["abc", "", "00000000-0000-0000-0000-000000000000"]),
    "Date": st.dates().map(str) | st.sampled_from(["2026-13-45", "hier"]),
    "DateTime": st.datetimes().map(lambda d: d.isoformat()) | st.just("pas une date"),
    "Decimal": st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str) | st.just("1e999"),
    "PositiveDecimal": st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    "WeightScalar": st.floats(allow_nan=False, allow_infinity=False),
    "JSONString": st.sampled_from(["{}", "[]", "{bad", '"x"']),
    "GenericScalar": st.none() | st.integers() | st.text(max_size=5),
    "_Any": st.fixed_dictionaries({"__typename": st.sampled_from(["Address", "User", "Product", "Order"]),
                                   "id": st.sampled_from(["QWRkcmVzczox", "VXNlcjox", "x"])}),
}
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)


def value_for(schema: Schema, type_ref: dict, depth: int = 0):
    """A strategy of JSON values for an input type: mostly well-typed, sometimes not."""
    if type_ref["kind"] == "NON_NULL":
        return value_for(schema, type_ref["ofType"], depth)
    if type_ref["kind"] == "LIST":
        return st.lists(value_for(schema, type_ref["ofType"], depth + 1), max_size=2)
    definition = schema.types[type_ref["name"]]
    if definition["kind"] == "ENUM":
        return st.sampled_from([v["name"] for v in definition["enumValues"]] + ["PAS_UNE_VALEUR"])
    if definition["kind"] == "INPUT_OBJECT":
        if depth > 2:
            return st.just({})
        fields = definition["inputFields"]
        return st.fixed_dictionaries({}, optional={
            f["name"]: value_for(schema, f["type"], depth + 1) for f in fields
        })
    return SCALARS.get(definition["name"], ANY_JSON)


@st.composite
def selection(draw, schema: Schema, type_name: str, depth: int, variables: dict, declared: list):
    """A selection set for an object, interface or union type."""
    definition = schema.types[type_name]
    if definition["kind"] in ("INTERFACE", "UNION"):
        possible = sorted(t["name"] for t in definition["possibleTypes"] or [])
        parts = ["__typename"]
        if possible and depth < 4:
            chosen = draw(st.sampled_from(possible))
            parts.append(f"... on {chosen} {{ {draw(selection(schema, chosen, depth + 1, variables, declared))} }}")
        if definition["kind"] == "INTERFACE":
            parts.append(draw(selection_fields(schema, definition, depth, variables, declared)))
        return " ".join(parts)
    return draw(selection_fields(schema, definition, depth, variables, declared))


@st.composite
def selection_fields(draw, schema, definition, depth, variables, declared):
    fields = [f for f in definition.get("fields") or [] if not f["name"].startswith("__")]
    if not fields:
        return "__typename"
    chosen = draw(st.lists(st.sampled_from(fields), min_size=1, max_size=3, unique_by=lambda f: f["name"]))
    return " ".join(draw(field_text(schema, f, depth, variables, declared)) for f in chosen)


@st.composite
def field_text(draw, schema, field, depth, variables, declared):
    arguments = []
    for arg in field["args"]:
        required = arg["type"]["kind"] == "NON_NULL"
        if required or draw(st.booleans()):
            name = f"v{len(declared)}"
            declared.append(f"${name}: {type_text(arg['type'])}")
            variables[name] = draw(value_for(schema, arg["type"]))
            arguments.append(f"{arg['name']}: ${name}")
    text = field["name"] + (f"({', '.join(arguments)})" if arguments else "")
    target = named(field["type"])
    if target["kind"] in ("OBJECT", "INTERFACE", "UNION"):
        if depth >= 3:
            return f"{text} {{ __typename }}"
        return f"{text} {{ {draw(selection(schema, target['name'], depth + 1, variables, declared))} }}"
    return text


@st.composite
def operations(draw, schema: Schema):
    variables, declared = {}, []
    root = draw(selection_fields(schema, schema.query, 0, variables, declared))
    header = f"query Fuzz({', '.join(declared)})" if declared else "query Fuzz"
    return f"{header} {{ {root} }}", variables


@pytest.fixture(scope="module")
def schema(site_server):
    body = requests.post(site_server.api_url, json={"query": introspection_query}, timeout=60).json()
    assert not body.get("errors"), body.get("errors")
    return Schema(body["data"])


@pytest.fixture(scope="module")
def tokens(site_server, django_db_blocker):
    from saleor.account.models import User

    customer = f"fuzz-{uuid.uuid4().hex[:10]}@exemple.fr"
    with django_db_blocker.unblock():
        User.objects.create_user(email=customer, password=DEMO_PASSWORD)
    slug = site_server.client().data("{ merchants(first: 1) { edges { node { slug } } } }")[
        "merchants"]["edges"][0]["node"]["slug"]
    return {
        "anonyme": None,
        "client": site_server.login(customer).token,
        "commerçant": site_server.login(f"{slug}@paris16.example").token,
    }


def send(site_server, figures, body, token=None, raw=False):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"JWT {token}"
    started = time.monotonic()
    try:
        response = requests.post(site_server.api_url, data=body if raw else json.dumps(body),
                                 headers=headers, timeout=TIME_LIMIT)
    except requests.Timeout:
        figures["timeouts"] += 1
        raise AssertionError(f"no answer within {TIME_LIMIT} s: {str(body)[:300]}")
    figures["tried"] += 1
    figures["slowest"] = max(figures["slowest"], round(time.monotonic() - started, 2))
    if response.status_code >= 500:
        figures["500s"] += 1
    leaked = [leak for leak in LEAKS if leak in response.text]
    if leaked:
        figures["leaks"] += 1
    refused = [(e.get("extensions") or {}).get("code") for e in _errors(response)]
    for code in refused:
        figures["codes"][code] = figures["codes"].get(code, 0) + 1
    assert response.status_code < 500, (body, response.text[:500])
    assert not leaked, (body, response.text[:800])


def _errors(response):
    try:
        body = response.json()
    except ValueError:
        return []
    entries = body if isinstance(body, list) else [body]
    return [e for entry in entries if isinstance(entry, dict) for e in entry.get("errors") or []]


def new_figures():
    return {"tried": 0, "500s": 0, "leaks": 0, "timeouts": 0, "slowest": 0.0, "codes": {}}


def report(capsys, role, figures):
    FIGURES[role] = figures
    with capsys.disabled():
        codes = ", ".join(f"{code} {count}" for code, count in sorted(figures["codes"].items(), key=str))
        print(f"\n[fuzz] {role}: {figures['tried']} requêtes, {figures['500s']} HTTP 500, "
              f"{figures['leaks']} fuites, {figures['timeouts']} hors délai, "
              f"la plus lente {figures['slowest']} s ; erreurs par code : {codes}")


@pytest.mark.parametrize("role", ["anonyme", "client", "commerçant"])
def test_generated_queries_never_break_the_api(site_server, schema, tokens, role, capsys):
    figures = new_figures()

    @FUZZ_SETTINGS
    @given(operations(schema))
    def one(operation):
        query, variables = operation
        send(site_server, figures, {"query": query, "variables": variables}, token=tokens[role])

    try:
        one()
    finally:
        report(capsys, role, figures)
    assert figures["500s"] == figures["leaks"] == figures["timeouts"] == 0


def test_random_bodies_never_break_the_api(site_server, capsys):
    figures = new_figures()
    bodies = ANY_JSON.map(json.dumps) | st.text(alphabet=string.printable, max_size=40) | st.builds(
        lambda query, variables: json.dumps({"query": query, "variables": variables}),
        st.text(max_size=40) | st.sampled_from(["{ shop { name } }", "{", "query($a: Int) { shop { name } }"]),
        ANY_JSON,
    )

    @FUZZ_SETTINGS
    @given(bodies)
    def one(body):
        send(site_server, figures, body, raw=True)

    try:
        one()
    finally:
        report(capsys, "corps JSON aléatoires", figures)
    assert figures["500s"] == figures["leaks"] == figures["timeouts"] == 0
