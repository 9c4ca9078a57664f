"""Doorbraakwijzer: rekenhulpen en zoekfuncties voor maatwerk in het sociaal domein.

The package holds all logic (loading, validation, calculation, search). Dashboard
notebooks in ``calculators/dashboards`` only build widgets from ``calculators.widgets``.
"""

__version__ = "0.1.0"
