"""Split an order's lines by the shop that sells them."""
from typing import Hashable, Iterable, Optional, Tuple

MerchantKey = Optional[int]  # None: products sold by the operator itself


def group_by_merchant(
    lines: Iterable[Tuple[Hashable, MerchantKey]]
) -> "dict[MerchantKey, list]":
    """{merchant: [line, ...]} from (line, merchant) pairs.

    Shops come in the order of their first line in the basket, lines keep
    their order, and the operator's own lines form one group keyed None.
    """
    groups: "dict[MerchantKey, list]" = {}
    for line, merchant in lines:
        groups.setdefault(merchant, []).append(line)
    return groups
