"""``python -m calculators.server``: the book and the calculators on one address."""

import sys

from calculators.server.app import start

sys.exit(start())
