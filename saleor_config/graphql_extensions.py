"""Add our fields to Saleor's GraphQL types without touching Saleor's files.

graphene 2 reads an ObjectType's `_meta.fields` when the schema is built, so fields
added here before `build_schema` are part of the one schema served at /graphql/.
"""
import graphene


def extend_type(saleor_type, **fields: graphene.Field) -> None:
    for name, field in fields.items():
        if name in saleor_type._meta.fields:
            raise ValueError(f"{saleor_type.__name__}.{name} already exists")
        saleor_type._meta.fields[name] = field
