"""Summary statistics of a compiled report: who contributed, from which group, by which channel.

Seed 001's table of contributions by stakeholder group and channel, with the
language of each response as a third axis. Pure data plus an SVG bar drawing;
the labels are left to the HTML around it, because WeasyPrint does not shape
Arabic text inside SVG.
"""

from collections import Counter
from dataclasses import dataclass, field

from tashawur.responses.models import Channel, StakeholderGroup

NOT_STATED = ""
CHART_COLOURS = {  # colour-blind-safe (Okabe–Ito), one per channel
    Channel.WEB: "#0072B2",
    Channel.EMAIL: "#E69F00",
    Channel.ORAL: "#009E73",
    Channel.API: "#CC79A7",
}


@dataclass
class Statistics:
    """Counts of responses by stakeholder group × channel × language."""

    cells: Counter = field(default_factory=Counter)  # (group, channel, language) -> count

    def add(self, stakeholder_group: str, channel: str, language: str) -> None:
        self.cells[(stakeholder_group or NOT_STATED, channel, language or NOT_STATED)] += 1

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    @property
    def groups(self) -> list[str]:
        present = {key[0] for key in self.cells}
        ordered = [value for value in StakeholderGroup.values if value in present]
        return ordered + ([NOT_STATED] if NOT_STATED in present else [])

    @property
    def channels(self) -> list[str]:
        present = {key[1] for key in self.cells}
        return [value for value in Channel.values if value in present]

    @property
    def languages(self) -> list[str]:
        counts = Counter()
        for (_group, _channel, language), count in self.cells.items():
            counts[language] += count
        return sorted(counts, key=lambda code: (code == NOT_STATED, -counts[code], code))

    def count(self, *, group=None, channel=None, language=None) -> int:
        return sum(
            n for (g, c, lang), n in self.cells.items()
            if (group is None or g == group) and (channel is None or c == channel)
            and (language is None or lang == language)
        )

    def rows(self) -> list[dict]:
        """One row per stakeholder group: counts by channel, by language, and the total."""
        return [
            {
                "group": group,
                "by_channel": [self.count(group=group, channel=channel) for channel in self.channels],
                "by_language": [self.count(group=group, language=language) for language in self.languages],
                "total": self.count(group=group),
            }
            for group in self.groups
        ]

    def detail(self) -> list[tuple[str, str, str, int]]:
        """Every non-empty cell of the three-way table, in the order of the rows."""
        return [
            (group, channel, language, self.cells[(group, channel, language)])
            for group in self.groups for channel in self.channels for language in self.languages
            if self.cells[(group, channel, language)]
        ]

    def totals_by_channel(self) -> list[int]:
        return [self.count(channel=channel) for channel in self.channels]

    def totals_by_language(self) -> list[int]:
        return [self.count(language=language) for language in self.languages]


def bar_svg(statistics: Statistics, group: str, *, width: int = 260, height: int = 14, title: str = "") -> str:
    """One stacked bar (channels) for a stakeholder group, scaled to the largest group."""
    largest = max((statistics.count(group=g) for g in statistics.groups), default=0) or 1
    x = 0.0
    rects = []
    for channel in statistics.channels:
        count = statistics.count(group=group, channel=channel)
        if not count:
            continue
        w = width * count / largest
        rects.append(
            f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="{height}" fill="{CHART_COLOURS.get(channel, "#555")}"/>'
        )
        x += w
    label = f"<title>{title}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-hidden="true">{label}{"".join(rects)}</svg>'
    )


def swatch_svg(channel: str, size: int = 10) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="swatch" width="{size}" height="{size}" aria-hidden="true">'
        f'<rect width="{size}" height="{size}" fill="{CHART_COLOURS.get(channel, "#555")}"/></svg>'
    )
