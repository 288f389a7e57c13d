from datetime import date, datetime, time, timedelta, timezone

import pytest
from plugins.kernel.opening_hours import parse_periods
from plugins.kernel.paris import PARIS
from plugins.grouped_delivery.domain.config import parse_settings
from plugins.grouped_delivery.domain.slots import (
    SLOT_MESSAGES,
    Round,
    SlotProblem,
    SlotWindow,
    check_slot,
    french_public_holidays,
    generate_slots,
    remaining,
    slot_is_open,
    usable_slots,
)

H = timedelta(hours=1)


def paris(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=PARIS)


# Cheese shop closed on Monday with a lunch break; a bookshop open Monday to Saturday.
FROMAGERIE = (
    parse_periods({d: [("09:30", "13:00"), ("15:30", "19:30")] for d in range(1, 6)}),
    frozenset(),
)
LIBRAIRIE = (parse_periods({d: [("10:00", "19:00")] for d in range(6)}), frozenset())


@pytest.mark.parametrize(
    "year, easter",
    [
        (1818, date(1818, 3, 22)),  # earliest possible
        (1943, date(1943, 4, 25)),  # latest possible
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_monday_ascension_and_whit_monday_follow_easter(year, easter):
    holidays = french_public_holidays(year)
    assert {easter + timedelta(days=n) for n in (1, 39, 50)} <= holidays
    assert easter not in holidays and easter + timedelta(days=2) not in holidays


@pytest.mark.parametrize(
    "year, movable",
    [
        # (Easter Monday, Ascension, Whit Monday)
        (2024, (date(2024, 4, 1), date(2024, 5, 9), date(2024, 5, 20))),
        (2025, (date(2025, 4, 21), date(2025, 5, 29), date(2025, 6, 9))),
        (2026, (date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25))),
    ],
)
def test_french_public_holidays(year, movable):
    fixed = {date(year, m, d) for m, d in [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15),
                                           (11, 1), (11, 11), (12, 25)]}

    assert french_public_holidays(year) == fixed | set(movable)


def test_ascension_on_labour_day_counts_once():
    # Easter 2008 was 23 March, so Ascension fell on 1 May.
    assert len(french_public_holidays(2008)) == 10
    assert date(2008, 5, 1) in french_public_holidays(2008)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(weekdays=frozenset()),
        dict(weekdays=frozenset({7})),
        dict(weekdays=frozenset({-1, 0})),
        dict(start=time(12), end=time(10)),
        dict(start=time(12), end=time(12)),
        dict(capacity=-1),
        dict(cutoff=-H),
    ],
)
def test_round_validation(kwargs):
    values = dict(weekdays=frozenset({0}), start=time(10), end=time(12), capacity=20,
                  cutoff=2 * H) | kwargs
    with pytest.raises(ValueError):
        Round(**values)


DEFAULT_ROUNDS = parse_settings({}).rounds  # the operator's rounds until configured


def test_default_rounds():
    assert [(r.start, r.end, r.capacity, r.cutoff) for r in DEFAULT_ROUNDS] == [
        (time(10), time(12), 20, 2 * H),
        (time(18), time(20), 20, 2 * H),
    ]
    assert all(r.weekdays == frozenset(range(6)) for r in DEFAULT_ROUNDS)


def _starts(slots):
    return [(s.start.month, s.start.day, s.start.hour) for s in slots]


