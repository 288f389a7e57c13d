"""How a shop's part reads in the dashboard's stock vocabulary: tables of cases."""
import pytest

from plugins.local_merchants.orders.dashboard import domain
from plugins.local_merchants.orders.domain.status import MerchantOrderStatus as S


@pytest.mark.parametrize("part, shown", [
    ("TO_PREPARE", "unfulfilled"), ("READY", "fulfilled"), ("HANDED_OVER", "fulfilled"),
    ("COLLECTED", "fulfilled"), ("CANCELLED", "canceled"),
])
def test_dashboard_status(part, shown):
    assert domain.dashboard_status(part) == shown


def test_every_part_status_has_a_dashboard_status():
    assert set(domain.DASHBOARD_STATUS) == set(S)


@pytest.mark.parametrize("values, parts", [
    (["ready_to_fulfill"], {S.TO_PREPARE}),
    (["READY_TO_CAPTURE"], set()),
    (["unfulfilled"], {S.TO_PREPARE}),
    (["partially fulfilled"], set()),
    (["fulfilled"], {S.READY, S.HANDED_OVER, S.COLLECTED}),
    (["canceled", "unfulfilled"], {S.CANCELLED, S.TO_PREPARE}),
    (["draft"], set()),
    (["something else"], set()),
    ([], set()),
])
def test_status_filter_selects_parts(values, parts):
    assert domain.part_statuses(values) == parts


def test_the_status_shown_and_the_filter_agree():
    for part, shown in domain.DASHBOARD_STATUS.items():
        assert part in domain.part_statuses([shown])


@pytest.mark.parametrize("search, number", [
    ("12", 12), ("#12", 12), (" n° 12 ", 12), ("0012", 12), ("", None), (None, None),
    ("camille", None), ("12a", None), ("-3", None), ("99999999999", None),
])
def test_order_number(search, number):
    assert domain.order_number(search) == number


@pytest.mark.parametrize("pairs, done", [
    ([(2, 2)], True), ([(2, 2), (3, 3)], True), ([(2, 1)], False), ([(2, 2), (3, 0)], False),
    ([], False), ([(1, 2)], True),
])
def test_is_fully_fulfilled(pairs, done):
    assert domain.is_fully_fulfilled(pairs) is done
