"""The milestone-progress chart of the quarterly briefing: server-side SVG (no script, no CDN), which WeasyPrint
draws in the PDF and a browser shows in the preview.

One horizontal bar per project: the share of its milestones done by the quarter's end, with the count written
beside it. Names are escaped; the layout is fixed so the chart fits the 156mm 版心.
"""

from django.utils.html import escape

WIDTH, ROW, LEFT, BAR = 560, 28, 210, 260


def milestone_chart(rows: list[dict]) -> str:
    """`rows`: [{"name", "done", "total"}]. Returns an <svg> element as text."""
    height = 30 + ROW * max(len(rows), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        'role="img" aria-label="项目节点完成情况" font-family="Noto Sans CJK SC, sans-serif" font-size="12">',
        f'<text x="{LEFT}" y="14" fill="#333">节点完成比例（0—100%）</text>',
        f'<line x1="{LEFT}" y1="20" x2="{LEFT}" y2="{height - 4}" stroke="#999" stroke-width="1"/>',
    ]
    if not rows:
        parts.append(f'<text x="{LEFT + 8}" y="42" fill="#666">本季度无项目节点</text>')
    for n, row in enumerate(rows):
        y = 26 + n * ROW
        total, done = row["total"], row["done"]
        share = done / total if total else 0
        name = escape(row["name"] if len(row["name"]) <= 15 else row["name"][:14] + "…")
        parts.append(f'<text x="{LEFT - 6}" y="{y + 15}" text-anchor="end" fill="#000">{name}</text>')
        parts.append(f'<rect x="{LEFT}" y="{y + 3}" width="{BAR}" height="16" fill="#e8eef5"/>')
        parts.append(f'<rect x="{LEFT}" y="{y + 3}" width="{round(BAR * share, 1)}" height="16" fill="#1f5fa8"/>')
        parts.append(
            f'<text x="{LEFT + BAR + 8}" y="{y + 15}" fill="#000">{done}/{total}（{round(share * 100)}%）</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
