"""Weekly opening hours of a shop, with lunch breaks and exceptional closures.

Time convention: every datetime given to or returned by this module is
timezone-aware (naive ones are refused). Opening hours are Paris wall-clock
times, so comparisons are made after conversion to Europe/Paris, and
durations are computed in UTC so that a DST change never adds or removes an
hour of opening by accident.

A period never spans midnight: shops of the 16e close in the evening, and
"24:00" is refused (use 23:59) to keep `datetime.time` usable.
"""
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from typing import AbstractSet, Iterable, Iterator, Mapping, Optional, Sequence

from .paris import PARIS

WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# "09:30", "9:30", "9h30", "9h", "09 h 30": what shopkeepers type in the dashboard.
_TIME = re.compile(r"([0-9]{1,2})(?::([0-9]{2})| ?[hH] ?([0-9]{2})?)")


class OpeningHoursProblem(str, Enum):
    INVALID_TIME = "INVALID_TIME"
    INVALID_WEEKDAY = "INVALID_WEEKDAY"
    EMPTY_PERIOD = "EMPTY_PERIOD"
    OVERLAPPING_PERIODS = "OVERLAPPING_PERIODS"
    NAIVE_DATETIME = "NAIVE_DATETIME"
    NEGATIVE_DURATION = "NEGATIVE_DURATION"


class OpeningHoursError(ValueError):
    def __init__(self, code: OpeningHoursProblem, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, order=True)
class OpeningPeriod:
    weekday: int  # 0 = Monday, as datetime.weekday()
    opens: time
    closes: time

    def __post_init__(self) -> None:
        if type(self.weekday) is not int or not 0 <= self.weekday <= 6:
            raise OpeningHoursError(
                OpeningHoursProblem.INVALID_WEEKDAY,
                f"Le jour « {self.weekday} » n'existe pas : utilisez 0 (lundi) à 6 (dimanche).",
            )
        if self.closes <= self.opens:
            raise OpeningHoursError(
                OpeningHoursProblem.EMPTY_PERIOD,
                f"Le {WEEKDAY_NAMES[self.weekday]}, l'heure de fermeture "
                f"({self.closes:%H:%M}) doit être après l'heure d'ouverture "
                f"({self.opens:%H:%M}).",
            )


def parse_time(text: str) -> time:
    """Parse "HH:MM" (also "9:30", "9h30", "9h") into a time."""
    match = _TIME.fullmatch((text or "").strip())
    hours = int(match.group(1)) if match else -1
    minutes = int(match.group(2) or match.group(3) or 0) if match else -1
    if not (0 <= hours <= 23 and 0 <= minutes <= 59):
        raise OpeningHoursError(
            OpeningHoursProblem.INVALID_TIME,
            f"L'heure « {text} » n'est pas valide : utilisez le format HH:MM, "
            "entre 00:00 et 23:59 (par exemple 09:30).",
        )
    return time(hours, minutes)


def parse_periods(week: Mapping[int, Iterable[tuple[str, str]]]) -> tuple[OpeningPeriod, ...]:
    """Build validated periods from {weekday: [("09:30", "13:00"), ("14:30", "19:00")]}."""
    periods = [
        OpeningPeriod(weekday, parse_time(opens), parse_time(closes))
        for weekday, day_periods in week.items()
        for opens, closes in day_periods
    ]
    return validate_periods(periods)


def validate_periods(periods: Iterable[OpeningPeriod]) -> tuple[OpeningPeriod, ...]:
    """Sort periods and refuse overlaps (touching periods are allowed)."""
    ordered = tuple(sorted(periods))
    for previous, current in zip(ordered, ordered[1:]):
        if previous.weekday == current.weekday and current.opens < previous.closes:
            raise OpeningHoursError(
                OpeningHoursProblem.OVERLAPPING_PERIODS,
                f"Le {WEEKDAY_NAMES[current.weekday]}, les plages "
                f"{previous.opens:%H:%M}-{previous.closes:%H:%M} et "
                f"{current.opens:%H:%M}-{current.closes:%H:%M} se chevauchent.",
            )
    return ordered


