"""The built-in catalog: the seed plans as data, evaluation against them, and the sample portfolio.

The national law is :mod:`safetyduty.law`; the catalog adds the local plans
(``catalog/data/plans``, one TOML file each, loaded strictly once, every
basis resolved against the source registry) and supplies them as the
default to the rule engine: :func:`evaluate`, :func:`evaluate_many` and
:func:`evaluate_authority` (and :func:`evaluate_portfolio`, all at once) judge against the national duties and every seed
plan whose jurisdiction and period bind. A plan of your own is one TOML
file: :func:`load_plan`.

Examples:
    >>> from safetyduty import catalog
    >>> catalog.obligation("shanwei.principal.monthly_inspection").title
    '主要负责人每月至少带队检查一次安全生产工作'
    >>> [p.id for p in catalog.plans()]
    ['huining-2021', 'shanwei-2020', 'xicha-2020', 'xinjiang-2020', 'xinzhou-2020']
"""

from safetyduty.catalog._load import (
    enterprise_obligations,
    evaluate,
    evaluate_authority,
    evaluate_many,
    evaluate_portfolio,
    load_plan,
    obligation,
    plan,
    plans,
    sample_portfolio,
)

__all__ = [
    "enterprise_obligations",
    "evaluate",
    "evaluate_authority",
    "evaluate_many",
    "evaluate_portfolio",
    "load_plan",
    "obligation",
    "plan",
    "plans",
    "sample_portfolio",
]
