"""The depth page: signals and gradients through a random deep network.

Controls write the :class:`~actexplorer.lab_state.LabState`; its events (and the shared
activation's) schedule one propagation on a worker thread; the plots only draw the frozen
:class:`~actexplorer.core.lab.PropagationResult` and the mean-field prediction that come back.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from actexplorer.core import ACTIVATIONS
from actexplorer.core import locale as core_locale
from actexplorer.core.activation import ParamValue
from actexplorer.core.lab import (
    PRESETS,
    PRESETS_BY_KEY,
    FixedPoint,
    Initializer,
    InitScheme,
    MeanFieldTrajectory,
    PropagationPreset,
    PropagationResult,
    RandomNetwork,
    fixed_point,
    propagate,
    trajectory,
)
from actexplorer.core.stats import InputDistribution
from actexplorer.gui.lab._common import (
    DENSITY_MAP,
    BusyIndicator,
    EventLinks,
    MessageLine,
    SidePanel,
    add_legend,
    add_row,
    compact,
    double_spin,
    finite,
    form_grid,
    lab_colours,
    log_points,
    make_plot,
    pen,
    positive,
    spin,
    style_plot,
)
from actexplorer.gui.lab.workers import LatestRunner
from actexplorer.gui.panels import section_title
from actexplorer.gui.theme import LIGHT, Look, set_role
from actexplorer.lab_state import (
    MAX_BATCH,
    MAX_DEPTH,
    MAX_SEED,
    MAX_SIGMA_B,
    MAX_SIGMA_W,
    MAX_WIDTH,
    MIN_BATCH,
    MIN_DEPTH,
    MIN_WIDTH,
    LabState,
)
from actexplorer.state import ExplorerState

#: Histogram bins per layer of the density heat map.
BINS = 120
#: The heat map shows log₁₀ density over this many decades below its peak.
DECADES = 4.0
#: Settings that change within this many milliseconds share one computation.
THROTTLE_MS = 60
_DASH = Qt.PenStyle.DashLine

#: The weight schemes' names (the core's ``SCHEME_LABELS``), translated when shown.
SCHEME_NAMES: dict[InitScheme, str] = {
    InitScheme.NORMAL: QT_TRANSLATE_NOOP("DepthControls", "Normal, σ_w/√fan_in"),
    InitScheme.NORMAL_FIXED: QT_TRANSLATE_NOOP("DepthControls", "Normal, fixed σ_w"),
    InitScheme.XAVIER_UNIFORM: QT_TRANSLATE_NOOP("DepthControls", "Glorot/Xavier uniform"),
    InitScheme.XAVIER_NORMAL: QT_TRANSLATE_NOOP("DepthControls", "Glorot/Xavier normal"),
    InitScheme.HE_NORMAL: QT_TRANSLATE_NOOP("DepthControls", "He/Kaiming normal"),
    InitScheme.HE_UNIFORM: QT_TRANSLATE_NOOP("DepthControls", "He/Kaiming uniform"),
    InitScheme.LECUN_NORMAL: QT_TRANSLATE_NOOP("DepthControls", "LeCun normal"),
    InitScheme.ORTHOGONAL: QT_TRANSLATE_NOOP("DepthControls", "Orthogonal"),
}
#: Each preset's title and explanation (the core's texts, ``PRESETS``), translated when shown.
PRESET_TEXTS: dict[str, tuple[str, str]] = {
    "tanh_small": (
        QT_TRANSLATE_NOOP("DepthPresets", "tanh, weights 0.01·N(0, 1): collapse"),
        QT_TRANSLATE_NOOP(
            "DepthPresets",
            "Each layer multiplies the signal by about 0.01·√500 ≈ 0.22, so after ten layers the "
            "activations, and the gradients with them, have collapsed to zero.",
        ),
    ),
    "tanh_large": (
        QT_TRANSLATE_NOOP("DepthPresets", "tanh, weights N(0, 1): saturation"),
        QT_TRANSLATE_NOOP(
            "DepthPresets",
            "A pre-activation summing 500 unit-variance terms has std ≈ 22, so almost every tanh "
            "unit sits at ±1 where its derivative is zero and no gradient gets through.",
        ),
    ),
    "relu_xavier": (
        QT_TRANSLATE_NOOP("DepthPresets", "ReLU + Glorot/Xavier: variance halves"),
        QT_TRANSLATE_NOOP(
            "DepthPresets",
            "ReLU zeroes half of its inputs, so with Glorot's weight variance 1/fan_in (square "
            "layers) the signal's variance halves at every layer.",
        ),
    ),
    "relu_he": (
        QT_TRANSLATE_NOOP("DepthPresets", "ReLU + He: variance kept"),
        QT_TRANSLATE_NOOP(
            "DepthPresets",
            "He's weight variance 2/fan_in makes up exactly for the half that ReLU discards, so "
            "the signal keeps its scale however deep the network.",
        ),
    ),
    "selu_lecun": (
        QT_TRANSLATE_NOOP("DepthPresets", "SELU + LeCun normal: self-normalising"),
        QT_TRANSLATE_NOOP(
            "DepthPresets",
            "SELU's α and λ make mean 0 and variance 1 an attracting fixed point when weights "
            "have variance 1/fan_in, so every layer stays normalised on its own.",
        ),
    ),
    "sigmoid_vanishing": (
        QT_TRANSLATE_NOOP("DepthPresets", "sigmoid: gradients vanish"),
        QT_TRANSLATE_NOOP(
            "DepthPresets",
            "σ′ is at most 1/4, so every layer shrinks the back-propagated gradient by a constant "
            "factor and the first layers hardly learn.",
        ),
    ),
    "tanh_critical": (
        QT_TRANSLATE_NOOP("DepthPresets", "tanh at the edge of chaos"),
        QT_TRANSLATE_NOOP(
            "DepthPresets",
            "With σ_w = 1 and σ_b = 0, tanh sits on the critical line χ = 1 of the phase "
            "diagram: gradients neither vanish nor explode, only slowly decay.",
        ),
    ),
}
_PHASES = {
    "ordered": QT_TRANSLATE_NOOP("DepthView", "ordered"),
    "chaotic": QT_TRANSLATE_NOOP("DepthView", "chaotic"),
    "critical": QT_TRANSLATE_NOOP("DepthView", "critical"),
}


def preset_title(preset: PropagationPreset) -> str:
    """``preset``'s title in the current language."""
    return QCoreApplication.translate("DepthPresets", preset.title)


