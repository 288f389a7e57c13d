from datetime import date, datetime, time, timedelta, timezone

import pytest

from plugins.kernel.opening_hours import (
    OpeningHoursError,
    OpeningHoursProblem,
    OpeningPeriod,
    can_prepare_before,
    earliest_ready_time,
    is_open_at,
    is_open_between,
    open_duration,
    parse_periods,
    parse_time,
    validate_periods,
)
from plugins.kernel.paris import PARIS

H = timedelta(hours=1)
M = timedelta(minutes=1)


def paris(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=PARIS)


# A cheese shop on rue de Passy: closed Monday, lunch break, Sunday morning only.
# March 2025: Monday 10, Tuesday 11 ... Saturday 15, Sunday 16.
FROMAGERIE = parse_periods(
    {
        day: [("09:30", "13:00"), ("15:30", "19:30")]
        for day in (1, 2, 3, 4, 5)  # Tuesday to Saturday
    }
    | {6: [("09:00", "13:00")]}
)
INVENTORY_DAY = frozenset({date(2025, 3, 14)})  # closed Friday 14 March
NO_CLOSURE: frozenset = frozenset()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("09:30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("9h30", time(9, 30)),
        ("9H30", time(9, 30)),
        ("9 h 30", time(9, 30)),
        ("9h", time(9, 0)),
        (" 19:00 ", time(19, 0)),
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
    ],
)
def test_parse_time_accepts(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["24:00", "9:60", "930", "", "   ", "abc", "09:3", "9:", "-1:00", "09:30:00", "٠٩:٣٠", None],
)
def test_parse_time_refuses_with_french_message(text):
    with pytest.raises(OpeningHoursError) as error:
        parse_time(text)

    assert error.value.code is OpeningHoursProblem.INVALID_TIME
    assert "format HH:MM" in error.value.message
    assert isinstance(error.value, ValueError)


@pytest.mark.parametrize(
    "weekday, opens, closes, code",
    [
        (7, time(9), time(12), OpeningHoursProblem.INVALID_WEEKDAY),
        (-1, time(9), time(12), OpeningHoursProblem.INVALID_WEEKDAY),
        (True, time(9), time(12), OpeningHoursProblem.INVALID_WEEKDAY),
        (0, time(12), time(12), OpeningHoursProblem.EMPTY_PERIOD),
        (0, time(19), time(9), OpeningHoursProblem.EMPTY_PERIOD),  # no overnight period
    ],
)
def test_opening_period_validation(weekday, opens, closes, code):
    with pytest.raises(OpeningHoursError) as error:
        OpeningPeriod(weekday, opens, closes)

    assert error.value.code is code


def test_empty_period_message_is_french():
    with pytest.raises(OpeningHoursError, match="Le lundi, l'heure de fermeture \\(09:00\\)"):
        OpeningPeriod(0, time(19), time(9))


@pytest.mark.parametrize(
    "day_periods, overlapping",
    [
        ([("09:00", "13:00"), ("12:00", "15:00")], True),
        ([("09:00", "13:00"), ("09:00", "10:00")], True),
        ([("14:00", "19:00"), ("09:00", "14:30")], True),  # given out of order
        ([("09:00", "13:00"), ("13:00", "19:00")], False),  # touching is fine
        ([("14:00", "19:00"), ("09:00", "12:00")], False),
    ],
)
def test_overlapping_periods(day_periods, overlapping):
    if overlapping:
        with pytest.raises(OpeningHoursError) as error:
            parse_periods({2: day_periods})
        assert error.value.code is OpeningHoursProblem.OVERLAPPING_PERIODS
        assert "se chevauchent" in error.value.message
    else:
        periods = parse_periods({2: day_periods})
        assert list(periods) == sorted(periods)


def test_same_hours_on_different_days_do_not_overlap():
    periods = validate_periods([OpeningPeriod(d, time(9), time(19)) for d in range(7)])

    assert len(periods) == 7


