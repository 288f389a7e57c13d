from datetime import time, timedelta
from decimal import Decimal

import pytest

from plugins.grouped_delivery.domain import config
from plugins.grouped_delivery.domain.config import ConfigError, parse_rounds, parse_settings

TWO_HOURS = timedelta(hours=2)


def test_defaults_are_the_operator_brief():
    settings = parse_settings({})
    assert settings.fee_rules.fee == Decimal("5.90")
    assert settings.fee_rules.free_threshold == Decimal("60")
    assert settings.fee_rules.max_weight_kg == Decimal("25")
    assert settings.lead_time == timedelta(minutes=60)
    assert [(r.start, r.capacity, r.cutoff) for r in settings.rounds] == [
        (time(10), 20, TWO_HOURS), (time(18), 20, TWO_HOURS)]
    assert settings.rounds[0].weekdays == frozenset(range(6))  # lundi..samedi
    assert settings.central_point == ""


@pytest.mark.parametrize("text, weekdays, start, end, capacity", [
    ("1-6 10:00-12:00 20", set(range(6)), time(10), time(12), 20),
    ("7 9h-11h 5", {6}, time(9), time(11), 5),
    ("  3-3 18:30-20:00 0 ; ", {2}, time(18, 30), time(20), 0),
])
def test_rounds_are_read_in_iso_days(text, weekdays, start, end, capacity):
    (parsed,) = parse_rounds(text, TWO_HOURS)
    assert (parsed.weekdays, parsed.start, parsed.end, parsed.capacity) == (
        weekdays, start, end, capacity)


@pytest.mark.parametrize("values, field", [
    ({config.FEE: "cinq"}, config.FEE),
    ({config.FEE: "-1"}, config.FEE),
    ({config.FREE_THRESHOLD: "NaN"}, config.FREE_THRESHOLD),
    ({config.LEAD_TIME: "-5"}, config.LEAD_TIME),
    ({config.CUTOFF: "2h"}, config.CUTOFF),
    ({config.ROUNDS: ""}, config.ROUNDS),
    ({config.ROUNDS: "0-6 10:00-12:00 20"}, config.ROUNDS),
    ({config.ROUNDS: "6-1 10:00-12:00 20"}, config.ROUNDS),
    ({config.ROUNDS: "1-6 12:00-10:00 20"}, config.ROUNDS),
    ({config.ROUNDS: "1-6 25:00-26:00 20"}, config.ROUNDS),
    ({config.DAYS_AHEAD: "365"}, config.DAYS_AHEAD),
])
def test_bad_settings_name_their_field_in_french(values, field):
    with pytest.raises(ConfigError) as error:
        parse_settings(values)
    assert error.value.field == field


def test_optional_limits_may_be_left_empty_and_commas_are_decimals():
    settings = parse_settings({config.FEE: "4,50", config.FREE_THRESHOLD: "", config.MAX_WEIGHT: " "})
    assert settings.fee_rules.fee == Decimal("4.50")
    assert settings.fee_rules.free_threshold is None and settings.fee_rules.max_weight_kg is None


def test_settings_are_saved_under_stable_keys_and_shown_with_french_labels():
    # Rewording a label must not lose the operator's value: the key is what is saved.
    assert set(config.DEFAULTS) == set(config.LABELS)
    assert all(key.isascii() and key.islower() and " " not in key for key in config.DEFAULTS)
    with pytest.raises(ConfigError) as error:
        parse_settings({config.FEE: "cinq"})
    assert str(error.value).startswith("Tarif de la livraison groupée (€ TTC) : « cinq »")
