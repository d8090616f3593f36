"""The map of the system as an SVG drawn from data/system-map.yml: a box per body or list, each a
link to the page that explains it, and an arrow per documented flow. It is followed by the same
content in words (boxes and flows, each with its sources), for screen readers and for print."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable

from sourcing.system_map import COLUMNS, Node, SystemMap

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 220, 78, 130, 74, 10


def _box(node: Node) -> tuple[float, float]:
    """The top-left corner of a node's box."""
    return MARGIN + (node.column - 1) * (BOX_W + GAP_X), MARGIN + (node.row - 1) * (BOX_H + GAP_Y)


def _anchor(node: Node, towards: Node) -> tuple[float, float]:
    """Where an arrow leaves or reaches `node`'s box: the middle of the side facing `towards`."""
    x, y = _box(node)
    if towards.row != node.row:
        return x + BOX_W / 2, (y + BOX_H) if towards.row > node.row else y
    return (x + BOX_W) if towards.column > node.column else x, y + BOX_H / 2


def map_html(system: SystemMap, link: Callable[[str], str], cite: Callable[[tuple[str, ...]], str]) -> str:
    """The map as an HTML figure: `link(page)` gives a page's address from this page, `cite(keys)`
    a formatted citation."""
    rows = max(n.row for n in system.nodes.values())
    width = 2 * MARGIN + COLUMNS * BOX_W + (COLUMNS - 1) * GAP_X
    height = 2 * MARGIN + rows * BOX_H + (rows - 1) * GAP_Y
    parts = [
        f'<svg class="system-map__drawing" viewBox="0 0 {width} {height}" aria-labelledby="system-map-title system-map-desc">',
        '<title id="system-map-title">Who runs what in China\'s social credit system</title>',
        (
            '<desc id="system-map-desc">Boxes for the bodies and lists of the system, arrows for the documented flows '
            "of data and penalties; the same is listed in words below the map.</desc>"
        ),
        (
            '<defs><marker id="system-map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>'
        ),
    ]
    for edge in system.edges:
        a, b = system.nodes[edge.source], system.nodes[edge.target]
        (x1, y1), (x2, y2) = _anchor(a, b), _anchor(b, a)
        parts.append(
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="currentColor" stroke-width="1.5" '
            'marker-end="url(#system-map-arrow)"/>'
        )
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        if y1 == y2:  # across: the words above the arrow, in the gap between the boxes
            lines = textwrap.wrap(edge.label, 18)
            parts += [
                f'<text x="{mx:.0f}" y="{my - 8 - (len(lines) - 1 - n) * 13:.0f}" text-anchor="middle" class="system-map__flow">'
                f"{html.escape(line)}</text>"
                for n, line in enumerate(lines)
            ]
        else:  # down: the words beside the arrow
            parts += [
                f'<text x="{mx + 8:.0f}" y="{my - 4 + n * 13:.0f}" class="system-map__flow">{html.escape(line)}</text>'
                for n, line in enumerate(textwrap.wrap(edge.label, 24))
            ]
    for node in system.nodes.values():
        x, y = _box(node)
        dash = ' stroke-dasharray="6 4"' if node.outside else ""
        lines = [(html.escape(t), "system-map__label") for t in textwrap.wrap(node.label, 27)]
        lines += [(html.escape(t), "system-map__detail") for t in textwrap.wrap(node.detail, 34)]
        if node.outside:
            lines.append(("outside the state system", "system-map__detail"))
        top = y + BOX_H / 2 - (len(lines) - 1) * 7.5
        # a space between the lines, or their text runs together ("sectorregulators") for assistive
        # technology, and no longer matches the link's name
        text = " ".join(
            f'<text x="{x + BOX_W / 2:.0f}" y="{top + n * 15:.0f}" text-anchor="middle" class="{cls}">{t}</text>'
            for n, (t, cls) in enumerate(lines)
        )
        # the link's name is the box's whole visible text (WCAG 2.5.3, label in name), in one line
        words = " ".join(filter(None, [node.label, node.detail, "outside the state system" if node.outside else ""]))
        parts.append(
            f'<a href="{html.escape(link(node.page), quote=True)}" aria-label="{html.escape(words, quote=True)}">'
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" class="system-map__box" stroke="currentColor"{dash}/>'
            f"{text}</a>"
        )
    parts.append("</svg>")
    nodes = "".join(
        f'<li><a href="{html.escape(link(n.page), quote=True)}">{html.escape(n.label)}</a>'
        f"{': ' + html.escape(n.detail) if n.detail else ''}{' (outside the state system)' if n.outside else ''} {cite(n.sources)}</li>"
        for n in sorted(system.nodes.values(), key=lambda n: (n.row, n.column))
    )
    flows = "".join(
        f"<li>{html.escape(system.nodes[e.source].label)} → {html.escape(system.nodes[e.target].label)}: "
        f"{html.escape(e.label)} {cite(e.sources)}</li>"
        for e in system.edges
    )
    return (
        '<figure class="system-map">\n' + "\n".join(parts) + "\n"
        "<figcaption>Who runs what, and the flows of data and penalties that sources document. "
        "Each box links to the page that explains it.</figcaption>\n"
        '<details class="system-map__words"><summary>The map in words</summary>\n'
        f"<p>The parts:</p><ul>{nodes}</ul>\n<p>The flows:</p><ul>{flows}</ul>\n</details>\n</figure>\n"
    )
