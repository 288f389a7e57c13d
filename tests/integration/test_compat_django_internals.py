"""The adaptations of saleor_config/compat.py that need a database, and what two of them
rely on inside Django.

For each: Saleor's own code works with it, fails without it (the original is kept as
`__wrapped__`, or the adaptation's additions are taken away for the test). The pins fail
loudly, naming the adaptation to review, if a Django patch release changes the internals
`bulk_update_saleor_sort_orders` or `empty_reverse_managers_on_unsaved_objects` rely on.
"""
import ast
import inspect
import textwrap

import pytest
from django.contrib.auth.models import Group
from django.contrib.postgres.aggregates import ArrayAgg, StringAgg
from django.db.models import QuerySet
from django.db.models.fields import related_descriptors
from saleor.graphql.account.utils import get_group_to_permissions_and_users_mapping
from saleor.graphql.core.utils.reordering import FinalSortOrder, perform_reordering
from saleor.product.models import Attribute, AttributeValue

pytestmark = pytest.mark.django_db


# --- empty_aggregates_on_no_rows ---------------------------------------------------


def test_aggregates_over_no_rows_are_empty_not_none():
    result = Group.objects.filter(name="aucun groupe").aggregate(
        ids=ArrayAgg("id"), names=StringAgg("name", delimiter=",")
    )
    assert result == {"ids": [], "names": ""}


def test_a_permission_group_without_staff_is_mapped_to_no_one():
    group = Group.objects.create(name="Boutique sans personnel")
    assert get_group_to_permissions_and_users_mapping()[group.pk] == {
        "permissions": set(),
        "users": set(),
    }


def test_without_the_adaptation_saleor_fails_on_a_group_without_staff(monkeypatch):
    Group.objects.create(name="Boutique sans personnel")
    monkeypatch.delattr(ArrayAgg, "convert_value")
    with pytest.raises(TypeError):
        get_group_to_permissions_and_users_mapping()


def test_in_sql_an_aggregate_over_no_rows_stays_null():
    # Saleor sorts products by a StringAgg of their attribute values: products without
    # any must keep sorting last, as on Django 3.2 (NULLS LAST), not as ''.
    Group.objects.create(name="Sans personnel")
    Group.objects.create(name="Avec personnel").user_set.create(email="a@paris16.example")
    groups = Group.objects.filter(name__in=["Sans personnel", "Avec personnel"]).annotate(
        emails=StringAgg("user__email", delimiter=",")
    )
    assert list(groups.order_by("emails").values_list("name", "emails")) == [
        ("Avec personnel", "a@paris16.example"),
        ("Sans personnel", ""),
    ]
    assert groups.filter(emails__isnull=True).get().name == "Sans personnel"


# --- bulk_update_saleor_sort_orders ------------------------------------------------


@pytest.fixture
def attribute_values():
    attribute = Attribute.objects.create(name="Origine", slug="origine")
    return [
        AttributeValue.objects.create(
            attribute=attribute, name=name, slug=name.lower(), sort_order=position
        )
        for position, name in enumerate(["France", "Italie", "Espagne"])
    ]


def test_saleor_moves_an_attribute_value(attribute_values):
    france, italie, espagne = attribute_values
    perform_reordering(france.attribute.values.all(), {espagne.pk: -2})
    assert list(france.attribute.values.order_by("sort_order")) == [espagne, france, italie]


def test_without_the_adaptation_saleor_cannot_reorder(attribute_values, monkeypatch):
    france, _, espagne = attribute_values
    monkeypatch.delattr(FinalSortOrder, "_is_pk_set")
    monkeypatch.delattr(FinalSortOrder, "_prepare_related_fields_for_save")
    with pytest.raises(AttributeError):
        perform_reordering(france.attribute.values.all(), {espagne.pk: -2})


def _attributes_read_on(function, name: str) -> set:
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == name
    }


def test_pin_bulk_update_reads_only_what_final_sort_order_provides():
    # FinalSortOrder carries pk and sort_order, plus the two methods compat gives it.
    # Django reading anything else on each object breaks Saleor's reordering.
    assert _attributes_read_on(QuerySet.bulk_update, "obj") == {
        "_is_pk_set",
        "_prepare_related_fields_for_save",
        "pk",
    }, "Django's bulk_update() changed: review compat.bulk_update_saleor_sort_orders"
    source = inspect.getsource(QuerySet.bulk_update)
    assert "getattr(obj, field.attname)" in source, (
        "Django's bulk_update() changed: review compat.bulk_update_saleor_sort_orders"
    )


# --- empty_reverse_managers_on_unsaved_objects -------------------------------------


def test_an_unsaved_objects_reverse_relation_is_empty(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert list(Attribute().values.all()) == []
        assert Attribute().values.count() == 0


def test_a_saved_objects_reverse_relation_is_read(attribute_values):
    attribute = Attribute.objects.get(pk=attribute_values[0].attribute_id)
    assert list(attribute.values.all()) == attribute_values


def test_without_the_adaptation_an_unsaved_objects_relation_raises():
    original_factory = related_descriptors.create_reverse_many_to_one_manager.__wrapped__
    rel = Attribute.values.rel
    manager = original_factory(AttributeValue._default_manager.__class__, rel)(Attribute())
    with pytest.raises(ValueError, match="primary key"):
        manager.all()


def test_pin_reverse_managers_come_from_the_wrapped_factory():
    # The descriptor must look the factory up by name in its module at first use (so it
    # finds compat's wrapper), and the manager must still expose `instance`.
    source = inspect.getsource(related_descriptors.ReverseManyToOneDescriptor)
    assert "create_reverse_many_to_one_manager(" in source, (
        "Django's reverse manager changed: review "
        "compat.empty_reverse_managers_on_unsaved_objects"
    )
    manager = Attribute().values
    assert type(manager).get_queryset.__qualname__.startswith(
        "empty_reverse_managers_on_unsaved_objects."
    )
    assert manager.instance._is_pk_set() is False