@pytest.mark.parametrize(
    "moment, closures, expected",
    [
        (paris(11, 9, 29), NO_CLOSURE, False),
        (paris(11, 9, 30), NO_CLOSURE, True),
        (paris(11, 12, 59), NO_CLOSURE, True),
        (paris(11, 13, 0), NO_CLOSURE, False),  # closing time is exclusive
        (paris(11, 14, 0), NO_CLOSURE, False),  # lunch break
        (paris(10, 11, 0), NO_CLOSURE, False),  # Monday
        (paris(16, 10, 0), NO_CLOSURE, True),  # Sunday morning
        (paris(16, 15, 0), NO_CLOSURE, False),  # Sunday afternoon
        (paris(14, 10, 0), INVENTORY_DAY, False),
        (paris(14, 10, 0), NO_CLOSURE, True),
        (datetime(2025, 3, 11, 8, 30, tzinfo=timezone.utc), NO_CLOSURE, True),  # 09:30 Paris
        (datetime(2025, 3, 11, 8, 29, tzinfo=timezone.utc), NO_CLOSURE, False),
    ],
)
def test_is_open_at(moment, closures, expected):
    assert is_open_at(FROMAGERIE, closures, moment) is expected


@pytest.mark.parametrize(
    "start, end, closures, expected",
    [
        (paris(11, 10), paris(11, 12), NO_CLOSURE, True),
        (paris(11, 9, 30), paris(11, 13), NO_CLOSURE, True),
        (paris(11, 12), paris(11, 16), NO_CLOSURE, False),  # spans the lunch break
        (paris(11, 12), paris(11, 13, 1), NO_CLOSURE, False),
        (paris(11, 9), paris(11, 10), NO_CLOSURE, False),  # opens at 09:30
        (paris(10, 10), paris(10, 11), NO_CLOSURE, False),  # Monday
        (paris(14, 10), paris(14, 11), INVENTORY_DAY, False),
        (paris(14, 10), paris(14, 11), NO_CLOSURE, True),
        (paris(11, 10), paris(11, 10), NO_CLOSURE, True),  # instant
        (paris(11, 14), paris(11, 14), NO_CLOSURE, False),
        (paris(11, 18), paris(12, 10), NO_CLOSURE, False),  # overnight
    ],
)
def test_is_open_between(start, end, closures, expected):
    assert is_open_between(FROMAGERIE, closures, start, end) is expected


def test_is_open_between_refuses_reversed_interval():
    with pytest.raises(OpeningHoursError) as error:
        is_open_between(FROMAGERIE, NO_CLOSURE, paris(11, 12), paris(11, 10))

    assert error.value.code is OpeningHoursProblem.NEGATIVE_DURATION


@pytest.mark.parametrize(
    "start, end, closures, expected",
    [
        (paris(11, 0), paris(12, 0), NO_CLOSURE, 7 * H + 30 * M),  # a full Tuesday
        (paris(10, 0), paris(17, 0), NO_CLOSURE, 5 * (7 * H + 30 * M) + 4 * H),  # a week
        (paris(10, 0), paris(17, 0), INVENTORY_DAY, 4 * (7 * H + 30 * M) + 4 * H),
        (paris(11, 12), paris(11, 16), NO_CLOSURE, 1 * H + 30 * M),
        (paris(11, 13), paris(11, 15, 30), NO_CLOSURE, timedelta(0)),
        (paris(11, 12), paris(11, 10), NO_CLOSURE, timedelta(0)),
        (paris(15, 19), paris(17, 10), NO_CLOSURE, 30 * M + 4 * H),  # Sat evening to Mon
    ],
)
def test_open_duration(start, end, closures, expected):
    assert open_duration(FROMAGERIE, closures, start, end) == expected


def test_durations_are_real_time_across_dst():
    # Night bakery open 01:00-04:00 on Sunday 30 March 2025: clocks jump 02:00 -> 03:00.
    bakery = (OpeningPeriod(6, time(1), time(4)),)
    start, end = paris(30, 0), paris(31, 0)

    assert open_duration(bakery, NO_CLOSURE, start, end) == 2 * H


