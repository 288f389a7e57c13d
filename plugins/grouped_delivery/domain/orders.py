"""Rules on orders staff complete themselves (draft orders): no way around the 16e."""
from typing import Optional

from plugins.kernel.address import ZoneCheck

ADDRESS_REQUIRED_MESSAGE = (
    "La livraison groupée demande une adresse de livraison : ajoutez-la à la commande, "
    "ou choisissez le retrait en boutique."
)
OUTSIDE_ZONE_HINT = (
    "La livraison groupée n'est possible que dans le 16e : corrigez l'adresse de la "
    "commande ou choisissez le retrait en boutique."
)


def draft_delivery_refusal(to_the_door: bool, zone: Optional[ZoneCheck]) -> Optional[str]:
    """Why a draft order cannot be completed with its delivery (French), or None.

    `to_the_door`: its delivery kind hands it to the resident (grouped delivery);
    `zone`: the check of its shipping address, None when it has none.
    """
    if not to_the_door:
        return None
    if zone is None:
        return ADDRESS_REQUIRED_MESSAGE
    if not zone.in_zone:
        return f"{zone.message} {OUTSIDE_ZONE_HINT}"
    return None
