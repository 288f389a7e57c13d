from decimal import Decimal as D

import pytest

from plugins.grouped_delivery.domain.fees import (
    FEE_MESSAGES,
    DeliveryFeeError,
    DeliveryFeeRules,
    FeeProblem,
    check_weight,
    grouped_delivery_fee,
    quantize_money,
    split_amount,
)

RULES = DeliveryFeeRules(fee=D("4.90"), free_threshold=D("60"), max_weight_kg=D("25"))


@pytest.mark.parametrize(
    "rules, subtotal, weight, expected",
    [
        (RULES, D("12.50"), D("1"), D("4.90")),
        (RULES, D("59.99"), D("1"), D("4.90")),
        (RULES, D("59.994"), D("1"), D("4.90")),  # rounds to 59.99
        (RULES, D("59.995"), D("1"), D("0.00")),  # rounds half up to 60.00
        (RULES, D("60"), D("1"), D("0.00")),  # free AT the threshold
        (RULES, D("60.00"), D("25"), D("0.00")),  # weight limit itself is accepted
        (RULES, D("250"), D("0"), D("0.00")),
        (RULES, D("0"), D("0"), D("4.90")),
        (DeliveryFeeRules(fee=D("4.9")), D("1000"), D("100"), D("4.90")),  # never free
        (DeliveryFeeRules(fee=D("3.555")), D("10"), D("1"), D("3.56")),
        (DeliveryFeeRules(fee=D("3.545")), D("10"), D("1"), D("3.55")),
        (DeliveryFeeRules(fee=D("0")), D("10"), D("1"), D("0.00")),
        (DeliveryFeeRules(fee=D("5"), free_threshold=D("0")), D("0"), D("1"), D("0.00")),
        (DeliveryFeeRules(fee=5, free_threshold=40), 45, 3, D("0.00")),  # ints are exact
    ],
)
def test_grouped_delivery_fee(rules, subtotal, weight, expected):
    fee = grouped_delivery_fee(rules, subtotal, weight)

    assert fee == expected
    assert fee.as_tuple().exponent == -2  # always cents, e.g. "0.00" not "0"


def test_one_fee_whatever_the_number_of_shops():
    # The subtotal is the whole basket: three shops at 15 EUR each cost one fee.
    three_shops = sum([D("15"), D("15"), D("15")])

    assert grouped_delivery_fee(RULES, three_shops, D("6")) == D("4.90")


@pytest.mark.parametrize(
    "rules, weight, expected",
    [
        (RULES, D("0"), None),
        (RULES, D("24.999"), None),
        (RULES, D("25"), None),
        (RULES, D("25.001"), FeeProblem.TOO_HEAVY),
        (RULES, D("80"), FeeProblem.TOO_HEAVY),
        (DeliveryFeeRules(fee=D("4.90")), D("500"), None),  # no limit configured
    ],
)
def test_check_weight(rules, weight, expected):
    assert check_weight(rules, weight) is expected


def test_too_heavy_basket_is_not_priced():
    with pytest.raises(DeliveryFeeError) as error:
        grouped_delivery_fee(RULES, D("100"), D("30"))

    assert error.value.code is FeeProblem.TOO_HEAVY
    assert error.value.message == FEE_MESSAGES[FeeProblem.TOO_HEAVY]
    assert "retrait en boutique" in str(error.value)


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: DeliveryFeeRules(fee=4.90), TypeError),  # float money
        (lambda: DeliveryFeeRules(fee=D("-1")), ValueError),
        (lambda: DeliveryFeeRules(fee=D("1"), free_threshold=D("-1")), ValueError),
        (lambda: DeliveryFeeRules(fee=D("1"), max_weight_kg=D("-1")), ValueError),
        (lambda: DeliveryFeeRules(fee=D("NaN")), ValueError),
        (lambda: DeliveryFeeRules(fee=True), TypeError),
        (lambda: grouped_delivery_fee(RULES, 12.5, D("1")), TypeError),
        (lambda: grouped_delivery_fee(RULES, D("-0.01"), D("1")), ValueError),
        (lambda: grouped_delivery_fee(RULES, D("10"), D("-1")), ValueError),
        (lambda: check_weight(RULES, "3"), TypeError),
    ],
)
def test_bad_inputs_are_refused(call, error):
    with pytest.raises(error):
        call()


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


def test_fee_message_is_one_french_sentence():
    message = FEE_MESSAGES[FeeProblem.TOO_HEAVY]

    assert message.endswith(".") and message.count(".") == 1
    assert "poids maximal" in message
