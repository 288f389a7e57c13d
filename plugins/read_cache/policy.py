"""What may be cached and what invalidates the cache. Pure Python (graphql-core only).

A response is shared between residents only when it cannot depend on who asks: an
anonymous request (no credentials, no cookie) whose every operation is a query on the
public catalogue, keyed by everything its answer is computed from (see cache_key).
Any request that may write invalidates the cache, however it is sent: a JSON object,
a JSON list (batch), `application/graphql`, a form or a multipart upload, whatever
operation `operationName` picks. A mutation is known not to touch the catalogue only
when it is listed here (deny by default: a new mutation invalidates until listed).
"""
import hashlib
import json
from typing import Iterable, Iterator, List, Mapping, Optional

from graphql import parse
from graphql.error import GraphQLSyntaxError
from graphql.language import ast

# Root fields whose answers are the same for every anonymous resident.
PUBLIC_ROOT_FIELDS = frozenset({
    "products", "product", "productVariant", "productVariants", "productTypes",
    "categories", "category", "collections", "collection", "attributes",
    "merchants", "merchant", "shop", "menus", "menu", "pages", "page", "__typename",
})

# Fields, anywhere in a query, computed from the asker rather than the request's
# context in the key: `shop.geolocalization` is the country of the caller's address.
ASKER_FIELDS = frozenset({"geolocalization"})

# Mutations that change only the asker's basket, session or account. checkoutComplete
# is absent on purpose: it allocates stock, which catalogue reads show.
PRIVATE_MUTATION_PREFIXES = (
    "checkoutCreate", "checkoutLines", "checkoutLine", "checkoutShipping",
    "checkoutBilling", "checkoutEmail", "checkoutPayment", "checkoutCustomer",
    "checkoutDeliverySlot", "checkoutAddPromoCode", "checkoutRemovePromoCode",
    "checkoutUpdateVoucher", "checkoutUpdateMetadata", "checkoutUpdatePrivateMetadata",
    "checkoutClearMetadata", "checkoutClearPrivateMetadata",
    "token", "account", "requestPasswordReset", "setPassword", "passwordChange",
    "confirmAccount", "requestEmailChange", "confirmEmailChange",
)

# Request headers (WSGI names) that make an answer the asker's own: credentials of a
# user or an app, and any cookie (what reads it may change). Never shared.
PRIVATE_HEADERS = ("HTTP_AUTHORIZATION", "HTTP_COOKIE")


class Request:
    """One GraphQL request (query, variables, operationName); `document` is None when
    the query is not valid GraphQL (then it runs nothing)."""

    def __init__(self, payload: Mapping):
        self.query = payload.get("query")
        self.document = None
        if isinstance(self.query, str):
            try:
                self.document = parse(self.query)
            except (GraphQLSyntaxError, RecursionError):  # Saleor's parse fails alike
                pass

    def _operations(self) -> list:
        return [
            d for d in self.document.definitions if isinstance(d, ast.OperationDefinition)
        ] if self.document else []

    def is_public_read(self) -> bool:
        operations = self._operations()
        if not operations:
            return False
        for operation in operations:
            if operation.operation != "query":
                return False
            for selection in operation.selection_set.selections:
                # A fragment at the root could hide any field: not cached.
                if not isinstance(selection, ast.Field):
                    return False
                if selection.name.value not in PUBLIC_ROOT_FIELDS:
                    return False
        return not ASKER_FIELDS.intersection(_field_names(self.document.definitions))

    def may_change_catalogue(self) -> bool:
        # Every operation of the document counts, whichever operationName runs.
        for operation in self._operations():
            if operation.operation != "mutation":
                continue
            for selection in operation.selection_set.selections:
                if not isinstance(selection, ast.Field):
                    return True
                if not selection.name.value.startswith(PRIVATE_MUTATION_PREFIXES):
                    return True
        return False


def _field_names(nodes: Iterable) -> Iterator[str]:
    """Names of every field selected in these definitions, fragments included."""
    for node in nodes:
        if isinstance(node, ast.Field):
            yield node.name.value
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            yield from _field_names(selection_set.selections)


def executed_payloads(content_type: str, body: Optional[bytes],
                      form: Optional[Mapping]) -> Optional[List[Mapping]]:
    """The GraphQL requests Saleor's view runs for this POST (as GraphQLView.parse_body
    and get_graphql_params read it), or None when this cannot tell: then the request
    must be taken as a write. `body` is the raw body of JSON and `application/graphql`
    requests, `form` the parsed fields of form and multipart ones."""
    try:
        if content_type == "application/json":
            try:
                data = json.loads(body.decode("utf-8"))
            except ValueError:  # Saleor answers 400 and runs nothing
                return []
            entries = data if isinstance(data, list) else [data]
            # A batch runs every object in turn, even after one that fails.
            return [entry for entry in entries if isinstance(entry, Mapping)]
        if content_type == "application/graphql":
            return [{"query": body.decode("utf-8")}]
        if content_type == "application/x-www-form-urlencoded":
            return [{"query": form.get("query")}]
        if content_type == "multipart/form-data":
            operations = json.loads(form.get("operations", "{}"))
            return [operations] if isinstance(operations, Mapping) else []
        return []  # Saleor reads no query from any other body
    except Exception:  # noqa: BLE001 — what cannot be read may be a write
        return None


def anonymous_payload(content_type: str, body: bytes, meta: Mapping) -> Optional[Mapping]:
    """The GraphQL request of a single anonymous JSON POST, or None: only such a
    request may be answered from the cache, and shared when it is a public read.
    Batches, forms and uploads are never cached."""
    if content_type != "application/json" or any(meta.get(h) for h in PRIVATE_HEADERS):
        return None
    try:
        payload = json.loads(body.decode("utf-8"))  # as Saleor reads it (no BOM, no UTF-16)
    except ValueError:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        return None
    if not isinstance(payload.get("variables") or {}, dict):
        return None
    return payload


def cache_key(payload: Mapping, context: tuple) -> str:
    """Same query, variables, operation and request context (address the client called
    with its scheme, country, currency, language) → same key."""
    canonical = json.dumps(
        [payload.get("query"), payload.get("variables") or {}, payload.get("operationName"),
         list(context)],
        sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
