"""zhgov_parse: Chinese government information-disclosure annual reports (政府信息公开工作年度报告)
as clean data.

>>> import zhgov_parse
>>> r = zhgov_parse.parse(open_sample())          # doctest: +SKIP
>>> r.table("application_handling")               # doctest: +SKIP
"""

from __future__ import annotations

from .batch import Batch, read_many
from .errors import ParseError
from .findings import CATALOGUE as FINDING_CODES
from .parser import parse, read
from .report import Report

__all__ = ["FINDING_CODES", "Batch", "ParseError", "Report", "parse", "read", "read_many"]
__version__ = "0.1.0"
