from decimal import Decimal as D

import pytest

from plugins.kernel.money import quantize_money, split_amount


@pytest.mark.parametrize(
    "amount, expected",
    [(D("1.005"), D("1.01")), (D("1.004"), D("1.00")), (D("-1.005"), D("-1.01")), (3, D("3.00"))],
)
def test_quantize_money_half_up(amount, expected):
    assert quantize_money(amount) == expected


@pytest.mark.parametrize(
    "total, weights, expected",
    [
        (D("10.00"), [1, 1, 1], ["3.34", "3.33", "3.33"]),
        (D("0.02"), [1, 1, 1], ["0.01", "0.01", "0.00"]),  # ties go to the first ones
        (D("4.90"), [D("25.50"), D("12.00"), D("8.30")], ["2.73", "1.28", "0.89"]),
        (D("100"), [D("1")], ["100.00"]),
        (D("0"), [1, 2], ["0.00", "0.00"]),
        (D("1.00"), [0, 1, 0], ["0.00", "1.00", "0.00"]),
        (D("0.01"), [1, 2], ["0.00", "0.01"]),  # the largest remainder wins
        (D("5"), [D("0.1"), D("0.2"), D("0.7")], ["0.50", "1.00", "3.50"]),
        (D("-10.00"), [1, 1, 1], ["-3.34", "-3.33", "-3.33"]),  # refund
        (D("1.005"), [1, 1], ["0.51", "0.50"]),  # total rounded to 1.01 first
        (D("0.99"), [1] * 100, ["0.01"] * 99 + ["0.00"]),
        (D("12.34"), [D("33.333"), D("33.333"), D("33.334")], ["4.11", "4.11", "4.12"]),
    ],
)
def test_split_amount(total, weights, expected):
    shares = split_amount(total, weights)

    assert shares == [D(value) for value in expected]
    assert sum(shares) == quantize_money(total)


@pytest.mark.parametrize(
    "total, weights",
    [
        (D("999999.99"), [D(w) for w in ("7", "3", "1", "1", "1")]),
        (D("0.07"), [D("0.333")] * 9),
        (D("123.45"), [D(i) for i in range(1, 40)]),
        (D("-77.77"), [D("1.1"), D("2.2"), D("3.3")]),
    ],
)
def test_split_amount_always_adds_up(total, weights):
    shares = split_amount(total, weights)

    assert sum(shares) == total
    exact = [total * weight / sum(weights) for weight in weights]
    assert all(abs(share - value) < D("0.01") for share, value in zip(shares, exact))


@pytest.mark.parametrize(
    "weights, error",
    [([], ValueError), ([0, 0], ValueError), ([1, -1], ValueError), ([0.5, 0.5], TypeError)],
)
def test_split_amount_refuses_bad_weights(weights, error):
    with pytest.raises(error):
        split_amount(D("10"), weights)
