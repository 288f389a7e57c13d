"""Is one entry of a GraphQL request body usable (pure)? The reason, in French, if not.

PostgreSQL refuses NUL characters in text: a NUL anywhere in the query or the
variables would fail deep inside a resolver, so it is refused here, up front.
"""
from typing import Any, Mapping, Optional

MAX_BATCH = 20


def _has_nul(value: Any, depth: int = 0) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if depth > 50:  # JSON nested this deep is no variable of ours
        return True
    if isinstance(value, Mapping):
        return any(_has_nul(k, depth + 1) or _has_nul(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item, depth + 1) for item in value)
    return False


def entry_problem(entry: Any) -> Optional[str]:
    if not isinstance(entry, Mapping):
        return "chaque opération doit être un objet JSON."
    return None


def params_problem(query: Any, variables: Any, operation_name: Any) -> Optional[str]:
    if not isinstance(query, str) or not query.strip():
        return "le champ « query » doit contenir le texte de la requête GraphQL."
    if variables is not None and not isinstance(variables, Mapping):
        return "le champ « variables » doit être un objet JSON (ou absent)."
    if operation_name is not None and not isinstance(operation_name, str):
        return "le champ « operationName » doit être un texte (ou absent)."
    if _has_nul(query) or _has_nul(variables) or _has_nul(operation_name):
        return "le caractère nul (U+0000) n'est accepté dans aucun texte."
    return None


def batch_problem(body: Any) -> Optional[str]:
    if isinstance(body, list) and len(body) > MAX_BATCH:
        return f"une requête groupée contient au plus {MAX_BATCH} opérations."
    if not isinstance(body, (list, Mapping)):
        return "le corps n'est ni un objet JSON ni une liste d'objets."
    return None
