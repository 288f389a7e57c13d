"""Grouped delivery switched off in the dashboard: what it changed in the API is stock again.

The plugin's hooks (fee, last check before payment, slot booking) read `self.active`;
the schema's overrides ask `switched_on` here (the request's plugins manager, no query).
Switched off, the stock mutations and shipping-method list answer exactly as Saleor's,
and our own additions offer nothing (no option, no slot).
"""
import functools

from ..services.settings import active_in

SWITCHED_OFF_MESSAGE = (
    "La livraison groupée est suspendue pour le moment : aucun créneau ne peut être choisi."
)


def switched_on(info) -> bool:
    return active_in(info.context.plugins)


def stock_when_switched_off(mutation):
    """Class decorator for a stock mutation we subclass: its `perform_mutation` runs
    ours while grouped delivery is on, the stock one (its base's) while it is off."""
    ours = mutation.__dict__["perform_mutation"].__func__

    @functools.wraps(ours)
    def perform_mutation(cls, root, info, *args, **data):
        if switched_on(info):
            return ours(cls, root, info, *args, **data)
        return super(mutation, cls).perform_mutation(root, info, *args, **data)

    mutation.perform_mutation = classmethod(perform_mutation)
    return mutation
