from django import forms

from sessions.transfer.readers import MAX_BYTES


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Export file (CSV)",
        # No `accept` filter on purpose: phones grey out CSVs saved with another type.
        widget=forms.ClearableFileInput(attrs={"class": "file-input"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; real workout exports are far smaller. "
                "Is it the right file?")
        return upload


class UnitForm(forms.Form):
    unit = forms.ChoiceField(choices=[("kg", "kg"), ("lb", "lb")], widget=forms.RadioSelect, required=False)
