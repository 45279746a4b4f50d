"""Scenes: round trips of random states, and a corpus of broken files each refused cleanly."""

from __future__ import annotations

import contextlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actexplorer.core import ACTIVATIONS, Activation
from actexplorer.core.custom import CustomDefinition, build_activation
from actexplorer.core.lab import DatasetKind, InitScheme, Optimizer
from actexplorer.core.sampling import DISTRIBUTIONS, MAX_SAMPLES, MIN_SAMPLES
from actexplorer.lab_state import LabState
from actexplorer.scene import (
    MAX_FILE_BYTES,
    MAX_NESTING,
    MIGRATIONS,
    SCENE_VERSION,
    Lecture,
    Scene,
    SceneError,
    apply_scene,
    dumps_lecture,
    dumps_scene,
    lecture_from_scenes,
    load_document,
    load_lecture,
    load_scene,
    loads_scene,
    save_document,
    scene_from_states,
)
from actexplorer.state import MAX_PINS, MAX_SEED, ExplorerState, Pin

CORPUS = Path(__file__).parent / "data" / "scenes"


def _busy_states() -> tuple[ExplorerState, LabState]:
    """States far from their defaults, so an accidental change is visible."""
    explorer = ExplorerState()
    explorer.activation = "elu"
    explorer.set_param("alpha", 0.3)
    explorer.pin_current()
    explorer.activation = "tanh"
    explorer.n_samples = 5_000
    explorer.seed = 7
    explorer.set_distribution("uniform", {"low": -2.0, "high": 1.0})
    explorer.x_range = (-3.0, 4.0)
    explorer.log_derivative = True
    explorer.theme = "dark"
    lab = LabState()
    lab.update(depth=7, width=64, layer=3, noise=0.4, race="elu")
    return explorer, lab


# -- round trips --------------------------------------------------------------------------------
def _numbers(spec: Any) -> st.SearchStrategy[float]:
    lo = max(spec.minimum, -1e6)
    hi = min(spec.maximum, 1e6)
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


def _params_for(act: Any) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            spec.name: st.sampled_from(spec.choices) if spec.is_choice else _numbers(spec)
            for spec in act.params
        }
    )


@st.composite
def explorer_states(draw: st.DrawFn) -> ExplorerState:
    """A random state built through its setters; settings the setters refuse are skipped."""
    state = ExplorerState()
    keys = list(ACTIVATIONS)
    state.activation = draw(st.sampled_from(keys))
    # A combination the function refuses (e.g. RReLU's lower > upper) keeps the defaults.
    with contextlib.suppress(ValueError):
        state.params = draw(_params_for(state.current))
    state.n_samples = draw(st.integers(MIN_SAMPLES, MAX_SAMPLES))
    state.seed = draw(st.integers(0, MAX_SEED))
    kind = draw(st.sampled_from(list(DISTRIBUTIONS)))
    with contextlib.suppress(ValueError):
        state.set_distribution(kind, draw(_params_for(DISTRIBUTIONS[kind])))
    lo = draw(st.floats(-1e6, 1e6 - 1, allow_nan=False))
    width = draw(st.floats(1e-3, 1e6, allow_nan=False))
    state.x_range = (lo, min(lo + width, 1e6))
    for flag in ("log_derivative", "show_input_histogram", "train_mode", "pin_histograms"):
        setattr(state, flag, draw(st.booleans()))
    pins = []
    for key in draw(st.lists(st.sampled_from(keys), max_size=MAX_PINS)):
        act = ACTIVATIONS[key]
        params = draw(_params_for(act))
        try:
            act.resolve(params)
        except ValueError:
            continue
        pins.append(Pin(key, params))
    with contextlib.suppress(ValueError):
        state.pins = pins
    logits = st.floats(-50, 50, allow_nan=False)
    state.logits = draw(st.lists(logits, min_size=3, max_size=10))
    return state


