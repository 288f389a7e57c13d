"""Draft orders completed by staff: grouped delivery only inside the 16e."""
import pytest

from plugins.kernel.address import check_address
from plugins.grouped_delivery.domain.orders import (
    ADDRESS_REQUIRED_MESSAGE,
    OUTSIDE_ZONE_HINT,
    draft_delivery_refusal,
)

PASSY = dict(country="FR", city="Paris", postal_code="75016", street_address_1="12 rue de Passy")

CASES = [
    # grouped, address (None: no address), refused?
    (True, PASSY, False),
    (True, {**PASSY, "postal_code": "75116"}, False),
    (True, {**PASSY, "city": "PARIS 16E"}, False),
    (True, {**PASSY, "postal_code": "75015"}, True),
    (True, {**PASSY, "postal_code": "92100", "city": "Boulogne-Billancourt"}, True),
    (True, {**PASSY, "postal_code": "75016 CEDEX"}, True),
    (True, {**PASSY, "country": "BE"}, True),
    (True, {**PASSY, "city": "Lyon"}, True),
    (True, None, True),
    (False, {**PASSY, "postal_code": "75015"}, False),  # click & collect: any address
    (False, None, False),
]


@pytest.mark.parametrize("grouped, address, refused", CASES)
def test_draft_delivery_refusal(grouped, address, refused):
    zone = check_address(**address) if address else None
    message = draft_delivery_refusal(grouped, zone)
    assert (message is not None) == refused
    if refused and zone is not None:
        assert message.startswith(zone.message) and message.endswith(OUTSIDE_ZONE_HINT)
    if refused and zone is None:
        assert message == ADDRESS_REQUIRED_MESSAGE
