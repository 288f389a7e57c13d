from decimal import ROUND_HALF_UP, Decimal

import pytest
from prices import Money

from plugins.french_vat.rates import RATES, rate_for_code, taxed


@pytest.mark.parametrize(
    "gross, code, net",
    [
        ("12.00", "standard", "10.00"),
        ("5.90", "standard", "4.92"),
        ("1.20", "reduced", "1.14"),
        ("24.90", "reduced", "23.60"),
        ("11.00", "intermediate", "10.00"),
        ("2.10", "super_reduced", "2.06"),
        ("0.00", "standard", "0.00"),
        ("0.01", "standard", "0.01"),
        ("1234.56", "standard", "1028.80"),
        ("-6.00", "standard", "-5.00"),
    ],
)
def test_net_is_derived_from_the_ttc_price(gross, code, net):
    split = taxed(Money(Decimal(gross), "EUR"), rate_for_code(code))
    assert (split.gross.amount, split.net.amount) == (Decimal(gross), Decimal(net))


@pytest.mark.parametrize("rate", RATES.values(), ids=RATES)
def test_every_amount_up_to_500_euros_is_split_to_the_exact_cent(rate):
    # HT = TTC / (1 + rate), rounded half up to the cent: the rule French VAT is
    # computed with, on every amount a shop can price (in cents).
    divisor = 1 + rate.percent / 100
    for cents in range(50_001):
        gross = Decimal(cents) / 100
        expected = (gross / divisor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert taxed(Money(gross, "EUR"), rate).net.amount == expected, gross


@pytest.mark.parametrize("code", ["", None, "unknown", "STANDARD"])
def test_unknown_codes_fall_back_to_the_standard_rate(code):
    assert rate_for_code(code).percent == Decimal("20")


def test_the_four_french_rates():
    assert sorted(r.percent for r in RATES.values()) == [
        Decimal("2.1"), Decimal("5.5"), Decimal("10"), Decimal("20")
    ]
