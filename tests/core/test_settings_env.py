import pytest
from django.core.exceptions import ImproperlyConfigured

from tashawur.env import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize("raw, expected", [("1", True), ("yes", True), ("ON", True), ("0", False), ("off", False), ("", True)])
def test_booleans_are_parsed_strictly(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", True) is expected


def test_a_typo_in_a_boolean_is_an_error_not_false(monkeypatch):
    monkeypatch.setenv("DEBUG", "flase")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='flase' is not a boolean"):
        env_bool("DEBUG", True)


def test_integers_and_lists(monkeypatch):
    monkeypatch.setenv("PORT", "2525")
    monkeypatch.setenv("HOSTS", "a.example, b.example,")
    assert env_int("PORT", 25) == 2525
    assert env_list("HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("PORT", "twenty")
    with pytest.raises(ImproperlyConfigured):
        env_int("PORT", 25)


def test_secrets_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert env_str("SECRET_KEY") == "s3cret"
    monkeypatch.setenv("SECRET_KEY", "other")
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env_str("SECRET_KEY")


def test_unreadable_secret_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        env_str("SECRET_KEY")
