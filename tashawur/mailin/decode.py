"""Bytes of unknown or doubtful encoding to text: e-mail as stakeholders really send it.

Mail clients label text with a charset, and the label is often wrong or too
narrow: "gb2312" text holds GBK characters, "iso-8859-1" text is really
windows-1256 Arabic or UTF-8, a body has 8-bit bytes and no label at all.
The label is trusted when it decodes the bytes into plausible text; otherwise
the bytes decide (UTF-8 first, then charset-normalizer's guess).
"""

import codecs
import re
from email.header import decode_header

import html2text
from charset_normalizer import from_bytes

# A label mapped to the superset that clients really mean (as browsers do, WHATWG Encoding).
_SUPERSETS = {
    "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
    "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
    "chinese": "gb18030", "csgb2312": "gb18030", "x-euc-cn": "gb18030",
    "big5": "big5hkscs", "x-x-big5": "big5hkscs", "cn-big5": "big5hkscs", "csbig5": "big5hkscs",
    "ks_c_5601-1987": "cp949", "euc-kr": "cp949", "shift_jis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
    "iso-8859-8-i": "iso-8859-8", "x-mac-cyrillic": "mac-cyrillic", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}
_MULTIBYTE = {"utf-8", "gb18030", "big5hkscs", "cp949", "cp932", "euc_jp", "iso2022_jp", "utf-16", "utf-32"}
_SAMPLE = 65536


def codec_for(label: str | None) -> str | None:
    """The Python codec for a MIME charset label, or None when the label is unknown or meaningless."""
    if not label:
        return None
    label = label.strip().strip('"').lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes, trusting the declared charset only when it gives plausible text."""
    if not data:
        return ""
    if data.isascii():
        return data.decode("ascii")
    if _is_utf8(data):  # a legacy text that happens to be valid UTF-8 is vanishingly rare
        return data.decode("utf-8-sig")
    codec = codec_for(declared)
    if codec and codec != "utf-8":
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            text = None
        if text is not None and (codec in _MULTIBYTE or _plausible(data, codec)):
            return text
    return _guess(data, fallback=codec)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _plausible(data: bytes, codec: str) -> bool:
    """A single-byte decoding is plausible unless charset-normalizer finds it chaotic (mojibake)."""
    return from_bytes(data[:_SAMPLE], cp_isolation=[codec]).best() is not None


def _guess(data: bytes, *, fallback: str | None) -> str:
    match = from_bytes(data[:_SAMPLE]).best()
    if match is not None:
        try:
            return data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    if fallback:
        return data.decode(fallback, errors="replace")
    return data.decode("utf-8", errors="replace")


def unsurrogate(text: str) -> str:
    """Text the email package read with surrogate escapes (raw 8-bit bytes) decoded properly."""
    if not any("\udc80" <= character <= "\udcff" for character in text):
        return text
    return decode_bytes(text.encode("ascii", errors="surrogateescape"))


_FOLD = re.compile(r"\r?\n(?=[ \t])")


def decode_header_value(raw: str | None) -> str:
    """A raw header value to text: unfolded, raw 8-bit decoded, RFC 2047 encoded words decoded."""
    if not raw:
        return ""
    value = unsurrogate(_FOLD.sub("", str(raw)))
    if "=?" not in value:
        return value.strip()
    try:
        pieces = decode_header(value)
    except Exception:  # a malformed encoded word is shown as it came
        return value.strip()
    text = "".join(piece if isinstance(piece, str) else decode_bytes(piece, charset) for piece, charset in pieces)
    return text.strip()


def html_to_text(html: str) -> str:
    """The readable text of an HTML-only message: paragraphs and lists kept, markup dropped."""
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    converter.ignore_emphasis = True
    converter.ignore_tables = False
    converter.unicode_snob = True
    lines = [line.rstrip() for line in converter.handle(html).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
