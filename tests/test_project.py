"""The project's own metadata stays in step with the source tree."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "actexplorer").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found | {"actexplorer.resources"} == listed


def test_the_readme_scene_example_opens() -> None:
    from actexplorer.scene import loads_scene

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Scene files", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    scene = loads_scene(example)
    assert scene.explorer["activation"] == "elu" and scene.notices == ()
    assert [d.name for d in scene.custom] == ["my swish"]
