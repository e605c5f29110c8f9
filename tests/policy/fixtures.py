"""Fixtures of the group's-memory tests, imported by the conftest of each of their folders."""

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Users are made with a password; the production hasher takes a second per user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def memory_demo(demo):
    """The calendar demo, then the group's memory demo (issues, repository, positions, mandates, narrative)."""
    from tashawur.policy.demo import load_memory_demo

    return load_memory_demo()
