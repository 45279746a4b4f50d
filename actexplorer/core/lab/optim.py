"""The training playground's update rules, apart from the MLP itself.

The explorer's state names the rule a user picked; this small module lets it do so without
loading the network code, which the window needs only once training starts.
"""

from __future__ import annotations

import enum


class Optimizer(str, enum.Enum):
    """Update rules (PyTorch's conventions)."""

    SGD = "sgd"  # w ← w − η g
    MOMENTUM = "momentum"  # v ← μ v + g;  w ← w − η v
    ADAM = "adam"  # Kingma & Ba 2015, β = (0.9, 0.999), ε = 1e-8, bias-corrected
