"""What residents read: French money, dates, slots and opening hours."""
from datetime import datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest

from plugins.kernel import french as f

NB, NN = "\u00a0", "\u202f"


@pytest.mark.parametrize("amount, expected", [
    (12.5, f"12,50{NB}€"),
    (D("12.5"), f"12,50{NB}€"),
    ("0", f"0,00{NB}€"),
    (0.1 + 0.2, f"0,30{NB}€"),
    (D("4.905"), f"4,91{NB}€"),          # half up, as residents expect
    (1234.5, f"1{NN}234,50{NB}€"),
    (1234567, f"1{NN}234{NN}567,00{NB}€"),
    (999, f"999,00{NB}€"),
    (D("-3.2"), f"-3,20{NB}€"),
    (None, ""),
])
def test_money(amount, expected):
    assert f.money(amount) == expected


def test_money_other_currency_keeps_its_code():
    assert f.money(5, "CHF") == f"5,00{NB}CHF"


@pytest.mark.parametrize("start, end, expected", [
    # API instants are UTC; Paris is UTC+1 in winter, UTC+2 in summer.
    ("2026-11-28T09:00:00+00:00", "2026-11-28T11:00:00+00:00", f"samedi 28 novembre, 10{NB}h – 12{NB}h"),
    ("2026-11-28T09:00:00Z", "2026-11-28T11:30:00Z", f"samedi 28 novembre, 10{NB}h – 12{NB}h{NB}30"),
    ("2026-06-01T16:00:00+00:00", "2026-06-01T18:00:00+00:00", f"lundi 1er juin, 18{NB}h – 20{NB}h"),
    ("2026-02-15T08:15:00+01:00", "2026-02-15T10:00:00+01:00", f"dimanche 15 février, 8{NB}h{NB}15 – 10{NB}h"),
    ("2026-08-13T22:30:00+00:00", "2026-08-13T23:30:00+00:00", f"vendredi 14 août, 0{NB}h{NB}30 – 1{NB}h{NB}30"),
])
def test_slot(start, end, expected):
    assert f.slot(start, end) == expected


def test_naive_instants_are_read_as_utc():
    assert f.date_time("2026-11-28T09:05:00") == f"samedi 28 novembre à 10{NB}h{NB}05"


@pytest.mark.parametrize("value, expected", [
    ("09:00", f"9{NB}h"), ("09:00:00", f"9{NB}h"), ("19:30", f"19{NB}h{NB}30"), ("00:05", f"0{NB}h{NB}05"),
])
def test_clock(value, expected):
    assert f.clock(value) == expected


def test_opening_hours_list_every_day_and_closed_days():
    rows = f.opening_hours([
        {"weekday": 1, "opens": "16:00", "closes": "19:30"},
        {"weekday": 1, "opens": "08:00", "closes": "13:00"},
        {"weekday": 5, "opens": "09:00", "closes": "19:00"},
    ])
    assert rows == [
        ("lundi", "fermé"),
        ("mardi", f"8{NB}h – 13{NB}h, 16{NB}h – 19{NB}h{NB}30"),
        ("mercredi", "fermé"), ("jeudi", "fermé"), ("vendredi", "fermé"),
        ("samedi", f"9{NB}h – 19{NB}h"),
        ("dimanche", "fermé"),
    ]


PARIS = ZoneInfo("Europe/Paris")
HOURS = [{"weekday": 1, "opens": "08:00", "closes": "13:00"}, {"weekday": 1, "opens": "16:00", "closes": "19:30"}]


@pytest.mark.parametrize("moment, expected", [
    (datetime(2026, 11, 24, 8, 0, tzinfo=PARIS), True),     # Tuesday at opening
    (datetime(2026, 11, 24, 13, 0, tzinfo=PARIS), False),   # closes at 13:00 sharp
    (datetime(2026, 11, 24, 14, 0, tzinfo=PARIS), False),   # lunch break
    (datetime(2026, 11, 24, 19, 29, tzinfo=PARIS), True),
    (datetime(2026, 11, 25, 10, 0, tzinfo=PARIS), False),   # Wednesday: closed
    (datetime(2026, 11, 24, 7, 30, tzinfo=ZoneInfo("UTC")), True),  # 8:30 in Paris
])
def test_is_open_at(moment, expected):
    assert f.is_open_at(HOURS, moment) is expected


def test_no_published_hours_is_unknown_not_closed():
    assert f.is_open_at([], datetime(2026, 11, 24, 10, tzinfo=PARIS)) is None


@pytest.mark.parametrize("count, expected", [(0, "0 article"), (1, "1 article"), (2, "2 articles")])
def test_plural(count, expected):
    assert f.plural(count, "article") == expected
