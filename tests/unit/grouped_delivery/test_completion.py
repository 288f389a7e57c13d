"""Who gets the order back when an already ordered basket is completed again."""
from datetime import timedelta

import pytest

from plugins.grouped_delivery.domain.completion import REPLAY_WINDOW, may_see_order_again

MINUTE = timedelta(minutes=1)

CASES = [
    # order's user, caller, order's age, answered with the order?
    (7, 7, MINUTE, True),                      # the customer, retrying
    (7, 7, timedelta(days=30), True),          # the customer, much later: their own order
    (7, 8, MINUTE, False),                     # another customer holding the basket's id
    (7, None, MINUTE, False),                  # an anonymous caller holding it
    (None, None, MINUTE, True),                # anonymous basket, double click
    (None, 8, MINUTE, True),                   # anonymous basket, the id is the credential
    (None, None, REPLAY_WINDOW, True),
    (None, None, REPLAY_WINDOW + MINUTE, False),  # long after: no longer a retry
    (None, None, -MINUTE, False),              # clock skew never widens the window
]


@pytest.mark.parametrize("order_user, caller, age, answered", CASES)
def test_may_see_order_again(order_user, caller, age, answered):
    assert may_see_order_again(order_user, caller, age) is answered
