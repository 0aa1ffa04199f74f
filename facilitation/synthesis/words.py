"""The document's words in its language (gettext catalogue `synthesis.po`), and its formatting
of dates, times and durations."""

from __future__ import annotations

import datetime as dt

from facilitation.i18n import LANGUAGES, gettext_in, translations
from facilitation.i18n import formatting as fmt


class Words:
    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else "en"

    def __call__(self, message: str, **values: object) -> str:
        text = gettext_in(self.lang, message)
        return text.format(**values) if values else text

    def n(self, singular: str, plural: str, count: int, **values: object) -> str:
        text = translations(self.lang).ngettext(singular, plural, count)
        return text.format(n=self.number(count), **values)

    def number(self, value: float) -> str:
        return fmt.format_number(value, self.lang)

    def date_range(self, days: list[dt.date]) -> str:
        return fmt.format_date_range(days, self.lang)

    def time(self, moment: dt.time | dt.datetime) -> str:
        return fmt.format_time(moment, self.lang)

    def minutes(self, minutes: float) -> str:
        return fmt.format_minutes(minutes, self.lang)

    def epoch_time(self, at: float) -> str:
        return self.time(dt.datetime.fromtimestamp(at))
