import pytest

from plugins.kernel.checksums import luhn_valid


@pytest.mark.parametrize(
    "number, valid",
    [
        ("73282932000074", True),  # a real SIRET...
        ("732829320", True),  # ...and its SIREN
        ("73282932000075", False),
        ("79927398713", True),  # the textbook Luhn example
        ("79927398710", False),
        ("7328293200007a", False),
        ("٧٣٢٨٢٩٣٢٠٠٠٠٧٤", False),  # digits of another script are not a SIRET
        ("", False),
    ],
)
def test_luhn(number, valid):
    assert luhn_valid(number) is valid
