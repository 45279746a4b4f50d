"""Scenes: the whole state of the window as a small, human-readable, versioned JSON file.

A scene (``*.actx.json``) holds what the explorer shows, optionally the lab's settings and the
custom functions it uses::

    {
      "format": "actexplorer-scene",
      "version": 1,
      "title": "ELU vs ReLU",
      "notes": "Point at the negative saturation.",
      "explorer": {
        "activation": "elu",
        "params": {"alpha": 0.5},
        "n_samples": 100000,
        "seed": 0,
        "distribution": {"kind": "normal", "params": {"mean": 0.0, "std": 1.0}},
        "x_range": [-6.0, 6.0],
        "log_derivative": false,
        "show_input_histogram": false,
        "show_derivative": true,
        "show_histograms": true,
        "show_pins": true,
        "train_mode": false,
        "pins": [{"key": "relu", "params": {}}],
        "pin_histograms": true,
        "logits": [2.0, 1.0, 0.1, -1.0]
      },
      "lab": {"depth": 20, "width": 256, ...},
      "custom": [{"name": "my swish", "expression": "x * sigmoid(b * x)", "params": [...]}]
    }

A lecture (a scene list, also ``*.actx.json``) embeds its scenes in order, so one file carries the
whole talk and opening it never follows paths to other files::

    {"format": "actexplorer-lecture", "version": 1, "title": "...", "scenes": [{...}, {...}]}

Rules, in the order they are checked:

* Only JSON is read (no pickle, no ``eval``); custom expressions go through the whitelisted parser
  of :mod:`actexplorer.core.custom` and are never executed while opening.
* Files over :data:`MAX_FILE_BYTES` are refused from their size alone, before reading. Nesting
  deeper than :data:`MAX_NESTING` is refused by a bracket scan before the JSON parser runs.
  ``NaN``/``Infinity``, numbers that overflow a float (``1e400``) and integers of more than
  :data:`MAX_INT_DIGITS` digits are refused while parsing; so are repeated keys.
* ``format`` must name the kind of file. ``version`` is the format version the file was written
  with. A file without ``version`` is version 0 (a hand-written file) and is read as version 1
  through the migration table :data:`MIGRATIONS`. A newer version is read as far as this version
  understands it: fields it does not know are ignored with a notice. A writer that changes the
  meaning of existing fields sets ``requires`` to the oldest reader version that understands
  the file; a file requiring a newer reader is refused.
* A scene is complete: settings it does not mention take their defaults, so the same file always
  shows the same thing. The theme is the viewer's choice and is not part of a scene. Without a
  ``lab`` object the lab is left as it is.
* Every value is checked by the states' own setters on throw-away states; any problem refuses
  the whole scene with a :class:`SceneError` naming the field, and the real states stay as they
  were (:func:`apply_scene` is all or nothing).
"""

from __future__ import annotations

import copy
import difflib
import json
import math
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from actexplorer.core import ACTIVATIONS, get
from actexplorer.core.activation import (
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    ParamSpec,
    PropertyRules,
)
from actexplorer.core.custom import (
    CustomDefinition,
    ExpressionError,
    custom_param,
    parse_expression,
)
from actexplorer.core.messages import Message, reason_of, template
from actexplorer.core.sampling import DISTRIBUTIONS
from actexplorer.lab_state import LabState
from actexplorer.state import MAX_PINS, ExplorerState, Pin

SCENE_FORMAT = "actexplorer-scene"
LECTURE_FORMAT = "actexplorer-lecture"
#: The format version this module writes and the newest it fully understands.
SCENE_VERSION = 1
SCENE_SUFFIX = ".actx.json"
#: Scenes are a few kilobytes; anything bigger than this is not one.
MAX_FILE_BYTES = 1_000_000
#: The deepest a valid file nests is 5 (lecture → scenes → scene → explorer → pins → pin → params).
MAX_NESTING = 32
#: Integers longer than this cannot be a setting (seeds have at most 10 digits).
MAX_INT_DIGITS = 30
MAX_TITLE = 200
MAX_NOTES = 20_000
MAX_CUSTOM = 32
MAX_SCENES = 500
#: Explorer fields that belong to the viewer, not to the scene.
VIEWER_FIELDS = frozenset({"theme"})