@st.composite
def lab_states(draw: st.DrawFn) -> LabState:
    """A random lab state, set through ``update``."""
    lab = LabState()
    depth = draw(st.integers(1, 100))
    scalar = [k for k, a in ACTIVATIONS.items() if isinstance(a, Activation)]
    lab.update(
        depth=depth,
        layer=draw(st.integers(1, depth)),
        width=draw(st.integers(8, 2048)),
        init_scheme=draw(st.sampled_from(list(InitScheme))),
        init_mode=draw(st.sampled_from(["fan_in", "fan_out"])),
        activation_gain=draw(st.booleans()),
        sigma_w=draw(st.floats(0, 10, allow_nan=False)),
        sigma_b=draw(st.floats(0, 5, allow_nan=False)),
        seed=draw(st.integers(0, 2**32 - 1)),
        dataset=draw(st.sampled_from(list(DatasetKind))),
        noise=draw(st.floats(0, 2, allow_nan=False)),
        test_fraction=draw(st.floats(0, 0.9, allow_nan=False)),
        optimizer=draw(st.sampled_from(list(Optimizer))),
        learning_rate=draw(st.floats(1e-6, 10, allow_nan=False)),
        race=draw(st.none() | st.sampled_from(scalar)),
    )
    return lab


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(explorer=explorer_states(), lab=lab_states(), title=st.text(max_size=40))
def test_random_scene_round_trips(explorer: ExplorerState, lab: LabState, title: str) -> None:
    text = dumps_scene(scene_from_states(explorer, lab, title))
    scene = load_scene(text)
    assert scene.title == title
    assert scene.notices == ()
    target_explorer, target_lab = _busy_states()
    target_explorer.theme = "auto"
    apply_scene(scene, target_explorer, target_lab)
    assert target_explorer.to_dict() == explorer.to_dict()
    assert target_lab.to_dict() == lab.to_dict()
    # Saving again gives the same text: the format is stable.
    assert dumps_scene(scene_from_states(target_explorer, target_lab, title)) == text


def test_file_round_trip_and_readable_layout(tmp_path: Path) -> None:
    explorer, lab = _busy_states()
    path = tmp_path / "elu.actx.json"
    save_document(path, dumps_scene(scene_from_states(explorer, lab, "ELU", notes="Look left.")))
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "format": "actexplorer-scene",\n  "version": 1,\n')
    assert '"x_range": [-3.0, 4.0]' in text  # short lists on one line
    assert '"params": {"alpha": 0.3}' in text  # parameters on one line
    assert "theme" not in text  # the viewer's choice, not the scene's
    assert not list(tmp_path.glob(".*.tmp"))
    scene = load_scene(path)
    assert (scene.title, scene.notes) == ("ELU", "Look left.")
    target = ExplorerState()
    target.theme = "light"
    apply_scene(scene, target)
    assert target.theme == "light"
    assert {**target.to_dict(), "theme": "dark"} == explorer.to_dict()


def test_missing_fields_take_defaults_and_lab_is_left_alone() -> None:
    scene = loads_scene('{"format": "actexplorer-scene", "version": 1, "explorer": {}}')
    assert scene.lab is None
    explorer, lab = _busy_states()
    before_lab = lab.to_dict()
    apply_scene(scene, explorer, lab)
    fresh = ExplorerState().to_dict()
    assert {**explorer.to_dict(), "theme": "auto"} == fresh
    assert lab.to_dict() == before_lab


def test_scene_is_frozen_and_copies_out() -> None:
    scene = loads_scene('{"format": "actexplorer-scene", "explorer": {"activation": "relu"}}')
    with pytest.raises(AttributeError):
        scene.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        scene.explorer["seed"] = 3  # type: ignore[index]
    scene.to_dict()["explorer"]["pins"].append({"key": "relu"})
    assert scene.explorer["pins"] == []


def test_aliases_are_saved_under_their_canonical_key() -> None:
    aliases = ACTIVATIONS.aliases
    if not aliases:
        pytest.skip("the catalog has no aliases")
    alias, key = next(iter(aliases.items()))
    text = json.dumps({"format": "actexplorer-scene", "explorer": {"activation": alias}})
    assert loads_scene(text).explorer["activation"] == key


