"""What the plugins built on local_merchants tell it, once, when their app is ready.

local_merchants never imports them (dependencies point one way: kernel <-
local_merchants <- grouped_delivery); a question only a later plugin can answer
is asked through here, with an answer that holds when no plugin registered.
"""
from typing import Callable

Question = Callable[[object], bool]


def _never(_subject) -> bool:
    return False


class Hooks:
    def __init__(self) -> None:
        self._click_and_collect: Question = _never
        self._courier: Question = _never

    def answer_click_and_collect(self, question: Question) -> None:
        """Register who says whether the resident collects an order in the shops."""
        self._click_and_collect = question

    def is_click_and_collect(self, order) -> bool:
        return self._click_and_collect(order)

    def answer_courier(self, question: Question) -> None:
        """Register who says whether an account rides rounds (the isolation policy's
        COURIER role)."""
        self._courier = question

    def is_courier(self, user) -> bool:
        return self._courier(user)


hooks = Hooks()