def to_paris(moment: datetime) -> datetime:
    """Convert an aware datetime to Paris wall-clock; refuse naive ones."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise OpeningHoursError(
            OpeningHoursProblem.NAIVE_DATETIME,
            "La date doit préciser son fuseau horaire (heure de Paris attendue).",
        )
    return moment.astimezone(PARIS)


def _open_intervals(
    periods: Sequence[OpeningPeriod],
    closures: AbstractSet[date],
    start: datetime,
    end: datetime,
) -> Iterator[tuple[datetime, datetime]]:
    """Open intervals clipped to [start, end), in UTC and chronological order."""
    start_utc = to_paris(start).astimezone(timezone.utc)
    end_utc = to_paris(end).astimezone(timezone.utc)
    day = to_paris(start).date()
    last_day = to_paris(end).date()
    while day <= last_day:
        if day not in closures:
            for period in sorted(p for p in periods if p.weekday == day.weekday()):
                opens = datetime.combine(day, period.opens, PARIS).astimezone(timezone.utc)
                closes = datetime.combine(day, period.closes, PARIS).astimezone(timezone.utc)
                lower, upper = max(opens, start_utc), min(closes, end_utc)
                if lower < upper:
                    yield lower, upper
        day += timedelta(days=1)


def open_duration(
    periods: Sequence[OpeningPeriod],
    closures: AbstractSet[date],
    start: datetime,
    end: datetime,
) -> timedelta:
    """Cumulated opening time between start and end (zero if end <= start)."""
    return sum(
        (upper - lower for lower, upper in _open_intervals(periods, closures, start, end)),
        timedelta(0),
    )


def is_open_at(
    periods: Sequence[OpeningPeriod], closures: AbstractSet[date], moment: datetime
) -> bool:
    local = to_paris(moment)
    if local.date() in closures:
        return False
    return any(
        p.weekday == local.weekday() and p.opens <= local.time() < p.closes for p in periods
    )


def is_open_between(
    periods: Sequence[OpeningPeriod],
    closures: AbstractSet[date],
    start: datetime,
    end: datetime,
) -> bool:
    """True when the shop is open during the WHOLE of [start, end).

    A lunch break or a closure inside the interval makes it False; with
    start == end it tells whether the shop is open at that instant.
    """
    if end < start:
        raise OpeningHoursError(
            OpeningHoursProblem.NEGATIVE_DURATION,
            "La fin de l'intervalle doit être après son début.",
        )
    if end == start:
        return is_open_at(periods, closures, start)
    return open_duration(periods, closures, start, end) == end - start


def _check_lead_time(lead_time: timedelta) -> None:
    if lead_time < timedelta(0):
        raise OpeningHoursError(
            OpeningHoursProblem.NEGATIVE_DURATION,
            "Le délai de préparation ne peut pas être négatif.",
        )


def earliest_ready_time(
    periods: Sequence[OpeningPeriod],
    closures: AbstractSet[date],
    lead_time: timedelta,
    now: datetime,
    horizon: timedelta = timedelta(days=31),
) -> Optional[datetime]:
    """When the shop will have been open for `lead_time` since `now` (Paris time).

    Preparation only happens while the shop is open. None when that moment is
    beyond `horizon` (e.g. a shop closed for the summer).
    """
    _check_lead_time(lead_time)
    needed = lead_time
    if needed == timedelta(0):
        return to_paris(now)
    for lower, upper in _open_intervals(periods, closures, now, now + horizon):
        if upper - lower >= needed:
            return (lower + needed).astimezone(PARIS)
        needed -= upper - lower
    return None


def can_prepare_before(
    periods: Sequence[OpeningPeriod],
    closures: AbstractSet[date],
    deadline: datetime,
    lead_time: timedelta,
    now: datetime,
) -> bool:
    """True when the shop is open at least `lead_time` (cumulated) between now and deadline."""
    _check_lead_time(lead_time)
    if to_paris(deadline) <= to_paris(now):
        return False
    return open_duration(periods, closures, now, deadline) >= lead_time


def open_intervals(
    periods: Sequence[OpeningPeriod], closures: AbstractSet[date], start: datetime, end: datetime
) -> list:
    """When the shop is open between start and end: [(opens, closes)] in UTC, in order."""
    return list(_open_intervals(periods, closures, start, end))