# -- the corpus of broken files -----------------------------------------------------------------
BROKEN = {
    "truncated.actx.json": "truncated",
    "not_json.actx.json": "not valid JSON",
    "not_object.actx.json": "holds a list, not an object",
    "not_utf8.actx.json": "invalid UTF-8",
    "wrong_format.actx.json": "format is 'actexplorer-settings', expected 'actexplorer-scene'",
    "no_format.actx.json": "no 'format' field",
    "requires_newer.actx.json": "needs a newer ActExplorer: it requires format version 2",
    "bad_version.actx.json": "version must be a whole number",
    "wrong_type_n_samples.actx.json": "explorer.n_samples: must be a whole number; got 'many'",
    "wrong_type_params.actx.json": "explorer.params: must be an object",
    "wrong_type_explorer.actx.json": "explorer: must be an object; got text",
    "wrong_type_flag.actx.json": "explorer.log_derivative: must be True or False",
    "wrong_type_title.actx.json": "title: must be text; got a list",
    "missing_explorer.actx.json": "explorer: missing",
    "huge_float.actx.json": "number 1e400 is too large (line 5, column 46)",
    "huge_int.actx.json": "(401 digits) is too large",
    "huge_but_finite.actx.json": "explorer.n_samples: must lie in",
    "nan.actx.json": "NaN is not a number",
    "infinity.actx.json": "Infinity is not a number",
    "deep_nesting.actx.json": f"nested too deeply (41 levels; at most {MAX_NESTING})",
    "unknown_activation.actx.json": "explorer.activation: unknown activation 'reluu'; did you mean",
    "out_of_range_param.actx.json": "explorer.params.alpha: must lie in [0.01, 10]; got 50",
    "unknown_param.actx.json": "explorer.params.alpah: unknown parameter 'alpah'",
    "bad_pin.actx.json": "explorer.pins[1].key: unknown activation 'nope'",
    "too_many_pins.actx.json": f"explorer.pins: at most {MAX_PINS} functions",
    "bad_distribution.actx.json": "explorer.distribution.kind: unknown distribution 'gaussian'",
    "bad_distribution_param.actx.json": "explorer.distribution.params.std: must lie in",
    "bad_lab.actx.json": "lab.depth: must lie in [1, 100]; got 500",
    "vector_race.actx.json": "lab.race: Softmax acts on whole vectors",
    "duplicate_key.actx.json": "field 'title' appears twice",
    "code_in_custom.actx.json": "custom[0].expression:",
    "lecture_bad_scene.actx.json": "scenes[1].explorer.params.alpha: must lie in",
}
ACCEPTED = {"ok_newer_version.actx.json", "ok_no_version.actx.json", "ok_lecture.actx.json"}


def test_corpus_is_fully_listed() -> None:
    assert {p.name for p in CORPUS.iterdir()} == set(BROKEN) | ACCEPTED


def _open_and_apply(source: Any, explorer: ExplorerState, lab: LabState) -> None:
    document = load_document(source)
    scenes = document.scenes if isinstance(document, Lecture) else (document,)
    for scene in scenes:
        apply_scene(scene, explorer, lab)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_is_refused_and_changes_nothing(name: str) -> None:
    explorer, lab = _busy_states()
    before = (explorer.to_dict(), lab.to_dict())
    seen: list[str] = []
    explorer.events.all.connect(lambda info: seen.append(info.signal.name))
    lab.events.all.connect(lambda info: seen.append(info.signal.name))
    with pytest.raises(SceneError) as caught:
        _open_and_apply(CORPUS / name, explorer, lab)
    assert BROKEN[name] in str(caught.value)
    assert caught.value.problems
    assert (explorer.to_dict(), lab.to_dict()) == before
    assert seen == []


def test_custom_code_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SceneError):
        load_scene(CORPUS / "code_in_custom.actx.json")
    assert not (tmp_path / "pwned").exists()


def test_newer_version_loads_with_notices() -> None:
    scene = load_scene(CORPUS / "ok_newer_version.actx.json")
    notices = "\n".join(scene.notices)
    assert "newer ActExplorer (format version 2)" in notices
    assert "camera: unknown field, ignored" in notices
    assert "explorer.glow: unknown field, ignored" in notices
    assert "lab.wormholes: unknown field, ignored" in notices
    explorer, lab = ExplorerState(), LabState()
    assert apply_scene(scene, explorer, lab) == scene.notices
    assert (explorer.activation, explorer.params, lab.depth) == ("elu", {"alpha": 0.5}, 10)


