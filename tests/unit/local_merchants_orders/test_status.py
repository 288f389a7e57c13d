"""The status table of a shop's part of an order, case by case."""
import pytest

from plugins.local_merchants.orders.domain.status import (
    Action,
    Actor,
    MerchantOrderStatus as S,
    TransitionError,
    TransitionProblem as P,
    apply,
)

SHOP, OPERATOR, SYSTEM = Actor.SHOPKEEPER, Actor.OPERATOR, Actor.SYSTEM
DELIVERY, PICKUP = False, True

# (status, action, actor, click & collect) -> new status, or the problem raised
CASES = [
    (S.TO_PREPARE, Action.MARK_READY, SHOP, DELIVERY, S.READY),
    (S.TO_PREPARE, Action.MARK_READY, OPERATOR, PICKUP, S.READY),
    (S.TO_PREPARE, Action.MARK_READY, SYSTEM, DELIVERY, P.NOT_ALLOWED),
    (S.READY, Action.MARK_READY, SHOP, DELIVERY, S.READY),  # repeated click: no error
    (S.HANDED_OVER, Action.MARK_READY, SHOP, DELIVERY, P.INVALID_STATUS),
    (S.COLLECTED, Action.MARK_READY, SHOP, PICKUP, P.INVALID_STATUS),
    (S.CANCELLED, Action.MARK_READY, SHOP, DELIVERY, P.INVALID_STATUS),
    (S.READY, Action.HAND_OVER, OPERATOR, DELIVERY, S.HANDED_OVER),
    (S.READY, Action.HAND_OVER, SHOP, DELIVERY, P.NOT_ALLOWED),
    (S.READY, Action.HAND_OVER, OPERATOR, PICKUP, P.NOT_DELIVERY),
    (S.TO_PREPARE, Action.HAND_OVER, OPERATOR, DELIVERY, P.INVALID_STATUS),
    (S.HANDED_OVER, Action.HAND_OVER, OPERATOR, DELIVERY, S.HANDED_OVER),
    (S.CANCELLED, Action.HAND_OVER, OPERATOR, DELIVERY, P.INVALID_STATUS),
    (S.COLLECTED, Action.HAND_OVER, OPERATOR, PICKUP, P.NOT_DELIVERY),
    (S.READY, Action.COLLECT, SHOP, PICKUP, S.COLLECTED),
    (S.COLLECTED, Action.COLLECT, SHOP, PICKUP, S.COLLECTED),
    (S.HANDED_OVER, Action.COLLECT, SHOP, DELIVERY, P.NOT_CLICK_AND_COLLECT),
    (S.READY, Action.COLLECT, OPERATOR, PICKUP, S.COLLECTED),
    (S.READY, Action.COLLECT, SHOP, DELIVERY, P.NOT_CLICK_AND_COLLECT),
    (S.TO_PREPARE, Action.COLLECT, SHOP, PICKUP, P.INVALID_STATUS),
    (S.CANCELLED, Action.COLLECT, SHOP, PICKUP, P.INVALID_STATUS),
    (S.TO_PREPARE, Action.CANCEL, SYSTEM, DELIVERY, S.CANCELLED),
    (S.READY, Action.CANCEL, SYSTEM, PICKUP, S.CANCELLED),
    (S.READY, Action.CANCEL, OPERATOR, DELIVERY, S.CANCELLED),
    (S.TO_PREPARE, Action.CANCEL, SHOP, DELIVERY, P.NOT_ALLOWED),
    (S.HANDED_OVER, Action.CANCEL, SYSTEM, DELIVERY, P.INVALID_STATUS),
    (S.COLLECTED, Action.CANCEL, SYSTEM, PICKUP, P.INVALID_STATUS),
    (S.CANCELLED, Action.CANCEL, SYSTEM, DELIVERY, S.CANCELLED),
]


@pytest.mark.parametrize("status, action, actor, pickup, expected", CASES)
def test_transition(status, action, actor, pickup, expected):
    if isinstance(expected, P):
        with pytest.raises(TransitionError) as raised:
            apply(status, action, actor, pickup)
        assert raised.value.code is expected
    else:
        step = apply(status, action, actor, pickup)
        assert step.status is expected
        assert step.changed is (status is not expected)


def test_every_status_and_action_is_covered_by_the_table():
    seen = {(status, action) for status, action, *_ in CASES}
    assert seen == {(status, action) for status in S for action in Action}


def test_error_message_is_french_and_names_the_status():
    with pytest.raises(TransitionError) as raised:
        apply(S.CANCELLED, Action.MARK_READY, SHOP, DELIVERY)
    assert "« Annulée »" in raised.value.message
