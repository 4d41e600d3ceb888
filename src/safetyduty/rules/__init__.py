"""Pure rule functions over the models: they judge what they are given.

- :mod:`safetyduty.rules.compliance`: which duties bind an enterprise or an
  authority, and whether they were met (evaluation, rows, report, standing
  and personnel checks, authorities);
- :mod:`safetyduty.rules.targets`: plan targets against observed values;
- :mod:`safetyduty.rules.requirements`: what the law in force on a date asks
  (staffing, engineers, insurance, training hours, drills, fines, size class);
- :mod:`safetyduty.rules.deadlines`: time limits, schedules and their due dates;
- :mod:`safetyduty.rules.statutory`: the national time limits, with their sources;
- :mod:`safetyduty.rules.phrases`: Chinese deadline phrases into schedules;
- :mod:`safetyduty.rules.documents`: the time phrases of a whole document, and a
  draft plan from it for a person to review;
- :mod:`safetyduty.rules.credit`: black and red list status from events;
- :mod:`safetyduty.rules.classify`: accident grade, risk level, major hazard sources;
- :mod:`safetyduty.rules.expenses`: the safety-cost levy.

The rules read the law's data (:mod:`safetyduty.law`) and never the catalog:
the catalog layer (:mod:`safetyduty.catalog`) supplies the local plans as
defaults. Conventions: the judged subject and the facts it is judged on are
positional and everything else keyword-only; ``as_of``, ``since`` and
``calendar`` are named the same everywhere; an answer that depends on the
law's version takes ``as_of`` (a lookup of a version names its day ``on``).
"""

__all__: list[str] = []