def preset_explanation(preset: PropagationPreset) -> str:
    """``preset``'s one-sentence explanation in the current language."""
    return QCoreApplication.translate("DepthPresets", preset.explanation)


@dataclass(frozen=True, slots=True)
class DepthRequest:
    """Everything one propagation depends on (plain data, safe to hand to a worker)."""

    activation: str
    params: tuple[tuple[str, ParamValue], ...]
    distribution: InputDistribution
    depth: int
    width: int
    batch: int
    init: Initializer
    seed: int


@dataclass(frozen=True, slots=True)
class DepthOutcome:
    """A propagation, its mean-field prediction and the fixed point of the variance map."""

    request: DepthRequest
    result: PropagationResult
    prediction: MeanFieldTrajectory | None
    fixed: FixedPoint | None


def sample_inputs(dist: InputDistribution, batch: int, width: int, seed: int) -> np.ndarray:
    """A (batch, width) array of independent draws of X ~ ``dist``."""
    out = np.empty(batch * width)
    dist.spec.sampler(np.random.default_rng(seed), out, dist.params)
    return out.reshape(batch, width)


_last_network: list[tuple[tuple[object, ...], RandomNetwork]] = []
_network_lock = threading.Lock()


def network_for(request: DepthRequest) -> RandomNetwork:
    """The random network of ``request``; the last one is kept, so that changing only the
    activation, its parameters or the inputs does not draw the weights again."""
    key = (request.depth, request.width, request.init, request.seed)
    with _network_lock:
        if _last_network and _last_network[0][0] == key:
            return _last_network[0][1]
        network = RandomNetwork(request.depth, request.width, init=request.init, seed=request.seed)
        _last_network[:] = [(key, network)]
        return network


def run_depth(request: DepthRequest) -> DepthOutcome:
    """Propagate a batch through the random network of ``request`` (any thread; the weights
    depend only on the request, so a kept network gives the same numbers as a fresh one)."""
    params = dict(request.params)
    network = network_for(request)
    x = sample_inputs(request.distribution, request.batch, request.width, request.seed)
    result = propagate(x, network, request.activation, params, bins=BINS)
    sw, sb = result.sigma_w, result.sigma_b
    q1 = sw * sw * result.input_q + sb * sb
    prediction: MeanFieldTrajectory | None
    fixed: FixedPoint | None
    with np.errstate(all="ignore"):
        try:
            prediction = trajectory(request.activation, q1, request.depth, sw, sb, params)
        except ValueError:
            prediction = None  # σ_w beyond the mean-field range
        try:
            fixed = fixed_point(request.activation, sw, sb, params)
        except ValueError:
            fixed = None
    return DepthOutcome(request, result, prediction, fixed)


