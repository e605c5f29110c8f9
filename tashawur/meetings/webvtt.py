"""A strict reader of WebVTT caption files (W3C WebVTT), whose every refusal names the line at fault.

Captions and their transcripts are how persons with disabilities follow the
meeting (Res. 1336 rule 6), so a file that a player would half-read is refused
here, with the line and the reason, rather than published with cues missing.
Strict means: UTF-8 only, the ``WEBVTT`` header, cue timings
``hh:mm:ss.ttt --> hh:mm:ss.ttt`` (hours may be left out, as the format allows)
where each cue ends after it starts and starts no earlier than the cue before it.
"""

import html
import re
from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tashawur.meetings.errors import InvalidCaptions

MAX_CAPTION_BYTES = 5 * 1024 * 1024  # a day of captions is well under 1 MB

_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
_TIMING = re.compile(r"(?P<start>[^ \t]+)[ \t]+-->[ \t]+(?P<end>[^ \t]+)(?:[ \t]+(?P<settings>.*))?")
_TIMESTAMP = re.compile(r"(?:(?P<hours>\d{2,}):)?(?P<minutes>[0-5]\d):(?P<seconds>[0-5]\d)\.(?P<millis>\d{3})")
_SETTING = re.compile(r"(?:vertical|line|position|size|align|region):[^ \t]+")
_VOICE = re.compile(r"<v(?:\.[^ \t>]*)?[ \t]+(?P<name>[^>]*)>")
_TAG = re.compile(r"<[^>]*>")
_QUOTE_LIMIT = 60


@dataclass(frozen=True)
class Cue:
    number: int  # 1-based position in the file: the transcript's anchor
    identifier: str
    start_ms: int
    end_ms: int
    payload: str  # as written, with WebVTT tags
    line: int  # the line of the cue timing

    @property
    def speaker(self) -> str:
        """The first voice named in the cue (``<v Chair>``), if any."""
        match = _VOICE.search(self.payload)
        return html.unescape(match.group("name").strip()) if match else ""

    @property
    def text(self) -> str:
        """The words of the cue, without tags or character references."""
        return html.unescape(_TAG.sub("", self.payload)).strip()


