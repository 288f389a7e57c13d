from decimal import Decimal as D

import pytest

from plugins.grouped_delivery.domain.fees import (
    FEE_MESSAGES,
    DeliveryFeeError,
    DeliveryFeeRules,
    FeeProblem,
    check_weight,
    grouped_delivery_fee,
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


def test_fee_message_is_one_french_sentence():
    message = FEE_MESSAGES[FeeProblem.TOO_HEAVY]

    assert message.endswith(".") and message.count(".") == 1
    assert "poids maximal" in message
