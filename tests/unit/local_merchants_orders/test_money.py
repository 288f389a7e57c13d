"""Settlement of orders between the shops and the platform, exact to the cent."""
from decimal import Decimal as D

import pytest

from plugins.local_merchants.money.domain import (
    Settlement,
    add_up,
    format_amount,
    format_rate,
    settle_order,
)

RATES = {1: D("0.1000"), 2: D("0.1250"), 3: D("0.0800")}

# (lines, discount) -> [(merchant, sales, discount share, commission, net due)]
CASES = [
    ([(1, D("10.00"))], D(0), [(1, D("10.00"), D("0.00"), D("1.00"), D("9.00"))]),
    (  # two lines of one shop add up
        [(1, D("4.10")), (1, D("5.95"))], D(0), [(1, D("10.05"), D("0.00"), D("1.01"), D("9.04"))],
    ),
    (  # half-up rounding of the commission: 12.5 % of 0.20 = 0.025
        [(2, D("0.20"))], D(0), [(2, D("0.20"), D("0.00"), D("0.03"), D("0.17"))],
    ),
    (  # discount split by sales, the leftover cent to the largest remainder
        [(1, D("10.00")), (2, D("10.00")), (3, D("10.00"))], D("1.00"),
        [
            (1, D("10.00"), D("0.34"), D("0.97"), D("8.69")),
            (2, D("10.00"), D("0.33"), D("1.21"), D("8.46")),
            (3, D("10.00"), D("0.33"), D("0.77"), D("8.90")),
        ],
    ),
    (  # operator-owned products: the platform keeps everything
        [(None, D("5.00")), (1, D("15.00"))], D("2.00"),
        [(None, D("5.00"), D("0.50"), D("4.50"), D("0.00")),
         (1, D("15.00"), D("1.50"), D("1.35"), D("12.15"))],
    ),
    ([], D(0), []),
    ([(3, D("0.00"))], D(0), [(3, D("0.00"), D("0.00"), D("0.00"), D("0.00"))]),
]


@pytest.mark.parametrize("lines, discount, expected", CASES)
def test_settle_order(lines, discount, expected):
    settled = settle_order(lines, RATES, discount)
    assert [(s.merchant, s.sales, s.discount, s.commission, s.net_due) for s in settled] == expected
    # What the shops and the platform get adds up to what the resident paid for the goods.
    assert sum(s.sales for s in settled) == sum(amount for _, amount in lines)
    assert sum(s.commission + s.net_due for s in settled) == sum(a for _, a in lines) - (
        discount if lines else 0
    )


@pytest.mark.parametrize("discount", [D("-0.01"), D("10.01")])
def test_discount_outside_the_goods_is_refused(discount):
    with pytest.raises(ValueError):
        settle_order([(1, D("10.00"))], RATES, discount)


def test_floats_are_refused():
    with pytest.raises(TypeError):
        settle_order([(1, 10.0)], RATES)


def test_rate_outside_zero_one_is_refused():
    with pytest.raises(ValueError):
        settle_order([(1, D("10.00"))], {1: D("1.5")})


def test_many_random_orders_add_up_to_the_cent():
    import random

    rng = random.Random(16)
    for _ in range(500):
        lines = [(rng.choice([None, 1, 2, 3]), D(rng.randint(0, 9999)) / 100) for _ in range(rng.randint(1, 8))]
        total = sum(a for _, a in lines)
        discount = D(rng.randint(0, int(total * 100))) / 100
        settled = settle_order(lines, RATES, discount)
        assert sum(s.discount for s in settled) == discount
        assert sum(s.commission + s.net_due for s in settled) == total - discount
        assert all(s.net_due >= 0 and s.commission >= 0 for s in settled)


def test_add_up_sums_per_shop_and_counts_orders():
    totals = add_up([
        Settlement(1, D("10.00"), D("1.00"), D("0.90"), D("8.10")),
        Settlement(2, D("5.00"), D("0.00"), D("0.63"), D("4.37")),
        Settlement(1, D("2.00"), D("0.00"), D("0.20"), D("1.80")),
    ])
    assert totals == [
        Settlement(1, D("12.00"), D("1.00"), D("1.10"), D("9.90"), orders=2),
        Settlement(2, D("5.00"), D("0.00"), D("0.63"), D("4.37")),
    ]


@pytest.mark.parametrize("amount, text", [
    (D("0"), "0,00"), (D("1234.5"), "1234,50"), (D("-3.456"), "-3,46"), (D("0.005"), "0,01"),
])
def test_format_amount(amount, text):
    assert format_amount(amount) == text


@pytest.mark.parametrize("rate, text", [
    (D("0.1000"), "10 %"), (D("0.1250"), "12,5 %"), (D("0"), "0 %"), (D(1), "100 %"),
])
def test_format_rate(rate, text):
    assert format_rate(rate) == text
