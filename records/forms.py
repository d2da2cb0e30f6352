"""Inputs of the progress pages (query strings), through forms like every input."""

import datetime as dt
import uuid

from django import forms

from records.progress import RANGES


class RangeForm(forms.Form):
    range = forms.ChoiceField(choices=[(k, k) for k in RANGES], required=False)

    def range_key(self) -> str:
        return (self.cleaned_data.get("range") if self.is_valid() else "") or "1y"


class MonthForm(forms.Form):
    month = forms.DateField(input_formats=["%Y-%m"], required=False)

    def first_day(self, today: dt.date) -> dt.date:
        day = self.cleaned_data.get("month") if self.is_valid() else None
        return (day or today).replace(day=1)


class SetPageForm(forms.Form):
    """Which page of an exercise's sets: older than the set `before`, or newer than the
    set `after`; neither (or a malformed id) is the newest page."""

    before = forms.UUIDField(required=False)
    after = forms.UUIDField(required=False)

    def anchors(self) -> dict[str, uuid.UUID | None]:
        data = self.cleaned_data if self.is_valid() else {}
        return {"before": data.get("before"), "after": data.get("after")}