# User-visible problems and notices (translated through actexplorer.core.locale).
_SEVERAL_PROBLEMS = template("{count} problems:")
_AT_PATH = template("{path}: {message}")
_IN_EXPLORER = template("explorer.{problem}")
_PLACED = template("{reason}{place}")
_LINE_COLUMN = template(" (line {line}, column {column})")
_NOT_FINITE_CONSTANT = template("{name} is not a number a scene can hold (only finite numbers)")
_NUMBER_TOO_LARGE = template("number {text} is too large")
_INTEGER_TOO_LONG = template("number {text} ({digits} digits) is too large")
_REPEATED_FIELD = template("field {key!r} appears twice in one object")
_BYTES = template("{count} bytes")
_TOO_BIG = template("the file is too large ({size}; scenes are at most {limit})")
_CANNOT_OPEN = template("cannot open {name}: {reason}")
_NOT_A_REGULAR_FILE = template("cannot open {name}: not a regular file")
_CANNOT_READ = template("cannot read {name}: {reason}")
_NOT_UTF8 = template("not a text file (invalid UTF-8 at byte {byte})")
_NESTED_LEVELS = template("the file is nested too deeply ({depth} levels; at most {limit})")
_NESTED = template("the file is nested too deeply (at most {limit})")
_NOT_JSON = template("not valid JSON: {detail} (line {line}, column {column})")
_NOT_JSON_TRUNCATED = template(
    "not valid JSON: {detail} (line {line}, column {column}); the file ends too early (truncated?)"
)
# The JSON parser's own messages a damaged file usually gives; others stay as it says.
_JSON_DETAILS = {
    text: template(text)
    for text in (
        "Expecting value",
        "Expecting ',' delimiter",
        "Expecting ':' delimiter",
        "Expecting property name enclosed in double quotes",
        "Extra data",
        "Unterminated string starting at",
        "Invalid control character at",
        "Illegal trailing comma before end of object",
        "Illegal trailing comma before end of array",
    )
}
_A_NUMBER = template("a number")
_TEXT = template("text")
_A_LIST = template("a list")
_AN_OBJECT = template("an object")
_SCENE = template("scene")
_LECTURE = template("lecture")
_NOT_AN_OBJECT_FILE = template("not an ActExplorer {what}: the file holds {kind}, not an object")
_NO_FORMAT = template("no 'format' field (expected {expected!r})")
_OTHER_KIND = template("format is {marker!r}: this file is a {other}, not a {what}")
_WRONG_FORMAT = template("format is {marker}, expected {expected!r}")
_NOT_OURS = template("not an ActExplorer {what}: {problem}")
_NO_VERSION = template("the file gives no version; read as version 1")
_BAD_VERSION = template("version must be a whole number ≥ 0; got {value}")
_BAD_REQUIRES = template("requires must be a whole number ≥ 0; got {value}")
_NEEDS_NEWER = template(
    "this {what} needs a newer ActExplorer: it requires format version {requires}, "
    "this version reads up to {supported}"
)
_FROM_NEWER = template(
    "written by a newer ActExplorer (format version {version}); "
    "settings this version does not know are ignored"
)
_NEWER_HINT = template(
    "(the file is format version {version}; this ActExplorer reads up to "
    "{supported}: a newer ActExplorer may open it)"
)
_UNKNOWN_FIELD = template("unknown field, ignored")
_VIEWER_FIELD = template("the viewer's choice, not part of a scene; ignored")
_NOT_A_KEY = template("must be an activation key (text); got {kind}")
_NOT_PARAMS = template("must be an object of name: value; got {kind}")
_NOT_A_LIST = template("must be a list; got {kind}")
_NOT_A_DISTRIBUTION = template("must be an object with 'kind' and 'params'; got {kind}")
_NOT_TEXT = template("must be text; got {kind}")
_UNKNOWN_DISTRIBUTION = template("unknown distribution {kind!r} ({choices}){suggestion}")
_DID_YOU_MEAN = template("; did you mean {hint!r}?")
_TOO_MANY_PINS = template("at most {limit} functions can be pinned; got {count}")
_NOT_A_PIN = template("must be an object with 'key' and 'params'; got {kind}")
_TOO_LONG = template("is too long ({length} characters; at most {limit})")
_NOT_CUSTOM_LIST = template("must be a list of custom functions; got {kind}")
_TOO_MANY_CUSTOM = template("at most {limit} custom functions; got {count}")
_DEFINED_TWICE = template("{name!r} is defined twice")
_ALREADY_EXISTS = template("{key} already exists; the existing one is used")
_NO_EXPLORER = template("missing: a scene needs the explorer's settings")
_NOT_AN_OBJECT = template("must be an object; got {kind}")
_NOT_SCENE_LIST = template("must be a list of scenes; got {kind}")
_SCENE_COUNT = template("must hold 1 to {limit} scenes; got {count}")
_MUST_BE_FORMAT = template("must be {format!r}")
_CANNOT_INSTALL = template("custom: the scene uses {names}, which cannot be installed here")
_INSTALL_REFUSED = template("custom: {name}: {reason}")
_NOT_INSTALLED = template("custom: {keys} could not be installed")
_DEFINED_DIFFERENTLY = template(
    "the scene defines {key} differently from yours: the scene's version is shown as {name!r}"
)

_SCENE_KEYS = ("format", "version", "requires", "title", "notes", "explorer", "lab", "custom")
_LECTURE_KEYS = ("format", "version", "requires", "title", "notes", "scenes")
# The explorer fields that are plain setters, in the order update_from_dict applies them.
_EXPLORER_SETTERS = ("n_samples", "seed")
_EXPLORER_FLAGS = (
    "log_derivative",
    "show_input_histogram",
    "show_derivative",
    "show_histograms",
    "show_pins",
    "train_mode",
)


class SceneError(ValueError):
    """A scene or lecture that cannot be opened; ``problems`` lists each one, naming its field."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        message: str
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            message = self.heading() + "".join(f"\n- {p}" for p in self.problems)
        super().__init__(message)

    def heading(self) -> Message:
        """``N problems:``, the line above the listed problems (translatable)."""
        return Message(_SEVERAL_PROBLEMS, count=len(self.problems))


@dataclass(frozen=True, slots=True)
class Scene:
    """A checked scene: complete explorer settings, optional lab settings, custom functions."""

    explorer: Mapping[str, Any]
    lab: Mapping[str, Any] | None = None
    custom: tuple[CustomDefinition, ...] = ()
    title: str = ""
    notes: str = ""
    #: What was ignored or converted while reading (newer fields, an old version, ...).
    notices: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "explorer", MappingProxyType(copy.deepcopy(dict(self.explorer))))
        if self.lab is not None:
            object.__setattr__(self, "lab", MappingProxyType(copy.deepcopy(dict(self.lab))))
        object.__setattr__(self, "custom", tuple(self.custom))

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this scene (see :func:`dumps_scene`)."""
        return _scene_document(
            dict(copy.deepcopy(dict(self.explorer))),
            None if self.lab is None else copy.deepcopy(dict(self.lab)),
            self.custom,
            self.title,
            self.notes,
        )