@pytest.mark.parametrize(
    "from_dt, days, holidays, expected_starts",
    [
        # Monday 10 March 2025, early morning: the whole week except Sunday.
        (paris(3, 10, 7), 7, None,
         [(3, d, h) for d in range(10, 16) for h in (10, 18)]),
        # Started at 10:30: today's morning round has begun, it is not offered.
        (paris(3, 10, 10, 30), 1, None, [(3, 10, 18)]),
        (paris(3, 10, 10, 0), 1, None, [(3, 10, 18)]),  # starting right now: past
        (paris(3, 10, 20, 0), 1, None, []),
        (paris(3, 16, 7), 1, None, []),  # Sunday
        # Easter Monday 21 April 2025 is skipped ...
        (paris(4, 20, 7), 3, None, [(4, 22, 10), (4, 22, 18)]),
        # ... unless the operator delivers on holidays.
        (paris(4, 20, 7), 3, frozenset(), [(4, 21, 10), (4, 21, 18), (4, 22, 10), (4, 22, 18)]),
        # 1 and 8 May 2025 are Thursdays; Ascension is Thursday 29 May.
        (paris(5, 1, 7), 2, None, [(5, 2, 10), (5, 2, 18)]),
        (paris(5, 8, 7), 1, None, []),
        (paris(5, 29, 7), 1, None, []),
        (paris(7, 14, 7), 1, None, []),
        # A custom holiday set replaces the French one.
        (paris(3, 11, 7), 1, frozenset({date(2025, 3, 11)}), []),
        (paris(3, 10, 7), 0, None, []),
        # Across New Year: 1 January 2026 is skipped with the next year's holidays.
        (paris(12, 31, 19), 2, None, []),
        (paris(12, 31, 7), 3, None, [(12, 31, 10), (12, 31, 18), (1, 2, 10), (1, 2, 18)]),
    ],
)
def test_generate_slots(from_dt, days, holidays, expected_starts):
    slots = generate_slots(DEFAULT_ROUNDS, from_dt, days, holidays)

    assert _starts(slots) == expected_starts
    assert all(s.capacity == 20 and s.end - s.start == 2 * H for s in slots)
    assert all(s.start - s.cutoff == 2 * H and s.start.tzinfo is PARIS for s in slots)


def test_slots_are_sorted_even_if_rounds_are_not():
    rounds = tuple(reversed(DEFAULT_ROUNDS))

    slots = generate_slots(rounds, paris(3, 10, 7), 2)

    assert _starts(slots) == [(3, 10, 10), (3, 10, 18), (3, 11, 10), (3, 11, 18)]


def test_cutoff_is_real_time_across_dst():
    # Sunday 30 March 2025 (clocks jump forward at 02:00); 12 hours before 10:00 CEST
    # is 21:00 CET on Saturday, not the wall-clock 22:00.
    sunday_round = Round(frozenset({6}), time(10), time(12), capacity=5, cutoff=12 * H)

    [slot] = generate_slots([sunday_round], paris(3, 29, 12), 2, frozenset())

    assert slot.cutoff == paris(3, 29, 21)


SLOT = SlotWindow(start=paris(3, 11, 18), end=paris(3, 11, 20), cutoff=paris(3, 11, 16),
                  capacity=20)
MORNING = SlotWindow(start=paris(3, 11, 10), end=paris(3, 11, 12), cutoff=paris(3, 11, 8),
                     capacity=20)


@pytest.mark.parametrize(
    "now, expected",
    [
        (paris(3, 11, 15, 59), True),
        (paris(3, 11, 16), False),  # cut-off itself is too late
        (paris(3, 11, 17), False),
        (datetime(2025, 3, 11, 14, 59, tzinfo=timezone.utc), True),  # 15:59 in Paris
        (datetime(2025, 3, 11, 15, 0, tzinfo=timezone.utc), False),
    ],
)
def test_slot_is_open(now, expected):
    assert slot_is_open(SLOT, now) is expected


@pytest.mark.parametrize(
    "capacity, taken, expected",
    [(20, 0, 20), (20, 19, 1), (20, 20, 0), (20, 25, 0), (0, 0, 0)],
)
def test_remaining(capacity, taken, expected):
    assert remaining(capacity, taken) == expected


def test_remaining_refuses_negative_taken():
    with pytest.raises(ValueError):
        remaining(20, -1)


