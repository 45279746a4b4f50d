"""The application icon, loaded from the package's resources in every size drawn for it."""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

if TYPE_CHECKING:
    from importlib.abc import Traversable  # importlib.resources.abc from Python 3.11 on

#: The sizes the icon is drawn at (pixels, square); Qt picks the nearest for each use.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

#: The name of the desktop entry (``actexplorer.desktop``) the window belongs to.
DESKTOP_FILE_NAME = "actexplorer"


def icon_folder() -> Traversable:
    """Where the icon files live inside the installed package (``actexplorer.resources``)."""
    return files("actexplorer.resources") / "icons"


def icon_files() -> list[tuple[int, Traversable]]:
    """(size, file) for every size of :data:`ICON_SIZES` that is present."""
    folder = icon_folder()
    found = [(size, folder / f"actexplorer-{size}.png") for size in ICON_SIZES]
    return [(size, entry) for size, entry in found if entry.is_file()]


def app_icon() -> QIcon:
    """The application icon with every available size (empty if the resources are missing)."""
    icon = QIcon()
    for _size, entry in icon_files():
        # The package is installed as plain files (wheel, source tree, one-folder bundle),
        # so the resource has a real path; Qt reads the pixels on demand.
        icon.addFile(str(entry))
    return icon
