"""Plots of a batch (matplotlib, imported only when a plot is drawn: ``pip install 'zhgov_parse[plot]'``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from .batch import Batch

OUTCOMES = {
    "granted": "予以公开",
    "partially_granted": "部分公开",
    "withheld": "不予公开",
    "unavailable": "无法提供",
    "not_processed": "不予处理",
    "other": "其他处理",
}


def outcome_shares(batch: Batch) -> pd.DataFrame:
    """Share of each handling outcome (三's result rows, 总计 column) in all reports of each year."""
    cells = batch.cells
    rows = cells[(cells["table"] == "application_handling") & (cells["column"] == "total")]
    rows = rows.assign(outcome=rows["row"].str.split(".").str[0])
    rows = rows[rows["outcome"].isin(OUTCOMES)]
    years = batch.reports.set_index("report_id")["year"]
    rows = rows.assign(year=rows["report_id"].map(years))
    table = rows.pivot_table(index="year", columns="outcome", values="value", aggfunc="sum").fillna(0)
    table = table.reindex(columns=[c for c in OUTCOMES if c in table.columns])
    return table.div(table.sum(axis=1).where(lambda s: s > 0), axis=0)


class BatchPlots:
    """``batch.plot.outcomes()`` and ``batch.plot.findings()``; each returns the matplotlib Axes."""

    def __init__(self, batch: Batch) -> None:
        self._batch = batch

    def outcomes(self, ax: Any = None) -> Any:
        """Stacked bars: the share of each handling outcome across the batch's reports, by year."""
        import matplotlib.pyplot as plt

        shares = outcome_shares(self._batch)
        ax = ax or plt.subplots(figsize=(7, 4))[1]
        if shares.empty:
            ax.set_title("no handling outcomes in this batch")
            return ax
        shares.plot.bar(stacked=True, ax=ax, rot=0)
        ax.set_ylabel("share of requests handled")
        ax.set_xlabel("reported year")
        ax.set_title("Handling outcomes by year")
        ax.legend([f"{code}" for code in shares.columns], fontsize=8, loc="upper left", bbox_to_anchor=(1, 1))
        return ax

    def findings(self, ax: Any = None, top: int = 15) -> Any:
        """Horizontal bars: findings by code across the batch."""
        import matplotlib.pyplot as plt

        counts = self._batch.findings["code"].value_counts().head(top).sort_values()
        ax = ax or plt.subplots(figsize=(7, max(2.5, 0.3 * len(counts) + 1)))[1]
        if counts.empty:
            ax.set_title("no findings")
            return ax
        counts.plot.barh(ax=ax)
        ax.set_xlabel("findings")
        ax.set_title("Findings by code")
        return ax
