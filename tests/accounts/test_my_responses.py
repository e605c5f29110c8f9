import pytest

from tests.accounts.conftest import response, stakeholder

pytestmark = pytest.mark.django_db


def test_my_responses_are_those_sent_from_my_confirmed_address_with_their_status(client, consultation, amina):
    response(consultation, "amina@example.org", status="published")
    response(consultation, "amina@example.org", status="unconfirmed")
    response(consultation, "someone.else@example.org", status="published")
    client.force_login(amina)

    page = client.get("/account/").content.decode()

    assert page.count("R-TEST-") == 2
    assert "Published" in page and "Awaiting e-mail confirmation" in page
    assert 'lang="en" dir="ltr">Development aspects of the Internet</a>' in page


def test_nothing_is_shown_before_the_address_is_confirmed(client, consultation):
    user = stakeholder("amina@example.org", confirmed=False)
    response(consultation, "amina@example.org")
    client.force_login(user)

    page = client.get("/account/").content.decode()

    assert "R-TEST-" not in page and "is not confirmed yet" in page


def test_the_page_makes_a_fixed_number_of_queries(client, consultation, amina, django_assert_max_num_queries):
    for _ in range(15):
        response(consultation, "amina@example.org")
    client.force_login(amina)

    with django_assert_max_num_queries(8):
        client.get("/account/")
