"""The ``actexplorer`` command: parses the command line, builds the application and the window.

Arguments are checked before Qt is imported, so a typo costs nothing and exits with status 2.
``ACTEXPLORER_QUIT_AFTER_MS=N`` makes the application quit by itself N ms after the window's first
paint (installed builds are smoke-tested with it).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from actexplorer import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from actexplorer.gui.main_window import MainWindow

QUIT_AFTER_ENV = "ACTEXPLORER_QUIT_AFTER_MS"
DEFAULT_SIZE = (1280, 800)
MIN_SIZE = (960, 600)
MAX_SIZE = (7680, 4320)
#: The views ``--view`` accepts: the explorer and the deep-network lab's pages. The same names as
#: ``actexplorer.gui.main_window.VIEWS``, kept here so arguments are checked before Qt loads.
VIEWS = ("explorer", "lab-depth", "lab-chaos", "lab-train")
#: The languages ``--language`` accepts (``actexplorer.gui.i18n.CHOICES``).
LANGUAGES = ("system", "en", "zh_CN")


class UsageError(ValueError):
    """A command-line argument that cannot be used (exit status 2)."""


@dataclass(frozen=True)
class Options:
    """The checked command line."""

    activation: str | None
    params: dict[str, float | str]
    screenshot: str | None
    size: tuple[int, int]
    theme: str | None
    view: str | None = None
    #: A scene or lecture (``*.actx.json``) to open.
    file: str | None = None
    language: str | None = None
    presentation: bool = False


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``actexplorer``."""
    parser = argparse.ArgumentParser(
        prog="actexplorer",
        description="See and understand neural-network activation functions.",
    )
    parser.add_argument("--activation", metavar="KEY", help="function to show (e.g. gelu)")
    parser.add_argument(
        "--param",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        help="set a parameter of the function (repeatable)",
    )
    parser.add_argument("--screenshot", metavar="PATH", help="save the window as a PNG and exit")
    parser.add_argument(
        "--size", metavar="WxH", help=f"window size (default {DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]})"
    )
    parser.add_argument("--theme", choices=("light", "dark", "auto"), help="look of the window")
    parser.add_argument(
        "--view",
        choices=VIEWS,
        help="view to open: the explorer or a page of the deep-network lab",
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help="language of the window for this run (default: the one chosen in the View menu)",
    )
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="a scene or lecture (*.actx.json) to open"
    )
    parser.add_argument(
        "--presentation",
        action="store_true",
        help="start in presentation mode (full screen, large type; F11 or Esc leaves it)",
    )
    parser.add_argument("--version", action="version", version=f"actexplorer {__version__}")
    return parser


