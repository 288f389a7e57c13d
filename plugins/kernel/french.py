"""How the storefront writes money, dates and hours in French.

Pure functions (no Django): the API gives amounts as numbers and instants as
ISO 8601 strings; residents read "12,50 €" and "samedi 28 novembre, 10 h – 12 h".
Money, day and month names come from Babel (the CLDR's French: narrow no-break
space between thousands, no-break space before the sign); hours are written the
way the French say them, which the CLDR has no pattern for.
"""
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional, Union
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.numbers import format_currency

from .money import CENT
from .opening_hours import WEEKDAY_NAMES as WEEKDAYS
from .paris import PARIS

LOCALE = "fr_FR"
NBSP = "\u00a0"


def money(amount: Union[Decimal, float, int, str, None], currency: str = "EUR") -> str:
    """12.5 -> "12,50 €" (no-break space before the sign, so it never wraps alone)."""
    if amount is None or amount == "":
        return ""
    # Floats come from JSON: go through str so 0.1 stays 0.1. Rounded half up here, as
    # residents expect (Babel would round half to even: 4,905 -> 4,90).
    value = Decimal(str(amount)).quantize(CENT, rounding=ROUND_HALF_UP)
    return format_currency(value, currency, locale=LOCALE)


def parse_instant(value: Union[str, datetime]) -> datetime:
    """An API DateTime (ISO 8601, "Z" or offset) as an aware datetime in Paris."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        # The API always sends offsets; a naive value is taken as UTC like Django stores it.
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return moment.astimezone(PARIS)


def clock(moment: Union[datetime, str]) -> str:
    """10:00 -> "10 h", 10:30 -> "10 h 30" (the way the French say hours)."""
    if isinstance(moment, str):
        hours, minutes = (int(part) for part in moment.split(":")[:2])
    else:
        hours, minutes = moment.hour, moment.minute
    return f"{hours}{NBSP}h" + (f"{NBSP}{minutes:02d}" if minutes else "")


def day(moment: Union[datetime, date, str]) -> str:
    """"samedi 28 novembre" (1er for the first of the month)."""
    if isinstance(moment, str):
        moment = parse_instant(moment)
    return format_date(moment, "EEEE '1er' MMMM" if moment.day == 1 else "EEEE d MMMM", locale=LOCALE)


def slot(start: Union[str, datetime], end: Union[str, datetime]) -> str:
    """"samedi 28 novembre, 10 h – 12 h"."""
    start, end = parse_instant(start), parse_instant(end)
    return f"{day(start)}, {clock(start)} – {clock(end)}"


def date_time(moment: Union[str, datetime]) -> str:
    """"samedi 28 novembre à 9 h 30"."""
    moment = parse_instant(moment)
    return f"{day(moment)} à {clock(moment)}"


def opening_hours(hours: list) -> list:
    """API opening hours ([{weekday, opens, closes}]) as one row per weekday.

    [("lundi", "fermé"), ("mardi", "8 h – 13 h, 16 h – 19 h 30"), ...]: every day
    is listed so a closed day reads as closed, not as missing.
    """
    by_day: dict = {weekday: [] for weekday in range(7)}
    for row in sorted(hours, key=lambda r: (r["weekday"], r["opens"])):
        by_day[row["weekday"]].append(f"{clock(row['opens'])} – {clock(row['closes'])}")
    return [(WEEKDAYS[w], ", ".join(by_day[w]) if by_day[w] else "fermé") for w in range(7)]


def is_open_at(hours: list, moment: datetime) -> Optional[bool]:
    """Whether the shop is open at that Paris time; None if it publishes no hours."""
    if not hours:
        return None
    moment = moment.astimezone(PARIS)
    now = f"{moment.hour:02d}:{moment.minute:02d}"
    return any(
        row["weekday"] == moment.weekday() and row["opens"][:5] <= now < row["closes"][:5]
        for row in hours
    )


def plural(count: int, singular: str, plural_form: Optional[str] = None) -> str:
    """"1 article", "3 articles", "0 article" (French: 0 and 1 are singular)."""
    return f"{count} {singular if count < 2 else (plural_form or singular + 's')}"