def test_newer_version_with_a_bad_required_field_says_so() -> None:
    text = json.dumps(
        {"format": "actexplorer-scene", "version": 4, "explorer": {"activation": 3}, "x": 1}
    )
    with pytest.raises(SceneError, match="format version 4; this ActExplorer reads up to 1"):
        loads_scene(text)


def test_missing_version_is_version_zero_migrated() -> None:
    assert set(MIGRATIONS) == set(range(SCENE_VERSION))
    scene = load_scene(CORPUS / "ok_no_version.actx.json")
    assert scene.notices == ("the file gives no version; read as version 1",)
    assert scene.explorer["params"] == {"alpha": 0.5}


def test_lecture_loads_in_order_and_round_trips(tmp_path: Path) -> None:
    lecture = load_lecture(CORPUS / "ok_lecture.actx.json")
    assert lecture.title == "Two scenes"
    assert [s.explorer["activation"] for s in lecture.scenes] == ["elu", "tanh"]
    assert lecture.scenes[1].lab is not None
    path = tmp_path / "talk.actx.json"
    save_document(path, dumps_lecture(lecture))
    again = load_document(path)
    assert isinstance(again, Lecture)
    assert again == lecture


def test_scene_and_lecture_are_told_apart() -> None:
    with pytest.raises(SceneError, match="this file is a lecture, not a scene"):
        load_scene(CORPUS / "ok_lecture.actx.json")
    with pytest.raises(SceneError, match="this file is a scene, not a lecture"):
        load_lecture(CORPUS / "ok_no_version.actx.json")
    assert isinstance(load_document(CORPUS / "ok_no_version.actx.json"), Scene)


def test_empty_lecture_is_refused() -> None:
    with pytest.raises(SceneError, match="scenes: must hold 1 to"):
        load_lecture(dumps_lecture(lecture_from_scenes([])))


def test_every_problem_is_listed() -> None:
    text = json.dumps(
        {
            "format": "actexplorer-scene",
            "explorer": {
                "activation": "elu",
                "params": {"alpha": 50},
                "seed": -1,
                "x_range": [2, 1],
            },
            "lab": {"depth": 0},
        }
    )
    with pytest.raises(SceneError) as caught:
        loads_scene(text)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "explorer.params.alpha",
        "explorer.seed",
        "explorer.x_range",
        "lab.depth",
    ]
    assert str(caught.value).startswith("4 problems:\n- explorer.params.alpha: must lie in")


# -- hostile sizes ------------------------------------------------------------------------------
def test_hundred_megabyte_file_is_refused_from_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.actx.json"
    with path.open("wb") as handle:
        handle.write(b'{"format": "actexplorer-scene", "notes": "')
        handle.truncate(100 * 2**20)  # sparse: no 100 MB written to disk
    assert path.stat().st_size == 100 * 2**20

    def refuse_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", refuse_open)
    explorer, lab = _busy_states()
    before = explorer.to_dict()
    with pytest.raises(SceneError, match=r"too large \(105 MB; scenes are at most 1 MB\)"):
        _open_and_apply(path, explorer, lab)
    assert explorer.to_dict() == before


def test_oversized_text_and_bytes_are_refused_before_parsing() -> None:
    text = '{"format": "actexplorer-scene", "notes": "' + "x" * MAX_FILE_BYTES + '"}'
    with pytest.raises(SceneError, match="too large"):
        loads_scene(text)
    with pytest.raises(SceneError, match="too large"):
        load_scene(text.encode())


def test_hundred_thousand_levels_are_refused_without_recursion() -> None:
    depth = 100_000
    text = '{"format": "actexplorer-scene", "notes": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(SceneError, match=f"nested too deeply \\({depth + 1} levels"):
        loads_scene(text)
    objects = '{"a": ' * depth + "1" + "}" * depth
    with pytest.raises(SceneError, match="nested too deeply"):
        loads_scene(objects)


def test_brackets_inside_strings_do_not_count() -> None:
    notes = "[" * 100 + '\\"{{' + "]" * 3
    text = json.dumps({"format": "actexplorer-scene", "notes": notes, "explorer": {}})
    assert loads_scene(text).notes == json.loads(text)["notes"]


