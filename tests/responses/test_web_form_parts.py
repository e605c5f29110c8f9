"""The pieces of the web form that need no page: rich text, client addresses, limits, country names."""

import pycountry
import pytest
from django.core.cache import cache

from tashawur.responses.forms import country_choices
from tashawur.responses.ratelimit import RateLimit, client_address
from tashawur.responses.richtext import html_to_text, sanitise_html


def test_sanitising_keeps_only_simple_formatting_and_marks_links():
    html = (
        '<h1 style="color:red">Title</h1><p onclick="x()">One<br>two <img src="x.png"></p>'
        '<a href="javascript:alert(1)">bad</a> <a href="mailto:a@example.org" target="_blank">mail</a>'
        "<style>p{}</style><iframe src='https://example.org'></iframe>"
    )

    assert sanitise_html(html) == (
        'Title<p>One<br>two </p><a rel="noopener nofollow">bad</a> '
        '<a href="mailto:a@example.org" rel="noopener nofollow">mail</a>'
    )


def test_plain_text_of_html_keeps_paragraphs_lists_and_link_addresses():
    html = '<p>A &amp; B</p><ol><li>one</li><li>two</li></ol><p><a href="https://example.org">https://example.org</a></p>'

    assert html_to_text(html) == "A & B\n\n- one\n- two\n\nhttps://example.org"


@pytest.mark.parametrize(
    "meta, proxies, expected",
    [
        ({"REMOTE_ADDR": "203.0.113.7"}, 0, "203.0.113.7"),
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}, 0, "10.0.0.1"),  # not trusted
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 198.51.100.9"}, 1, "198.51.100.9"),
        ({"REMOTE_ADDR": "2001:db8:1:2:3:4:5:6"}, 0, "2001:db8:1:2::/64"),
        ({"REMOTE_ADDR": "::ffff:192.0.2.1"}, 0, "192.0.2.1"),
        ({}, 0, "unknown"),
    ],
)
def test_the_client_is_the_connection_or_the_address_the_trusted_proxy_saw(meta, proxies, expected):
    assert client_address(meta, proxies=proxies) == expected


def test_a_rate_limit_counts_per_identity_and_per_window():
    cache.clear()
    limit = RateLimit("test", 2, window=3600)
    start = 7200.0

    assert limit.retry_after("a", now=start) is None
    limit.hit("a", now=start)
    limit.hit("a", now=start + 10)

    assert limit.retry_after("a", now=start + 600) == 3000
    assert limit.retry_after("b", now=start + 600) is None
    assert limit.retry_after("a", now=start + 3600) is None  # a new hour
    assert RateLimit("test", 0).retry_after("a", now=start) is None  # 0: no limit


@pytest.mark.parametrize(
    "language, code, name",
    [("ar", "TN", "تونس"), ("zh", "FR", "法国"), ("fr", "EG", "Égypte"), ("ru", "RU", "Россия"), ("es", "ES", "España")],
)
def test_countries_are_named_in_the_page_language(language, code, name):
    assert dict(country_choices(language))[code] == name


def test_countries_sort_by_letter_ignoring_accents_and_leave_out_regions():
    codes = [code for code, _name in country_choices("fr")]
    names = [name for _code, name in country_choices("fr")]

    assert names.index("Égypte") < names.index("Érythrée") < names.index("Espagne")
    assert names.index("Égypte") > names.index("Dominique")
    assert "001" not in codes and "EU" not in codes and "UN" not in codes
    assert len(codes) == len(pycountry.countries)  # every ISO 3166-1 country, none missing