@pytest.mark.parametrize(
    "now, shops, lead_time, expected_starts",
    [
        # Bookshop alone, ordered Monday 07:00: Monday 10:00 needs prep while closed.
        (paris(3, 10, 7), [LIBRAIRIE], H,
         [(3, 10, 18), (3, 11, 10), (3, 11, 18), (3, 12, 10), (3, 12, 18)]),
        # With the cheese shop (closed Monday, opens 09:30): Tuesday 10:00 leaves 30 min.
        (paris(3, 10, 7), [LIBRAIRIE, FROMAGERIE], H,
         [(3, 11, 18), (3, 12, 10), (3, 12, 18)]),
        (paris(3, 10, 7), [LIBRAIRIE, FROMAGERIE], 30 * timedelta(minutes=1),
         [(3, 11, 10), (3, 11, 18), (3, 12, 10), (3, 12, 18)]),
        # Ordered Monday 17:00: today's 18:00 round is past its 16:00 cut-off, and the
        # bookshop still has 2 hours of opening on Monday to prepare Tuesday morning.
        (paris(3, 10, 17), [LIBRAIRIE], H,
         [(3, 11, 10), (3, 11, 18), (3, 12, 10), (3, 12, 18)]),
        (paris(3, 10, 18, 30), [LIBRAIRIE], H, [(3, 11, 18), (3, 12, 10), (3, 12, 18)]),
        # Empty basket: only the cut-off matters.
        (paris(3, 10, 7), [], H,
         [(3, 10, 10), (3, 10, 18), (3, 11, 10), (3, 11, 18), (3, 12, 10), (3, 12, 18)]),
    ],
)
def test_usable_slots(now, shops, lead_time, expected_starts):
    slots = generate_slots(DEFAULT_ROUNDS, paris(3, 10, 0), 3)

    assert _starts(usable_slots(slots, shops, lead_time, now)) == expected_starts


@pytest.mark.parametrize(
    "slot, now, taken, shops, expected",
    [
        (SLOT, paris(3, 11, 9), 0, [LIBRAIRIE, FROMAGERIE], None),
        (SLOT, paris(3, 11, 18), 0, [LIBRAIRIE], SlotProblem.PAST),
        (SLOT, paris(3, 11, 19), 20, [LIBRAIRIE], SlotProblem.PAST),
        (SLOT, paris(3, 11, 16), 0, [LIBRAIRIE], SlotProblem.CLOSED),
        (SLOT, paris(3, 11, 16), 20, [LIBRAIRIE], SlotProblem.CLOSED),
        (SLOT, paris(3, 11, 9), 20, [LIBRAIRIE], SlotProblem.FULL),
        (SLOT, paris(3, 11, 9), 21, [LIBRAIRIE], SlotProblem.FULL),
        (SLOT, paris(3, 11, 9), 19, [LIBRAIRIE], None),
        (SLOT, paris(3, 11, 14), 0, [LIBRAIRIE, FROMAGERIE], None),  # lunch break: 2h30 left
        # Tuesday 10:00 pickup: the cheese shop opens at 09:30, 30 min < 1 h.
        (MORNING, paris(3, 11, 7), 0, [LIBRAIRIE, FROMAGERIE], SlotProblem.SHOP_CANNOT_PREPARE),
        (MORNING, paris(3, 10, 19), 0, [FROMAGERIE], SlotProblem.SHOP_CANNOT_PREPARE),
        (MORNING, paris(3, 10, 18), 0, [LIBRAIRIE], None),
        (MORNING, paris(3, 11, 7), 20, [FROMAGERIE], SlotProblem.FULL),
        # A stale slot on Easter Monday, booked from an old page.
        (SlotWindow(paris(4, 21, 10), paris(4, 21, 12), paris(4, 21, 8), 20),
         paris(4, 20, 9), 0, [], SlotProblem.HOLIDAY),
        (SlotWindow(paris(4, 21, 10), paris(4, 21, 12), paris(4, 21, 8), 20),
         paris(4, 21, 9), 20, [], SlotProblem.HOLIDAY),
    ],
)
def test_check_slot(slot, now, taken, shops, expected):
    assert check_slot(slot, now=now, taken=taken, shops_hours=shops, lead_time=H) is expected


def test_check_slot_with_operator_holidays():
    slot = SlotWindow(paris(4, 21, 10), paris(4, 21, 12), paris(4, 21, 8), 20)

    assert check_slot(slot, now=paris(4, 20, 9), taken=0, shops_hours=[], lead_time=H,
                      holidays=frozenset()) is None


@pytest.mark.parametrize("problem", list(SlotProblem))
def test_every_slot_problem_has_one_french_sentence(problem):
    message = SLOT_MESSAGES[problem]

    assert message.endswith(".") and message.count(".") == 1
    assert "merci" in message