def test_directory_and_missing_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SceneError, match="not a regular file"):
        load_scene(tmp_path)
    with pytest.raises(SceneError, match=r"cannot open nothing\.actx\.json"):
        load_scene(tmp_path / "nothing.actx.json")


def test_long_title_is_refused() -> None:
    text = json.dumps({"format": "actexplorer-scene", "title": "t" * 201, "explorer": {}})
    with pytest.raises(SceneError, match="title: is too long"):
        loads_scene(text)


def test_large_but_finite_floats_are_checked_by_range() -> None:
    text = json.dumps({"format": "actexplorer-scene", "explorer": {"x_range": [-1e308, 1e308]}})
    with pytest.raises(SceneError, match=r"explorer\.x_range: must lie within"):
        loads_scene(text)
    assert math.isfinite(1e308)


# -- all or nothing -----------------------------------------------------------------------------
def test_apply_checks_a_hand_made_scene_first() -> None:
    explorer, lab = _busy_states()
    before = (explorer.to_dict(), lab.to_dict())
    good = dict(ExplorerState().to_dict())
    del good["theme"]
    # The explorer part is valid, the lab part is not: nothing may change.
    scene = Scene(explorer={**good, "activation": "elu"}, lab={"depth": 1000})
    with pytest.raises(SceneError, match=r"lab\.depth: must lie in"):
        apply_scene(scene, explorer, lab)
    assert (explorer.to_dict(), lab.to_dict()) == before


def _custom() -> CustomDefinition:
    return CustomDefinition.from_dict(
        {
            "name": "scaled tanh",
            "expression": "a * tanh(x)",
            "params": [{"name": "a", "default": 1.5, "minimum": 0.5, "maximum": 3}],
        }
    )


def test_custom_function_scene_needs_an_installer() -> None:
    definition = _custom()
    assert definition.key not in ACTIVATIONS
    text = dumps_scene(
        {
            "format": "actexplorer-scene",
            "version": 1,
            "explorer": {"activation": definition.key, "params": {"a": 2.0}},
            "custom": [definition.to_dict()],
        }
    )
    scene = loads_scene(text)
    assert scene.explorer["params"] == {"a": 2.0}
    assert scene.custom == (definition,)
    explorer, lab = _busy_states()
    before = explorer.to_dict()
    with pytest.raises(SceneError, match="uses custom:scaled_tanh, which cannot be installed"):
        apply_scene(scene, explorer, lab)
    assert explorer.to_dict() == before
    installed: list[CustomDefinition] = []
    with pytest.raises(SceneError, match="could not be installed"):
        apply_scene(scene, explorer, lab, install_custom=installed.append)
    assert installed == [definition]
    assert explorer.to_dict() == before


def test_custom_parameters_are_checked_against_their_ranges() -> None:
    definition = _custom()
    text = json.dumps(
        {
            "format": "actexplorer-scene",
            "explorer": {"activation": definition.key, "params": {"a": 9.0}},
            "custom": [definition.to_dict()],
        }
    )
    with pytest.raises(SceneError, match=r"explorer.params.a: must lie in \[0.5, 3\]; got 9"):
        loads_scene(text)


def test_custom_function_applies_once_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    definition = _custom()
    built = build_activation(definition)
    extra = {built.key: built}
    # The catalog has no removal; a test-local lookup stands in for an installed function.
    from actexplorer.core import registry

    original = registry.ACTIVATIONS.resolve

    def resolve(key: str) -> Any:
        return extra[key] if key in extra else original(key)

    text = json.dumps(
        {
            "format": "actexplorer-scene",
            "explorer": {"activation": definition.key, "params": {"a": 2.0}},
            "custom": [definition.to_dict()],
        }
    )
    scene = loads_scene(text)
    explorer = ExplorerState()
    monkeypatch.setattr(registry.ACTIVATIONS, "resolve", resolve)
    monkeypatch.setattr(
        type(registry.ACTIVATIONS),
        "__contains__",
        lambda self, key: key in extra or (isinstance(key, str) and key in self._items),
    )
    apply_scene(scene, explorer, install_custom=lambda d: None)
    assert (explorer.activation, explorer.params) == (definition.key, {"a": 2.0})


def test_scene_module_does_not_import_qt() -> None:
    code = (
        "import sys, actexplorer.scene, actexplorer.history; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"
