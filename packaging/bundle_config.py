"""What the PyInstaller bundle leaves out; read by actexplorer.spec and checked by the tests."""

from __future__ import annotations

# Qt modules the window never uses. pyqtgraph tries QtTest and QtSvg at import and copes without
# them; QtOpenGL and QtOpenGLWidgets stay because pyqtgraph 0.14 imports them unconditionally.
QT_EXCLUDES = tuple(
    f"PySide6.{name}"
    for name in (
        "QtConcurrent", "QtDBus", "QtDesigner", "QtHelp", "QtNetwork", "QtPrintSupport",
        "QtQml", "QtQuick", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtSql",
        "QtSvgWidgets", "QtTest", "QtUiTools", "QtXml",
    )
)  # fmt: skip

# Other toolkits and development tools that optional imports (matplotlib, SymPy, pyqtgraph)
# would otherwise drag in.
OTHER_EXCLUDES = (
    "tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide2", "IPython", "pytest", "py", "_pytest",
    "hypothesis", "pandas", "pygments", "pyqtgraph.opengl", "OpenGL", "sympy.testing",
    # Pillow's codecs for formats the app never reads (AVIF alone is 5 MB of libraries).
    "PIL.ImageQt", "PIL.ImageTk", "PIL._imagingtk", "PIL._avif", "PIL.AvifImagePlugin",
    "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms", "PIL.ImageCms",
    "matplotlib.backends.backend_qtagg", "matplotlib.backends.backend_qt",
    "matplotlib.backends.backend_tkagg", "matplotlib.backends.backend_webagg",
    "matplotlib.backends.backend_wx", "matplotlib.backends.backend_gtk3",
    "matplotlib.backends.backend_gtk4",
    # No network: without these OpenSSL's libraries (5 MB) stay out; hashlib falls back to
    # Python's own implementations.
    "ssl", "_ssl", "_hashlib",
)  # fmt: skip

# SciPy subpackages reached only through optional imports in pyqtgraph and SymPy; the app uses
# scipy.special, which imports none of them (its ufuncs link OpenBLAS directly).
SCIPY_EXCLUDES = tuple(
    f"scipy.{name}"
    for name in (
        "cluster", "datasets", "differentiate", "fft", "fftpack", "integrate", "interpolate",
        "io", "linalg", "ndimage", "odr", "optimize", "signal", "sparse", "spatial", "stats",
    )
)  # fmt: skip

EXCLUDES = QT_EXCLUDES + OTHER_EXCLUDES + SCIPY_EXCLUDES

# Qt plugins for embedded or remote displays, and the GTK platform theme (it pulls the whole GTK
# stack into the bundle): desktops use xcb or wayland, tests use offscreen.
DROPPED_PLUGIN_PREFIXES = tuple(
    f"PySide6/Qt/plugins/{name}"
    for name in (
        "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqminimal",
        "platforms/libqvnc", "platforms/libqvkkhrdisplay", "platformthemes/libqgtk3",
        "egldeviceintegrations", "generic", "wayland-graphics-integration-server",
    )
)  # fmt: skip

# Files nobody reads: Qt's pre-Qt 6 catalogs (qtbase_*.qm carry the strings Qt 6 uses),
# matplotlib's sample data, toolbar images and the PostScript metrics (mathtext renders TrueType).
DROPPED_DATA_PREFIXES = (
    "PySide6/Qt/translations/qt_",
    # The README's pictures.
    "actexplorer/resources/screenshots",
    # Collected by the PySide6 hooks although nothing left in the bundle links against it; it
    # would keep Kerberos and friends in as well.
    "PySide6/Qt/lib/libQt6Network",
    # Formulas use the Computer Modern set with STIX and DejaVu Sans as fallbacks.
    "matplotlib/mpl-data/fonts/ttf/DejaVuSerif",
    "matplotlib/mpl-data/fonts/ttf/DejaVuSansMono",
    "matplotlib/mpl-data/sample_data",
    "matplotlib/mpl-data/images",
    "matplotlib/mpl-data/fonts/afm",
    "matplotlib/mpl-data/fonts/pdfcorefonts",
)

# Mesa's drivers need the system's C++ runtime; an older bundled copy stops them from loading.
DROPPED_LINUX_LIBS = ("libstdc++.so", "libgcc_s.so")


# Qt's own strings (dialog buttons and the like) in the languages the app itself speaks.
QT_CATALOG_PREFIX = "PySide6/Qt/translations/qtbase_"
QT_CATALOGS_KEPT = ("en", "zh_CN", "zh_TW")


def kept(dest: str, *, linux: bool) -> bool:
    """Whether a file at ``dest`` inside the bundle stays in it."""
    dest = dest.replace("\\", "/")
    if dest.startswith(DROPPED_PLUGIN_PREFIXES + DROPPED_DATA_PREFIXES):
        return False
    if dest.startswith(QT_CATALOG_PREFIX):
        return dest[len(QT_CATALOG_PREFIX) :].removesuffix(".qm") in QT_CATALOGS_KEPT
    return not (linux and dest.startswith(DROPPED_LINUX_LIBS))


def loose_library(dest: str) -> bool:
    """A system library PyInstaller placed at the top of the bundle as some file's dependency."""
    extension = any(tag in dest for tag in (".cpython-", ".abi3."))
    return "/" not in dest and ".so" in dest and not dest.startswith("libpython") and not extension
