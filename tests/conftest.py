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
def _fast_password_hashing(settings):
    """Production hashes cost about a second each on this machine; tests need none of that."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture(autouse=True)
def _member_states_after_a_flush(request):
    """Transactional tests empty every table afterwards, including the member states a
    migration loaded; the next transactional test gets them back."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        from tashawur.groups.member_states import ensure_member_states
        from tashawur.groups.models import MemberState

        request.getfixturevalue("transactional_db")
        ensure_member_states(MemberState)


@pytest.fixture
def demo(db):
    """The demo calendar from the seeds, loaded through the importer."""
    from tashawur.demo.importer import load_calendar_file

    load_calendar_file()
