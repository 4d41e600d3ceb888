"""The built-in catalog: enterprise duties, the seed plans, and the sample portfolio.

Data lives in ``catalog/data`` as TOML and JSON in the shape of
:mod:`safetyduty.serde`, is loaded strictly once, and carries the source of
every entry. The catalog sits beside the edges of the library: it loads its
data with the serde converter.

Examples:
    >>> from safetyduty import catalog
    >>> catalog.obligation("principal.monthly_inspection").title
    '主要负责人每月至少带队检查一次安全生产工作'
    >>> [p.id for p in catalog.plans()]
    ['huining-2021', 'shanwei-2020', 'xicha-2020', 'xinjiang-2020', 'xinzhou-2020']
"""

from safetyduty.catalog._load import (
    STATUTORY_IN_CATALOG,
    enterprise_obligations,
    obligation,
    plan,
    plans,
    sample_portfolio,
)

__all__ = [
    "STATUTORY_IN_CATALOG",
    "enterprise_obligations",
    "obligation",
    "plan",
    "plans",
    "sample_portfolio",
]
