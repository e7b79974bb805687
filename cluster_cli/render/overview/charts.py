"""The overview's charts, drawn at build time as inline SVG: bar charts by pygal (no script,
no web font, no link out), the placements timeline as a plain SVG of its own (pygal has no
time axis of bars). Each chart is a string of `<svg …>` ready to put into a page."""

from __future__ import annotations

import re
from datetime import date
from html import escape

_GENERATED = re.compile(r"<!--.*?-->|<script.*?</script>", re.S)  # comments; pygal's config for its JS
_UUID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

COLOURS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096")


def _style():
    from pygal.style import Style

    return Style(background="white", plot_background="white", colors=COLOURS,
                 font_family="system-ui, sans-serif", label_font_size=12, major_label_font_size=12,
                 legend_font_size=12, title_font_size=14, value_font_size=11)


def _finish(chart, name: str) -> str:
    """The chart's SVG, the same on every build: no generator comments, a stable id."""
    svg = chart.render(is_unicode=True)
    return _UUID.sub(f"chart-{name}", _GENERATED.sub("", svg))


def bars(name: str, title: str, labels: list[str], series: list[tuple[str, list]],
         horizontal: bool = True, stacked: bool = False, formatter=None) -> str:
    """A bar chart: one bar per label and series (`None` for no value); `formatter` writes a
    value (an amount as the user's language does)."""
    import pygal

    kind = {(True, False): pygal.HorizontalBar, (True, True): pygal.HorizontalStackedBar,
            (False, False): pygal.Bar, (False, True): pygal.StackedBar}[(horizontal, stacked)]
    height = max(220, 60 + 28 * len(labels) * (1 if stacked else max(1, len(series)))) if horizontal else 320
    chart = kind(js=[], disable_xml_declaration=True, explicit_size=False, width=640, height=height,
                 style=_style(), legend_at_bottom=True, print_values=True, print_zeroes=False,
                 truncate_label=-1, truncate_legend=-1, show_y_guides=False if horizontal else True)
    if formatter is not None:
        chart.value_formatter = formatter
    chart.title = title
    chart.x_labels = labels
    for label, values in series:
        chart.add(label, values)
    return _finish(chart, name)


def timeline(name: str, rows: list[tuple[str, list[tuple[date, date, str, str]]]], start: date, end: date,
             today: date, month_labels: list[tuple[date, str]]) -> str:
    """Rows of bars along the time axis: (row label, [(start, end, colour, tooltip)]), with the
    months marked and a line at the as-of date."""
    label_w, width, row_h, top = 150, 640, 22, 24
    span = max(1, (end - start).days)
    height = top + row_h * len(rows) + 8

    def x(day: date) -> float:
        clipped = min(max(day, start), end)
        return label_w + (width - label_w - 8) * (clipped - start).days / span

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" id="chart-{escape(name)}" '
           f'viewBox="0 0 {width} {height}" role="img" font-family="system-ui, sans-serif" font-size="11">']
    step = max(1, -(-len(month_labels) * 52 // (width - label_w)))  # labels ~50 px wide never overlap
    for i, (day, text) in enumerate(month_labels):
        out.append(f'<line x1="{x(day):.1f}" y1="{top - 6}" x2="{x(day):.1f}" y2="{height}" stroke="#e2e8f0"/>')
        if i % step == 0 and x(day) + 52 <= width:  # a label that would run off the chart is left out
            out.append(f'<text x="{x(day) + 2:.1f}" y="{top - 10}" fill="#4a5568">{escape(text)}</text>')
    for i, (label, bars_) in enumerate(rows):
        y = top + i * row_h
        out.append(f'<text x="4" y="{y + 15}" fill="#1a202c">{escape(label)}</text>')
        for first, last, colour, tip in bars_:
            x0, x1 = x(first), x(last)
            out.append(f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(2.0, x1 - x0):.1f}" height="{row_h - 8}" '
                       f'rx="3" fill="{colour}"><title>{escape(tip)}</title></rect>')
    out.append(f'<line x1="{x(today):.1f}" y1="{top - 6}" x2="{x(today):.1f}" y2="{height}" '
               f'stroke="#e53e3e" stroke-width="1.5"/></svg>')
    return "".join(out)