@dataclass(frozen=True, slots=True)
class Lecture:
    """A checked scene list: the sequence presentation mode steps through."""

    scenes: tuple[Scene, ...]
    title: str = ""
    notes: str = ""
    notices: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this lecture (see :func:`dumps_lecture`)."""
        return lecture_from_scenes(self.scenes, title=self.title, notes=self.notes)


# -- writing ------------------------------------------------------------------------------------
def _scene_document(
    explorer: Mapping[str, Any],
    lab: Mapping[str, Any] | None,
    custom: Iterable[CustomDefinition],
    title: str,
    notes: str,
) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": SCENE_FORMAT,
        "version": SCENE_VERSION,
        "title": title,
        "notes": notes,
        "explorer": {k: v for k, v in explorer.items() if k not in VIEWER_FIELDS},
    }
    if lab is not None:
        document["lab"] = dict(lab)
    document["custom"] = [definition.to_dict() for definition in custom]
    return document


def scene_from_states(
    explorer: ExplorerState,
    lab: LabState | None = None,
    title: str = "",
    *,
    notes: str = "",
    custom: Iterable[CustomDefinition] = (),
) -> dict[str, Any]:
    """The scene document of the current states (the lab only when given)."""
    return _scene_document(
        explorer.to_dict(), None if lab is None else lab.to_dict(), custom, title, notes
    )


def lecture_from_scenes(
    scenes: Iterable[Scene | Mapping[str, Any]], title: str = "", *, notes: str = ""
) -> dict[str, Any]:
    """The lecture document holding ``scenes`` in order."""
    embedded = []
    for scene in scenes:
        document = scene.to_dict() if isinstance(scene, Scene) else dict(scene)
        embedded.append(document)
    return {
        "format": LECTURE_FORMAT,
        "version": SCENE_VERSION,
        "title": title,
        "notes": notes,
        "scenes": embedded,
    }


def dumps_scene(scene: Scene | Mapping[str, Any]) -> str:
    """The scene as indented JSON text: fields in a fixed order, short lists on one line."""
    document = scene.to_dict() if isinstance(scene, Scene) else scene
    return _format(document, 0) + "\n"


def dumps_lecture(lecture: Lecture | Mapping[str, Any]) -> str:
    """The lecture as indented JSON text (same layout as :func:`dumps_scene`)."""
    document = lecture.to_dict() if isinstance(lecture, Lecture) else lecture
    return _format(document, 0) + "\n"


def save_document(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` atomically: a crash mid-save never leaves half a file."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)


def _format(value: Any, level: int) -> str:
    pad, end = "  " * (level + 1), "  " * level
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        if all(not isinstance(v, (Mapping, list, tuple)) for v in value.values()):
            inline = ", ".join(f"{_scalar(str(k))}: {_scalar(v)}" for k, v in value.items())
            # Short flat objects (parameters) read best on one line.
            if len(inline) <= 60:
                return "{" + inline + "}"
        items = [f"{pad}{_scalar(str(k))}: {_format(v, level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (Mapping, list, tuple)) for v in value):
            return "[" + ", ".join(_scalar(v) for v in value) + "]"
        items = [pad + _format(v, level + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + end + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, (np.integer, np.floating)):
        value = value.item()
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


# -- reading: bytes to JSON ---------------------------------------------------------------------
class _ParseRefusal(Exception):
    """Raised from inside the JSON parser's hooks; not a ValueError so it is never confused."""

    def __init__(self, message: str, token: str = "") -> None:
        super().__init__(message)
        self.token = token


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _nesting(text: str) -> int:
    """Deepest bracket nesting outside strings, found without recursion (json's would overflow)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if not brackets:
        return 0
    codes = np.frombuffer(brackets.encode("ascii"), dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)
    return int(np.cumsum(steps).max())


def _refuse_constant(name: str) -> Any:
    raise _ParseRefusal(Message(_NOT_FINITE_CONSTANT, name=name), name)


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _ParseRefusal(Message(_NUMBER_TOO_LARGE, text=_clip(text)), text)
    return number


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _ParseRefusal(Message(_INTEGER_TOO_LONG, text=_clip(text), digits=digits), text)
    return int(text)


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _ParseRefusal(Message(_REPEATED_FIELD, key=key))
        result[key] = value
    return result


def _where(text: str, token: str) -> str:
    """`` (line L, column C)`` of the first ``token`` outside strings, if it can be found."""
    if not token:
        return ""
    blanked = _STRING.sub(lambda m: " " * len(m.group()), text)
    match = re.search(rf"(?<![\w.+-]){re.escape(token)}(?![\w.])", blanked)
    if match is None:
        return ""
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return Message(_LINE_COLUMN, line=line, column=column)


def _clip(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _size_text(size: int) -> str:
    return f"{size / 1e6:.3g} MB" if size >= 100_000 else Message(_BYTES, count=f"{size:,}")


def _too_big(size: int) -> str:
    return Message(_TOO_BIG, size=_size_text(size), limit=_size_text(MAX_FILE_BYTES))


def _read_text(source: str | bytes | os.PathLike[str]) -> str:
    """JSON text from a path, or the text itself (a str starting with '{' or '[')."""
    if isinstance(source, bytes):
        if len(source) > MAX_FILE_BYTES:
            raise SceneError([_too_big(len(source))])
        return _decode(source)
    if isinstance(source, str) and (len(source) > 4096 or source.lstrip()[:1] in ("{", "[")):
        if len(source) > MAX_FILE_BYTES:
            raise SceneError([_too_big(len(source))])
        return source
    path = Path(source)
    try:
        info = path.stat()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SceneError([Message(_CANNOT_OPEN, name=path.name, reason=reason)]) from None
    if not stat.S_ISREG(info.st_mode):
        raise SceneError([Message(_NOT_A_REGULAR_FILE, name=path.name)])
    if info.st_size > MAX_FILE_BYTES:
        raise SceneError([_too_big(info.st_size)])
    try:
        with path.open("rb") as handle:
            # One byte more than allowed: a file that grew since stat() is still caught.
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SceneError([Message(_CANNOT_READ, name=path.name, reason=reason)]) from None
    if len(data) > MAX_FILE_BYTES:
        raise SceneError([_too_big(len(data))])
    return _decode(data)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SceneError([Message(_NOT_UTF8, byte=exc.start)]) from None


def _parse(text: str) -> Any:
    depth = _nesting(text)
    if depth > MAX_NESTING:
        raise SceneError([Message(_NESTED_LEVELS, depth=depth, limit=MAX_NESTING)])
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
            object_pairs_hook=_no_repeats,
        )
    except _ParseRefusal as exc:
        place = _where(text, exc.token)
        raise SceneError([Message(_PLACED, reason=reason_of(exc), place=place)]) from None
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip())
        detail = Message(_JSON_DETAILS[exc.msg]) if exc.msg in _JSON_DETAILS else exc.msg
        wording = _NOT_JSON_TRUNCATED if truncated else _NOT_JSON
        message = Message(wording, detail=detail, line=exc.lineno, column=exc.colno)
        raise SceneError([message]) from None
    except RecursionError:  # the bracket scan should make this unreachable
        raise SceneError([Message(_NESTED, limit=MAX_NESTING)]) from None


# -- reading: versions --------------------------------------------------------------------------
def _from_v0(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0, a file without ``version``: written by hand, with version 1's layout."""
    return {**data, "version": 1}


