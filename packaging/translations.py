"""Update the translation sources from the code and compile them into the shipped catalogs.

``pyside6-lupdate`` reads every ``actexplorer/**/*.py`` and merges the marked strings into
``resources/i18n/actexplorer_zh_CN.ts`` (translations already made are kept; strings gone from the
code are dropped) and the plural forms into ``actexplorer_en.ts``. ``pyside6-lrelease`` then
compiles each ``.ts`` into the ``.qm`` beside it, which the wheel and the bundle ship.

``--check`` changes nothing and exits with status 1 when a ``.ts`` is out of date with the code,
has unfinished entries, or a ``.qm`` is out of date with its ``.ts``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "actexplorer"
#: Each translation source: language → whether it holds only plural messages (English needs
#: nothing else: its texts are the source texts).
CATALOGS: dict[str, bool] = {"zh_CN": False, "en": True}

Message = tuple[str, str, str]  # context, source, comment


def ts_path(language: str) -> Path:
    """The translation source of ``language``."""
    return I18N / f"actexplorer_{language}.ts"


def qm_path(language: str) -> Path:
    """The compiled catalog of ``language``."""
    return I18N / f"actexplorer_{language}.qm"


def tool(name: str) -> str:
    """The path of the Qt tool ``name`` (``pyside6-lupdate``, ...) beside this Python or on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found; install PySide6")
    return found


def source_files() -> list[str]:
    """Every Python file of the package, relative to the repository, in a stable order."""
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def lupdate(ts: Path, language: str, plural_only: bool) -> None:
    """Merge the strings of the code into ``ts`` (created when missing)."""
    args = [tool("pyside6-lupdate"), *source_files(), "-locations", "none", "-no-obsolete"]
    args += ["-target-language", language, "-silent"]
    if plural_only:
        args.append("-pluralonly")
    subprocess.run([*args, "-ts", str(ts)], cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )


def messages(ts: Path) -> dict[Message, list[str]]:
    """The messages of ``ts`` with their translations (one per plural form)."""
    found: dict[Message, list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            found[key] = texts
    return found


def unfinished(ts: Path) -> list[Message]:
    """Messages of ``ts`` without a finished translation (unfinished, vanished, obsolete, empty)."""
    bad: list[Message] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            if translation.get("type") is not None or not all(t.strip() for t in texts):
                bad.append((name, message.findtext("source") or "", translation.get("type") or ""))
    return bad


def problems() -> list[str]:
    """Why the committed translations are not up to date (empty when they are)."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for language, plural_only in CATALOGS.items():
            ts, qm = ts_path(language), qm_path(language)
            if not ts.is_file() or not qm.is_file():
                found.append(f"{ts.name} or {qm.name} is missing")
                continue
            copy = Path(folder) / ts.name
            shutil.copyfile(ts, copy)
            lupdate(copy, language, plural_only)
            before, after = messages(ts), messages(copy)
            found += [f"{ts.name}: new in the code: {m}" for m in after.keys() - before.keys()]
            found += [f"{ts.name}: gone from the code: {m}" for m in before.keys() - after.keys()]
            found += [f"{ts.name}: not translated: {m}" for m in unfinished(ts)]
            compiled = Path(folder) / qm.name
            lrelease(ts, compiled)
            if compiled.read_bytes() != qm.read_bytes():
                found.append(f"{qm.name} is out of date with {ts.name}")
    return found


def main(argv: list[str] | None = None) -> int:
    """Update and compile the translations, or ``--check`` them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report problems")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    I18N.mkdir(parents=True, exist_ok=True)
    for language, plural_only in CATALOGS.items():
        lupdate(ts_path(language), language, plural_only)
        left = unfinished(ts_path(language))
        if left:
            print(f"{ts_path(language).name}: {len(left)} message(s) to translate")
        lrelease(ts_path(language), qm_path(language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
