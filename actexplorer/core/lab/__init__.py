"""The deep-network lab's maths: random-network propagation, mean-field theory, datasets, an MLP.

NumPy only; the lab window draws the frozen results these functions return.
"""

from __future__ import annotations

from .datasets import DATASET_LABELS, Dataset, DatasetKind, grid, make_dataset
from .init import SCHEME_LABELS, Initializer, InitScheme, calculate_gain, gain_for
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
    Optimizer,
    Race,
    Trainer,
    TrainingHistory,
    TrainingSnapshot,
    init_mlp,
    loss_and_gradients,
    predict_proba,
)
from .presets import PRESETS, PRESETS_BY_KEY, PropagationPreset
from .propagation import (
    PropagationResult,
    RandomNetwork,
    propagate,
    propagate_random,
    standard_normal_batch,
)

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
