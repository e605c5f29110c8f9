"""Limited rich text in answers: HTML a client sends is sanitised with nh3, and read as plain text.

Only paragraphs, line breaks, emphasis, lists and links survive; links get
``rel="noopener nofollow"`` so a published response cannot lend its page's
reputation to spam, nor reach back into the page that opened it.
"""

import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener nofollow"

_BLOCKS = {"p", "ul", "ol"}


def sanitise_html(html: str) -> str:
    """The HTML with only the allowed tags and attributes; scripts and styles are dropped with their content."""
    return nh3.clean(
        html or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=LINK_REL,
    ).strip()


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "a":
            self._href, self._link_text = dict(attrs).get("href"), []

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self._href is not None:
            # The address is part of what the respondent said: keep it in the text for readers and exports.
            if self._href not in "".join(self._link_text):
                self.parts.append(f" ({self._href})")
            self._href = None

    def handle_data(self, data):
        self.parts.append(data)
        if self._href is not None:
            self._link_text.append(data)


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML: paragraphs on their own lines, list items with a dash."""
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    lines = [" ".join(line.split()) for line in "".join(collector.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