class DepthControls(QWidget):
    """The network's settings and the presets; handlers write the lab state, nothing else."""

    def __init__(self, state: ExplorerState, lab: LabState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._lab = lab
        self.preset_combo = compact(QComboBox())
        self.preset_combo.setObjectName("presetCombo")
        self.preset_combo.addItem("", None)
        for preset in PRESETS:
            self.preset_combo.addItem("", preset.key)
        self.preset_explanation = QLabel()
        self.preset_explanation.setObjectName("presetExplanation")
        self.preset_explanation.setWordWrap(True)
        set_role(self.preset_explanation, "muted")
        self.preset_explanation.hide()

        self.depth = spin(MIN_DEPTH, MAX_DEPTH, lab.depth, "depthSpin")
        self.width = spin(MIN_WIDTH, MAX_WIDTH, lab.width, "widthSpin")
        self.width.setSingleStep(32)
        self.batch = spin(MIN_BATCH, MAX_BATCH, lab.batch, "batchSpin")
        self.batch.setSingleStep(64)
        self.scheme = compact(QComboBox())
        self.scheme.setObjectName("schemeCombo")
        for scheme in SCHEME_NAMES:
            self.scheme.addItem("", scheme)
        self.mode = compact(QComboBox())
        self.mode.setObjectName("modeCombo")
        # fan-in and fan-out are the terms of the literature and of the frameworks' options.
        self.mode.addItem("fan-in", "fan_in")
        self.mode.addItem("fan-out", "fan_out")
        self.gain = QCheckBox()
        self.gain.setObjectName("gainCheck")
        self.sigma_w = double_spin(0.0, MAX_SIGMA_W, lab.sigma_w, 0.05, 3, "sigmaWSpin")
        self.sigma_b = double_spin(0.0, MAX_SIGMA_B, lab.sigma_b, 0.05, 3, "sigmaBSpin")
        self.seed = spin(0, min(MAX_SEED, 2**31 - 1), lab.seed, "seedSpin")
        self.layer = spin(1, lab.depth, lab.layer, "layerSpin")
        self.message = MessageLine("depthMessage")

        grid = form_grid()
        self.depth_label = add_row(grid, "", self.depth)
        self.width_label = add_row(grid, "", self.width)
        self.batch_label = add_row(grid, "", self.batch)
        self.scheme_label = add_row(grid, "", self.scheme)
        self.mode_label = add_row(grid, "", self.mode)
        grid.addWidget(self.gain, grid.rowCount(), 0, 1, 2)
        self.sigma_w_label = add_row(grid, "σ_w", self.sigma_w)
        self.sigma_b_label = add_row(grid, "σ_b", self.sigma_b)
        self.seed_label = add_row(grid, "", self.seed)
        view = form_grid()
        self.layer_label = add_row(view, "", self.layer)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(section_title("Presets"))
        layout.addWidget(self.preset_combo)
        layout.addWidget(self.preset_explanation)
        layout.addWidget(section_title("Network"))
        layout.addLayout(grid)
        layout.addWidget(section_title("View"))
        layout.addLayout(view)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.preset_combo.activated.connect(self._preset_chosen)
        self.depth.valueChanged.connect(lambda v: self._write("depth", v))
        self.width.valueChanged.connect(lambda v: self._write("width", v))
        self.batch.valueChanged.connect(lambda v: self._write("batch", v))
        self.scheme.activated.connect(lambda i: self._write("init_scheme", self.scheme.itemData(i)))
        self.mode.activated.connect(lambda i: self._write("init_mode", self.mode.itemData(i)))
        self.gain.toggled.connect(lambda on: self._write("activation_gain", on))
        self.sigma_w.valueChanged.connect(lambda v: self._write("sigma_w", v))
        self.sigma_b.valueChanged.connect(lambda v: self._write("sigma_b", v))
        self.seed.valueChanged.connect(lambda v: self._write("seed", v))
        self.layer.valueChanged.connect(lambda v: self._write("layer", v))
        self._preset_shown: str | None = None
        self.retranslate()
        self.sync_all()

    def retranslate(self) -> None:
        """Show every text in the current language (names and notation stay)."""
        self.preset_combo.setItemText(0, self.tr("Choose a known result…"))
        self.refresh_presets()
        for index, scheme in enumerate(SCHEME_NAMES):
            self.scheme.setItemText(
                index, QCoreApplication.translate("DepthControls", SCHEME_NAMES[scheme])
            )
        self.scheme.setToolTip(self.tr("How the weights are drawn"))
        self.mode.setToolTip(
            self.tr("He/Kaiming: scale by the fan-in (forward) or fan-out (backward)")
        )
        self.gain.setText(self.tr("Gain of the activation"))
        self.gain.setToolTip(
            self.tr(
                "Scale Glorot, He, LeCun and orthogonal weights by calculate_gain(φ) "
                "(e.g. 5/3 for tanh) instead of the scheme's default"
            )
        )
        for label, box, text, tip in (
            (self.depth_label, self.depth, self.tr("depth"), self.tr("Number of layers")),
            (self.width_label, self.width, self.tr("width"), self.tr("Units per layer")),
            (self.batch_label, self.batch, self.tr("batch"), self.tr("Inputs per pass")),
            (self.seed_label, self.seed, self.tr("seed"), self.tr("Seed of W and X")),
            (
                self.layer_label,
                self.layer,
                self.tr("histogram of layer"),
                self.tr("Layer of the histogram"),
            ),
        ):
            label.setText(text)
            label.setToolTip(tip)
            box.setToolTip(tip)
        self.scheme_label.setText(self.tr("weights"))
        self.scheme_label.setToolTip(self.scheme.toolTip())
        self.mode_label.setText(self.tr("He fan"))
        self.mode_label.setToolTip(self.mode.toolTip())
        self.sigma_b.setToolTip(self.tr("Bias std σ_b"))
        self.sigma_b_label.setToolTip(self.sigma_b.toolTip())
        self.set_scheme(self._lab.init_scheme)
        preset = PRESETS_BY_KEY.get(self._preset_shown or "")
        if preset is not None:
            self.preset_explanation.setText(preset_explanation(preset))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- widget → state ---------------------------------------------------------------------
    def _write(self, name: str, value: object) -> None:
        try:
            setattr(self._lab, name, value)
        except ValueError as exc:
            self.message.show_message(core_locale.error_text(exc))
            self.sync_all()

    def _preset_chosen(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        if key is not None:
            self.apply_preset(key)

    def apply_preset(self, key: str) -> bool:
        """Apply the preset ``key`` to the lab and the shared activation; False if refused."""
        preset = PRESETS_BY_KEY.get(key)
        if preset is None:
            self.message.show_message(self.tr("unknown preset {key}").format(key=repr(key)))
            return False
        if preset.activation not in ACTIVATIONS:
            self.message.show_message(
                self.tr("{title} needs {name}, which the catalog does not have").format(
                    title=preset_title(preset), name=repr(preset.activation)
                )
            )
            return False
        self._lab.apply_preset(key)
        self._state.activation = preset.activation
        self._state.params = dict(preset.params)
        with signals_blocked(self.preset_combo):
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(key))
        self._preset_shown = key
        self.preset_explanation.setText(preset_explanation(preset))
        self.preset_explanation.show()
        self.message.clear_message()
        return True

    # -- state → widget ---------------------------------------------------------------------
    def refresh_presets(self) -> None:
        """Name the presets in the current language; grey out those whose activation the
        catalog lacks."""
        model = self.preset_combo.model()
        for row in range(1, self.preset_combo.count()):
            preset = PRESETS_BY_KEY[self.preset_combo.itemData(row)]
            available = preset.activation in ACTIVATIONS
            item = model.item(row)  # type: ignore[attr-defined]
            item.setText(preset_title(preset))
            item.setEnabled(available)
            item.setToolTip(
                preset_explanation(preset)
                if available
                else self.tr("needs {name}").format(name=preset.activation)
            )

    def check_preset(self) -> None:
        """Keep the preset's explanation only while the settings still are the preset's."""
        key = self.preset_combo.currentData()
        if key is None:
            return
        preset = PRESETS_BY_KEY[key]
        lab, init = self._lab, preset.init
        same = (
            self._state.activation == preset.activation
            and (lab.depth, lab.width, lab.init_scheme, lab.sigma_w, lab.sigma_b)
            == (preset.depth, preset.width, init.scheme, init.sigma_w, init.sigma_b)
            and not lab.activation_gain
        )
        if not same:
            with signals_blocked(self.preset_combo):
                self.preset_combo.setCurrentIndex(0)
            self.preset_explanation.hide()
            self._preset_shown = None

    def sync_all(self) -> None:
        """Show every field of the lab state."""
        lab = self._lab
        self.set_int(self.depth, lab.depth)
        self.set_int(self.width, lab.width)
        self.set_int(self.batch, lab.batch)
        self.set_scheme(lab.init_scheme)
        self.set_mode(lab.init_mode)
        with signals_blocked(self.gain):
            self.gain.setChecked(lab.activation_gain)
        self.set_float(self.sigma_w, lab.sigma_w)
        self.set_float(self.sigma_b, lab.sigma_b)
        self.set_int(self.seed, min(lab.seed, self.seed.maximum()))
        self.set_layer_range(lab.depth, lab.layer)

    @staticmethod
    def set_int(box: QWidget, value: int) -> None:
        """Show ``value`` in a spin box without writing it back."""
        with signals_blocked(box):
            box.setValue(value)  # type: ignore[attr-defined]

    set_float = set_int

    def set_scheme(self, scheme: InitScheme) -> None:
        """Show the weight scheme; σ_w only means something for the normal schemes."""
        with signals_blocked(self.scheme):
            self.scheme.setCurrentIndex(self.scheme.findData(scheme))
        normal = scheme in (InitScheme.NORMAL, InitScheme.NORMAL_FIXED)
        self.sigma_w.setEnabled(normal)
        self.sigma_w_label.setEnabled(normal)
        if scheme is InitScheme.NORMAL:
            tip = "W ~ N(0, σ_w²/fan_in)"
        elif scheme is InitScheme.NORMAL_FIXED:
            tip = self.tr("W ~ N(0, σ_w²) whatever the width")
        else:
            tip = self.tr("This scheme sets the weight scale itself")
        self.sigma_w.setToolTip(tip)
        self.sigma_w_label.setToolTip(tip)
        he = scheme in (InitScheme.HE_NORMAL, InitScheme.HE_UNIFORM)
        self.mode.setEnabled(he)
        self.mode_label.setEnabled(he)
        self.gain.setEnabled(not normal)

    def set_mode(self, mode: str) -> None:
        """Show He's fan."""
        with signals_blocked(self.mode):
            self.mode.setCurrentIndex(self.mode.findData(mode))

    def set_layer_range(self, depth: int, layer: int) -> None:
        """The histogram's layer box follows the depth."""
        with signals_blocked(self.layer):
            self.layer.setMaximum(depth)
            self.layer.setValue(layer)


class DepthPlots(QWidget):
    """Six plots of a :class:`PropagationResult`; curves are created once and fed ``setData``."""

    def __init__(self, lab: LabState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lab = lab
        self.look = LIGHT
        self.result: PropagationResult | None = None
        self.prediction: MeanFieldTrajectory | None = None

        # Titles, axis labels and legend names are written by retranslate().
        self.heatmap = make_plot("densityPlot", "", "", "")
        self.histogram = make_plot("layerHistogram", "", "", "")
        self.moments = make_plot("momentsPlot", "", "", "")
        self.shares = make_plot("sharesPlot", "", "", "")
        self.gradients = make_plot("gradientPlot", "", "", "")
        self.variance = make_plot("variancePlot", "", "", "")

        self.image = pg.ImageItem(axisOrder="col-major")
        self.heatmap.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-DECADES, 0.0),
            colorMap=pg.colormap.get(DENSITY_MAP),
            label="log₁₀",
            interactive=False,
            width=12,
        )
        self.colorbar.setImageItem(self.image, insert_in=self.heatmap.getPlotItem())
        self.layer_line = pg.InfiniteLine(
            pos=lab.layer, angle=90, movable=True, pen=pen("#ffffff", 1.5, _DASH)
        )
        self.layer_line.setHoverPen(pen("#ffffff", 3))
        self.heatmap.addItem(self.layer_line)

        # Curves get their colours in set_look.
        self.hist_curve = self.histogram.plot(stepMode="center", fillLevel=0)
        add_legend(self.moments)
        self.mean_curve = self.moments.plot(name="mean", connect="finite")
        self.std_curve = self.moments.plot(name="std", connect="finite")
        self.std_pred = self.moments.plot(name="std, mean field", connect="finite")
        add_legend(self.shares)
        self.dead_curve = self.shares.plot(name="dead")
        self.dead_units_curve = self.shares.plot(name="dead units")
        self.saturated_curve = self.shares.plot(name="saturated")
        self.shares.setYRange(0.0, 1.0, padding=0.03)
        self.shares.getPlotItem().getViewBox().setLimits(yMin=-0.05, yMax=1.05)
        add_legend(self.gradients)
        self.gradients.getPlotItem().setLogMode(y=True)
        self.grad_curve = self.gradients.plot(
            name="simulated", connect="finite", symbol="o", symbolSize=4, symbolPen=None
        )
        self.grad_pred = self.gradients.plot(name="mean field", connect="finite")
        add_legend(self.variance)
        self.variance.getPlotItem().setLogMode(y=True)
        self.q_curve = self.variance.plot(
            pen=None, symbol="o", symbolSize=5, symbolPen=None, name="simulated", connect="finite"
        )
        self.q_pred = self.variance.plot(name="mean-field map", connect="finite")
        self.q_star_line = pg.InfiniteLine(angle=0, movable=False)
        self.q_star_line.setVisible(False)
        self.variance.addItem(self.q_star_line, ignoreBounds=True)

        self.retranslate()
        self.set_look(LIGHT)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.addWidget(self.heatmap, 0, 0)
        grid.addWidget(self.histogram, 0, 1)
        grid.addWidget(self.moments, 0, 2)
        grid.addWidget(self.shares, 1, 0)
        grid.addWidget(self.gradients, 1, 1)
        grid.addWidget(self.variance, 1, 2)
        self.layer_line.sigPositionChangeFinished.connect(self._line_moved)

    def retranslate(self) -> None:
        """Write the titles, axis labels and legend names in the current language."""
        layer = self.tr("layer l")
        for plot, title, bottom, left in (
            (self.heatmap, self.tr("Activations per layer"), layer, self.tr("value x_l")),
            (self.histogram, "", self.tr("activation x_l"), self.tr("density")),
            (self.moments, self.tr("Mean and std"), layer, "x_l"),
            (self.shares, self.tr("Dead and saturated"), layer, self.tr("share")),
            (self.gradients, self.tr("Gradient std (log)"), layer, self.tr("std ∂L/∂h_l")),
            (
                self.variance,
                self.tr("Variance: simulated vs mean field"),
                layer,
                "q_l = E[h_l²]",
            ),
        ):
            item = plot.getPlotItem()
            if title:
                item.setTitle(title)
            item.setLabel("bottom", bottom)
            item.setLabel("left", left)
        self.colorbar.getAxis("left").setLabel(self.tr("log₁₀ density"))
        self.layer_line.setToolTip(self.tr("Drag to choose the layer of the histogram"))
        for plot, curve, name in (
            (self.moments, self.mean_curve, self.tr("mean")),
            (self.moments, self.std_curve, self.tr("std")),
            (self.moments, self.std_pred, self.tr("std, mean field")),
            (self.shares, self.dead_curve, self.tr("dead (x = 0)")),
            (self.shares, self.dead_units_curve, self.tr("dead units")),
            (self.shares, self.saturated_curve, self.tr("saturated (|φ′| &lt; 0.01)")),
            (self.gradients, self.grad_curve, self.tr("simulated")),
            (self.gradients, self.grad_pred, self.tr("mean field")),
            (self.variance, self.q_curve, self.tr("simulated")),
            (self.variance, self.q_pred, self.tr("mean-field map")),
        ):
            legend = plot.getPlotItem().legend
            label = legend.getLabel(curve) if legend is not None else None
            if label is not None:
                label.setText(name)
        self.set_layer(self._lab.layer)  # the histogram's title names its layer

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate (and restyle the new titles) on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.set_look(self.look)
        super().changeEvent(event)

    def set_look(self, look: Look) -> None:
        """Restyle every plot and recolour every curve for ``look``."""
        self.look = look
        c = lab_colours(look)
        fill = pg.mkColor(c.std)
        fill.setAlpha(70)
        self.hist_curve.setPen(pen(c.std, 1.5))
        self.hist_curve.setBrush(pg.mkBrush(fill))
        self.mean_curve.setPen(pen(c.mean))
        self.std_curve.setPen(pen(c.std))
        self.std_pred.setPen(pen(c.predicted, 1.5, _DASH))
        self.dead_curve.setPen(pen(c.dead))
        self.dead_units_curve.setPen(pen(c.dead_units, 1.5, Qt.PenStyle.DotLine))
        self.saturated_curve.setPen(pen(c.saturated))
        self.grad_curve.setPen(pen(c.gradient))
        self.grad_curve.setSymbolBrush(c.gradient)
        self.grad_pred.setPen(pen(c.predicted, 1.5, _DASH))
        self.q_curve.setSymbolBrush(c.std)
        self.q_pred.setPen(pen(c.predicted, 1.5, _DASH))
        self.q_star_line.setPen(pen(c.mean, 1, _DASH))
        for plot in self.plots:
            style_plot(plot, look)

    @property
    def plots(self) -> tuple[pg.PlotWidget, ...]:
        """Every plot, in reading order."""
        return (
            self.heatmap,
            self.histogram,
            self.moments,
            self.shares,
            self.gradients,
            self.variance,
        )

    def _line_moved(self, line: pg.InfiniteLine) -> None:
        layer = round(float(line.value()))
        layer = min(max(layer, 1), self._lab.depth)
        self._lab.layer = layer
        self.set_layer(layer)  # snap to the centre of the layer even when it did not change

    def show_outcome(self, outcome: DepthOutcome) -> None:
        """Draw a propagation and its prediction."""
        r = outcome.result
        self.result, self.prediction = r, outcome.prediction
        layers = r.layers.astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            log_density = np.log10(r.hist_density)
        peak = float(np.nanmax(np.where(np.isfinite(log_density), log_density, -np.inf)))
        if not np.isfinite(peak):
            peak = 0.0
        shown = np.where(np.isfinite(log_density), log_density, peak - DECADES)
        lo, hi = float(r.hist_edges[0]), float(r.hist_edges[-1])
        self.image.setImage(shown, autoLevels=False)
        self.image.setRect(QRectF(0.5, lo, float(r.depth), hi - lo))
        self.colorbar.setLevels((peak - DECADES, peak))
        self.heatmap.setXRange(0.5, r.depth + 0.5, padding=0)
        self.heatmap.setYRange(lo, hi, padding=0)
        self.layer_line.setBounds((1, r.depth))

        self.mean_curve.setData(layers, finite(r.mean))
        self.std_curve.setData(layers, finite(r.std))
        self.dead_curve.setData(layers, r.dead_fraction)
        self.dead_units_curve.setData(layers, r.dead_unit_fraction)
        self.saturated_curve.setData(layers, r.saturated_fraction)
        if r.grad_std is not None:
            self.grad_curve.setData(*log_points(layers, r.grad_std))
        else:
            self.grad_curve.setData([], [])
        self.q_curve.setData(*log_points(layers, r.preact_q))
        pred = outcome.prediction
        if pred is not None:
            self.std_pred.setData(layers, finite(pred.post_std))
            self.grad_pred.setData(layers, positive(np.sqrt(pred.gradient_variance)))
            self.q_pred.setData(layers, positive(pred.q))
        else:
            for curve in (self.std_pred, self.grad_pred, self.q_pred):
                curve.setData([], [])
        fixed = outcome.fixed
        if fixed is not None and np.isfinite(fixed.q_star) and fixed.q_star > 0:
            self.q_star_line.setPos(np.log10(fixed.q_star))
            self.q_star_line.setVisible(True)
        else:
            self.q_star_line.setVisible(False)
        self.set_layer(min(self._lab.layer, r.depth))

    def set_layer(self, layer: int) -> None:
        """Show the histogram of ``layer`` and mark it on the heat map."""
        with signals_blocked(self.layer_line):
            self.layer_line.setValue(layer)
        self.histogram.getPlotItem().setTitle(self.tr("Layer {layer}").format(layer=layer))
        style_plot(self.histogram, self.look)
        r = self.result
        if r is None or layer > r.depth:
            self.hist_curve.setData([], [])
            return
        self.hist_curve.setData(r.hist_edges, finite(r.hist_density[layer - 1]))


