"""Working-day arithmetic of the Norwegian calendar and its season rules."""
import datetime as dt

import pytest

from planner.calendar import WorkCalendar, season_ranges
from planner.errors import PlanError
from planner.io.calendars import resolve_plan_calendar
from planner.model import SeasonRule

D = dt.date


def cal(seasons=("summer", "romjul", "easter_week"), origin=D(2023, 6, 14), exceptions=()):
    spec = {"base": "norway", "seasons": list(seasons), "exceptions": list(exceptions)}
    return WorkCalendar(resolve_plan_calendar(spec, None), origin)


def test_origin_is_index_zero_and_dates_round_trip():
    c = cal()
    assert c.index(D(2023, 6, 14)) == 0
    assert c.date(0) == D(2023, 6, 14)
    assert c.date(-1) == D(2023, 6, 13)
    for i in range(-300, 600, 7):
        assert c.index(c.date(i)) == i


def test_all_of_july_is_off_with_the_summer_season():
    c = cal()
    assert not any(c.is_working(D(2023, 7, d)) for d in range(1, 32))
    assert c.add_working_days(D(2023, 6, 30), 1) == D(2023, 8, 1)
    # seed task 4: 30 working days from Thu 15.06.23 end on Thu 24.08.23
    assert c.add_working_days(D(2023, 6, 15), 29) == D(2023, 8, 24)
    assert c.working_days(D(2023, 6, 15), D(2023, 8, 24)) == 30
    # without the season July is an ordinary month (21 working days in 2023)
    plain = cal(seasons=())
    assert plain.working_days(D(2023, 7, 1), D(2023, 7, 31)) == 21


def test_easter_week_and_public_holidays_2024():
    c = cal()
    # Mon-Wed before Maundy Thursday (25-27 March) by the season, 28 March - 1 April by law
    for d in (25, 26, 27, 28, 29):
        assert not c.is_working(D(2024, 3, d))
    assert not c.is_working(D(2024, 4, 1))       # Andre påskedag
    assert c.add_working_days(D(2024, 3, 22), 1) == D(2024, 4, 2)
    # seed task 44: 15 days from Tue 27.02.24 end Mon 18.03.24; 48 then runs across Easter
    assert c.add_working_days(D(2024, 2, 27), 14) == D(2024, 3, 18)
    assert c.working_days(D(2024, 3, 19), D(2024, 6, 24)) == 60
    # Ascension Day 2024 (9 May) and Constitution Day (17 May) are off, Whit Monday too
    for day in (D(2024, 5, 1), D(2024, 5, 9), D(2024, 5, 17), D(2024, 5, 20)):
        assert not c.is_working(day)


def test_romjul_and_new_year():
    c = cal()
    # 25-26 Dec are public holidays, 27-29 Dec romjul, 1 Jan a public holiday
    assert c.add_working_days(D(2023, 12, 22), 1) == D(2024, 1, 2)
    assert c.working_days(D(2023, 12, 18), D(2024, 1, 5)) == 9
    # the season is a rule: the next years get their romjul too
    assert not c.is_working(D(2025, 12, 29)) and not c.is_working(D(2025, 12, 31))
    assert c.is_working(D(2025, 12, 23))


def test_easter_rule_follows_easter_each_year():
    rule = SeasonRule("easter_week", "easter", (-6, -4))
    assert season_ranges(rule, 2024) == [(D(2024, 3, 25), D(2024, 3, 27))]
    assert season_ranges(rule, 2025) == [(D(2025, 4, 14), D(2025, 4, 16))]
    assert season_ranges(rule, 2026) == [(D(2026, 3, 30), D(2026, 4, 1))]


def test_iso_weeks_and_wrapping_date_ranges():
    weeks = SeasonRule("summer", "iso_weeks", (28, 30))
    assert season_ranges(weeks, 2024) == [(D(2024, 7, 8), D(2024, 7, 28))]
    wrap = SeasonRule("x", "dates", ((12, 27), (1, 2)))
    assert season_ranges(wrap, 2024) == [(D(2024, 1, 1), D(2024, 1, 2)),
                                         (D(2024, 12, 27), D(2024, 12, 31))]
    c = cal(seasons=({"name": "summer", "iso_weeks": [28, 30]},), origin=D(2024, 6, 3))
    assert c.is_working(D(2024, 7, 5)) and not c.is_working(D(2024, 7, 8))
    assert c.is_working(D(2024, 7, 29))


def test_exceptions_remove_and_add_working_days():
    c = cal(exceptions=({"date": "2023-10-13", "name": "Planleggingsdag"},
                        {"date": "2023-10-14", "working": True, "name": "Lørdagsarbeid"}))
    assert not c.is_working(D(2023, 10, 13))
    assert c.is_working(D(2023, 10, 14))
    periods = c.nonworking_periods(D(2023, 10, 1), D(2023, 10, 31))
    assert (D(2023, 10, 13), D(2023, 10, 13), "Planleggingsdag", "exception") in periods
    assert (D(2023, 10, 14), D(2023, 10, 14), "Lørdagsarbeid", "working") in periods


def test_nonworking_periods_name_holidays_and_seasons():
    c = cal()
    periods = c.nonworking_periods(D(2023, 6, 1), D(2024, 6, 30))
    names = {(a, b): name for a, b, name, _kind in periods}
    assert names[(D(2023, 7, 3), D(2023, 7, 31))] == "Fellesferie (juli)"
    assert names[(D(2023, 12, 25), D(2023, 12, 25))] == "Første juledag"
    assert names[(D(2023, 12, 26), D(2023, 12, 26))] == "Andre juledag"
    assert names[(D(2023, 12, 27), D(2023, 12, 29))] == "Romjul"
    assert any(name == "Kristi himmelfartsdag" and a == D(2024, 5, 9) for a, _b, name, _k in periods)


def test_window_grows_on_demand_and_far_years_agree():
    c = cal()
    far = c.index_on_or_after(D(2040, 1, 2))
    assert c.date(far) == D(2040, 1, 2)       # 2 January 2040 is a Monday, not a holiday
    assert c.index_on_or_after(D(1990, 1, 1)) < 0
    fresh = cal(origin=D(2023, 6, 14))
    assert fresh.date(far) == D(2040, 1, 2)


def test_outside_the_calendar_years_is_an_error():
    c = cal()
    with pytest.raises(PlanError, match="outside the years"):
        c.date(100_000)
    with pytest.raises(PlanError, match="outside the years"):
        WorkCalendar(resolve_plan_calendar("norway", None), D(1800, 1, 1))


def test_time_keys():
    c = cal()
    assert c.start_key(D(2023, 6, 14)) == 0
    assert c.finish_key(D(2023, 6, 14)) == 1
    # a non-working day: the start moves on to Monday, the finish back to Friday
    assert c.start_key(D(2023, 6, 17)) == 2 * c.index(D(2023, 6, 19))
    assert c.finish_key(D(2023, 6, 17)) == 2 * c.index(D(2023, 6, 16)) + 1
    # elapsed days from Friday 16:00: +1 lands on Saturday, so the next start is Monday
    fri_end = c.finish_key(D(2023, 6, 16))
    assert c.add_elapsed(fri_end, 1) == c.start_key(D(2023, 6, 19))
    assert c.add_elapsed(fri_end, 3) == c.finish_key(D(2023, 6, 19))
