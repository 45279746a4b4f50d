"""The deep-network lab's maths: random-network propagation, mean-field theory, datasets, an MLP.

NumPy only; the lab window draws the frozen results these functions return. The small modules
(datasets, initialisers, update rules, presets) load with the package; mean-field theory,
propagation and the MLP load when one of their names is first used, so that the explorer window,
which only needs the lab's settings, starts without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .datasets import DATASET_LABELS, Dataset, DatasetKind, grid, make_dataset
from .init import SCHEME_LABELS, Initializer, InitScheme, calculate_gain, gain_for
from .optim import Optimizer
from .presets import PRESETS, PRESETS_BY_KEY, PropagationPreset

if TYPE_CHECKING:
    from .meanfield import (
        CriticalLine,
        FixedPoint,
        FixedPointStatus,
        MeanFieldTrajectory,
        PhaseDiagram,
        chi,
        critical_line,
        fixed_point,
        gaussian_moments,
        phase_diagram,
        trajectory,
        variance_map,
    )
    from .mlp import (
        DecisionBoundary,
        LossAndGradients,
        MLPConfig,
        Race,
        Trainer,
        TrainingHistory,
        TrainingSnapshot,
        init_mlp,
        loss_and_gradients,
        predict_proba,
    )
    from .propagation import (
        PropagationResult,
        RandomNetwork,
        propagate,
        propagate_random,
        standard_normal_batch,
    )

#: The submodule defining each name that is imported on first use.
_LAZY: dict[str, str] = {
    "CriticalLine": "meanfield",
    "FixedPoint": "meanfield",
    "FixedPointStatus": "meanfield",
    "MeanFieldTrajectory": "meanfield",
    "PhaseDiagram": "meanfield",
    "chi": "meanfield",
    "critical_line": "meanfield",
    "fixed_point": "meanfield",
    "gaussian_moments": "meanfield",
    "phase_diagram": "meanfield",
    "trajectory": "meanfield",
    "variance_map": "meanfield",
    "DecisionBoundary": "mlp",
    "LossAndGradients": "mlp",
    "MLPConfig": "mlp",
    "Race": "mlp",
    "Trainer": "mlp",
    "TrainingHistory": "mlp",
    "TrainingSnapshot": "mlp",
    "init_mlp": "mlp",
    "loss_and_gradients": "mlp",
    "predict_proba": "mlp",
    "PropagationResult": "propagation",
    "RandomNetwork": "propagation",
    "propagate": "propagation",
    "propagate_random": "propagation",
    "standard_normal_batch": "propagation",
}

__all__ = [
    "DATASET_LABELS",
    "PRESETS",
    "PRESETS_BY_KEY",
    "SCHEME_LABELS",
    "CriticalLine",
    "Dataset",
    "DatasetKind",
    "DecisionBoundary",
    "FixedPoint",
    "FixedPointStatus",
    "InitScheme",
    "Initializer",
    "LossAndGradients",
    "MLPConfig",
    "MeanFieldTrajectory",
    "Optimizer",
    "PhaseDiagram",
    "PropagationPreset",
    "PropagationResult",
    "Race",
    "RandomNetwork",
    "Trainer",
    "TrainingHistory",
    "TrainingSnapshot",
    "calculate_gain",
    "chi",
    "critical_line",
    "fixed_point",
    "gain_for",
    "gaussian_moments",
    "grid",
    "init_mlp",
    "loss_and_gradients",
    "make_dataset",
    "phase_diagram",
    "predict_proba",
    "propagate",
    "propagate_random",
    "standard_normal_batch",
    "trajectory",
    "variance_map",
]


def __getattr__(name: str) -> Any:
    """Import the submodule defining ``name`` on first use and keep the name here."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, whether or not their submodule is loaded yet."""
    return sorted(set(globals()) | set(__all__))