#: version → function turning a document of that version into one of the next version.
MIGRATIONS: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]] = MappingProxyType(
    {0: _from_v0}
)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return Message(_A_NUMBER)
    if isinstance(value, str):
        return Message(_TEXT)
    if isinstance(value, list):
        return Message(_A_LIST)
    if isinstance(value, dict):
        return Message(_AN_OBJECT)
    return type(value).__name__


def _check_header(data: Any, expected: str, notices: list[str]) -> dict[str, Any]:
    """The document migrated to :data:`SCENE_VERSION`, or ``SceneError`` for the wrong file."""
    what = Message(_SCENE if expected == SCENE_FORMAT else _LECTURE)
    if not isinstance(data, dict):
        raise SceneError([Message(_NOT_AN_OBJECT_FILE, what=what, kind=_kind(data))])
    marker = data.get("format")
    if marker != expected:
        problem: str
        if marker is None:
            problem = Message(_NO_FORMAT, expected=expected)
        elif marker in (SCENE_FORMAT, LECTURE_FORMAT):
            other = Message(_SCENE if marker == SCENE_FORMAT else _LECTURE)
            problem = Message(_OTHER_KIND, marker=marker, other=other, what=what)
        else:
            problem = Message(_WRONG_FORMAT, marker=_clip(repr(marker), 40), expected=expected)
        raise SceneError([Message(_NOT_OURS, what=what, problem=problem)])
    if "version" not in data:
        version = 0
        notices.append(Message(_NO_VERSION))
    else:
        version = data["version"]
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise SceneError([Message(_BAD_VERSION, value=_clip(repr(version)))])
    requires = data.get("requires", min(version, SCENE_VERSION))
    if isinstance(requires, bool) or not isinstance(requires, int) or requires < 0:
        raise SceneError([Message(_BAD_REQUIRES, value=_clip(repr(requires)))])
    if requires > SCENE_VERSION:
        raise SceneError(
            [Message(_NEEDS_NEWER, what=what, requires=requires, supported=SCENE_VERSION)]
        )
    if version > SCENE_VERSION:
        notices.append(Message(_FROM_NEWER, version=version))
    document: dict[str, Any] = data
    while version < SCENE_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    return document