def format_timestamp(milliseconds: int, *, with_millis: bool = True) -> str:
    """``3723500`` -> ``01:02:03.500`` (or ``01:02:03``)."""
    seconds, millis = divmod(milliseconds, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{text}.{millis:03d}" if with_millis else text


def parse_timestamp(text: str) -> int | None:
    """Milliseconds for a WebVTT timestamp, or None when ``text`` is not one."""
    match = _TIMESTAMP.fullmatch(text)
    if not match:
        return None
    hours = int(match.group("hours") or 0)
    return ((hours * 60 + int(match.group("minutes"))) * 60 + int(match.group("seconds"))) * 1000 + int(
        match.group("millis")
    )


def parse_webvtt(data: bytes, *, max_bytes: int = MAX_CAPTION_BYTES) -> list[Cue]:
    """The cues of a WebVTT file; raises ``InvalidCaptions`` naming the first line that breaks the format."""
    if len(data) > max_bytes:
        raise InvalidCaptions(
            _("The file is %(size)s; a captions file may be at most %(limit)s."),
            size=filesizeformat(len(data)), limit=filesizeformat(max_bytes),
        )
    text = _decode(data)
    if not text.strip():
        raise InvalidCaptions(_("The file is empty: a WebVTT file starts with the line “WEBVTT”."), line=1)
    lines = text.split("\n")
    _check_header(lines)
    return _Reader(lines).cues()


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _normalise_breaks(data[: error.start]).count(b"\n") + 1
        raise InvalidCaptions(
            _("Line %(line)d is not valid UTF-8: a WebVTT file must be saved in UTF-8 encoding."), line=line,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        raise InvalidCaptions(_("Line %(line)d contains a NUL character."), line=text[: text.index("\0")].count("\n") + 1)
    return text


def _normalise_breaks(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def _quote(text: str) -> str:
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1] + "…"


def _check_header(lines: list[str]) -> None:
    if not _HEADER.fullmatch(lines[0]):
        raise InvalidCaptions(
            _("Line %(line)d: a WebVTT file must start with the line “WEBVTT”, not “%(text)s”."),
            line=1, text=_quote(lines[0]),
        )


class _Reader:
    """Blocks separated by blank lines: the header's own lines, then NOTE, STYLE, REGION and cue blocks."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    def blocks(self):
        """(first line number, lines) of each block after the header block."""
        index = 1
        while index < len(self.lines) and self.lines[index].strip():  # the rest of the header block
            if "-->" in self.lines[index]:
                raise InvalidCaptions(
                    _("Line %(line)d: a blank line must separate the “WEBVTT” header from the first cue."),
                    line=index + 1,
                )
            index += 1
        block, start = [], 0
        for number, line in enumerate(self.lines[index:], start=index + 1):
            if line.strip():
                if not block:
                    start = number
                block.append(line)
            elif block:
                yield start, block
                block = []
        if block:
            yield start, block

    def cues(self) -> list[Cue]:
        cues: list[Cue] = []
        for start, block in self.blocks():
            first = block[0]
            if re.match(r"NOTE(?:[ \t]|$)", first):
                self._check_no_arrow(start, block, _(
                    "Line %(line)d: a NOTE block may not contain “-->”; is a blank line missing after it?"
                ))
            elif re.match(r"(?:STYLE|REGION)[ \t]*$", first):
                if cues:
                    raise InvalidCaptions(
                        _("Line %(line)d: STYLE and REGION blocks must come before the first cue."), line=start,
                    )
            else:
                cues.append(self._cue(start, block, number=len(cues) + 1, previous=cues[-1] if cues else None))
        if not cues:
            raise InvalidCaptions(_("Line %(line)d: the file ends without a single cue."), line=len(self.lines))
        return cues

    @staticmethod
    def _check_no_arrow(start: int, lines: list[str], message) -> None:
        for offset, line in enumerate(lines):
            if "-->" in line:
                raise InvalidCaptions(message, line=start + offset)

    def _cue(self, start: int, block: list[str], *, number: int, previous: Cue | None) -> Cue:
        identifier = ""
        if "-->" not in block[0]:
            identifier = block[0]
            if len(block) < 2 or "-->" not in block[1]:
                raise InvalidCaptions(
                    _("Line %(line)d: “%(text)s” is neither a cue timing (hh:mm:ss.ttt --> hh:mm:ss.ttt) nor a cue "
                      "identifier followed by one."),
                    line=start, text=_quote(block[0]),
                )
            start, block = start + 1, block[1:]
        start_ms, end_ms = _timing(block[0], start)
        if start_ms >= end_ms:
            raise InvalidCaptions(
                _("Line %(line)d: the cue ends at %(end)s, which is not after its start at %(start)s."),
                line=start, start=format_timestamp(start_ms), end=format_timestamp(end_ms),
            )
        if previous and start_ms < previous.start_ms:
            raise InvalidCaptions(
                _("Line %(line)d: the cue starts at %(start)s, before the cue of line %(previous_line)d "
                  "(%(previous)s); cues must be in the order of their start times."),
                line=start, start=format_timestamp(start_ms), previous=format_timestamp(previous.start_ms),
                previous_line=previous.line,
            )
        self._check_no_arrow(start + 1, block[1:], _(
            "Line %(line)d: cue text may not contain “-->”; is a blank line missing before this cue?"
        ))
        return Cue(number=number, identifier=identifier.strip(), start_ms=start_ms, end_ms=end_ms,
                   payload="\n".join(block[1:]), line=start)


def _timing(line_text: str, line: int) -> tuple[int, int]:
    match = _TIMING.fullmatch(line_text.strip())
    if not match:
        raise InvalidCaptions(
            _("Line %(line)d: “%(text)s” is not a cue timing in the form hh:mm:ss.ttt --> hh:mm:ss.ttt."),
            line=line, text=_quote(line_text),
        )
    times = []
    for part in ("start", "end"):
        value = parse_timestamp(match.group(part))
        if value is None:
            raise InvalidCaptions(
                _("Line %(line)d: “%(text)s” is not a timestamp in the form hh:mm:ss.ttt (for example 00:01:02.500)."),
                line=line, text=_quote(match.group(part)),
            )
        times.append(value)
    for setting in (match.group("settings") or "").split():
        if not _SETTING.fullmatch(setting):
            raise InvalidCaptions(
                _("Line %(line)d: “%(text)s” is not a cue setting (vertical, line, position, size, align or region)."),
                line=line, text=_quote(setting),
            )
    return times[0], times[1]
