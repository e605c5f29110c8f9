from tests.policy.fixtures import _fast_password_hashing, memory_demo  # noqa: F401
