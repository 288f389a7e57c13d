"""GraphQL helpers every plugin shares: extending a stock type, errors with our codes.

graphene 2 reads an ObjectType's `_meta.fields` when the schema is built, so fields
added by `extend_type` before `build_schema` are part of the one schema at /graphql/.
"""
from typing import AbstractSet, Optional

import graphene
from django.core.exceptions import ValidationError
from saleor.graphql.core.mutations import validation_error_to_error_type


def extend_type(saleor_type, **fields: graphene.Field) -> None:
    for name, field in fields.items():
        if name in saleor_type._meta.fields:
            raise ValueError(f"{saleor_type.__name__}.{name} already exists")
        saleor_type._meta.fields[name] = field


def typed_errors(error: ValidationError, our_codes: Optional[AbstractSet] = None) -> list:
    """Saleor's (Error, code, params) triples for `error`, our codes kept as raised.

    Saleor reports a code it does not know as "invalid"; `our_codes` are kept
    as raised (None: every code is ours), the others go through Saleor's mapping.
    """
    groups = error.error_dict.values() if hasattr(error, "error_dict") else [error.error_list]
    raised = [err.code for group in groups for err in group]
    return [
        (err, original if our_codes is None or original in our_codes else code, params)
        for (err, code, params), original in zip(validation_error_to_error_type(error), raised)
    ]


class KeepOurErrorCodes:
    """Put first in a mutation's bases: its errors carry our codes (SLOT_REQUIRED...).

    `our_error_codes`: the codes kept as raised (None: all). `error_class`: for a
    mutation whose `errors` list is of our own error type (with a code) rather than
    Saleor's `errors` + `xxxErrors` pair.
    """

    our_error_codes: Optional[AbstractSet] = None
    error_class = None

    @classmethod
    def handle_errors(cls, error: ValidationError, **extra):
        return cls.handle_typed_errors(typed_errors(error, cls.our_error_codes), **extra)

    @classmethod
    def handle_typed_errors(cls, errors: list, **extra):
        if cls.error_class is None:
            return super().handle_typed_errors(errors, **extra)
        return cls(errors=[
            cls.error_class(field=err.field, message=err.message, code=code) for err, code, _ in errors
        ], **extra)
