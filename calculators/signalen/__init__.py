"""Signalenwijzer: early signals at the front door, and what they point to."""
