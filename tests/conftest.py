import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    """Each test starts in English and leaves no language active for the next one."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _process_local_cache(settings):
    """Tests without the database still rate-limit: one fresh in-memory cache per test."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "tests"}}
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def demo(db):
    """The demo calendar from the seeds, loaded through the importer."""
    from tashawur.demo.importer import load_calendar_file

    load_calendar_file()
