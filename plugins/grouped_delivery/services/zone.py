"""Saleor addresses (models or AddressInput dicts) through the pure 16e check."""
from typing import Mapping, Optional

from plugins.kernel.address import ZoneCheck, check_address


def check_input(address: Mapping) -> ZoneCheck:
    """An AddressInput as received by GraphQL (country may be an enum or a string)."""
    country = address.get("country")
    return check_address(
        country=getattr(country, "value", country) or "",
        city=address.get("city") or "",
        postal_code=address.get("postal_code") or "",
        street_address_1=address.get("street_address_1") or "",
        street_address_2=address.get("street_address_2") or "",
        city_area=address.get("city_area") or "",
    )


def check_saved(address) -> Optional[ZoneCheck]:
    """None when there is no address yet."""
    if address is None:
        return None
    return check_address(
        country=address.country.code if address.country else "",
        city=address.city,
        postal_code=address.postal_code,
        street_address_1=address.street_address_1,
        street_address_2=address.street_address_2,
        city_area=address.city_area,
    )
