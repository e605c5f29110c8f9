"""The fonts documents use for each script, and a check that they are installed.

PDF generation needs real fonts for Arabic, Chinese, Cyrillic and Latin: without
them WeasyPrint silently draws empty boxes. We check with fontconfig when a PDF is
generated and stop with a clear error instead. Debian packages: fonts-noto-core
(Noto Sans, Noto Naskh Arabic) and fonts-noto-cjk (Noto Sans CJK SC).
"""

import shutil
import subprocess
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tashawur.documents.errors import FontConfigMissing, FontMissing


@dataclass(frozen=True)
class ScriptFont:
    script: str  # a translatable name of the script, for the error message
    family: str
    package: str


DEFAULT_FONTS = {
    "latin": ScriptFont(_("Latin and Cyrillic"), "Noto Sans", "fonts-noto-core"),
    "arabic": ScriptFont(_("Arabic"), "Noto Naskh Arabic", "fonts-noto-core"),
    "cjk": ScriptFont(_("Chinese"), "Noto Sans CJK SC", "fonts-noto-cjk"),
}


def document_fonts() -> dict[str, ScriptFont]:
    """The fonts by script; ``settings.DOCUMENT_FONTS`` may name other families."""
    configured = getattr(settings, "DOCUMENT_FONTS", None) or {}
    fonts = dict(DEFAULT_FONTS)
    for key, family in configured.items():
        base = fonts.get(key, ScriptFont(key, family, ""))
        fonts[key] = ScriptFont(base.script, family, base.package)
    return fonts


def installed_families() -> set[str]:
    """Every family name fontconfig knows (a font may declare several, comma-separated)."""
    if shutil.which("fc-list") is None:
        raise FontConfigMissing()
    output = subprocess.run(
        ["fc-list", "--format", "%{family}\n"], capture_output=True, text=True, check=True, timeout=60,
    ).stdout
    return {name.strip() for line in output.splitlines() for name in line.split(",") if name.strip()}


def check_fonts() -> dict[str, ScriptFont]:
    """Raise ``FontMissing`` naming the first family that is not installed."""
    fonts = document_fonts()
    available = installed_families()
    for font in fonts.values():
        if font.family not in available:
            raise FontMissing(family=font.family, script=str(font.script), package=font.package or "—")
    return fonts


def css_font_stack(language: str) -> str:
    """A CSS font-family list that puts the document language's script first."""
    fonts = document_fonts()
    order = {"ar": ("arabic", "latin", "cjk"), "zh": ("cjk", "latin", "arabic")}.get(language, ("latin", "arabic", "cjk"))
    return ", ".join(f'"{fonts[key].family}"' for key in order) + ", sans-serif"
