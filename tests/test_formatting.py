"""Dates as Quebec French and English readers expect them."""

import datetime as dt

import pytest

from facilitation.i18n.formatting import format_date, format_date_range, format_minutes

D = dt.date


@pytest.mark.parametrize(
    "shown, expected",
    [
        (format_date(D(2010, 5, 4), "fr"), "4 mai 2010"),
        (format_date(D(2024, 3, 1), "fr"), "1er mars 2024"),
        (format_date(D(2024, 3, 1), "fr", "full"), "vendredi 1er mars 2024"),
        (format_date(D(2024, 3, 11), "fr"), "11 mars 2024"),
        (format_date(D(2024, 3, 21), "fr"), "21 mars 2024"),
        (format_date_range([D(2024, 2, 28), D(2024, 3, 1)], "fr"), "28 févr. – 1er mars 2024"),
        (format_date_range([D(2010, 5, 4), D(2010, 5, 5)], "fr"), "4–5 mai 2010"),
        (format_date(D(2024, 3, 1), "en"), "March 1, 2024"),
        (format_date_range([D(2010, 5, 4), D(2010, 5, 5)], "en"), "May 4–5, 2010"),
        (format_minutes(90, "fr"), "1 h 30"),
        (format_minutes(90, "en"), "1 h 30 min"),
    ],
)
def test_dates_and_durations(shown, expected):
    assert " ".join(shown.split()) == expected  # Babel puts thin spaces around a dash
