"""The window's languages (English and Simplified Chinese) and how every text gets translated.

Qt's own workflow: ``pyside6-lupdate`` extracts the marked strings from ``actexplorer/**/*.py``
into ``resources/i18n/actexplorer_zh_CN.ts``, translators fill it in, ``pyside6-lrelease``
compiles it to the ``.qm`` that ships beside it, and :func:`set_language` loads it with a
:class:`QTranslator`. ``python packaging/translations.py`` runs both tools; the tests fail while a
marked string has no translation or the ``.qm`` is older than the ``.ts``.

The rule every file follows, so that lupdate finds each string and a language switch shows at once
without a restart:

1. **Inside a QObject subclass** write ``self.tr("Plain literal")``. The context is the name of
   the class whose body contains the call (lupdate reads it from the source; PySide6 finds it
   through the MRO at run time, so a subclass calling its base's method still gets the
   translation).
2. **Anywhere else** (module functions, dataclasses, exceptions) write
   ``QCoreApplication.translate("Context", "Plain literal")`` with a literal context, by
   convention the name of the module's main class. Never wrap ``tr``/``translate`` in a helper or
   an alias (``_()``, ``tr = ...``): lupdate would file the string under the wrong context or miss
   it.
3. **Only literals.** No f-strings, ``%`` or concatenation inside the call: put named placeholders
   in the text and fill them afterwards, ``self.tr("from {n} samples").format(n=...)``. Keep the
   placeholders' names (translators see them). Numbers keep their own format (``format_number``,
   thin-space thousands): the language never changes how a number is written.
4. **Plurals** pass the count as the third argument, which picks the form:
   ``self.tr("{count} outputs are NaN", "", n).format(count=f"{n:,}")`` (``%n`` in the text also
   works but drops the number's own format). Chinese has one form; the English forms live in
   ``actexplorer_en.ts``, which holds only plural messages (``lupdate -pluralonly``).
5. **Tables at module level** (menu entries, row titles) mark each text with
   ``QT_TRANSLATE_NOOP("Context", "Text")`` where it is written and translate it when it is put on
   screen, ``QCoreApplication.translate("Context", text)`` (or :func:`translate`).
6. **Widgets build their texts in ``retranslate()``**, called at the end of ``__init__`` and from
   ``changeEvent`` when ``event.type() == QEvent.Type.LanguageChange``; a text that depends on data
   (a statistic, the current function) is rebuilt there from the data the widget last showed.
   Texts held by objects that get no events (a ``QAction``, a pyqtgraph plot title, a tab title
   set by the parent) are set again by a ``retranslate`` of the widget that owns them, or by a
   callback given to :func:`on_language_change`.
7. **Catalog texts** (descriptions, parameter help, family names) come from
   :mod:`actexplorer.core.locale`, asked again in ``retranslate()``. Formulas, function names (ReLU,
   GELU), parameter symbols, keys, units and numbers are never translated.
8. Texts a user typed, file names and paths stay as they are. A ``#:`` comment right above a
   marked string reaches translators as a note.

After changing texts run ``python packaging/translations.py``, translate the new entries of the
``.ts`` (Qt Linguist, or by hand: replace ``type="unfinished"``), and run it again to compile.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

from actexplorer.core import locale as core_locale

__all__ = [
    "CHOICES",
    "LANGUAGE_KEY",
    "NATIVE_NAMES",
    "SYSTEM",
    "apply_saved_language",
    "available_languages",
    "current_choice",
    "current_language",
    "on_language_change",
    "qm_path",
    "resolve",
    "saved_choice",
    "set_language",
    "store_choice",
    "system_language",
    "translate",
]

#: The settings key holding the user's choice: "system", "en" or "zh_CN".
LANGUAGE_KEY = "language"
#: The choice that follows the system's language.
SYSTEM = "system"
#: What the user can choose, in menu order.
CHOICES: tuple[str, ...] = (SYSTEM, *core_locale.LANGUAGES)
#: Each language's name in that language (a menu of languages is read by someone who may not
#: understand the current one).
NATIVE_NAMES: dict[str, str] = {"en": "English", "zh_CN": "中文"}

_CATALOG = "actexplorer"
_QT_CATALOG = "qtbase"


class _Translators:
    """The translators installed on the application, so a switch can remove them again."""

    def __init__(self) -> None:
        self.installed: list[QTranslator] = []
        self.language = "en"
        self.choice = SYSTEM
        # Holds the .qm files open when they had to be extracted from an archive.
        self.files = ExitStack()


_current = _Translators()


def available_languages() -> tuple[str, ...]:
    """The languages of the window: ``("en", "zh_CN")``."""
    return core_locale.LANGUAGES


def system_language(locale: QLocale | None = None) -> str:
    """The language to use for ``locale`` (default: the system's): "zh_CN" for any Chinese locale,
    else "en"."""
    locale = QLocale.system() if locale is None else locale
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def resolve(choice: str) -> str:
    """The language code a choice stands for ("system" → :func:`system_language`)."""
    if choice == SYSTEM:
        return system_language()
    if choice not in available_languages():
        raise ValueError(f"language must be one of {', '.join(CHOICES)}; got {choice!r}")
    return choice


def current_language() -> str:
    """The language code in use ("en" until :func:`set_language` is called)."""
    return _current.language


def current_choice() -> str:
    """The choice last given to :func:`set_language` ("system", "en" or "zh_CN")."""
    return _current.choice


def qm_path(language: str) -> Path | None:
    """The compiled catalog of ``language`` shipped in ``actexplorer.resources/i18n``, if any."""
    resource = importlib.resources.files("actexplorer.resources") / "i18n"
    resource = resource / f"{_CATALOG}_{language}.qm"
    if not resource.is_file():
        return None
    # A wheel or a bundle unpacks resources as plain files; a zipped install needs a copy.
    return Path(_current.files.enter_context(importlib.resources.as_file(resource)))


def _qt_catalog(language: str) -> Path | None:
    """Qt's own catalog (standard buttons, file dialogs) for ``language``, if Qt has one."""
    name = f"{_QT_CATALOG}_{language}.qm"
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    import PySide6

    # A bundle without qt.conf may report the build machine's path; the wheel's layout is known.
    folders.append(Path(PySide6.__file__).parent / "Qt" / "translations")
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return None


def set_language(app: QCoreApplication, choice: str) -> str:
    """Switch every text to ``choice`` ("system", "en" or "zh_CN") at once; returns the code used.

    Installs the app's and Qt's translators for the language (removing the previous ones) and
    switches the catalog's texts; every widget then receives ``QEvent.LanguageChange`` before this
    returns and retranslates itself. ``ValueError`` for an unknown choice, nothing changed.
    """
    language = resolve(choice)
    for translator in _current.installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _current.installed.clear()
    _current.files.close()
    core_locale.set_language(language)
    _current.language = language
    _current.choice = choice
    for path in (qm_path(language), _qt_catalog(language) if language != "en" else None):
        if path is None:
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _current.installed.append(translator)
        else:
            translator.deleteLater()
    # Installing posts LanguageChange; deliver it now, so the switch is visible (and testable)
    # when this returns. A switch to English with nothing installed still has to tell widgets.
    if not _current.installed:
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return language


def saved_choice(settings: QSettings | None) -> str:
    """The choice stored in ``settings`` ("system" when absent or unreadable)."""
    if settings is None:
        return SYSTEM
    value = settings.value(LANGUAGE_KEY, SYSTEM, type=str)
    return value if isinstance(value, str) and value in CHOICES else SYSTEM


def store_choice(settings: QSettings | None, choice: str) -> None:
    """Remember ``choice`` in ``settings`` (read back by :func:`saved_choice`)."""
    if settings is None:
        return
    resolve(choice)  # refuse an unknown choice before it is written
    settings.setValue(LANGUAGE_KEY, choice)


def apply_saved_language(
    app: QCoreApplication, settings: QSettings | None, override: str | None = None
) -> str:
    """Use ``override`` if given, else the saved choice; call before the window is built."""
    return set_language(app, override if override is not None else saved_choice(settings))


def translate(context: str, text: str) -> str:
    """``text`` (marked with ``QT_TRANSLATE_NOOP(context, ...)``) in the current language."""
    return QCoreApplication.translate(context, text)


class _LanguageWatcher(QObject):
    """Calls ``callback`` whenever its parent widget receives ``QEvent.LanguageChange``."""

    def __init__(self, target: QObject, callback: Callable[[], object]) -> None:
        super().__init__(target)
        self._callback = callback
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Run the callback on a language change; let every event through."""
        if event.type() == QEvent.Type.LanguageChange:
            self._callback()
        return False


def on_language_change(target: QObject, callback: Callable[[], object]) -> QObject:
    """Call ``callback`` each time ``target`` (a widget) is told the language changed.

    The watcher is a child of ``target`` and goes with it; for texts held by objects that get no
    events of their own (actions, plot titles).
    """
    return _LanguageWatcher(target, callback)
