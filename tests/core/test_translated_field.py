import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tashawur.core.fields import TranslatedFormField
from tashawur.core.languages import localized, localized_language
from tashawur.groups.models import WorkingGroup


def test_localized_picks_the_active_language_then_falls_back_to_english():
    values = {"en": "Bridging the gender digital divide", "ar": "سد الفجوة الرقمية بين الجنسين"}
    with translation.override("ar"):
        assert localized(values) == "سد الفجوة الرقمية بين الجنسين"
    with translation.override("zh-hans"):
        assert localized(values) == "Bridging the gender digital divide"
        assert localized_language(values) == "en"
    assert localized({"ru": "Только по-русски"}, "fr") == "Только по-русски"
    assert localized({}, "en") == ""


def test_form_field_keeps_only_the_languages_given_and_requires_one():
    field = TranslatedFormField(required=True)

    assert field.clean(["نص", "", " English ", "", "", ""]) == {"ar": "نص", "en": "English"}
    with pytest.raises(ValidationError):
        field.clean(["", "", "", "", "", ""])


def test_form_widget_marks_each_input_with_its_language_and_direction():
    html = TranslatedFormField().widget.render("name", {"ar": "نص", "en": "Text"})

    assert 'lang="ar" dir="rtl"' in html
    assert 'lang="zh" dir="ltr"' in html
    assert 'value="نص"' in html


@pytest.mark.django_db
def test_model_refuses_unknown_languages_and_non_text():
    group = WorkingGroup(code="X", name={"de": "Arbeitsgruppe"})
    with pytest.raises(ValidationError) as error:
        group.full_clean()
    assert "de is not one of the six UN languages" in str(error.value)

    group.name = {"en": 42}
    with pytest.raises(ValidationError):
        group.full_clean()
