"""One reading of GraphQL global IDs for every plugin: malformed input is None, never an exception.

graphql_relay (what Saleor's own resolvers use) raises whatever base64, UTF-8 or
the split raised; callers want "not an ID of that type", which is None here.
"""
from dataclasses import dataclass
from typing import Optional

from graphql_relay import from_global_id

# A Postgres integer key has at most 10 digits; more can only be an attack or a typo.
MAX_INT_PK_DIGITS = 12


@dataclass(frozen=True)
class NodeRef:
    type_name: str
    pk: str


def parse_global_id(global_id) -> Optional[NodeRef]:
    """"UHJvZHVjdDox" -> NodeRef("Product", "1"); None for anything malformed."""
    if not isinstance(global_id, str) or not global_id:
        return None
    try:
        type_name, pk = from_global_id(global_id)
    except (ValueError, TypeError):  # bad base64 (binascii.Error), bad UTF-8, no ":"
        return None
    if not type_name or not pk:
        return None
    return NodeRef(type_name, pk)


def pk_of(global_id, type_name: str) -> Optional[str]:
    """The key inside a global ID of that type, or None (malformed, other type)."""
    ref = parse_global_id(global_id)
    return ref.pk if ref is not None and ref.type_name == type_name else None


def int_pk_of(global_id, type_name: str) -> Optional[int]:
    """The integer key inside a global ID of that type, or None (also for "12a", "-1")."""
    pk = pk_of(global_id, type_name)
    if pk is None or not (pk.isascii() and pk.isdigit()) or len(pk) > MAX_INT_PK_DIGITS:
        return None
    return int(pk)
