"""Life of one shop's part of an order, as a table of allowed transitions.

Who may do what: the shopkeeper prepares and, for click & collect, hands the
bag to the resident; the operator (or its courier) may do everything a
shopkeeper does and picks the bags up for the grouped delivery; the system
cancels the parts when Saleor cancels the order.
"""
from dataclasses import dataclass
from enum import Enum
from typing import FrozenSet, Optional


class MerchantOrderStatus(str, Enum):
    TO_PREPARE = "TO_PREPARE"
    READY = "READY"
    HANDED_OVER = "HANDED_OVER"  # to the courier of the grouped delivery
    COLLECTED = "COLLECTED"  # by the resident, click & collect
    CANCELLED = "CANCELLED"


STATUS_LABELS = {
    MerchantOrderStatus.TO_PREPARE: "À préparer",
    MerchantOrderStatus.READY: "Prête",
    MerchantOrderStatus.HANDED_OVER: "Remise au livreur",
    MerchantOrderStatus.COLLECTED: "Retirée en boutique",
    MerchantOrderStatus.CANCELLED: "Annulée",
}


class Actor(str, Enum):
    SHOPKEEPER = "SHOPKEEPER"
    OPERATOR = "OPERATOR"
    SYSTEM = "SYSTEM"


class Action(str, Enum):
    MARK_READY = "MARK_READY"
    HAND_OVER = "HAND_OVER"
    COLLECT = "COLLECT"
    CANCEL = "CANCEL"


class TransitionProblem(str, Enum):
    NOT_ALLOWED = "NOT_ALLOWED"
    INVALID_STATUS = "INVALID_STATUS"
    NOT_CLICK_AND_COLLECT = "NOT_CLICK_AND_COLLECT"
    NOT_DELIVERY = "NOT_DELIVERY"


TRANSITION_MESSAGES = {
    TransitionProblem.NOT_ALLOWED: "Vous n'avez pas le droit d'effectuer cette action.",
    TransitionProblem.INVALID_STATUS: (
        "Cette commande est « {status} » : cette action n'est plus possible ; "
        "rechargez la liste des commandes."
    ),
    TransitionProblem.NOT_CLICK_AND_COLLECT: (
        "Cette commande est livrée par la livraison groupée : elle doit être "
        "remise au livreur, pas au client."
    ),
    TransitionProblem.NOT_DELIVERY: (
        "Cette commande est à retirer en boutique : remettez-la au client, pas au livreur."
    ),
}


class TransitionError(ValueError):
    def __init__(self, problem: TransitionProblem, status: MerchantOrderStatus) -> None:
        self.code = problem
        self.message = TRANSITION_MESSAGES[problem].format(status=STATUS_LABELS[status])
        super().__init__(self.message)


@dataclass(frozen=True)
class Rule:
    sources: FrozenSet[MerchantOrderStatus]
    target: MerchantOrderStatus
    actors: FrozenSet[Actor]
    click_and_collect: Optional[bool] = None  # None: either fulfilment


S = MerchantOrderStatus
RULES = {
    Action.MARK_READY: Rule(
        frozenset({S.TO_PREPARE}), S.READY, frozenset({Actor.SHOPKEEPER, Actor.OPERATOR})
    ),
    Action.HAND_OVER: Rule(
        frozenset({S.READY}), S.HANDED_OVER, frozenset({Actor.OPERATOR}), click_and_collect=False
    ),
    Action.COLLECT: Rule(
        frozenset({S.READY}),
        S.COLLECTED,
        frozenset({Actor.SHOPKEEPER, Actor.OPERATOR}),
        click_and_collect=True,
    ),
    # Goods already out of the shop are not taken back by a cancellation.
    Action.CANCEL: Rule(
        frozenset({S.TO_PREPARE, S.READY}), S.CANCELLED, frozenset({Actor.SYSTEM, Actor.OPERATOR})
    ),
}


@dataclass(frozen=True)
class Transition:
    status: MerchantOrderStatus
    changed: bool  # False when the part already was in the target status (a repeated request)


def apply(
    status: MerchantOrderStatus, action: Action, actor: Actor, click_and_collect: bool
) -> Transition:
    """The status after `actor` does `action`, or TransitionError.

    Repeating an action that already happened is not an error (a double click,
    a retried request): the status stays and `changed` is False.
    """
    rule = RULES[action]
    if actor not in rule.actors:
        raise TransitionError(TransitionProblem.NOT_ALLOWED, status)
    if rule.click_and_collect is True and not click_and_collect:
        raise TransitionError(TransitionProblem.NOT_CLICK_AND_COLLECT, status)
    if rule.click_and_collect is False and click_and_collect:
        raise TransitionError(TransitionProblem.NOT_DELIVERY, status)
    if status == rule.target:
        return Transition(status, changed=False)
    if status not in rule.sources:
        raise TransitionError(TransitionProblem.INVALID_STATUS, status)
    return Transition(rule.target, changed=True)
