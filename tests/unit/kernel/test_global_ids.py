import base64

import pytest

from plugins.kernel.global_ids import NodeRef, int_pk_of, parse_global_id, pk_of


def gid(type_name, pk):
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


@pytest.mark.parametrize("raw, ref", [
    (gid("Product", 7), NodeRef("Product", "7")),
    (gid("Warehouse", "0b8f-uuid"), NodeRef("Warehouse", "0b8f-uuid")),
    (gid("Note", "a:b"), NodeRef("Note", "a:b")),  # only the first ":" separates
    ("", None), (None, None), (42, None), ("@@@", None), ("a", None), ("abc", None),
    (base64.b64encode(b"Product").decode(), None),
    (base64.b64encode(b":7").decode(), None),
    (base64.b64encode(b"Product:").decode(), None),
    (base64.b64encode(b"\xff\xfe").decode(), None),
])
def test_parse_global_id(raw, ref):
    assert parse_global_id(raw) == ref


@pytest.mark.parametrize("raw, type_name, pk", [
    (gid("Checkout", "0b8f"), "Checkout", "0b8f"),
    (gid("Checkout", "0b8f"), "Order", None),  # another type is not found
    ("not-an-id", "Checkout", None),
])
def test_pk_of(raw, type_name, pk):
    assert pk_of(raw, type_name) == pk


@pytest.mark.parametrize("raw, pk", [
    (gid("Order", 12), 12),
    (gid("Order", "12a"), None),
    (gid("Order", "-1"), None),
    (gid("Order", "٣"), None),  # a digit of another script is not a key
    (gid("Order", "1" * 12), 111111111111),
    (gid("Order", "1" * 13), None),
    (gid("Product", 12), None),
])
def test_int_pk_of(raw, pk):
    assert int_pk_of(raw, "Order") == pk
