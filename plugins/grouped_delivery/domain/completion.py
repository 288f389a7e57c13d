"""A basket becomes one order: what a repeated (or concurrent) checkoutComplete answers."""
from datetime import timedelta
from typing import Optional

# An anonymous basket's id is its only credential: it brings back the order only while
# a retry is plausible (a double click, a lost answer), not for ever.
REPLAY_WINDOW = timedelta(minutes=15)

ALREADY_ORDERED_MESSAGE = (
    "Ce panier a déjà été commandé : retrouvez votre commande dans l'e-mail de "
    "confirmation ou dans votre compte."
)
BUSY_MESSAGE = (
    "Ce panier est déjà en cours de validation : patientez quelques secondes, puis "
    "consultez votre commande avant de réessayer."
)


def may_see_order_again(
    order_user_id: Optional[int], caller_user_id: Optional[int], order_age: timedelta
) -> bool:
    """Whether a new checkoutComplete of an already ordered basket answers with its order.

    A customer's order goes to that customer only; an anonymous one to whoever holds
    the basket's id, within the replay window.
    """
    if order_user_id is not None:
        return caller_user_id == order_user_id
    return timedelta(0) <= order_age <= REPLAY_WINDOW
