"""Schemathesis against the OpenAPI schema: no 5xx, and every answer as the schema says it is.

Property-based over every GET operation (positive data: valid parameters, any
values within their types), and over the write operations with bodies that
break the schema (negative data), sent with a real token. Examples are capped
per operation so the whole run stays within a minute.
"""

import tempfile
from pathlib import Path

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, negative_data_rejection, response_schema_conformance, status_code_conformance,
)

from tashawur.wsgi import application

pytestmark = pytest.mark.django_db

# Hypothesis keeps caches in .hypothesis/ of the working directory; keep the checkout clean.
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "tashawur-hypothesis"))

READ_EXAMPLES = 12
WRITE_EXAMPLES = 15
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def schema(_test_connection_kept):
    loaded = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    # Reads need no token: a random Authorization header would only ever be refused (401).
    loaded.config.generation.update(with_security_parameters=False)
    return loaded


@pytest.fixture
def _test_connection_kept():
    """Requests reach the WSGI application directly: keep Django from closing the test's database connection
    at the end of each one (as Django's own test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def operations(schema, method: str):
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() == method:
            yield operation


def run(operation, mode: GenerationMode, examples: int, checks, headers=None) -> list[int]:
    """The statuses of the answers, after checking each of them."""
    statuses = []

    @hypothesis.settings(
        max_examples=examples, deadline=None, derandomize=True, database=None,
        phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        response = case.call(headers=headers)
        statuses.append(response.status_code)
        case.validate_response(response, checks=checks, headers=headers)

    check()
    return statuses


def test_every_read_answers_without_a_server_error_and_as_the_schema_says(schema, world):
    failures, statuses = [], []
    read = list(operations(schema, "GET"))
    assert len(read) >= 18
    for operation in read:
        try:
            statuses += run(operation, GenerationMode.POSITIVE, READ_EXAMPLES, CHECKS)
        except Exception as error:  # collect every operation's failure, then report them together
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)
    assert len(statuses) >= 5 * len(read) and statuses.count(200) >= len(read)


def test_writes_with_invalid_bodies_are_refused_as_the_schema_says(schema, world, secretariat_token):
    failures, statuses = [], []
    headers = {"Authorization": f"Bearer {secretariat_token}"}
    for operation in operations(schema, "POST"):
        if not operation.body:
            continue  # nothing to send wrong (publish takes no body)
        try:
            statuses += run(operation, GenerationMode.NEGATIVE, WRITE_EXAMPLES, [*CHECKS, negative_data_rejection],
                            headers)
        except Exception as error:
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)
    assert statuses and all(400 <= status < 500 for status in statuses)
