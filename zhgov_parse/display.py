"""HTML views for notebooks: a report laid out as the official template, a batch as a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from . import schema
from .plots import OUTCOMES

if TYPE_CHECKING:
    from .batch import Batch
    from .report import Report

TITLES = {
    "active_disclosure": "二、主动公开政府信息情况",
    "application_handling": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
}
STYLE = """<style>
.zhgov{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:13px;color:#222}
.zhgov table{border-collapse:collapse;margin:4px 0 12px 0}
.zhgov th,.zhgov td{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
.zhgov th{background:#f3f3f3;font-weight:600;text-align:center}
.zhgov td.num{text-align:right;font-variant-numeric:tabular-nums;min-width:3em}
.zhgov td.na{color:#999;font-style:italic;text-align:center;
  background:repeating-linear-gradient(45deg,#fafafa,#fafafa 4px,#f0f0f0 4px,#f0f0f0 8px)}
.zhgov td.error{background:#fdd;outline:2px solid #c00}
.zhgov td.warning{background:#fff3cd}
.zhgov td.info{background:#eef5ff}
.zhgov code{font-size:11px;color:#666}
.zhgov .sev-error{color:#b00;font-weight:600}.zhgov .sev-warning{color:#a60}.zhgov .sev-info{color:#557}
.zhgov h3{margin:6px 0}.zhgov h4{margin:10px 0 2px 0}
</style>"""
_RANK = {"info": 1, "warning": 2, "error": 3}


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6g}" if isinstance(value, float) else escape(str(value))


def _marks(findings: Iterable[Any]) -> dict[tuple[str, str | None, str | None], tuple[str, list[str]]]:
    """(table, row, column) → (worst severity, messages) for the cells findings point at."""
    marks: dict[tuple[str, str | None, str | None], tuple[str, list[str]]] = {}
    for f in findings:
        if not f.table:
            continue
        key = (f.table, f.row, f.column)
        severity, messages = marks.get(key, ("info", []))
        if _RANK[f.severity] > _RANK[severity]:
            severity = f.severity
        marks[key] = (severity, [*messages, f"[{f.code}] {f.message}"])
    return marks


def _cell(table: str, row: str, column: str, value: Any, marks: dict) -> str:
    hits = [marks[k] for k in ((table, row, column), (table, row, None), (table, None, column)) if k in marks]
    css = []
    title = ""
    if hits:
        worst = max((h[0] for h in hits), key=_RANK.__getitem__)
        css.append(worst)
        title = " title='" + escape("\n".join(m for h in hits for m in h[1])[:600], quote=True) + "'"
    if value is None or value != value:  # NA
        css.append("na")
        return f"<td class='{' '.join(css)}'{title}>NA</td>"
    css.append("num")
    return f"<td class='{' '.join(css)}'{title}>{_number(value)}</td>"


def report_html(report: Report) -> str:
    """The report as HTML: metadata, the three tables in the template's layout, the findings."""
    m = report.meta
    template = m.get("template") if m.get("template") in schema.TEMPLATES else "2021"
    values = {(c.table, c.row, c.column): c.value for c in report._cells}
    findings = report.finding_list
    marks = _marks(findings)
    head = escape(f"{m.get('agency') or '（机关未注明）'} {m.get('year') or ''}")
    parts = [STYLE, "<div class='zhgov'>", f"<h3>{head} 政府信息公开工作年度报告</h3>"]
    parts.append(
        "<table><tr>"
        + "".join(f"<th>{escape(k)}</th>" for k in m)
        + "</tr><tr>"
        + "".join(f"<td>{escape(str(v))}</td>" for v in m.values())
        + "</tr></table>"
    )
    for table, title in TITLES.items():
        rows = schema.rows(table, template)
        columns = schema.columns(table, template)
        present = any(k[0] == table for k in values)
        parts.append(f"<h4>{escape(title)} <code>{table}</code></h4>")
        if not present:
            parts.append("<p><i>not found in this report</i></p>")
            continue
        header = "".join(f"<th>{escape(label)}<br><code>{code}</code></th>" for code, label in columns)
        parts.append(f"<table><tr><th>项目 <code>row</code></th>{header}</tr>")
        for code, label in rows:
            cols = {c for c, _ in schema.columns(table, template, code)}
            cells = "".join(
                _cell(table, code, c, values.get((table, code, c)), marks)
                if c in cols
                else "<td style='background:#f7f7f7'></td>"
                for c, _ in columns
            )
            parts.append(
                f"<tr><th style='text-align:left'>{escape(label)}<br><code>{code}</code></th>{cells}</tr>"
            )
        parts.append("</table>")
    parts.append(f"<h4>Findings ({len(findings)})</h4>")
    if findings:
        parts.append("<table><tr><th>severity</th><th>code</th><th>where</th><th>message</th></tr>")
        for f in findings:
            where = "/".join(x for x in (f.table, f.row, f.column) if x)
            parts.append(
                f"<tr><td class='sev-{f.severity}'>{f.severity}</td><td><code>{f.code}</code></td>"
                f"<td><code>{escape(where)}</code></td><td>{escape(f.message)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</div>")
    return "".join(parts)


def batch_html(batch: Batch) -> str:
    """A batch at a glance: reports, failures by reason, findings by code."""
    parts = [
        STYLE,
        "<div class='zhgov'>",
        f"<h3>{len(batch.reports)} reports, {len(batch.errors)} failed</h3>",
    ]
    parts.append(
        _counts("Failures by reason", Counter(batch.errors["error_type"]) if len(batch.errors) else Counter())
    )
    parts.append(
        _counts("Findings by code", Counter(batch.findings["code"]) if len(batch.findings) else Counter())
    )
    if len(batch.reports):
        by = batch.reports.groupby(["template", "source_format"], dropna=False).size()
        parts.append(
            _counts("Reports by template and format", Counter({f"{a} / {b}": n for (a, b), n in by.items()}))
        )
    parts.append("</div>")
    return "".join(parts)


def _counts(title: str, counts: Counter[str]) -> str:
    if not counts:
        return f"<h4>{escape(title)}</h4><p><i>none</i></p>"
    rows = "".join(
        f"<tr><td><code>{escape(str(k))}</code></td><td class='num'>{n:,}</td></tr>"
        for k, n in counts.most_common()
    )
    return f"<h4>{escape(title)}</h4><table>{rows}</table>"


def _png(fig: Any) -> str:
    import base64
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=90)
    return "<img alt='plot' src='data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode() + "'>"


def _summary_plots(summary: Any) -> str:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import pandas as pd
    except ImportError:
        return "<p><i>plots need matplotlib: pip install 'zhgov_parse[plot]'</i></p>"
    out = []
    if summary.outcomes:
        table = pd.Series(summary.outcomes).unstack(fill_value=0)
        table = table[[c for c in OUTCOMES if c in table]]
        table = table.div(table.sum(axis=1).where(lambda x: x > 0), axis=0)
        fig, ax = plt.subplots(figsize=(7, 3.5))
        table.plot.bar(stacked=True, ax=ax, rot=0)
        ax.set_title("Handling outcomes by year (share)")
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1, 1))
        out.append(_png(fig))
        plt.close(fig)
    if summary.finding_counts:
        counts = pd.Series(summary.finding_counts).sort_values().tail(15)
        fig, ax = plt.subplots(figsize=(7, 0.3 * len(counts) + 1.2))
        counts.plot.barh(ax=ax)
        ax.set_title("Findings by code")
        out.append(_png(fig))
        plt.close(fig)
    return "".join(out)


def conversion_report(summary: Any, inputs: int) -> str:
    """A self-contained HTML page about one conversion: inputs, failures, findings, plots."""
    parsed = summary.counts["reports"]
    failed = summary.counts["errors"]
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>zhgov-parse conversion</title>",
        STYLE,
        "</head><body><div class='zhgov'><h3>Conversion report</h3>",
        "<table><tr><th>inputs</th><th>parsed</th><th>failed</th><th>cells</th><th>findings</th></tr><tr>"
        + "".join(
            f"<td class='num'>{n:,}</td>"
            for n in (inputs, parsed, failed, summary.counts["cells"], summary.counts["findings"])
        )
        + "</tr></table>",
        "<h4>Failed inputs by reason</h4>",
    ]
    if summary.failures:
        parts.append("<table><tr><th>reason</th><th>inputs</th><th>examples</th></tr>")
        for reason, items in sorted(summary.failures.items(), key=lambda kv: -len(kv[1])):
            examples = "<br>".join(
                f"<code>{escape(src)}</code>: {escape(msg[:160])}" for src, msg in items[:3]
            )
            row = (
                f"<td><code>{escape(reason)}</code></td><td class='num'>{len(items)}</td><td>{examples}</td>"
            )
            parts.append(f"<tr>{row}</tr>")
        parts.append("</table>")
    else:
        parts.append("<p><i>none</i></p>")
    breaks = summary.finding_counts.get("identity_broken", 0)
    parts.append(f"<h4>Identity breaks: {breaks:,}</h4>")
    parts.append("<h4>Findings by code</h4>")
    if summary.finding_counts:
        parts.append("<table><tr><th>code</th><th>findings</th><th>examples</th></tr>")
        for code, n in sorted(summary.finding_counts.items(), key=lambda kv: -kv[1]):
            examples = "<br>".join(
                f"<code>{escape(rid)}</code>: {escape(msg[:160])}"
                for rid, msg in summary.findings.get(code, [])
            )
            parts.append(
                f"<tr><td><code>{escape(code)}</code></td><td class='num'>{n:,}</td><td>{examples}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append("<p><i>none</i></p>")
    parts.append("<h4>Plots</h4>" + _summary_plots(summary))
    parts.append("</div></body></html>")
    return "".join(parts)
