"""The order a table's header names its columns in (三's applicants, 四's outcomes and groups), and
the findings that say a header reordered them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import schema
from .findings import Finding

APPLICANT_WORDS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")  # 三's columns 2–6
OUTCOME_WORDS = ("结果维持", "结果纠正", "其他结果", "尚未审结")  # 四's, in each of its three groups
#: Words naming 三's seven columns, in the template's order (as :func:`~.labels.key` writes them).
APPLICANT_FRAME = ("自然人", "商业企业", "科研机构", "社会公益", "法律服务", "其他", "总计")


def header_order(header: str, words: Sequence[str]) -> list[int] | None:
    """The template positions of ``words`` (given in template order) in the order the header
    names them, when it names each and not in the template's order; else None.  Only words under
    one header row are compared: a flattened two-row header (自然人 法人或其他组织 总计 商业企业 …)
    says nothing about where 总计 stands.

    >>> header_order("自然人 法人或其他组织 总计 商业企业 科研机构 法律服务机构 社会公益组织 其他",
    ...              APPLICANT_WORDS)
    [0, 1, 3, 2, 4]
    """
    flat = re.sub(r"\s+", "", header).replace("法人或其他组织", "")  # the group label over them
    at = [flat.find(w) for w in words]
    if -1 in at or len(set(at)) < len(at):
        return None
    order = sorted(range(len(words)), key=at.__getitem__)
    if order == sorted(order):
        return None
    # Named again (四's three groups), they must be named in the same order each time: a header
    # whose words come in mixed orders (cells run together from merged rows) tells no order.
    named = sorted((m.start(), i) for i, w in enumerate(words) for m in re.finditer(re.escape(w), flat))
    sequence = [i for _, i in named]
    if len({sequence.count(i) for i in range(len(words))}) > 1:
        return None  # a word one group does not name (a typo: 结果厗持) shifts the others' order
    if any(
        sequence[k : k + len(words)] != order[: len(sequence) - k]
        for k in range(0, len(sequence), len(words))
    ):
        return None
    return order


def applicant_order(text: str, strict: bool = False) -> list[str] | None:
    """The applicant columns in the order a header flattened into one text names them, else None.

    The template's two header lines flattened name 自然人, the group 法人或其他组织 and 总计, then
    the organisations (PDF text may put 总计 among them); one header line names the seven in its
    order. In the template's frame 自然人 comes before the organisations (and, on one line, 总计
    after them; where the text keeps the page's order, ``strict``, 自然人 before the group too),
    and the organisations' order holds. 其他, which notes above a table use too,
    counts only where the text names it once (else it keeps its place, sixth). Out of the frame,
    only one line naming all seven (其他 once) tells their order.
    """
    template = [c for c, _ in schema.columns("application_handling", "2021")]
    flat = text.replace("法人或其他组织", "§")  # the group's name holds 其他
    at = [flat.find(w) for w in APPLICANT_FRAME]  # each named (the caller checked)
    group = flat.find("§")
    orgs = at[1:5]
    other_known = flat.count("其他") == 1
    # Two header lines run together (PDF text) may put 总计, centred on both, among the
    # organisations; one line names it after them.
    total_ok = group >= 0 or at[6] > max(orgs)
    if strict and group >= 0 and max(at[0], at[6], group) < min(orgs):
        # the page's order: the upper header line (自然人, the group, 总计 in any order), then the
        # organisations under the group, in its place
        inner = sorted([1, 2, 3, 4, 5] if other_known else [1, 2, 3, 4], key=at.__getitem__)
        if not other_known:
            inner.append(5)
        top = sorted([(at[0], [0]), (group, inner), (at[6], [6])])
        return [template[i] for _, part in top for i in part]
    if at[0] < min(orgs) and total_ok and not strict:
        if other_known and group >= 0 and at[5] < group:
            return None
        inner = sorted([1, 2, 3, 4, 5] if other_known else [1, 2, 3, 4], key=at.__getitem__)
        if not other_known:
            inner.append(5)
        return [template[0], *(template[i] for i in inner), template[6]]
    if group < 0 and other_known:
        return [template[i] for i in sorted(range(7), key=at.__getitem__)]
    return None


def applicants_reordered(order: Sequence[str]) -> Finding:
    """The finding for 三's values placed by a header's ``order`` of its seven columns."""
    template = [c for c, _ in schema.columns("application_handling", "2021")]
    return Finding(
        "columns_reordered",
        "the header orders the applicant columns differently from the template; values follow the header",
        "application_handling",
        expected=", ".join(template),
        found=", ".join(order),
    )


def columns_reordered(table: str, words: Sequence[str], order: list[int]) -> Finding:
    """The finding for values placed by a header's ``order`` of ``words`` (see :func:`header_order`)."""
    return Finding(
        "columns_reordered",
        "the header orders the columns differently from the template; values follow the header",
        table,
        expected=", ".join(words),
        found=", ".join(words[t] for t in order),
    )


