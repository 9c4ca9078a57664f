"""Doorbraakwijzer: rekenhulpen en zoekfuncties voor maatwerk in het sociaal domein.

The package holds all logic (loading, validation, calculation, search). Dashboard
notebooks in ``calculators/dashboards`` only build widgets from each capability's ``widget.py``.
"""

__version__ = "0.1.0"
