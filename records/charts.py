"""Server-rendered SVG charts: geometry only, drawn by templates/records/_charts.html.

A small module of our own rather than a charting library: the charts are a line over
time and rows of bars, and what they must satisfy (no JavaScript, the strict CSP with no
inline style, readable at 360 px and in dark mode, a table of the same numbers for
screen readers) is easiest to meet by emitting plain SVG elements with classes that the
stylesheets colour. Coordinates are in a fixed viewBox; the SVG scales to its box.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 10, 22  # room for the y labels and the x dates


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    day: dt.date
    value: Decimal
    label: str  # what the dot's tooltip and the table say, e.g. "12 Nov 2026: 102.5 kg"

    # Coordinates as the SVG writes them: formatted here once, not by template filters
    # (a few hundred floatformat calls were most of the page's time).
    @property
    def day_text(self) -> str:
        return f"{self.day:%-d %b %Y}"

    @property
    def cx(self) -> str:
        return f"{self.x:.1f}"

    @property
    def cy(self) -> str:
        return f"{self.y:.1f}"


@dataclass(frozen=True)
class Tick:
    y: float
    label: str

    @property
    def cy(self) -> str:
        return f"{self.y:.1f}"


@dataclass
class LineChart:
    title: str
    unit: str
    per: str = "workout"  # what one point stands for: a workout, or a week's / month's best
    points: list[Point] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    first_day: str = ""
    last_day: str = ""
    width: int = WIDTH
    height: int = HEIGHT

    # The dots and the screen-reader table's rows are joined here rather than by a
    # template loop: 100 points x 3 charts were some 3,000 template lookups, half of the
    # exercise page's time. Coordinates are numbers formatted above; every text is
    # escaped.
    @property
    def dots(self) -> SafeString:
        return mark_safe("".join(
            f'<circle class="chart-dot" cx="{p.cx}" cy="{p.cy}" r="2.5"><title>{escape(p.label)}</title></circle>'
            for p in self.points))

    @property
    def table_rows(self) -> SafeString:
        return mark_safe("".join(f"<tr><td>{escape(p.day_text)}</td><td>{escape(str(p.value))}</td></tr>"
                                 for p in self.points))

    @property
    def path(self) -> str:
        return " ".join(("M" if i == 0 else "L") + f"{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))

    @property
    def plot_left(self) -> int:
        return LEFT

    @property
    def plot_right(self) -> int:
        return WIDTH - RIGHT

    @property
    def baseline(self) -> int:
        return HEIGHT - BOTTOM


def _nice_step(span: float) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about three gridlines."""
    raw = span / 3 or 1
    power = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * power:
            return multiple * power
    return 10 * power


def _number(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def line_chart(*, title: str, unit: str, series: list[tuple[dt.date, Decimal]], per: str = "workout") -> LineChart:
    """One point per day, in date order. x is proportional to time, so gaps between
    workouts show as gaps; y runs from a round number below the lowest value."""
    chart = LineChart(title=title, unit=unit, per=per)
    if not series:
        return chart
    values = [float(v) for _, v in series]
    low, high = min(values), max(values)
    step = _nice_step(high - low if high > low else max(high, 1))
    bottom = max(0.0, (low // step) * step if high > low else low - step)
    top = bottom + step * max(1, -(-(high - bottom) // step))
    first, last = series[0][0], series[-1][0]
    days = max((last - first).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - (value - bottom) / (top - bottom))

    for day, value in series:
        x = LEFT + (plot_w * (day - first).days / days if len(series) > 1 else plot_w / 2)
        chart.points.append(Point(x=x, y=y_of(float(value)), day=day, value=value,
                                  label=f"{day:%-d %b %Y}: {_number(float(value))} {unit}"))
    tick = bottom
    while tick <= top + step / 1000:
        chart.ticks.append(Tick(y=y_of(tick), label=_number(tick)))
        tick += step
    chart.first_day, chart.last_day = f"{first:%-d %b %Y}", f"{last:%-d %b %Y}"
    return chart


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass
class BarRow:
    name: str
    total: int
    bars: list[Bar]
    counts: list[int]
    y: int = 0  # the row's top, where its labels sit

    @property
    def svg_bars(self) -> SafeString:
        """The row's bars, joined here like a line chart's dots (12 bars x 4 coordinates
        through template filters were most of the calendar's time)."""
        return mark_safe("".join(
            f'<rect class="chart-bar" x="{b.x:.1f}" y="{b.y:.1f}" width="{b.width:.1f}" height="{b.height:.1f}">'
            f"<title>{escape(b.label)}</title></rect>" for b in self.bars))

    @property
    def cells(self) -> SafeString:
        return mark_safe("".join(f"<td>{int(n)}</td>" for n in self.counts))


@dataclass
class BarRows:
    """Rows of bars sharing one scale: a muscle group per row, a week per bar."""
    title: str
    columns: list[str]  # the column headings (week start dates)
    rows: list[BarRow]
    width: int = WIDTH
    row_height: int = 28

    @property
    def height(self) -> int:
        return self.row_height * len(self.rows) + 4


def bar_rows(*, title: str, columns: list[str], rows: list[tuple[str, list[int]]]) -> BarRows:
    label_w, gap = 96, 2
    highest = max((c for _, counts in rows for c in counts), default=0) or 1
    bar_w = (WIDTH - label_w - 36) / max(len(columns), 1) - gap
    out = BarRows(title=title, columns=columns, rows=[])
    for index, (name, counts) in enumerate(rows):
        top = index * out.row_height + 4
        bars = []
        for column, count in enumerate(counts):
            h = (out.row_height - 8) * count / highest
            bars.append(Bar(x=label_w + column * (bar_w + gap), y=top + out.row_height - 8 - h, width=bar_w,
                            height=h, label=f"{name}, week of {columns[column]}: {count} sets"))
        out.rows.append(BarRow(name=name, total=sum(counts), bars=bars, counts=counts, y=index * out.row_height))
    return out
