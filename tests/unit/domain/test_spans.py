from __future__ import annotations

from datetime import date

from graph_service.domain.spans import day_before, holds_on, overlaps

JAN1, JAN31, FEB1 = date(2026, 1, 1), date(2026, 1, 31), date(2026, 2, 1)


def test_end_date_is_the_last_day_the_fact_holds() -> None:
    assert holds_on(JAN1, JAN31, JAN31)
    assert not holds_on(JAN1, JAN31, FEB1)
    assert holds_on(JAN1, None, date(2099, 1, 1))


def test_a_move_ending_the_day_before_does_not_overlap_the_new_span() -> None:
    assert day_before(FEB1) == JAN31
    assert not overlaps(JAN1, day_before(FEB1), FEB1, None)
    assert overlaps(JAN1, FEB1, FEB1, None)


def test_open_spans_overlap_everything_after_their_start() -> None:
    assert overlaps(JAN1, None, date(2030, 1, 1), date(2030, 1, 2))
    assert not overlaps(FEB1, None, JAN1, JAN31)