# -- checking -----------------------------------------------------------------------------------
class _Report:
    """Problems and notices, each with a path prefix such as ``scenes[2].``."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.problems: list[str] = []
        self.notices: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Message(_AT_PATH, path=f"{self.prefix}{path}", message=message))

    def notice(self, path: str, message: str) -> None:
        self.notices.append(Message(_AT_PATH, path=f"{self.prefix}{path}", message=message))

    def unknown(self, path: str, data: Mapping[str, Any], known: Iterable[str]) -> None:
        known = set(known)
        for key in data:
            if key not in known:
                self.notice(f"{path}{key}", Message(_UNKNOWN_FIELD))


def _rest(message: str, *names: str) -> str:
    """``message`` without a leading field name (the path already names it).

    A translatable message stays translatable: "name: reason" gives its reason; any other
    keeps its full sentence in other languages (the name then appears twice, which reads fine).
    """
    for name in names:
        if message.startswith(name + " "):
            rest = message[len(name) + 1 :]
            if not isinstance(message, Message):
                return rest
            reason = message.args.get("reason")
            if name.endswith(":") and isinstance(reason, str) and reason == rest:
                return reason
            return message.with_text(rest)
    return message


def _unused_kernel(x: FloatArray, **params: object) -> FloatArray:
    raise RuntimeError("a stand-in for parameter checks; it is never evaluated")


class _Lookup:
    """Resolves activation keys: the catalog first, then the scene's own custom functions.

    A custom function not yet in the catalog is represented by a stand-in holding only its
    parameter specs: enough to check parameters without building its symbolic derivative. So is
    one the catalog holds under the same key with another definition (the user's own function of
    that name): the scene's parameters are checked against the scene's definition.
    """

    def __init__(self, custom: Iterable[CustomDefinition]) -> None:
        self.custom = {definition.key: definition for definition in custom}
        self.differing = {
            key
            for key, definition in self.custom.items()
            if (existing := ACTIVATIONS.get(key)) is not None
            and not same_definition(definition, existing)
        }
        self._stand_ins: dict[str, Activation] = {}

    def find(self, key: object) -> Any:
        if not isinstance(key, str):
            raise ValueError(Message(_NOT_A_KEY, kind=_kind(key)))
        if key in self.differing:
            return self._stand_in(self.custom[key])
        try:
            return get(key)
        except KeyError as exc:
            if key in self.custom:
                return self._stand_in(self.custom[key])
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else None
            raise ValueError(reason or (str(exc.args[0]) if exc.args else repr(key))) from None

    def is_registered(self, key: str) -> bool:
        return key in ACTIVATIONS and key not in self.differing

    def _stand_in(self, definition: CustomDefinition) -> Activation:
        if definition.key not in self._stand_ins:
            specs = _installed_specs(definition)
            self._stand_ins[definition.key] = Activation(
                key=definition.key,
                name=definition.name,
                family=Family.OTHER,
                formula=Formula(latex="", text=definition.expression),
                kernel=_unused_kernel,
                derivative_kernel=_unused_kernel,
                rules=PropertyRules(output_range=(-math.inf, math.inf)),
                description=Description(summary=""),
                params=specs,
            )
        return self._stand_ins[definition.key]


def _installed_specs(definition: CustomDefinition) -> tuple[ParamSpec, ...]:
    """The parameter specs ``definition`` gets when installed: the same rule build_activation
    uses (listed specs of the parameters the expression uses, else a default spec)."""
    expression = parse_expression(definition.expression)
    given = {spec.name: spec for spec in definition.params}
    return tuple(given.get(n) or custom_param(n) for n in expression.parameters)


def same_definition(definition: CustomDefinition, activation: object) -> bool:
    """True when the installed ``activation`` computes what ``definition`` defines (the same
    expression and parameter specs; the display name may differ in case or spacing)."""
    if not isinstance(activation, Activation) or activation.key != definition.key:
        return False
    try:
        specs = _installed_specs(definition)
    except ExpressionError:
        return False
    text = definition.expression.strip()
    return activation.formula.text == text and tuple(activation.params) == specs


def _check_params(raw: object, act: Any, path: str, report: _Report) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        report.problem(path, Message(_NOT_PARAMS, kind=_kind(raw)))
        return None
    ok = True
    for name, value in raw.items():
        try:
            act.param(name).validate(value)
        except (ValueError, OverflowError) as exc:
            report.problem(f"{path}.{name}", _rest(reason_of(exc), f"parameter {name!r}"))
            ok = False
    if not ok:
        return None
    try:
        return dict(act.resolve(raw))
    except (ValueError, OverflowError) as exc:
        report.problem(path, reason_of(exc))
        return None


def _check_explorer(raw: dict[str, Any], lookup: _Lookup, report: _Report) -> dict[str, Any]:
    """Complete explorer settings, each field checked by a fresh state's setter."""
    fresh = ExplorerState()
    known = [k for k in fresh.to_dict() if k not in VIEWER_FIELDS]
    for key in raw:
        if key in VIEWER_FIELDS:
            report.notice(f"explorer.{key}", Message(_VIEWER_FIELD))
        elif key not in known:
            report.notice(f"explorer.{key}", Message(_UNKNOWN_FIELD))
    out_activation: str | None = None
    out_params: dict[str, Any] | None = None
    act: Any = fresh.current
    if "activation" in raw:
        try:
            act = lookup.find(raw["activation"])
        except ValueError as exc:
            report.problem("explorer.activation", reason_of(exc))
            act = None
        else:
            if lookup.is_registered(act.key):
                fresh.activation = act.key
            else:
                out_activation, out_params = act.key, act.defaults
    if "params" in raw and act is not None:
        params = _check_params(raw["params"], act, "explorer.params", report)
        if params is not None:
            if out_activation is None:
                try:
                    fresh.params = params
                except ValueError as exc:
                    report.problem("explorer.params", reason_of(exc))
            else:
                out_params = params
    for name in _EXPLORER_SETTERS:
        if name in raw:
            _set(fresh, name, raw[name], report)
    if "distribution" in raw:
        _check_distribution(fresh, raw["distribution"], report)
    if "x_range" in raw:
        _set(fresh, "x_range", raw["x_range"], report, as_list=True)
    for name in _EXPLORER_FLAGS:
        if name in raw:
            _set(fresh, name, raw[name], report)
    out_pins = _check_pins(fresh, raw["pins"], lookup, report) if "pins" in raw else []
    if "pin_histograms" in raw:
        _set(fresh, "pin_histograms", raw["pin_histograms"], report)
    if "logits" in raw:
        _set(fresh, "logits", raw["logits"], report, as_list=True)
    out = {k: v for k, v in fresh.to_dict().items() if k not in VIEWER_FIELDS}
    if out_activation is not None:
        out["activation"], out["params"] = out_activation, out_params
    out["pins"] = out_pins
    return out


