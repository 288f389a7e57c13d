"""Mutations that take a password or a secret code, and whose account each one
tries (pure). A request may carry only one of them (aliases and batches included),
and failures of those that verify a secret are throttled."""
from typing import Mapping, Optional

# Verify a password or a one-time code: failures are counted.
# Value: the argument naming the account, or None for "the logged-in user".
GUESSING = {
    "tokenCreate": "email",
    "setPassword": "email",
    "confirmAccount": "email",
    "passwordChange": None,
    "requestEmailChange": None,
    "confirmEmailChange": None,
    "accountDelete": None,
}
# At most one per request: the guessing ones, plus those that create accounts or send
# e-mails to someone (not guesses, but eight in a request is never a person).
ONE_PER_REQUEST = frozenset(GUESSING) | {"accountRegister", "requestPasswordReset"}
MAX_PER_REQUEST = 1


def account_tried(field: str, args: Mapping, user_email: Optional[str]) -> Optional[str]:
    argument = GUESSING[field]
    if argument is None:
        return user_email
    value = args.get(argument)
    return value if isinstance(value, str) else None


def failed(payload) -> bool:
    """A mutation's payload says the secret was wrong (or anything else was)."""
    return payload is None or bool(getattr(payload, "errors", None))
