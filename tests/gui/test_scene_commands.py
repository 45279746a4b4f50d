"""Scenes and lectures through the window: save and open give back the same state, broken files
change nothing and say why, recent files survive a restart, files can be dropped on the window,
the scene list steps through a lecture, and "copy as code" puts the codegen snippet on the
clipboard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from actexplorer.core import ACTIVATIONS
from actexplorer.core.codegen import numpy_snippet, pytorch_snippet
from actexplorer.core.custom import CustomDefinition
from actexplorer.core.stats import InputDistribution
from actexplorer.gui import MainWindow, scene_commands
from actexplorer.gui.scene_commands import MAX_RECENT, RECENT_KEY
from actexplorer.scene import MAX_FILE_BYTES, SCENE_SUFFIX
from actexplorer.state import Pin

Messages = list[tuple[str, str]]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """The warnings the window would show, recorded instead of blocking in a dialog."""
    seen: Messages = []

    def warning(_parent: object, title: str, text: str, *_: object) -> None:
        seen.append((title, text))

    monkeypatch.setattr(scene_commands.QMessageBox, "warning", warning)
    return seen


def snapshot(window: MainWindow) -> tuple[dict[str, Any], dict[str, Any]]:
    """What a scene holds: the explorer's settings (without the theme) and the lab's."""
    explorer = {k: v for k, v in window.state.to_dict().items() if k != "theme"}
    return explorer, window.lab_state.to_dict()


def make_busy(window: MainWindow) -> None:
    """Move many settings away from their defaults, explorer and lab."""
    state = window.state
    state.activation = "elu"
    state.set_param("alpha", 0.5)
    state.pin_current()
    state.activation = "gelu"
    state.params = {"approximate": "tanh"}
    state.pin_current()
    state.activation = "leaky_relu"
    state.set_param("negative_slope", 0.2)
    state.n_samples = 20_000
    state.seed = 17
    state.distribution = InputDistribution("uniform", {"low": -2.0, "high": 3.0})
    state.x_range = (-3.0, 4.0)
    state.log_derivative = True
    window.lab_state.update(depth=12, width=64, sigma_w=1.7, dataset="moons", learning_rate=0.1)


def test_save_then_open_gives_back_the_state(
    window: MainWindow, tmp_path: Path, messages: Messages
) -> None:
    make_busy(window)
    saved = snapshot(window)
    path = window.scenes.save_scene(tmp_path / "busy")
    assert path.name == "busy" + SCENE_SUFFIX
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "actexplorer-scene"
    assert document["lab"]["depth"] == 12
    assert [pin["key"] for pin in document["explorer"]["pins"]] == ["elu", "gelu"]

    window.state.activation = "tanh"
    window.state.clear_pins()
    window.state.seed = 3
    window.lab_state.update(depth=30)
    assert snapshot(window) != saved
    assert window.scenes.open_file(path)
    assert snapshot(window) == saved
    assert window.state.pins == (
        Pin("elu", {"alpha": 0.5}),
        Pin("gelu", {"approximate": "tanh"}),
    )
    # The widgets follow: the opened scene is what the window shows.
    assert window.title.text() == ACTIVATIONS["leaky_relu"].name
    assert window.parameters.form.controls["negative_slope"].value() == 0.2
    assert messages == []
    assert "Opened scene" in window.statusBar().currentMessage()


def test_the_theme_is_the_viewers_choice(window: MainWindow, tmp_path: Path) -> None:
    window.state.theme = "dark"
    path = window.scenes.save_scene(tmp_path / "dark.actx.json")
    assert "theme" not in json.loads(path.read_text(encoding="utf-8"))["explorer"]
    window.state.theme = "light"
    assert window.scenes.open_file(path)
    assert window.state.theme == "light"


def test_ctrl_s_saves_to_the_scene_file_without_asking(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def get_save(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(tmp_path / "first.actx.json"), ""

    monkeypatch.setattr(scene_commands.QFileDialog, "getSaveFileName", get_save)
    assert window.action("saveScene").shortcut() == QKeySequence("Ctrl+S")
    window.action("saveScene").trigger()  # no file yet: asks
    assert len(asked) == 1
    first = tmp_path / "first.actx.json"
    assert json.loads(first.read_text(encoding="utf-8"))["explorer"]["activation"] == (
        window.state.activation
    )
    window.state.seed = 1234
    window.action("saveScene").trigger()  # now saves in place
    assert len(asked) == 1
    assert json.loads(first.read_text(encoding="utf-8"))["explorer"]["seed"] == 1234
    window.action("saveSceneAs").trigger()  # always asks
    assert len(asked) == 2


def test_save_image_no_longer_takes_ctrl_s(window: MainWindow) -> None:
    assert window.action("saveImage").shortcut() != QKeySequence("Ctrl+S")
    assert window.action("open").shortcut() == QKeySequence("Ctrl+O")
    # No two actions share a shortcut.
    seen: dict[str, str] = {}
    for name, action in window._actions.items():
        for shortcut in action.shortcuts():
            text = shortcut.toString()
            assert text not in seen, (name, seen.get(text))
            seen[text] = name


def test_hypothesis_scenes_round_trip_through_the_window(
    window: MainWindow, tmp_path: Path, messages: Messages
) -> None:
    scalar = sorted(ACTIVATIONS.scalar())

    @hypothesis_settings(max_examples=15, deadline=None)
    @given(
        activation=st.sampled_from(scalar),
        pins=st.lists(st.sampled_from(scalar), max_size=3, unique=True),
        n_samples=st.integers(1_000, 10_000_000),
        seed=st.integers(0, 2**32 - 1),
        low=st.floats(-1e3, 1e3, allow_nan=False),
        width=st.floats(1e-3, 1e3, allow_nan=False),
        flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
        depth=st.integers(1, 50),
        sigma_w=st.floats(0.0, 3.0, allow_nan=False),
    )
    def check(
        activation: str,
        pins: list[str],
        n_samples: int,
        seed: int,
        low: float,
        width: float,
        flags: tuple[bool, bool, bool],
        depth: int,
        sigma_w: float,
    ) -> None:
        state = window.state
        state.clear_pins()
        for key in pins:
            state.activation = key
            state.pin_current()
        state.activation = activation
        state.n_samples = n_samples
        state.seed = seed
        state.x_range = (low, low + width)
        state.log_derivative, state.show_input_histogram, state.pin_histograms = flags
        window.lab_state.update(depth=depth, sigma_w=sigma_w)
        saved = snapshot(window)
        path = window.scenes.save_scene(tmp_path / "drawn.actx.json")
        state.activation = "relu" if activation != "relu" else "tanh"
        state.clear_pins()
        window.lab_state.update(depth=1 if depth != 1 else 2)
        assert window.scenes.open_file(path), messages
        assert snapshot(window) == saved

    check()


# -- broken files -----------------------------------------------------------------------------
def _valid_text(window: MainWindow, tmp_path: Path) -> str:
    return window.scenes.save_scene(tmp_path / "valid.actx.json").read_text(encoding="utf-8")


def _with(text: str, edit: Any) -> str:
    document = json.loads(text)
    edit(document)
    return json.dumps(document)


BROKEN: dict[str, tuple[Any, str]] = {
    # Cut inside a string the parser reports the string; cut after a value it says "truncated".
    "truncated": (lambda text: text[: len(text) // 2], "not valid JSON"),
    "truncated after a value": (lambda text: text[: text.index("[") + 1], "truncated"),
    "wrong type": (
        lambda text: _with(text, lambda d: d["explorer"].update(n_samples="lots")),
        "explorer.n_samples",
    ),
    "explorer not an object": (
        lambda text: _with(text, lambda d: d.update(explorer=[1, 2])),
        "explorer: must be an object",
    ),
    "unknown activation": (
        lambda text: _with(text, lambda d: d["explorer"].update(activation="relu9")),
        "explorer.activation: unknown activation 'relu9'",
    ),
    "NaN": (lambda text: text.replace('"seed": 0', '"seed": NaN'), "NaN"),
    "overflowing number": (lambda text: text.replace('"seed": 0', '"seed": 1e400'), "too large"),
    "bad lab value": (
        lambda text: _with(text, lambda d: d["lab"].update(depth=10_000)),
        "lab.depth",
    ),
    "not a scene": (lambda _text: '{"format": "something-else"}', "not an ActExplorer scene"),
    "a list": (lambda _text: "[1, 2, 3]", "holds a list"),
    "empty": (lambda _text: "", "not valid JSON"),
    "binary": (lambda _text: b"\xff\xfe\x00garbage", "not a text file"),
    "huge": (
        lambda text: text[:-2] + ', "notes": "' + "x" * (MAX_FILE_BYTES + 10) + '"}\n',
        "too large",
    ),
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_files_are_refused_and_change_nothing(
    window: MainWindow, tmp_path: Path, messages: Messages, kind: str
) -> None:
    make_busy(window)
    valid = _valid_text(window, tmp_path)
    spoil, expected = BROKEN[kind]
    content = spoil(valid)
    path = tmp_path / "broken.actx.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    window.state.seed = 5  # differs from the file, so a partial open would show
    before = snapshot(window)
    undo_steps = window.history.undo_count
    assert not window.scenes.open_file(path)
    assert snapshot(window) == before
    assert window.history.undo_count == undo_steps
    assert len(messages) == 1
    _title, text = messages[0]
    assert "broken.actx.json" in text and expected in text, text
    assert "Nothing was changed" in text
    assert not window.scenes.has_lecture


def test_a_missing_file_is_refused(window: MainWindow, tmp_path: Path, messages: Messages) -> None:
    before = snapshot(window)
    assert not window.scenes.open_file(tmp_path / "gone.actx.json")
    assert snapshot(window) == before
    assert "gone.actx.json" in messages[0][1]


def test_newer_files_open_with_a_notice(window: MainWindow, tmp_path: Path) -> None:
    text = _with(
        _valid_text(window, tmp_path),
        lambda d: d.update(version=7, hologram={"on": True}),
    )
    path = tmp_path / "future.actx.json"
    path.write_text(text, encoding="utf-8")
    window.state.seed = 99
    assert window.scenes.open_file(path)
    assert window.state.seed == 0
    shown = window.statusBar().currentMessage()
    assert "newer ActExplorer" in shown and "hologram" in shown


def test_custom_functions_are_handed_to_the_window(
    window: MainWindow, tmp_path: Path, messages: Messages
) -> None:
    definition = CustomDefinition.from_dict(
        {
            "name": "scaled tanh",
            "expression": "a * tanh(x)",
            "params": [{"name": "a", "default": 1.5, "minimum": 0.5, "maximum": 3}],
        }
    )
    path = tmp_path / "custom.actx.json"
    path.write_text(
        json.dumps(
            {
                "format": "actexplorer-scene",
                "version": 1,
                "explorer": {"activation": definition.key, "params": {"a": 2.0}},
                "custom": [definition.to_dict()],
            }
        ),
        encoding="utf-8",
    )
    before = snapshot(window)
    real = window.custom_functions

    class Recorder:
        def __init__(self) -> None:
            self.installed: list[CustomDefinition] = []

        def install(self, given: CustomDefinition) -> None:
            self.installed.append(given)  # records, but cannot make the catalog find it

        def definitions(self) -> tuple[CustomDefinition, ...]:
            return (definition,)

    recorder = Recorder()
    window.custom_functions = recorder  # type: ignore[assignment]
    try:
        assert not window.scenes.open_file(path)
        assert recorder.installed == [definition]
        assert "could not be installed" in messages[-1][1]
        assert snapshot(window) == before
        # A saved scene carries only the custom functions it uses: here none.
        saved = window.scenes.save_scene(tmp_path / "plain.actx.json")
        assert json.loads(saved.read_text(encoding="utf-8"))["custom"] == []
    finally:
        window.custom_functions = real

    # The window's own custom functions install it, and a saved scene carries it again.
    try:
        assert window.scenes.open_file(path)
        assert window.state.activation == definition.key
        assert window.state.params["a"] == 2.0
        assert [d.key for d in real.definitions()] == [definition.key]
        saved = window.scenes.save_scene(tmp_path / "again.actx.json")
        carried = json.loads(saved.read_text(encoding="utf-8"))["custom"]
        assert [CustomDefinition.from_dict(c) for c in carried] == [definition]
    finally:
        window.state.activation = "relu"
        if definition.key in [d.key for d in real.definitions()]:
            real.remove(definition.key)


# -- recent files -----------------------------------------------------------------------------
def test_recent_files_survive_a_restart(
    qtbot, settings: QSettings, settings_path: Path, tmp_path: Path, monkeypatch
) -> None:
    seen: Messages = []
    monkeypatch.setattr(
        scene_commands.QMessageBox,
        "warning",
        lambda _p, title, text, *_: seen.append((title, text)),
    )
    first = MainWindow(settings)
    qtbot.addWidget(first)
    paths = [first.scenes.save_scene(tmp_path / f"s{i}.actx.json") for i in range(MAX_RECENT + 2)]
    newest = [str(p.resolve()) for p in reversed(paths)][:MAX_RECENT]
    assert first.scenes.recent_files() == newest
    first.close()

    reread = QSettings(str(settings_path), QSettings.Format.IniFormat)
    stored = reread.value(RECENT_KEY, [], type=list)
    assert stored == newest
    second = MainWindow(reread)
    qtbot.addWidget(second)
    assert second.scenes.recent_files() == newest
    menu = second.findChild(QMenu, "menu_File_Open Recent")
    assert menu is not None
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.objectName().startswith("action_recent")]
    assert [a.toolTip() for a in entries] == newest
    assert entries[0].text() == f"&1 s{MAX_RECENT + 1}.actx.json"

    # Opening a recent file moves it to the top.
    second.state.seed = 77
    entries[2].trigger()
    assert second.state.seed == 0
    assert second.scenes.recent_files()[0] == newest[2]

    # A file that is gone is dropped, with a message.
    gone = second.scenes.recent_files()[1]
    Path(gone).unlink()
    assert not second.scenes.open_recent(gone)
    assert gone not in second.scenes.recent_files()
    assert "no longer exists" in seen[-1][1]
    assert len(second.scenes.recent_files()) == MAX_RECENT - 1

    second.action("clearRecent").trigger()
    assert second.scenes.recent_files() == []
    assert not second.action("clearRecent").isEnabled()
    second.close()
    third = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert third.value(RECENT_KEY, [], type=list) == []


def test_a_hand_edited_recent_list_is_ignored(qtbot, settings: QSettings) -> None:
    settings.setValue(RECENT_KEY, 42)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.scenes.recent_files() in ([], ["42"])
    window.close()


# -- drag and drop ----------------------------------------------------------------------------
def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drag(window: MainWindow, mime: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setAccepted(False)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def _drop_event(mime: QMimeData) -> QDropEvent:
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setAccepted(False)
    return event


def _drop(window: MainWindow, mime: QMimeData) -> bool:
    """Drag ``mime`` over the window and drop it (Qt delivers a drop only after an enter)."""
    _drag(window, mime)
    event = _drop_event(mime)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_a_dropped_scene_is_opened(window: MainWindow, tmp_path: Path, qtbot) -> None:
    window.state.activation = "softplus"
    path = window.scenes.save_scene(tmp_path / "dropped.actx.json")
    window.state.activation = "tanh"
    assert _drag(window, _mime(path))
    assert _drop(window, _mime(path))
    qtbot.waitUntil(lambda: window.state.activation == "softplus")
    assert window.scenes.recent_files()[0] == str(path.resolve())


def test_other_drops_are_refused(window: MainWindow, tmp_path: Path, qtbot) -> None:
    picture = tmp_path / "picture.png"
    picture.write_bytes(b"\x89PNG")
    scene = window.scenes.save_scene(tmp_path / "a.actx.json")
    text = QMimeData()
    text.setText("relu")
    remote = QMimeData()
    remote.setUrls([QUrl("https://example.org/a.actx.json")])
    window.state.activation = "tanh"
    for mime in (_mime(picture), _mime(scene, scene), text, remote):
        assert not _drag(window, mime)
        # The handler itself refuses too, should a drop arrive without an accepted enter.
        event = _drop_event(mime)
        window.dropEvent(event)
        assert not event.isAccepted()
    qtbot.wait(10)
    assert window.state.activation == "tanh"


def test_a_broken_dropped_file_says_why(
    window: MainWindow, tmp_path: Path, qtbot, messages: Messages
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "actexplorer-scene", "explorer": {"seed": -1}}', encoding="utf-8")
    before = snapshot(window)
    assert _drop(window, _mime(path))
    qtbot.waitUntil(lambda: bool(messages))
    assert "explorer.seed" in messages[0][1]
    assert snapshot(window) == before


# -- lectures and the scene list ----------------------------------------------------------------
def _build_lecture(window: MainWindow, tmp_path: Path) -> Path:
    scenes = window.scenes
    for key in ("relu", "elu", "gelu"):
        window.state.activation = key
        scenes.add_current_scene(title=f"About {key}")
    scenes.set_notes(1, "Point at the negative saturation.")
    return scenes.save_lecture(tmp_path / "talk")


def test_a_lecture_opens_into_the_scene_list(
    window: MainWindow, tmp_path: Path, messages: Messages, qtbot
) -> None:
    scenes = window.scenes
    assert not scenes.has_lecture and scenes.current_index is None
    assert not scenes.step_scene(1)
    assert not scenes.dock.isVisible()
    path = _build_lecture(window, tmp_path)
    assert path.name == "talk" + SCENE_SUFFIX
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "actexplorer-lecture"

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.scenes.open_file(path), messages
    lecture = second.scenes
    assert lecture.has_lecture and lecture.current_index == 0
    assert lecture.dock.isVisible()
    assert second.action("showScenes").isChecked()
    assert second.state.activation == "relu"
    listed = [lecture.dock.list.item(i).text() for i in range(lecture.dock.list.count())]
    assert listed == ["1.  About relu", "2.  About elu", "3.  About gelu"]
    assert lecture.step_scene(1) and second.state.activation == "elu"
    assert lecture.current_index == 1
    assert lecture.dock.notes.toPlainText() == "Point at the negative saturation."
    assert lecture.step_scene(1) and second.state.activation == "gelu"
    assert not lecture.step_scene(1)  # the end
    assert lecture.current_index == 2
    assert lecture.step_scene(-2) and second.state.activation == "relu"
    assert not lecture.step_scene(-1)
    second.close()


def test_enter_and_double_click_show_a_scene(window: MainWindow, tmp_path: Path, qtbot) -> None:
    _build_lecture(window, tmp_path)
    scenes = window.scenes
    listing = scenes.dock.list
    window.state.activation = "tanh"
    listing.setCurrentRow(1)
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert window.state.activation == "elu" and scenes.current_index == 1
    assert listing.item(1).font().bold() and not listing.item(0).font().bold()
    rect = listing.visualItemRect(listing.item(2))
    # A real double-click: press and release, then the double-click event.
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.activation == "elu"  # one click selects, it does not show
    qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.activation == "gelu" and scenes.current_index == 2


def test_editing_the_scene_list(window: MainWindow, tmp_path: Path, messages: Messages) -> None:
    scenes = window.scenes
    dock = scenes.dock
    window.state.activation = "relu"
    dock.add_button.click()
    assert dock.isVisible() and scenes.has_lecture
    window.state.activation = "elu"
    window.state.set_param("alpha", 0.5)
    dock.add_button.click()
    assert [s.title for s in scenes.scenes] == ["ReLU", "ELU (alpha=0.5)"]
    assert scenes.current_index == 1
    dock.list.setCurrentRow(1)
    dock.up_button.click()
    assert [s.explorer["activation"] for s in scenes.scenes] == ["elu", "relu"]
    assert scenes.current_index == 0
    assert not dock.up_button.isEnabled() and dock.down_button.isEnabled()
    assert scenes.rename_scene(1, "  Rectifier ")
    assert scenes.scenes[1].title == "Rectifier"
    assert not scenes.rename_scene(1, "")
    assert "1 to 200 characters" in messages[-1][1]
    dock.list.setCurrentRow(1)
    dock.notes.setPlainText("Kinks at zero.")
    assert scenes.scenes[1].notes == "Kinks at zero."
    dock.list.setCurrentRow(0)
    dock.remove_button.click()
    assert [s.title for s in scenes.scenes] == ["Rectifier"]
    assert scenes.current_index is None
    path = scenes.save_lecture(tmp_path / "edited.actx.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert [(s["title"], s["notes"]) for s in document["scenes"]] == [
        ("Rectifier", "Kinks at zero.")
    ]
    scenes.remove_scene(0)
    assert not scenes.has_lecture
    with pytest.raises(ValueError, match="empty"):
        scenes.save_lecture(tmp_path / "nothing.actx.json")


def test_the_view_menu_shows_and_hides_the_list(window: MainWindow) -> None:
    action = window.action("showScenes")
    assert not action.isChecked() and not window.scenes.dock.isVisible()
    action.trigger()
    assert window.scenes.dock.isVisible()
    window.scenes.dock.close()
    assert not action.isChecked()


def test_a_lecture_whose_first_scene_fails_changes_nothing(
    window: MainWindow, tmp_path: Path, messages: Messages
) -> None:
    path = _build_lecture(window, tmp_path)
    window.scenes.remove_scene(0)
    window.scenes.remove_scene(0)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["scenes"][2]["explorer"]["activation"] = "nope"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = snapshot(window)
    titles = [s.title for s in window.scenes.scenes]
    assert not window.scenes.open_file(path)
    assert "scenes[2].explorer.activation" in messages[-1][1]
    assert snapshot(window) == before
    assert [s.title for s in window.scenes.scenes] == titles


# -- copy as code -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("action", "writer"), [("copyPytorch", pytorch_snippet), ("copyNumpy", numpy_snippet)]
)
def test_copy_as_code_puts_the_snippet_on_the_clipboard(
    window: MainWindow, action: str, writer: Any
) -> None:
    window.state.activation = "elu"
    window.state.set_param("alpha", 0.25)
    QGuiApplication.clipboard().setText("")
    window.action(action).trigger()
    expected = writer("elu", {"alpha": 0.25})
    assert QGuiApplication.clipboard().text() == expected
    assert "alpha" in expected and "0.25" in expected
    assert "Copied" in window.statusBar().currentMessage()


def test_copy_as_code_of_a_vector_function(window: MainWindow) -> None:
    window.state.activation = "softmax"
    text = window.scenes.copy_code("pytorch")
    assert text == pytorch_snippet("softmax", window.state.params)
    with pytest.raises(ValueError, match="language"):
        window.scenes.copy_code("fortran")