def _set(fresh: Any, name: str, value: object, report: _Report, as_list: bool = False) -> None:
    path = f"explorer.{name}"
    # The setters take any iterable; a file must hold an actual list.
    if as_list and not isinstance(value, list):
        report.problem(path, Message(_NOT_A_LIST, kind=_kind(value)))
        return
    try:
        setattr(fresh, name, value)
    except (ValueError, TypeError, OverflowError) as exc:
        report.problem(path, _rest(reason_of(exc), name, name.rstrip("s")))


def _check_distribution(fresh: ExplorerState, raw: object, report: _Report) -> None:
    path = "explorer.distribution"
    if not isinstance(raw, dict):
        report.problem(path, Message(_NOT_A_DISTRIBUTION, kind=_kind(raw)))
        return
    report.unknown(f"{path}.", raw, ("kind", "params"))
    kind, params = raw.get("kind", "normal"), raw.get("params", {})
    if not isinstance(kind, str):
        report.problem(f"{path}.kind", Message(_NOT_TEXT, kind=_kind(kind)))
        return
    if not isinstance(params, dict):
        report.problem(f"{path}.params", Message(_NOT_PARAMS, kind=_kind(params)))
        return
    if kind not in DISTRIBUTIONS:
        choices = ", ".join(DISTRIBUTIONS)
        hint = difflib.get_close_matches(kind, list(DISTRIBUTIONS), n=1)
        suggestion = Message(_DID_YOU_MEAN, hint=hint[0]) if hint else ""
        report.problem(
            f"{path}.kind",
            Message(_UNKNOWN_DISTRIBUTION, kind=kind, choices=choices, suggestion=suggestion),
        )
        return
    for spec in DISTRIBUTIONS[kind].params:
        if spec.name in params:
            try:
                spec.validate(params[spec.name])
            except (ValueError, OverflowError) as exc:
                message = _rest(reason_of(exc), f"parameter {spec.name!r}")
                report.problem(f"{path}.params.{spec.name}", message)
                return
    try:
        fresh.set_distribution(kind, params)
    except (ValueError, TypeError, OverflowError) as exc:
        report.problem(f"{path}.params", reason_of(exc))


def _check_pins(
    fresh: ExplorerState, raw: object, lookup: _Lookup, report: _Report
) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        report.problem("explorer.pins", Message(_NOT_A_LIST, kind=_kind(raw)))
        return []
    if len(raw) > MAX_PINS:
        report.problem("explorer.pins", Message(_TOO_MANY_PINS, limit=MAX_PINS, count=len(raw)))
        return []
    pins: list[dict[str, Any]] = []
    registered: list[Pin] = []
    for index, item in enumerate(raw):
        path = f"explorer.pins[{index}]"
        if not isinstance(item, dict):
            report.problem(path, Message(_NOT_A_PIN, kind=_kind(item)))
            continue
        report.unknown(f"{path}.", item, ("key", "params"))
        try:
            act = lookup.find(item.get("key"))
        except ValueError as exc:
            report.problem(f"{path}.key", reason_of(exc))
            continue
        params = _check_params(item.get("params", {}), act, f"{path}.params", report)
        if params is None:
            continue
        pins.append({"key": act.key, "params": params})
        if lookup.is_registered(act.key):
            registered.append(Pin(act.key, params))
    try:
        fresh.pins = registered
    except ValueError as exc:
        report.problem("explorer.pins", reason_of(exc))
    return pins


def _check_lab(raw: dict[str, Any], lookup: _Lookup, report: _Report) -> dict[str, Any]:
    """Complete lab settings, each field checked by a fresh lab state in declaration order."""
    fresh = LabState()
    fields = LabState.fields()
    report.unknown("lab.", raw, fields)
    custom_race: str | None = None
    # The scene's own custom functions chosen per hidden layer: index → key.
    custom_layers: dict[int, str] = {}
    for name in fields:
        if name not in raw:
            continue
        value = raw[name]
        custom = isinstance(value, str) and value in lookup.custom
        if name == "race" and custom and not lookup.is_registered(value):
            custom_race = value
            continue
        if name == "layer_activations" and isinstance(value, list):
            custom_layers = {
                i: key
                for i, key in enumerate(value)
                if isinstance(key, str) and key in lookup.custom and not lookup.is_registered(key)
            }
            # Checked without them; they come back below once the rest is known to be valid.
            value = [None if i in custom_layers else key for i, key in enumerate(value)]
        try:
            fresh.update(**{name: value})
        except (ValueError, TypeError, OverflowError) as exc:
            report.problem(f"lab.{name}", _rest(reason_of(exc), name, f"{name}:"))
    out = fresh.to_dict()
    if custom_race is not None:
        out["race"] = custom_race
    if custom_layers:
        out["layer_activations"] = [
            custom_layers.get(i, key) for i, key in enumerate(out["layer_activations"])
        ]
    return out


def _check_text(data: Mapping[str, Any], name: str, limit: int, report: _Report) -> str:
    value = data.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        report.problem(name, Message(_NOT_TEXT, kind=_kind(value)))
        return ""
    if len(value) > limit:
        report.problem(name, Message(_TOO_LONG, length=f"{len(value):,}", limit=f"{limit:,}"))
        return ""
    return value