@pytest.mark.parametrize(
    "now, deadline, lead_time, closures, expected",
    [
        # Ordered Tuesday 10:00 for the 18:00 round: 3h morning + 2h30 afternoon.
        (paris(11, 10), paris(11, 18), 2 * H, NO_CLOSURE, True),
        (paris(11, 10), paris(11, 18), 5 * H + 30 * M, NO_CLOSURE, True),  # exactly enough
        (paris(11, 10), paris(11, 18), 5 * H + 31 * M, NO_CLOSURE, False),
        # Ordered during the lunch break for the 16:00 pickup: only 30 minutes open.
        (paris(11, 13, 30), paris(11, 16), 30 * M, NO_CLOSURE, True),
        (paris(11, 13, 30), paris(11, 16), 31 * M, NO_CLOSURE, False),
        # Ordered Monday (closed) for Tuesday 10:00: only 30 minutes of Tuesday.
        (paris(10, 12), paris(11, 10), H, NO_CLOSURE, False),
        # Ordered Saturday evening for Tuesday 10:00: Sunday morning counts.
        (paris(15, 19), paris(18, 10), 4 * H, NO_CLOSURE, True),
        # Closed on Friday 14 for inventory: Thursday evening order for Friday 18:00 fails.
        (paris(13, 19, 30), paris(14, 18), H, INVENTORY_DAY, False),
        (paris(13, 19, 30), paris(14, 18), H, NO_CLOSURE, True),
        # Deadline already passed or equal to now.
        (paris(11, 12), paris(11, 10), timedelta(0), NO_CLOSURE, False),
        (paris(11, 12), paris(11, 12), timedelta(0), NO_CLOSURE, False),
        # No preparation needed: any future deadline works, even while closed.
        (paris(10, 12), paris(10, 18), timedelta(0), NO_CLOSURE, True),
    ],
)
def test_can_prepare_before(now, deadline, lead_time, closures, expected):
    assert can_prepare_before(FROMAGERIE, closures, deadline, lead_time, now) is expected


@pytest.mark.parametrize(
    "now, lead_time, closures, expected",
    [
        (paris(11, 10), H, NO_CLOSURE, paris(11, 11)),
        (paris(11, 12), 2 * H, NO_CLOSURE, paris(11, 16, 30)),  # lunch break skipped
        (paris(10, 8), H, NO_CLOSURE, paris(11, 10, 30)),  # Monday order
        (paris(13, 19), 2 * H, INVENTORY_DAY, paris(15, 11)),  # Friday closed
        (paris(11, 14), timedelta(0), NO_CLOSURE, paris(11, 14)),
        (paris(11, 10), 1000 * H, NO_CLOSURE, None),  # beyond the horizon
    ],
)
def test_earliest_ready_time(now, lead_time, closures, expected):
    ready = earliest_ready_time(FROMAGERIE, closures, lead_time, now)

    assert ready == expected
    if ready is not None:
        assert ready.tzinfo is PARIS


def test_summer_closure_has_no_ready_time():
    august = frozenset(date(2025, 8, day) for day in range(1, 32))

    assert earliest_ready_time(FROMAGERIE, august, H, paris(1, 8, month=8)) is None


@pytest.mark.parametrize(
    "call",
    [
        lambda: is_open_at(FROMAGERIE, NO_CLOSURE, datetime(2025, 3, 11, 10)),
        lambda: open_duration(FROMAGERIE, NO_CLOSURE, datetime(2025, 3, 11), paris(12, 0)),
        lambda: can_prepare_before(
            FROMAGERIE, NO_CLOSURE, datetime(2025, 3, 11, 9), H, datetime(2025, 3, 11, 10)
        ),
    ],
)
def test_naive_datetimes_are_refused(call):
    with pytest.raises(OpeningHoursError) as error:
        call()

    assert error.value.code is OpeningHoursProblem.NAIVE_DATETIME


def test_negative_lead_time_is_refused():
    with pytest.raises(OpeningHoursError) as error:
        can_prepare_before(FROMAGERIE, NO_CLOSURE, paris(11, 18), -H, paris(11, 10))

    assert error.value.code is OpeningHoursProblem.NEGATIVE_DURATION
