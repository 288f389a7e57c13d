"""Delivery rounds configured by the operator and the slots offered to residents.

All datetimes are timezone-aware; slots are built on the Paris wall clock
(see opening_hours for the convention).

Preparation rule: the courier collects the baskets from the shops when the
round starts, so every shop of the basket must have been open for at least
its preparation lead time (cumulated, lunch breaks and closures excluded)
between the order and the round start. Orders stop at the round cut-off.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from typing import AbstractSet, Iterable, Optional, Sequence

from dateutil.easter import easter as gregorian_easter

from plugins.kernel.opening_hours import OpeningPeriod, can_prepare_before, to_paris
from plugins.kernel.paris import PARIS

ShopHours = tuple[Sequence[OpeningPeriod], AbstractSet[date]]  # (periods, closures)


class SlotProblem(str, Enum):
    PAST = "PAST"
    HOLIDAY = "HOLIDAY"
    CLOSED = "CLOSED"
    FULL = "FULL"
    SHOP_CANNOT_PREPARE = "SHOP_CANNOT_PREPARE"


SLOT_MESSAGES = {
    SlotProblem.PAST: "Ce créneau est déjà passé ; merci d'en choisir un autre.",
    SlotProblem.HOLIDAY: (
        "Il n'y a pas de livraison groupée les jours fériés ; merci de choisir un autre jour."
    ),
    SlotProblem.CLOSED: (
        "Les commandes pour ce créneau sont closes ; merci de choisir un créneau plus tardif."
    ),
    SlotProblem.FULL: "Ce créneau est complet ; merci d'en choisir un autre.",
    SlotProblem.SHOP_CANNOT_PREPARE: (
        "Une des boutiques de votre panier n'aura pas le temps de préparer votre "
        "commande pour ce créneau ; merci de choisir un créneau plus tardif."
    ),
}


@dataclass(frozen=True)
class Round:
    weekdays: frozenset[int]  # 0 = Monday
    start: time
    end: time
    capacity: int  # baskets per round
    cutoff: timedelta  # orders stop this long before the start

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise ValueError("Les jours de tournée doivent être compris entre 0 (lundi) et 6.")
        if self.end <= self.start:
            raise ValueError("La fin de la tournée doit être après son début.")
        if self.capacity < 0 or self.cutoff < timedelta(0):
            raise ValueError("La capacité et le délai de clôture ne peuvent pas être négatifs.")


@dataclass(frozen=True)
class SlotWindow:
    start: datetime
    end: datetime
    cutoff: datetime
    capacity: int


def french_public_holidays(year: int) -> set[date]:
    """The 11 national public holidays (Alsace-Moselle extras do not apply to Paris)."""
    easter = gregorian_easter(year)
    fixed = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}
    movable = {easter + timedelta(days=1), easter + timedelta(days=39), easter + timedelta(days=50)}
    return {date(year, month, day) for month, day in fixed} | movable


def generate_slots(
    rounds: Iterable[Round],
    from_dt: datetime,
    days: int,
    holidays: Optional[AbstractSet[date]] = None,
) -> list[SlotWindow]:
    """Slots starting after `from_dt` over `days` Paris calendar days (today included).

    `holidays` defaults to French public holidays; pass an empty set to
    deliver on holidays. Slots whose cut-off passed are still listed (see
    slot_is_open) so the page can show them greyed out.
    """
    local_now = to_paris(from_dt)
    first_day = local_now.date()
    dates = [first_day + timedelta(days=offset) for offset in range(max(days, 0))]
    if holidays is None:
        holidays = set().union(*(french_public_holidays(y) for y in {d.year for d in dates}))
    slots = []
    for day in dates:
        if day in holidays:
            continue
        for delivery_round in rounds:
            if day.weekday() not in delivery_round.weekdays:
                continue
            start = datetime.combine(day, delivery_round.start, PARIS)
            if start <= local_now:
                continue
            # Subtract in UTC: a long cut-off may cross a DST change.
            cutoff = (start.astimezone(timezone.utc) - delivery_round.cutoff).astimezone(PARIS)
            end = datetime.combine(day, delivery_round.end, PARIS)
            slots.append(SlotWindow(start, end, cutoff, delivery_round.capacity))
    return sorted(slots, key=lambda slot: slot.start)


def slot_is_open(slot: SlotWindow, now: datetime) -> bool:
    """Orders are accepted strictly before the cut-off."""
    return to_paris(now) < slot.cutoff


def remaining(capacity: int, taken: int) -> int:
    """Baskets still bookable; never negative even if the operator lowered the capacity."""
    if taken < 0:
        raise ValueError("Le nombre de paniers réservés ne peut pas être négatif.")
    return max(capacity - taken, 0)


def _every_shop_can_prepare(
    slot: SlotWindow, shops_hours: Iterable[ShopHours], lead_time: timedelta, now: datetime
) -> bool:
    return all(
        can_prepare_before(periods, closures, slot.start, lead_time, now)
        for periods, closures in shops_hours
    )


def usable_slots(
    slots: Iterable[SlotWindow],
    shops_hours: Sequence[ShopHours],
    lead_time: timedelta,
    now: datetime,
) -> list[SlotWindow]:
    """Open slots every shop of the basket can prepare for (capacity not checked here)."""
    return [
        slot
        for slot in slots
        if slot_is_open(slot, now) and _every_shop_can_prepare(slot, shops_hours, lead_time, now)
    ]


def check_slot(
    slot: SlotWindow,
    *,
    now: datetime,
    taken: int,
    shops_hours: Sequence[ShopHours],
    lead_time: timedelta,
    holidays: Optional[AbstractSet[date]] = None,
) -> Optional[SlotProblem]:
    """First problem of a slot chosen by a resident, or None when it can be booked.

    Order: PAST -> HOLIDAY -> CLOSED -> FULL -> SHOP_CANNOT_PREPARE, from the
    most to the least definitive, so the message points at the real blocker.
    `holidays` defaults to French public holidays.
    """
    local_start = to_paris(slot.start)
    if local_start <= to_paris(now):
        return SlotProblem.PAST
    if holidays is None:
        holidays = french_public_holidays(local_start.year)
    if local_start.date() in holidays:
        return SlotProblem.HOLIDAY
    if not slot_is_open(slot, now):
        return SlotProblem.CLOSED
    if remaining(slot.capacity, taken) == 0:
        return SlotProblem.FULL
    if not _every_shop_can_prepare(slot, shops_hours, lead_time, now):
        return SlotProblem.SHOP_CANNOT_PREPARE
    return None