def _check_custom(raw: object, report: _Report) -> tuple[CustomDefinition, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        report.problem("custom", Message(_NOT_CUSTOM_LIST, kind=_kind(raw)))
        return ()
    if len(raw) > MAX_CUSTOM:
        report.problem("custom", Message(_TOO_MANY_CUSTOM, limit=MAX_CUSTOM, count=len(raw)))
        return ()
    definitions: list[CustomDefinition] = []
    for index, item in enumerate(raw):
        path = f"custom[{index}]"
        try:
            definition = CustomDefinition.from_dict(item)
        except (ValueError, TypeError) as exc:
            report.problem(path, _rest(reason_of(exc), "custom activation"))
            continue
        try:
            # Parsing only: the whitelisted parser refuses anything that is not maths.
            parse_expression(definition.expression)
        except ExpressionError as exc:
            report.problem(f"{path}.expression", reason_of(exc))
            continue
        if any(d.key == definition.key for d in definitions):
            report.problem(f"{path}.name", Message(_DEFINED_TWICE, name=definition.name))
            continue
        existing = ACTIVATIONS.get(definition.key)
        # A differing one is shown under a new name when the scene is applied (apply_scene).
        if existing is not None and same_definition(definition, existing):
            report.notice(f"{path}", Message(_ALREADY_EXISTS, key=definition.key))
        definitions.append(definition)
    return tuple(definitions)


def _check_scene(data: dict[str, Any], report: _Report) -> Scene | None:
    """The checked scene, or None with the problems in ``report``."""
    report.unknown("", data, _SCENE_KEYS)
    title = _check_text(data, "title", MAX_TITLE, report)
    notes = _check_text(data, "notes", MAX_NOTES, report)
    custom = _check_custom(data.get("custom"), report)
    lookup = _Lookup(custom)
    explorer: dict[str, Any] = {}
    if "explorer" not in data:
        report.problem("explorer", Message(_NO_EXPLORER))
    elif not isinstance(data["explorer"], dict):
        report.problem("explorer", Message(_NOT_AN_OBJECT, kind=_kind(data["explorer"])))
    else:
        explorer = _check_explorer(data["explorer"], lookup, report)
    lab: dict[str, Any] | None = None
    raw_lab = data.get("lab")
    if raw_lab is not None:
        if not isinstance(raw_lab, dict):
            report.problem("lab", Message(_NOT_AN_OBJECT, kind=_kind(raw_lab)))
        else:
            lab = _check_lab(raw_lab, lookup, report)
    if report.problems:
        return None
    return Scene(explorer, lab, custom, title, notes, tuple(report.notices))


def _newer_hint(data: Mapping[str, Any], error: SceneError) -> SceneError:
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCENE_VERSION:
        note = Message(_NEWER_HINT, version=version, supported=SCENE_VERSION)
        return SceneError([*error.problems, note])
    return error


def _scene_from_document(data: Any) -> Scene:
    notices: list[str] = []
    data = _check_header(data, SCENE_FORMAT, notices)
    report = _Report()
    report.notices.extend(notices)
    scene = _check_scene(data, report)
    if scene is None:
        raise _newer_hint(data, SceneError(report.problems))
    return scene


# -- public reading API -------------------------------------------------------------------------
def loads_scene(text: str | bytes) -> Scene:
    """The scene in JSON ``text``; ``SceneError`` naming the first problem field by field."""
    if isinstance(text, bytes):
        text = _read_text(text)
    elif len(text) > MAX_FILE_BYTES:
        raise SceneError([_too_big(len(text))])
    return _scene_from_document(_parse(text))


def load_scene(source: str | bytes | os.PathLike[str]) -> Scene:
    """The scene in a file (a path) or in JSON text (a str starting with ``{``)."""
    return _scene_from_document(_parse(_read_text(source)))


def load_lecture(source: str | bytes | os.PathLike[str]) -> Lecture:
    """The scene list in a file or in JSON text; each scene checked like :func:`load_scene`."""
    return _lecture_from_document(_parse(_read_text(source)))


def load_document(source: str | bytes | os.PathLike[str]) -> Scene | Lecture:
    """A scene or a lecture, whichever the file's ``format`` says (for Open and drag and drop)."""
    data = _parse(_read_text(source))
    if isinstance(data, dict) and data.get("format") == LECTURE_FORMAT:
        return _lecture_from_document(data)
    return _scene_from_document(data)


def _lecture_from_document(data: Any) -> Lecture:
    notices: list[str] = []
    data = _check_header(data, LECTURE_FORMAT, notices)
    report = _Report()
    report.notices.extend(notices)
    report.unknown("", data, _LECTURE_KEYS)
    title = _check_text(data, "title", MAX_TITLE, report)
    notes = _check_text(data, "notes", MAX_NOTES, report)
    raw = data.get("scenes")
    scenes: list[Scene] = []
    if not isinstance(raw, list):
        report.problem("scenes", Message(_NOT_SCENE_LIST, kind=_kind(raw)))
    elif not 1 <= len(raw) <= MAX_SCENES:
        report.problem("scenes", Message(_SCENE_COUNT, limit=MAX_SCENES, count=len(raw)))
    else:
        for index, item in enumerate(raw):
            inner = _Report(f"scenes[{index}].")
            if not isinstance(item, dict):
                report.problem(f"scenes[{index}]", Message(_NOT_AN_OBJECT, kind=_kind(item)))
                continue
            if item.get("format", SCENE_FORMAT) != SCENE_FORMAT:
                report.problem(
                    f"scenes[{index}].format", Message(_MUST_BE_FORMAT, format=SCENE_FORMAT)
                )
                continue
            scene = _check_scene(item, inner)
            report.problems.extend(inner.problems)
            report.notices.extend(inner.notices)
            if scene is not None:
                scenes.append(scene)
    if report.problems:
        raise _newer_hint(data, SceneError(report.problems))
    return Lecture(tuple(scenes), title, notes, tuple(report.notices))


# -- applying -----------------------------------------------------------------------------------
def activation_keys(explorer: Mapping[str, Any], lab: Mapping[str, Any] | None) -> set[str]:
    """Every activation key the settings name: the current function, the pins, the lab's race
    partner and the functions chosen per hidden layer (``to_dict()`` snapshots of the states)."""
    keys = {explorer["activation"], *(pin["key"] for pin in explorer.get("pins", ()))}
    if lab is not None:
        if isinstance(lab.get("race"), str):
            keys.add(lab["race"])
        keys.update(key for key in lab.get("layer_activations") or () if isinstance(key, str))
    return keys


def _referenced_keys(scene: Scene) -> set[str]:
    return activation_keys(scene.explorer, scene.lab)


def apply_scene(
    scene: Scene,
    explorer: ExplorerState,
    lab: LabState | None = None,
    *,
    install_custom: Callable[[CustomDefinition], object] | None = None,
) -> tuple[str, ...]:
    """Show ``scene`` in the states, all or nothing; returns the notices to show the user.

    Everything is checked again on throw-away states first (the catalog may have changed since
    the scene was read). The scene's custom functions missing from the catalog are handed to
    ``install_custom`` (which must make ``get(key)`` find them) before anything changes; without
    it, a scene using such a function is refused. On any problem ``SceneError`` is raised and
    ``explorer`` and ``lab`` are as they were.
    """
    checked = _scene_from_document(scene.to_dict())
    checked, renamed = _rename_differing(checked)
    missing = [d for d in checked.custom if d.key not in ACTIVATIONS]
    needed = _referenced_keys(checked) & {d.key for d in missing}
    if needed and install_custom is None:
        names = ", ".join(sorted(needed))
        raise SceneError([Message(_CANNOT_INSTALL, names=names)])
    if install_custom is not None:
        for definition in missing:
            try:
                install_custom(definition)
            except (ValueError, TypeError, KeyError) as exc:
                reason = reason_of(exc)
                raise SceneError(
                    [Message(_INSTALL_REFUSED, name=definition.name, reason=reason)]
                ) from None
        unresolved = sorted(key for key in needed if key not in ACTIVATIONS)
        if unresolved:
            raise SceneError([Message(_NOT_INSTALLED, keys=", ".join(unresolved))])
        checked = _scene_from_document(checked.to_dict())
    before_explorer = explorer.to_dict()
    before_lab = None if lab is None else lab.to_dict()
    try:
        problems = explorer.update_from_dict(checked.explorer)
        if problems:
            raise SceneError([Message(_IN_EXPLORER, problem=p) for p in problems])
        if lab is not None and checked.lab is not None:
            lab.update(**checked.lab)
    except (ValueError, TypeError, KeyError) as exc:
        explorer.update_from_dict(before_explorer)
        if lab is not None and before_lab is not None:
            lab.update(**before_lab)
        raise exc if isinstance(exc, SceneError) else SceneError([reason_of(exc)]) from None
    return tuple(dict.fromkeys((*scene.notices, *checked.notices, *renamed)))


def _rename_differing(scene: Scene) -> tuple[Scene, tuple[str, ...]]:
    """``scene`` with each custom function the catalog holds under the same key but with another
    definition renamed ("wiggle (scene)"), its references following; and a notice for each.

    The user's own function stays as it is; the scene shows its own version beside it.
    """
    taken = set(ACTIVATIONS) | {d.key for d in scene.custom}
    keys: dict[str, str] = {}
    custom: list[CustomDefinition] = []
    notices: list[str] = []
    for definition in scene.custom:
        existing = ACTIVATIONS.get(definition.key)
        if existing is None or same_definition(definition, existing):
            custom.append(definition)
            continue
        renamed = _free_name(definition, taken)
        taken.add(renamed.key)
        keys[definition.key] = renamed.key
        custom.append(renamed)
        notices.append(Message(_DEFINED_DIFFERENTLY, key=definition.key, name=renamed.name))
    if not keys:
        return scene, ()
    data = scene.to_dict()
    explorer = data["explorer"]
    explorer["activation"] = keys.get(explorer["activation"], explorer["activation"])
    explorer["pins"] = [
        {**pin, "key": keys.get(pin["key"], pin["key"])} for pin in explorer["pins"]
    ]
    lab = data.get("lab")
    if lab is not None:
        lab["race"] = keys.get(lab.get("race"), lab.get("race"))
        layers = lab.get("layer_activations")
        if isinstance(layers, list):
            lab["layer_activations"] = [keys.get(key, key) for key in layers]
    data["custom"] = [definition.to_dict() for definition in custom]
    return _scene_from_document(data), tuple(notices)


def _free_name(definition: CustomDefinition, taken: set[str]) -> CustomDefinition:
    """``definition`` under a name whose key is free, or already holds this very definition."""
    for number in range(1, len(taken) + 2):
        suffix = " (scene)" if number == 1 else f" (scene {number})"
        name = definition.name[: 80 - len(suffix)].rstrip() + suffix
        candidate = CustomDefinition(name, definition.expression, definition.params)
        existing = ACTIVATIONS.get(candidate.key)
        if existing is not None and same_definition(candidate, existing):
            return candidate
        if candidate.key not in taken:
            return candidate
    raise AssertionError("unreachable: more names were tried than are taken")