_GROUP_NAMES = {
    "review": "行政复议",
    "litigation_direct": "未经复议直接起诉",
    "litigation_after_review": "复议后起诉",
}


def _named_apart(head: str, first: str, second: str) -> bool:
    """Whether every time ``head`` names one word it comes before every time it names the other:
    a merged cell's name copied into each column it spans (``复议后起诉 复议后起诉 … 未经复议直接起诉
    …``, as pandas writes a merged cell) still tells their order; names that alternate do not."""
    at = [[m.start() for m in re.finditer(w, head)] for w in (first, second)]
    return at[0][-1] < at[1][0] or at[1][-1] < at[0][0]


def group_order(heads: Sequence[str]) -> list[str] | None:
    """四's three groups in the order its header names them, else None.  The header line that
    names 未经复议直接起诉 and 复议后起诉 tells their order, and, where it also names 行政复议's
    outcomes (结果维持 …, on the same line: 行政复议 has no second level), whether 行政复议 comes
    before them.  (A sentence that mentions 行政复议 and 行政诉讼 says nothing of the columns.)

    >>> group_order(["行政诉讼 行政复议", "未经复议直接起诉 复议后起诉 结果维持 结果纠正"])
    ['litigation_direct', 'litigation_after_review', 'review']
    >>> group_order(["行政复议 行政诉讼 未经复议直接起诉 复议后起诉 结果维持 结果维持 结果维持"])
    ['review', 'litigation_direct', 'litigation_after_review']
    >>> group_order(["行政诉讼 行政复议 未经复议直接起诉 复议后起诉 结果维持 结果维持 结果维持"])
    ['litigation_direct', 'litigation_after_review', 'review']
    >>> group_order(["结果维持 总计 复议后起诉 复议后起诉 未经复议直接起诉 未经复议直接起诉"])
    ['review', 'litigation_after_review', 'litigation_direct']
    """
    for head in heads:
        direct, after = head.find("直接起诉"), head.find("复议后起诉")
        if direct == -1 or after == -1:
            continue
        if not _named_apart(head, "直接起诉", "复议后起诉"):
            return None  # cells run together from merged rows: no order to tell
        litigation = ["litigation_direct", "litigation_after_review"]
        if after < direct:
            litigation.reverse()
        # 行政复议's outcomes, if the line names them, stand all before the litigation groups or
        # all after them; some on each side is a header run together, which tells no order
        outcomes = [head.find(w) for w in OUTCOME_WORDS if w in head]
        first = min(direct, after)
        if outcomes and min(outcomes) < first < max(outcomes):
            return None
        review = head.find("行政复议")
        if review != -1 and head.count("维持") > 1:
            # the whole header run together (one cell a line, joined): each group's outcomes come
            # after all three names, so only where 行政复议's own name stands tells its place: beside
            # 行政诉讼's, on the line above the two litigation groups, where the header names both
            suits = head.find("行政诉讼")
            if -1 < suits < first and review < first:
                return [*litigation, "review"] if suits < review else ["review", *litigation]
            return [*litigation, "review"] if first < review else ["review", *litigation]
        upheld = head.find("维持")
        return [*litigation, "review"] if first < upheld else ["review", *litigation]
    return None


def groups_reordered(groups: Sequence[str]) -> Finding:
    """The finding for 四's groups placed in a header's order (see :func:`group_order`)."""
    return Finding(
        "columns_reordered",
        "the header orders table 四's groups differently from the template; values follow the header",
        "review_litigation",
        expected=", ".join(_GROUP_NAMES.values()),
        found=", ".join(_GROUP_NAMES[g] for g in groups),
    )
