"""A promise that is never settled (what froze a thread at 0 % CPU) no longer holds
its thread: the wait gives up and says REQUEST_TIMEOUT."""
import time

import pytest
from promise import Promise

from plugins.api_guard.errors import GuardError
from plugins.api_guard.scheduler import BoundedWaitScheduler


def test_a_never_settled_promise_times_out():
    never = Promise(lambda resolve, reject: None, scheduler=BoundedWaitScheduler(0.3))
    started = time.monotonic()
    with pytest.raises(GuardError) as refusal:
        never.get()
    assert refusal.value.code == "REQUEST_TIMEOUT"
    assert time.monotonic() - started < 2


def test_a_settled_promise_is_unchanged():
    assert Promise.resolve(42).get() == 42
    assert Promise(lambda resolve, reject: resolve(7), scheduler=BoundedWaitScheduler(0.3)).get() == 7
