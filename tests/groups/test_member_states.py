import pytest

from tashawur.groups.member_states import UN_MEMBER_STATES
from tashawur.groups.models import MemberState

pytestmark = pytest.mark.django_db


def test_the_193_un_member_states_are_loaded_with_iso_codes():
    assert len(set(UN_MEMBER_STATES)) == 193
    assert MemberState.objects.count() == 193
    south_sudan = MemberState.objects.get(code="SS")
    assert (south_sudan.alpha3, south_sudan.numeric) == ("SSD", "728")


@pytest.mark.parametrize("code", ["TW", "PS", "VA", "EH", "PR", "HK"])
def test_territories_and_observers_are_not_member_states(code):
    assert not MemberState.objects.filter(code=code).exists()


@pytest.mark.parametrize(
    "language, name",
    [("en", "Saudi Arabia"), ("ar", "المملكة العربية السعودية"), ("zh", "沙特阿拉伯"),
     ("fr", "Arabie saoudite"), ("ru", "Саудовская Аравия"), ("es", "Arabia Saudí")],
)
def test_names_come_from_cldr_in_the_six_languages(language, name):
    assert MemberState.objects.get(code="SA").name(language) == name


def test_name_follows_the_active_django_language():
    from django.utils import translation

    with translation.override("zh-hans"):
        assert str(MemberState.objects.get(code="RU")) == "俄罗斯"
