"""Who may still try a password: pure decisions, table of cases."""
import pytest

from plugins.api_guard import password_fields
from plugins.api_guard.client_address import client_address
from plugins.api_guard.throttle import Decision, ThrottlePolicy, counter_keys, decide

POLICY = ThrottlePolicy(window_seconds=900, max_failures_per_account=5, max_failures_per_address=30)


def test_keys_are_hashed_and_case_insensitive():
    keys = counter_keys(POLICY, "  Camille@Exemple.FR ", "203.0.113.7")
    assert keys == counter_keys(POLICY, "camille@exemple.fr", "203.0.113.7")
    assert [limit for _, limit in keys] == [5, 30]
    assert all("camille" not in key and "203.0.113" not in key for key, _ in keys)
    assert keys[0][0] != counter_keys(POLICY, "louis@exemple.fr", "203.0.113.7")[0][0]


@pytest.mark.parametrize("account, address, kinds", [
    ("a@b.fr", "203.0.113.7", ["account", "address"]),
    (None, "203.0.113.7", ["address"]),
    ("   ", "203.0.113.7", ["address"]),
    ("a@b.fr", None, ["account"]),
])
def test_which_counters(account, address, kinds):
    assert [key.split(":")[0] for key, _ in counter_keys(POLICY, account, address)] == kinds


@pytest.mark.parametrize("account_count, address_count, allowed, retry", [
    (1, 1, True, 0),
    (5, 30, True, 0),        # the 5th failure of an account is still evaluated
    (6, 1, False, 600),      # the 6th is not
    (1, 31, False, 120),     # an address past its limit, whatever the account
    (9, 40, False, 600),     # the longest wait of the two
])
def test_decide(account_count, address_count, allowed, retry):
    limits = counter_keys(POLICY, "a@b.fr", "203.0.113.7")
    (account_key, _), (address_key, _) = limits
    decision = decide(limits, {account_key: (account_count, 600.0), address_key: (address_count, 120.0)})
    assert decision == Decision(allowed=allowed, retry_after_seconds=retry)


@pytest.mark.parametrize("seconds, minutes", [(0, 1), (1, 1), (60, 1), (61, 2), (900, 15)])
def test_retry_after_in_minutes_for_the_message(seconds, minutes):
    assert Decision(False, seconds).retry_after_minutes == minutes


TRUSTED = ("127.0.0.1", "::1", "10.0.0.2")


@pytest.mark.parametrize("remote, forwarded, expected", [
    ("203.0.113.7", None, "203.0.113.7"),
    # An outside client cannot choose its address by sending the header itself.
    ("203.0.113.7", "1.2.3.4", "203.0.113.7"),
    # The storefront (loopback) forwards the resident's address.
    ("127.0.0.1", "198.51.100.4", "198.51.100.4"),
    # Behind the reverse proxy: the proxy appended the real address, the storefront its peer.
    ("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.0.0.2", "198.51.100.4"),
    # The client's own entries left of the first untrusted hop are never read.
    ("10.0.0.2", "127.0.0.1, 198.51.100.4", "198.51.100.4"),
    ("127.0.0.1", "", "127.0.0.1"),
    ("127.0.0.1", " , ", "127.0.0.1"),
    ("127.0.0.1", "10.0.0.2", "10.0.0.2"),  # only trusted hops: the farthest
    (None, None, None),
])
def test_client_address(remote, forwarded, expected):
    assert client_address(remote, forwarded, TRUSTED) == expected


@pytest.mark.parametrize("field, args, user, expected", [
    ("tokenCreate", {"email": "a@b.fr", "password": "x"}, None, "a@b.fr"),
    ("tokenCreate", {"email": None}, None, None),
    ("setPassword", {"email": "a@b.fr", "token": "t"}, None, "a@b.fr"),
    ("passwordChange", {"oldPassword": "x"}, "me@b.fr", "me@b.fr"),
    ("passwordChange", {"oldPassword": "x"}, None, None),
])
def test_account_tried(field, args, user, expected):
    assert password_fields.account_tried(field, args, user) == expected


class Payload:
    def __init__(self, errors):
        self.errors = errors


@pytest.mark.parametrize("payload, failed", [
    (None, True), (Payload([]), False), (Payload(["wrong"]), True), (object(), False),
])
def test_failed(payload, failed):
    assert password_fields.failed(payload) is failed
