"""Refused mutations answered the way the dashboard shows them, whole documents at once.

A shopkeeper's refused mutation answers in its own payload's error list with code
NOT_FOUND, exactly as for an object that does not exist (a top-level permission error
makes the stock dashboard throw and show nothing). A GraphQL document is checked whole
at its first mutation: if one of its mutations is refused, none of them runs, so a
save is never half applied. What is refused stays decided by policy.decide_root.
"""
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from graphql.execution.values import get_argument_values
from graphql.language.ast import Field, FragmentSpread, InlineFragment

from . import policy

NOT_FOUND = "not_found"
REFUSED = (
    "Introuvable : cet objet n'existe pas ou n'appartient pas à votre boutique ; "
    "rechargez la page."
)
NOTHING_SAVED = (
    "Rien n'a été enregistré : une autre partie de cet enregistrement vise un objet "
    "introuvable ; rechargez la page et recommencez."
)
_CACHE_ATTR = "_isolation_document_decisions"
_REFUSAL_ATTR = "_isolation_refusal"


def _root_fields(selection_set, fragments):
    for selection in selection_set.selections:
        if isinstance(selection, Field):
            yield selection
        elif isinstance(selection, InlineFragment):
            yield from _root_fields(selection.selection_set, fragments)
        elif isinstance(selection, FragmentSpread):
            yield from _root_fields(fragments[selection.name.value].selection_set, fragments)


def document_decisions(info, decide) -> dict:
    """{response key: Decision} for every mutation of the operation, computed once;
    `decide(field name, arguments)` is the policy's answer for one of them."""
    cached = getattr(info.context, _CACHE_ATTR, None)
    if cached is not None and cached[0] is info.operation:
        return cached[1]
    decisions = {}
    for node in _root_fields(info.operation.selection_set, info.fragments):
        definition = info.parent_type.fields.get(node.name.value)
        if definition is None:  # __typename
            continue
        args = get_argument_values(definition.args, node.arguments, info.variable_values)
        key = node.alias.value if node.alias else node.name.value
        decisions[key] = decide(node.name.value, args)
    setattr(info.context, _CACHE_ATTR, (info.operation, decisions))
    return decisions


def _target_field(field_name: str):
    rule = policy.SHOPKEEPER_RULES.get(("mutation", field_name))
    if rule is None or not rule.targets:
        return None
    first = rule.targets[0].split(".")[0].replace("[]", "")
    head, *rest = first.split("_")
    return head + "".join(word.capitalize() for word in rest)


# Error enums without NOT_FOUND (permission groups): their nearest "not yours" code.
FALLBACK_CODES = ("out_of_scope_permission",)


def refusal_code(mutation):
    """The code this mutation's payload can carry for a refusal; None if it has none."""
    error_type = mutation._meta.error_type_class
    if error_type is None:
        return NOT_FOUND  # plain {field, message} errors: the code is not shown
    code = error_type._meta.fields.get("code")
    enum = getattr(getattr(code, "type", None), "of_type", None) or getattr(code, "type", None)
    members = getattr(getattr(enum, "_meta", None), "enum", None)
    known = {member.value for member in members} if members is not None else set()
    return next((c for c in (NOT_FOUND, *FALLBACK_CODES) if c in known), None)


def payload(info, refused_here: bool):
    """The mutation's payload carrying the refusal, or None if it cannot carry one."""
    mutation = getattr(info.return_type, "graphene_type", None)
    if mutation is None or not hasattr(mutation, "handle_errors") or not hasattr(mutation, "_meta"):
        return None
    if not hasattr(mutation._meta, "error_type_class"):
        return None
    code = refusal_code(mutation)
    if code is None:
        return None
    message = REFUSED if refused_here else NOTHING_SAVED
    field = _target_field(info.field_name) if refused_here else None
    if field is None and "id" in info.parent_type.fields[info.field_name].args:
        field = "id"  # the object it names
    error = ValidationError(message, code=code)
    refusal = mutation.handle_errors(ValidationError({field or NON_FIELD_ERRORS: error}))
    # Built here, holding only the refusal: its fields and its errors' answer as they are.
    for item in [refusal, *(e for value in vars(refusal).values() if isinstance(value, list) for e in value)]:
        setattr(item, _REFUSAL_ATTR, True)
    return refusal


def is_refusal(root) -> bool:
    """Whether `root` is (part of) a refusal payload built by payload()."""
    return getattr(root, _REFUSAL_ATTR, False) is True