def parse_size(text: str) -> tuple[int, int]:
    """``1280x800`` → (1280, 800); sizes outside the supported range are refused."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise UsageError(f"--size must look like 1280x800; got {text!r}")
    width, height = (int(p) for p in parts)
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise UsageError(
            f"--size must be between {MIN_SIZE[0]}x{MIN_SIZE[1]} and "
            f"{MAX_SIZE[0]}x{MAX_SIZE[1]}; got {text!r}"
        )
    return width, height


def parse_options(args: argparse.Namespace) -> Options:
    """Check the parsed arguments against the catalog; ``UsageError`` says what is wrong."""
    from actexplorer.core import get

    key = args.activation
    if args.param and key is None:
        raise UsageError("--param needs --activation (the function the parameters belong to)")
    try:
        act = get(key) if key is not None else None
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None
    params: dict[str, float | str] = {}
    for item in args.param:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f"--param must look like NAME=VALUE; got {item!r}")
        assert act is not None
        try:
            spec = act.param(name)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        value: float | str = raw.strip()
        if not spec.is_choice:
            try:
                value = float(raw)
            except ValueError:
                raise UsageError(f"parameter {name!r} must be a number; got {raw!r}") from None
            if not math.isfinite(value):
                raise UsageError(f"parameter {name!r} must be a finite number; got {raw!r}")
        params[name] = value
    if act is not None:
        try:
            act.resolve(params)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    size = parse_size(args.size) if args.size else DEFAULT_SIZE
    return Options(
        activation=act.key if act is not None else None,
        params=params,
        screenshot=args.screenshot,
        size=size,
        theme=args.theme,
        view=args.view,
        file=check_file(args.file),
        language=args.language,
        presentation=args.presentation,
    )


def check_file(path: str | None) -> str | None:
    """``path`` when it names a readable file (its contents are checked by the window)."""
    if path is None:
        return None
    if not os.path.exists(path):
        raise UsageError(f"cannot open {path!r}: no such file")
    if os.path.isdir(path):
        raise UsageError(f"cannot open {path!r}: it is a folder, not a scene file")
    if not os.access(path, os.R_OK):
        raise UsageError(f"cannot open {path!r}: permission denied")
    return path


def _quit_after_ms() -> int | None:
    raw = os.environ.get(QUIT_AFTER_ENV)
    if raw is None or not raw.strip():
        return None
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(
            f"{QUIT_AFTER_ENV} must be a whole number of milliseconds; got {raw!r}"
        ) from None
    if value < 0:
        raise UsageError(f"{QUIT_AFTER_ENV} must not be negative; got {raw!r}")
    return value


def _application(screenshot: bool) -> QApplication:
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        # A screenshot never needs a screen; offscreen also makes the image reproducible.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "actexplorer"])
    app.setApplicationName("ActExplorer")
    app.setOrganizationName("ActExplorer")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    from actexplorer.gui.icons import DESKTOP_FILE_NAME, app_icon

    # Wayland and the desktop's task bar match the window to actexplorer.desktop by this name.
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    return app


def _window(options: Options, *, persistent: bool) -> MainWindow:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from actexplorer.gui import i18n
    from actexplorer.gui.main_window import MainWindow

    settings = QSettings() if persistent else None
    # Before the window exists, so every widget is built in the chosen language.
    i18n.apply_saved_language(QApplication.instance(), settings, options.language)
    window = MainWindow(settings, app_wide_look=True)
    if options.file is not None:
        # First, so the other options apply on top of the scene.
        window.scenes.open_at_start(options.file, interactive=persistent)
    if options.theme is not None:
        window.state.theme = options.theme
    if options.activation is not None:
        window.state.activation = options.activation
        window.state.params = options.params
    window.history.clear()  # how the window starts is not a step to undo
    if options.view is not None:
        window.show_view(options.view)
    if options.presentation:
        # A screenshot keeps the size asked for instead of the (offscreen) screen's.
        window.presentation.set_active(True, full_screen=persistent)
    return window


def take_screenshot(window: MainWindow, path: str, size: tuple[int, int]) -> None:
    """Render ``window`` at ``size`` into the PNG ``path`` once the view in front is idle."""
    from PySide6.QtCore import QSize, Qt

    window.resize(*size)
    window.show()
    window.wait_until_idle()
    image = window.grab().toImage()
    if image.size() != QSize(*size):
        # A high-density screen or a layout larger than asked: deliver the size requested.
        image = image.scaled(
            QSize(*size),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if not image.save(path, "PNG"):
        raise OSError(f"could not write {path!r}")


def _quit_after_first_paint(window: MainWindow, delay_ms: int) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                if delay_ms == 0:
                    QApplication.quit()  # before work deferred past the first paint starts
                else:
                    QTimer.singleShot(delay_ms, QApplication.quit)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ActExplorer; returns the exit status (2 for a bad argument)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help, --version, or argparse's own usage errors
        return int(exc.code) if isinstance(exc.code, int) else 2
    try:
        options = parse_options(args)
        quit_after = _quit_after_ms()
    except UsageError as exc:
        print(f"actexplorer: error: {exc}", file=sys.stderr)
        return 2

    app = _application(screenshot=options.screenshot is not None)
    if options.screenshot is not None:
        window = _window(options, persistent=False)
        try:
            if window.scenes.start_error is not None:
                return 1  # the message is on stderr; a picture of the refusal helps no one
            take_screenshot(window, options.screenshot, options.size)
        except OSError as exc:
            print(f"actexplorer: error: {exc}", file=sys.stderr)
            return 1
        finally:
            window.close()
        return 0

    window = _window(options, persistent=True)
    if args.size:
        window.resize(*options.size)
    if quit_after is not None:
        _quit_after_first_paint(window, quit_after)
    window.show()
    return int(app.exec())
