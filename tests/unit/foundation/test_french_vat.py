from decimal import Decimal

import pytest

from plugins.french_vat.rates import RATES, net_from_gross, rate_for_code


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
    assert net_from_gross(Decimal(gross), rate_for_code(code)) == Decimal(net)


@pytest.mark.parametrize("code", ["", None, "unknown", "STANDARD"])
def test_unknown_codes_fall_back_to_the_standard_rate(code):
    assert rate_for_code(code).percent == Decimal("20")


def test_the_four_french_rates():
    assert sorted(r.percent for r in RATES.values()) == [
        Decimal("2.1"), Decimal("5.5"), Decimal("10"), Decimal("20")
    ]