class DepthView(QWidget):
    """The depth page: controls on the left, readouts and six plots on the right."""

    def __init__(self, state: ExplorerState, lab: LabState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labDepthView")
        self._state = state
        self._lab = lab
        self._dirty = True
        self.outcome: DepthOutcome | None = None
        self.controls = DepthControls(state, lab)
        self.plots = DepthPlots(lab)
        self.readout = QLabel()
        self.readout.setObjectName("depthReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.busy = BusyIndicator("depthBusy")
        self.status = QLabel()
        self.status.setObjectName("depthStatus")
        set_role(self.status, "muted")
        self.runner = LatestRunner(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THROTTLE_MS)
        self._timer.timeout.connect(self.refresh)

        self.side = SidePanel(self.controls, "depthSide")
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.readout, 1)
        head.addWidget(self.status)
        head.addWidget(self.busy)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(4)
        right.addLayout(head)
        right.addWidget(self.plots, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(self.side)
        layout.addLayout(right, 1)

        self.runner.ready.connect(self._ready)
        self.runner.failed.connect(self._failed)
        self.runner.busyChanged.connect(self.busy.set_busy)
        self.links = EventLinks()
        ev, link = lab.events, self.links.link
        for signal in (ev.init_scheme, ev.init_mode, ev.activation_gain):
            link(signal, self.schedule)
        link(ev.depth, self._depth_changed)
        link(ev.width, self._width_changed)
        link(ev.batch, self._batch_changed)
        link(ev.seed, self._seed_changed)
        link(ev.sigma_w, self._sigma_w_changed)
        link(ev.sigma_b, self._sigma_b_changed)
        link(ev.init_scheme, self.controls.set_scheme)
        link(ev.init_mode, self.controls.set_mode)
        link(ev.activation_gain, self._gain_changed)
        link(ev.layer, self._layer_changed)
        link(state.events.activation, self.schedule)
        link(state.events.params, self.schedule)
        link(state.events.distribution, self.schedule)
        self._update_readout()

    def set_look(self, look: Look) -> None:
        """Restyle the plots and the readout for ``look``."""
        self.plots.set_look(look)
        self._update_readout()

    # -- scheduling -------------------------------------------------------------------------
    def schedule(self, *_: object) -> None:
        """Recompute soon: changes within :data:`THROTTLE_MS` share one computation."""
        self._dirty = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up on changes made while the page was hidden."""
        super().showEvent(event)
        if self._dirty:
            self.schedule()

    def request(self) -> DepthRequest | None:
        """The computation the current settings ask for (None for a vector activation)."""
        state, lab = self._state, self._lab
        try:
            init = lab.initializer(state.activation, state.params)
        except ValueError as exc:
            self.controls.message.show_message(core_locale.error_text(exc))
            return None
        return DepthRequest(
            activation=state.activation,
            params=tuple(sorted(state.params.items())),
            distribution=state.distribution,
            depth=lab.depth,
            width=lab.width,
            batch=lab.batch,
            init=init,
            seed=lab.seed,
        )

    def refresh(self) -> None:
        """Submit the current settings to the worker now."""
        self._timer.stop()
        self._dirty = False
        self.controls.check_preset()
        self._update_readout()
        if self._state.activation not in _scalar_keys():
            self.controls.message.show_message(
                self.tr(
                    "{name} acts on whole vectors; pick a scalar function to see it in a deep "
                    "network"
                ).format(name=core_locale.display_name(self._state.current))
            )
            return
        req = self.request()
        if req is not None:
            self.runner.submit(lambda: run_depth(req))

    def wait_until_idle(self, timeout_s: float = 60.0) -> bool:
        """Process events until the newest result has been drawn; False on timeout."""
        if self._timer.isActive():
            self.refresh()
        return self.runner.wait_idle(timeout_s)

    # -- results ----------------------------------------------------------------------------
    def _ready(self, _request_id: int, outcome: DepthOutcome) -> None:
        self.outcome = outcome
        self.plots.show_outcome(outcome)
        self.status.setText(f"{self.runner.last_seconds * 1000:.0f} ms")
        self._update_readout()

    def _failed(self, _request_id: int, message: str) -> None:
        self.controls.message.show_message(message)

    def changeEvent(self, event: QEvent) -> None:
        """Write the readout again on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self._update_readout()
        super().changeEvent(event)

    def _update_readout(self) -> None:
        state, lab = self._state, self._lab
        name = core_locale.display_name(state.current)
        muted = self.plots.look.muted
        try:
            sw = lab.effective_sigma_w(state.activation, state.params)
        except ValueError:
            sw = float("nan")
        effective = self.tr("(effective)")
        parts = [f"<b>{name}</b>", f"σ_w = {sw:.3g} <span style='color:{muted}'>{effective}</span>"]
        parts.append(f"σ_b = {lab.sigma_b:.3g}")
        parts.append(self.tr("{depth} layers × {width}").format(depth=lab.depth, width=lab.width))
        fixed = self.outcome.fixed if self.outcome is not None else None
        if (
            fixed is not None
            and self.outcome is not None
            and self.outcome.request == self.request()
        ):
            parts.append(f"q* = {fixed.q_star:.3g}")
            phase = QCoreApplication.translate("DepthView", _PHASES.get(fixed.phase, fixed.phase))
            parts.append(f"χ = {fixed.chi:.3g} ({phase})")
        self.readout.setText(" · ".join(parts))

    # -- state → widgets --------------------------------------------------------------------
    def _depth_changed(self, depth: int) -> None:
        self.controls.set_int(self.controls.depth, depth)
        self.controls.set_layer_range(depth, self._lab.layer)
        self.schedule()

    def _width_changed(self, value: int) -> None:
        self.controls.set_int(self.controls.width, value)
        self.schedule()

    def _batch_changed(self, value: int) -> None:
        self.controls.set_int(self.controls.batch, value)
        self.schedule()

    def _seed_changed(self, value: int) -> None:
        self.controls.set_int(self.controls.seed, value)
        self.schedule()

    def _sigma_w_changed(self, value: float) -> None:
        self.controls.set_float(self.controls.sigma_w, value)
        self.schedule()

    def _sigma_b_changed(self, value: float) -> None:
        self.controls.set_float(self.controls.sigma_b, value)
        self.schedule()

    def _gain_changed(self, on: bool) -> None:
        with signals_blocked(self.controls.gain):
            self.controls.gain.setChecked(on)

    def _layer_changed(self, layer: int) -> None:
        self.controls.set_layer_range(self._lab.depth, layer)
        self.plots.set_layer(layer)


def _scalar_keys() -> set[str]:
    from actexplorer.core.activation import Activation

    return {key for key, act in ACTIVATIONS.items() if isinstance(act, Activation)}


def params_items(params: Mapping[str, ParamValue]) -> tuple[tuple[str, ParamValue], ...]:
    """Parameters as a sorted tuple (hashable, for requests)."""
    return tuple(sorted(params.items()))
