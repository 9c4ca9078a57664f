"""Every book page at 360 px, as on a phone: the walk of test_nederlands.py at the other width.

A file of its own, so that pytest-xdist walks the two widths at the same time.
"""

from __future__ import annotations

import pytest
from browser.test_nederlands import wandel_door_het_boek

pytestmark = pytest.mark.browser


def test_elke_boekpagina_nederlands_tabellen_en_kopjes_op_360_px(browser, statisch_url, boek_build):
    wandel_door_het_boek(browser, statisch_url, boek_build, 360)
