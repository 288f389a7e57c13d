"""What may be cached and what invalidates the cache. Pure Python (graphql-core only).

A response is shared between residents only when it cannot depend on who asks: an
anonymous request whose every operation is a query on the public catalogue. Any
mutation invalidates the cache unless it is known to touch only the asker's own
basket or account (deny by default: a new mutation invalidates until listed here).
"""
import hashlib
import json
from typing import Optional

from graphql import parse
from graphql.error import GraphQLSyntaxError
from graphql.language import ast

# Root fields whose answers are the same for every anonymous resident.
PUBLIC_ROOT_FIELDS = frozenset({
    "products", "product", "productVariant", "productVariants", "productTypes",
    "categories", "category", "collections", "collection", "attributes",
    "merchants", "merchant", "shop", "menus", "menu", "pages", "page", "__typename",
})

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


class Request:
    """A parsed GraphQL POST body; `document` is None when it is not valid GraphQL."""

    def __init__(self, payload: dict):
        self.query = payload.get("query")
        self.variables = payload.get("variables") or {}
        self.operation_name = payload.get("operationName")
        self.document = None
        if isinstance(self.query, str):
            try:
                self.document = parse(self.query)
            except GraphQLSyntaxError:
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
        return True

    def may_change_catalogue(self) -> bool:
        for operation in self._operations():
            if operation.operation != "mutation":
                continue
            for selection in operation.selection_set.selections:
                if not isinstance(selection, ast.Field):
                    return True
                if not selection.name.value.startswith(PRIVATE_MUTATION_PREFIXES):
                    return True
        return False


def parse_body(body: bytes) -> Optional[dict]:
    """The JSON object of a single GraphQL request, or None (batches, files, garbage)."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        return None
    if not isinstance(payload.get("variables") or {}, dict):
        return None
    return payload


def cache_key(payload: dict, context: tuple) -> str:
    """Same query, variables, operation and request context (country, currency) → same key."""
    canonical = json.dumps(
        [payload.get("query"), payload.get("variables") or {}, payload.get("operationName"),
         list(context)],
        sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
