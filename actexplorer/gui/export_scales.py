"""The resolutions offered for PNG export, kept apart from the exporter for cheap menus."""

from __future__ import annotations

#: The resolutions offered for PNG export, as multiples of the on-screen size.
SCALES = (1, 2, 4)
