"""The three tables of the template, each mapped from its records with the shared machinery
(:mod:`zhgov_parse.mapping`): 二 in :mod:`.active`, 三 in :mod:`.applications`, 四 in :mod:`.review`."""

from .active import active_disclosure
from .applications import application_handling
from .review import review_litigation

__all__ = ["active_disclosure", "application_handling", "review_litigation"]
