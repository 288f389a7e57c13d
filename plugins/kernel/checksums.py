"""The Luhn check digit, which SIREN and SIRET numbers carry (INSEE rule)."""


def luhn_valid(digits: str) -> bool:
    """Whether a string of ASCII digits passes the Luhn check ("" and non-digits do not)."""
    if not (digits.isascii() and digits.isdigit()):
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0
