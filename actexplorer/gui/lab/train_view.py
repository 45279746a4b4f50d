"""The training page: a small MLP learning a 2-D dataset, live, optionally racing a second function.

A :class:`QTimer` drives the core's :class:`~actexplorer.core.lab.Trainer` a few updates per
tick (≈30 ticks a second), so the window never blocks and the decision boundary is redrawn at
most once a tick. Every frozen :class:`~actexplorer.core.lab.TrainingSnapshot` is drawn as is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from actexplorer.core import ACTIVATIONS
from actexplorer.core import locale as core_locale
from actexplorer.core.activation import Activation
from actexplorer.core.lab import (
    Dataset,
    DatasetKind,
    DecisionBoundary,
    Race,
    Trainer,
    TrainingSnapshot,
    make_dataset,
)
from actexplorer.core.lab.mlp import Optimizer
from actexplorer.gui.lab._common import (
    EventLinks,
    MessageLine,
    SidePanel,
    add_legend,
    add_row,
    compact,
    double_spin,
    form_grid,
    lab_colours,
    log_points,
    make_plot,
    pen,
    positive,
    spin,
    style_plot,
)
from actexplorer.gui.panels import section_title
from actexplorer.gui.params import NumberField
from actexplorer.gui.theme import LIGHT, Look
from actexplorer.lab_state import (
    MAX_BATCH_SIZE,
    MAX_HIDDEN_LAYERS,
    MAX_HIDDEN_WIDTH,
    MAX_L2,
    MAX_LEARNING_RATE,
    MAX_MOMENTUM,
    MAX_NOISE,
    MAX_POINTS,
    MAX_SPEED,
    MIN_HIDDEN_WIDTH,
    MIN_POINTS,
    MIN_SPEED,
    LabState,
)
from actexplorer.state import ExplorerState

#: One animation frame: ≈30 boundary redraws a second at most.
TICK_MS = 33
#: Grid resolution of the decision boundary while playing, and when still.
LIVE_RESOLUTION = 90
STILL_RESOLUTION = 160
#: Fields that only change the data, or the network and optimiser: both rebuild the run.
_DATA_FIELDS = {"dataset", "noise", "n_points", "test_fraction", "data_seed"}
_NET_FIELDS = {
    "hidden_layers", "hidden_width", "per_layer", "layer_activations", "optimizer",
    "learning_rate", "momentum", "batch_size", "l2", "train_seed", "race",
}  # fmt: skip
#: The datasets' and optimisers' names (the core's labels), translated when shown.
DATASET_NAMES: dict[DatasetKind, str] = {
    DatasetKind.XOR: QT_TRANSLATE_NOOP("TrainControls", "XOR"),
    DatasetKind.CIRCLES: QT_TRANSLATE_NOOP("TrainControls", "Circles"),
    DatasetKind.MOONS: QT_TRANSLATE_NOOP("TrainControls", "Two moons"),
    DatasetKind.SPIRAL: QT_TRANSLATE_NOOP("TrainControls", "Spiral (2 classes)"),
    DatasetKind.SPIRAL3: QT_TRANSLATE_NOOP("TrainControls", "Spiral (3 classes)"),
    DatasetKind.BLOBS: QT_TRANSLATE_NOOP("TrainControls", "Gaussian blobs"),
}
OPTIMIZER_NAMES: dict[Optimizer, str] = {
    Optimizer.SGD: "SGD",  # a name: the same in every language
    Optimizer.MOMENTUM: QT_TRANSLATE_NOOP("TrainControls", "Momentum"),
    Optimizer.ADAM: "Adam",
}


def _scalar_keys() -> list[str]:
    return [key for key, act in ACTIVATIONS.items() if isinstance(act, Activation)]


def run_label(keys: tuple[str, ...], fallback: str) -> str:
    """A run's name: its function's, or the layers' functions in order when they differ."""
    names = [core_locale.display_name(ACTIVATIONS[key]) for key in keys]
    if len(set(names)) <= 1:
        return names[0] if names else fallback
    return " · ".join(names)


def boundary_rgb(boundary: DecisionBoundary, n_classes: int, look: Look = LIGHT) -> np.ndarray:
    """An (nx, ny, 3) uint8 image: the predicted class's colour, fading into the plot's
    background where the network is less certain.
    """
    probs = boundary.probabilities
    confidence = (probs.max(axis=-1) - 1.0 / n_classes) / (1.0 - 1.0 / n_classes)
    classes = lab_colours(look).classes[:n_classes]
    colours = np.array([pg.mkColor(c).getRgb()[:3] for c in classes], np.float64)
    background = np.array(pg.mkColor(look.plot_background).getRgb()[:3], np.float64)
    strength = 0.7 * np.clip(confidence, 0.0, 1.0)[..., None]
    rgb = background * (1.0 - strength) + colours[boundary.predicted] * strength
    return np.ascontiguousarray(rgb.transpose(1, 0, 2).astype(np.uint8))


class BoundaryPlot(pg.PlotWidget):
    """The decision boundary as a pale image, the 50 % line, and the train and test points."""

    def __init__(self, name: str, run: int = 0) -> None:
        super().__init__()
        self.setObjectName(name)
        self.run = run
        self.look = LIGHT
        self._dataset: Dataset | None = None
        self._boundary: tuple[DecisionBoundary, int] | None = None
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setAspectLocked(True)
        item.showGrid(x=False, y=False)
        item.setLabel("bottom", "x₁")
        item.setLabel("left", "x₂")
        self._title = ""
        self.setMinimumSize(200, 180)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.addItem(self.image)
        self.line = pg.IsocurveItem(level=0.5)
        self.line.setParentItem(self.image)
        # Pens and brushes come from set_look.
        self.train_points = pg.ScatterPlotItem(size=6)
        self.test_points = pg.ScatterPlotItem(size=9, symbol="d")
        self.addItem(self.train_points)
        self.addItem(self.test_points)
        self.legend = item.addLegend(offset=(-4, 4), labelTextSize="8pt", verSpacing=-6)
        self.legend.addItem(self.train_points, "train")
        self.legend.addItem(self.test_points, "test")
        self.retranslate()
        self.set_look(LIGHT)

    def retranslate(self) -> None:
        """Name the point sets in the current language."""
        for points, text in (
            (self.train_points, self.tr("train")),
            (self.test_points, self.tr("test")),
        ):
            label = self.legend.getLabel(points)
            if label is not None:
                label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_look(self, look: Look) -> None:
        """Restyle the plot and redraw the points and the boundary in ``look``'s colours."""
        self.look = look
        c = lab_colours(look)
        self.line.setPen(pen(c.predicted, 2))
        # Train dots are ringed in the background colour, test diamonds in the ink colour, so
        # the two sets differ by outline as well as by shape on either background.
        self.train_points.setPen(pg.mkPen(look.plot_background, width=0.8))
        self.test_points.setPen(pg.mkPen(c.predicted, width=1))
        self.train_points.setBrush(pg.mkBrush(c.classes[0]))
        self.test_points.setBrush(pg.mkBrush(c.classes[0]))
        style_plot(self, look, title_colour=c.runs[self.run])
        if self._dataset is not None:
            self.set_dataset(self._dataset, reframe=False)
        if self._boundary is not None:
            boundary, n_classes = self._boundary
            self.image.setImage(
                boundary_rgb(boundary, n_classes, look), autoLevels=False, levels=(0, 255)
            )

    def set_dataset(self, dataset: Dataset, reframe: bool = True) -> None:
        """Draw the points, coloured by class (and frame them when ``reframe``)."""
        self._dataset = dataset
        brushes = [pg.mkBrush(c) for c in lab_colours(self.look).classes]
        self.train_points.setData(
            pos=np.asarray(dataset.x_train), brush=[brushes[k] for k in dataset.y_train]
        )
        self.test_points.setData(
            pos=np.asarray(dataset.x_test), brush=[brushes[k] for k in dataset.y_test]
        )
        if reframe:
            x0, x1, y0, y1 = dataset.bounds()
            self.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def set_boundary(self, boundary: DecisionBoundary, n_classes: int, line: bool = True) -> None:
        """Draw the class probabilities on the grid, and the 50 % line when ``line``.

        Tracing the line costs more than the image, so the animation leaves it out.
        """
        xs, ys = boundary.xs, boundary.ys
        self._boundary = (boundary, n_classes)
        self.image.setImage(
            boundary_rgb(boundary, n_classes, self.look), autoLevels=False, levels=(0, 255)
        )
        dx = (xs[-1] - xs[0]) / max(xs.size - 1, 1)
        dy = (ys[-1] - ys[0]) / max(ys.size - 1, 1)
        self.image.setRect(
            QRectF(xs[0] - dx / 2, ys[0] - dy / 2, xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy)
        )
        if n_classes == 2 and line:
            self.line.setData(np.nan_to_num(boundary.positive.T, nan=0.5), level=0.5)
            self.line.setVisible(True)
        else:
            self.line.setVisible(False)

    def set_title(self, text: str) -> None:
        """Name the run this plot shows (in the run's colour)."""
        self.getPlotItem().setTitle(text)
        style_plot(self, self.look, title_colour=lab_colours(self.look).runs[self.run])


class TrainControls(QWidget):
    """Data, network and optimiser settings, and the play/pause/step/reset buttons."""

    def __init__(self, lab: LabState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lab = lab
        self.dataset = compact(QComboBox())
        self.dataset.setObjectName("datasetCombo")
        for kind in DATASET_NAMES:
            self.dataset.addItem("", kind)
        self.noise = double_spin(0.0, MAX_NOISE, lab.noise, 0.05, 2, "noiseSpin")
        self.n_points = spin(MIN_POINTS, MAX_POINTS, lab.n_points, "pointsSpin")
        self.n_points.setSingleStep(50)
        self.test_percent = spin(0, 90, round(100 * lab.test_fraction), "testSpin")
        self.test_percent.setSuffix(" %")
        self.data_seed = spin(0, 2**31 - 1, lab.data_seed, "dataSeedSpin")
        self.hidden_layers = spin(0, MAX_HIDDEN_LAYERS, lab.hidden_layers, "layersSpin")
        self.hidden_width = spin(MIN_HIDDEN_WIDTH, MAX_HIDDEN_WIDTH, lab.hidden_width, "unitsSpin")
        self.per_layer = QCheckBox()
        self.per_layer.setObjectName("perLayerCheck")
        self.layer_combos: list[QComboBox] = []
        self.layer_labels: list[QLabel] = []
        self._explorer_name = ""
        layers = form_grid()
        layers.setContentsMargins(16, 0, 0, 0)
        for index in range(MAX_HIDDEN_LAYERS):
            combo = compact(QComboBox())
            combo.setObjectName(f"layerActivationCombo{index + 1}")
            combo.activated.connect(self._layer_chosen)
            self.layer_combos.append(combo)
            self.layer_labels.append(add_row(layers, "", combo))
        self.layers_box = QWidget()
        self.layers_box.setObjectName("layerActivations")
        self.layers_box.setLayout(layers)
        self.race = compact(QComboBox())
        self.race.setObjectName("raceCombo")
        self.optimizer = compact(QComboBox())
        self.optimizer.setObjectName("optimizerCombo")
        for opt in OPTIMIZER_NAMES:
            self.optimizer.addItem("", opt)
        self.learning_rate = NumberField(lab.learning_rate, self._learning_rate_check)
        self.learning_rate.setObjectName("learningRateField")
        self.momentum = double_spin(0.0, MAX_MOMENTUM, lab.momentum, 0.05, 3, "momentumSpin")
        self.batch_size = spin(1, MAX_BATCH_SIZE, lab.batch_size, "batchSizeSpin")
        self.l2 = NumberField(lab.l2, self._l2_check)
        self.l2.setObjectName("l2Field")
        self.train_seed = spin(0, 2**31 - 1, lab.train_seed, "trainSeedSpin")
        self.speed = spin(MIN_SPEED, MAX_SPEED, lab.speed, "speedSpin")
        self.play = QPushButton()
        self.play.setObjectName("playButton")
        self.play.setCheckable(True)
        self.step = QPushButton()
        self.step.setObjectName("stepButton")
        self.reset = QPushButton()
        self.reset.setObjectName("resetButton")
        self.message = MessageLine("trainMessage")

        data = form_grid()
        # Row labels (and every other text) are written by retranslate().
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}

        def row(grid: QGridLayout, key: str, widget: QWidget) -> QLabel:
            label = add_row(grid, "", widget)
            self._rows[key] = (label, widget)
            return label

        row(data, "dataset", self.dataset)
        row(data, "noise", self.noise)
        row(data, "points", self.n_points)
        row(data, "test", self.test_percent)
        row(data, "data_seed", self.data_seed)
        net = form_grid()
        row(net, "hidden_layers", self.hidden_layers)
        row(net, "units", self.hidden_width)
        row(net, "functions", self.per_layer)
        net.addWidget(self.layers_box, net.rowCount(), 0, 1, 2)
        row(net, "race", self.race)
        row(net, "optimizer", self.optimizer)
        self.momentum_label = row(net, "momentum", self.momentum)
        row(net, "learning_rate", self.learning_rate)
        row(net, "batch_size", self.batch_size)
        row(net, "l2", self.l2)
        row(net, "train_seed", self.train_seed)
        row(net, "speed", self.speed)
        # Play on its own row and Step/Reset below: three buttons side by side need more width
        # than the form below them, which is what cut Reset off.
        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        buttons.addWidget(self.play, 0, 0, 1, 2)
        buttons.addWidget(self.step, 1, 0)
        buttons.addWidget(self.reset, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(section_title("Data"))
        layout.addLayout(data)
        layout.addWidget(section_title("Network"))
        layout.addLayout(net)
        layout.addStretch(1)

        self._widgets: dict[str, tuple[QWidget, Callable[[Any], None]]] = {
            "dataset": (self.dataset, self._combo_setter(self.dataset)),
            "noise": (self.noise, self.noise.setValue),
            "n_points": (self.n_points, self.n_points.setValue),
            "test_fraction": (self.test_percent, self._set_test_percent),
            "data_seed": (self.data_seed, self.data_seed.setValue),
            "hidden_layers": (self.hidden_layers, self.hidden_layers.setValue),
            "hidden_width": (self.hidden_width, self.hidden_width.setValue),
            "per_layer": (self.per_layer, self._set_per_layer),
            "layer_activations": (self.layers_box, self._set_layer_activations),
            "momentum": (self.momentum, self.momentum.setValue),
            "race": (self.race, self._combo_setter(self.race)),
            "optimizer": (self.optimizer, self._set_optimizer),
            "learning_rate": (self.learning_rate, self.learning_rate.set_value),
            "batch_size": (self.batch_size, self.batch_size.setValue),
            "l2": (self.l2, self.l2.set_value),
            "train_seed": (self.train_seed, self.train_seed.setValue),
            "speed": (self.speed, self.speed.setValue),
        }  # fmt: skip
        self.dataset.activated.connect(lambda i: self._write("dataset", self.dataset.itemData(i)))
        self.noise.valueChanged.connect(lambda v: self._write("noise", v))
        self.n_points.valueChanged.connect(lambda v: self._write("n_points", v))
        self.test_percent.valueChanged.connect(lambda v: self._write("test_fraction", v / 100))
        self.data_seed.valueChanged.connect(lambda v: self._write("data_seed", v))
        self.hidden_layers.valueChanged.connect(lambda v: self._write("hidden_layers", v))
        self.hidden_width.valueChanged.connect(lambda v: self._write("hidden_width", v))
        self.per_layer.toggled.connect(lambda on: self._write("per_layer", on))
        self.momentum.valueChanged.connect(lambda v: self._write("momentum", v))
        self.race.activated.connect(lambda i: self._write("race", self.race.itemData(i)))
        self.optimizer.activated.connect(
            lambda i: self._write("optimizer", self.optimizer.itemData(i))
        )
        self.learning_rate.committed.connect(lambda v: self._write("learning_rate", v))
        self.learning_rate.rejected.connect(self._refuse_learning_rate)
        self.batch_size.valueChanged.connect(lambda v: self._write("batch_size", v))
        self.l2.committed.connect(lambda v: self._write("l2", v))
        self.l2.rejected.connect(self._refuse_l2)
        self.train_seed.valueChanged.connect(lambda v: self._write("train_seed", v))
        self.speed.valueChanged.connect(lambda v: self._write("speed", v))
        self.retranslate()
        for name in self._widgets:
            self.show_field(name, getattr(lab, name))

    def retranslate(self) -> None:
        """Show every text in the current language (function names from the catalog's locale)."""
        for index, kind in enumerate(DATASET_NAMES):
            self.dataset.setItemText(
                index, QCoreApplication.translate("TrainControls", DATASET_NAMES[kind])
            )
        for index, opt in enumerate(OPTIMIZER_NAMES):
            self.optimizer.setItemText(
                index, QCoreApplication.translate("TrainControls", OPTIMIZER_NAMES[opt])
            )
        rows = {
            "dataset": (self.tr("dataset"), self.tr("The points the network learns to classify")),
            "noise": (self.tr("noise"), self.tr("Jitter std")),
            "points": (self.tr("points"), self.tr("Number of points")),
            "test": (self.tr("test"), self.tr("Share of the points held out for testing")),
            "data_seed": (self.tr("seed"), self.tr("Seed of the points")),
            "hidden_layers": (self.tr("hidden layers"), self.tr("Number of hidden layers")),
            "units": (self.tr("units"), self.tr("Units per hidden layer")),
            "functions": (
                self.tr("functions"),
                self.tr("Choose each hidden layer's function; unchosen layers use the explorer's"),
            ),
            "race": (
                self.tr("race against"),
                self.tr("Train a second activation from the same weights, side by side"),
            ),
            "optimizer": (self.tr("optimiser"), self.tr("The update rule")),
            "momentum": (self.tr("momentum"), self.tr("μ in v ← μ v + g, w ← w − η v")),
            "learning_rate": (self.tr("learning rate"), self.tr("Step size η, e.g. 0.03 or 3e-3")),
            "batch_size": (self.tr("batch size"), self.tr("Points per update")),
            "l2": ("L2", self.tr("Weight decay λ: adds (λ/2)Σ‖W‖² to the loss")),
            "train_seed": (self.tr("seed"), self.tr("Seed of the initial weights")),
            "speed": (self.tr("updates/frame"), self.tr("Updates per frame")),
        }
        for key, (text, tip) in rows.items():
            label, widget = self._rows[key]
            label.setText(text)
            label.setToolTip(tip)
            widget.setToolTip(tip)
        self.per_layer.setText(self.tr("one per layer"))
        for index, (label, combo) in enumerate(
            zip(self.layer_labels, self.layer_combos, strict=True)
        ):
            label.setText(self.tr("layer {number}").format(number=index + 1))
            tip = self.tr("The function of hidden layer {number}").format(number=index + 1)
            label.setToolTip(tip)
            combo.setToolTip(tip)
        self.show_playing(self.play.isChecked())
        self.play.setToolTip(self.tr("Train continuously"))
        self.step.setText(self.tr("Step"))
        self.step.setToolTip(self.tr("One update"))
        self.reset.setText(self.tr("Reset"))
        self.reset.setToolTip(self.tr("Back to the initial weights"))
        self.refresh_race()
        self.refresh_layer_choices()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_playing(self, on: bool) -> None:
        """Label the play button for training (``on``) or stopped."""
        self.play.setText(self.tr("⏸ Pause") if on else self.tr("▶ Play"))

    def _set_optimizer(self, optimizer: Optimizer) -> None:
        self.optimizer.setCurrentIndex(max(self.optimizer.findData(optimizer), 0))
        # μ only means something to the momentum rule.
        shown = optimizer is Optimizer.MOMENTUM
        self.momentum.setVisible(shown)
        self.momentum_label.setVisible(shown)

    def _set_per_layer(self, on: bool) -> None:
        self.per_layer.setChecked(on)
        self._show_layer_rows()

    def _show_layer_rows(self) -> None:
        """One combo per hidden layer, while ``per_layer`` is on."""
        lab = self._lab
        self.layers_box.setVisible(lab.per_layer and lab.hidden_layers > 0)
        for index, (label, combo) in enumerate(
            zip(self.layer_labels, self.layer_combos, strict=True)
        ):
            label.setVisible(index < lab.hidden_layers)
            combo.setVisible(index < lab.hidden_layers)

    def _set_layer_activations(self, keys: tuple[str | None, ...]) -> None:
        for combo, key in zip(self.layer_combos, keys, strict=False):
            with signals_blocked(combo):
                combo.setCurrentIndex(max(combo.findData(key), 0))

    def _layer_chosen(self, _index: int) -> None:
        keys = [combo.currentData() for combo in self.layer_combos]
        self._write("layer_activations", keys)

    def refresh_layer_choices(self) -> None:
        """List the catalog's scalar functions per layer, first the explorer's (the default)."""
        for combo in self.layer_combos:
            with signals_blocked(combo):
                combo.clear()
                combo.addItem("", None)
                for key in _scalar_keys():
                    combo.addItem(core_locale.display_name(ACTIVATIONS[key]), key)
        self.set_explorer_name(self._explorer_name)
        self._set_layer_activations(self._lab.layer_activations)

    def set_explorer_name(self, name: str) -> None:
        """Name the explorer's function in the first entry of every layer's list."""
        self._explorer_name = name
        if name:
            first = self.tr("{name} (explorer)").format(name=name)
        else:
            first = self.tr("The explorer's")
        for combo in self.layer_combos:
            combo.setItemText(0, first)

    def _set_test_percent(self, fraction: float) -> None:
        self.test_percent.setValue(round(100 * fraction))

    def _refuse_learning_rate(self, reason: str) -> None:
        self._refuse(self.tr("learning rate"), reason)

    def _refuse_l2(self, reason: str) -> None:
        self._refuse("L2", reason)

    def _refuse(self, label: str, reason: str) -> None:
        if not reason.startswith(label):
            reason = self.tr("{name}: {reason}").format(name=label, reason=reason)
        self.message.show_message(reason)

    def _learning_rate_check(self, value: float) -> float:
        if not 0.0 < value <= MAX_LEARNING_RATE:
            raise ValueError(
                self.tr("learning rate must lie in (0, {high}]; got {value}").format(
                    high=f"{MAX_LEARNING_RATE:g}", value=f"{value:g}"
                )
            )
        return float(LabState.fields()["learning_rate"].check("learning_rate", self._lab, value))

    def _l2_check(self, value: float) -> float:
        if not 0.0 <= value <= MAX_L2:
            raise ValueError(
                self.tr("L2 must lie in [0, {high}]; got {value}").format(
                    high=f"{MAX_L2:g}", value=f"{value:g}"
                )
            )
        return float(LabState.fields()["l2"].check("l2", self._lab, value))

    @staticmethod
    def _combo_setter(combo: QComboBox) -> Callable[[Any], None]:
        def set_value(value: Any) -> None:
            combo.setCurrentIndex(max(combo.findData(value), 0))

        return set_value

    def _write(self, name: str, value: object) -> None:
        try:
            setattr(self._lab, name, value)
        except ValueError as exc:
            self.message.show_message(core_locale.error_text(exc))
            self.show_field(name, getattr(self._lab, name))

    def show_field(self, name: str, value: object) -> None:
        """Show the lab's ``name`` in its widget without writing it back."""
        entry = self._widgets.get(name)
        if entry is None:
            return
        widget, setter = entry
        with signals_blocked(widget):
            setter(value)
        if name == "hidden_layers":
            self._show_layer_rows()

    def refresh_race(self) -> None:
        """List the catalog's scalar functions as racing partners."""
        with signals_blocked(self.race):
            self.race.clear()
            self.race.addItem(self.tr("— nobody —"), None)
            for key in _scalar_keys():
                self.race.addItem(core_locale.display_name(ACTIVATIONS[key]), key)
            self.race.setCurrentIndex(max(self.race.findData(self._lab.race), 0))


class TrainView(QWidget):
    """The playground page: controls left; boundaries, curves and gradient norms right."""

    def __init__(self, state: ExplorerState, lab: LabState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labTrainView")
        self._state = state
        self._lab = lab
        self.dataset: Dataset | None = None
        self.trainers: tuple[Trainer, ...] = ()
        self.snapshots: tuple[TrainingSnapshot, ...] = ()
        self.labels: tuple[str, ...] = ()
        self._data_dirty = True
        self._net_dirty = True

        self.look = LIGHT
        self.controls = TrainControls(lab)
        self.boundaries = (BoundaryPlot("boundaryPlot", 0), BoundaryPlot("raceBoundaryPlot", 1))
        # Titles and axis labels are written by retranslate().
        self.loss_plot = make_plot("lossPlot", "", "", "")
        self.loss_plot.getPlotItem().setLogMode(y=True)
        self.accuracy_plot = make_plot("accuracyPlot", "", "", "")
        self.accuracy_plot.setYRange(0.0, 1.0, padding=0.02)
        self.grad_plot = make_plot("gradNormPlot", "", "", "‖∂L/∂W_l‖")
        self.grad_plot.getPlotItem().setLogMode(y=True)
        self.loss_legend = add_legend(self.loss_plot)
        self.acc_legend = add_legend(self.accuracy_plot, corner=(-6, -6))
        self.grad_legend = add_legend(self.grad_plot)
        # One curve of each kind per run; colours come from set_look.
        runs = range(2)
        self.train_loss = [self.loss_plot.plot(connect="finite") for _ in runs]
        self.test_loss = [self.loss_plot.plot(connect="finite") for _ in runs]
        self.train_acc = [self.accuracy_plot.plot() for _ in runs]
        self.test_acc = [self.accuracy_plot.plot() for _ in runs]
        self.grad_curves = [
            self.grad_plot.plot(symbol="o", symbolSize=7, symbolPen=None, connect="finite")
            for _ in runs
        ]
        self.status = QLabel()
        self.status.setObjectName("trainStatus")
        self.status.setTextFormat(Qt.TextFormat.RichText)

        self.side = SidePanel(self.controls, "trainSide")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.addWidget(self.boundaries[0], 0, 0, 1, 3)
        grid.addWidget(self.boundaries[1], 0, 3, 1, 3)
        grid.addWidget(self.loss_plot, 1, 0, 1, 2)
        grid.addWidget(self.accuracy_plot, 1, 2, 1, 2)
        grid.addWidget(self.grad_plot, 1, 4, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(4)
        right.addWidget(self.status)
        right.addLayout(grid, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(self.side)
        layout.addLayout(right, 1)
        self._retranslate_plots()
        self.set_look(LIGHT)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(50)
        self._rebuild_timer.timeout.connect(self.rebuild)
        c = self.controls
        c.play.toggled.connect(self._play_toggled)
        c.step.clicked.connect(self.step_once)
        c.reset.clicked.connect(self.reset)
        self.links = EventLinks()
        self.links.link(lab.events.all, self._lab_changed)
        self.links.link(state.events.activation, self._function_changed)
        self.links.link(state.events.params, self._function_changed)
        self.controls.set_explorer_name(core_locale.display_name(state.current))

    def _retranslate_plots(self) -> None:
        for plot, title, bottom, left in (
            (self.loss_plot, self.tr("Loss (log)"), self.tr("update"), self.tr("cross-entropy")),
            (self.accuracy_plot, self.tr("Accuracy"), self.tr("update"), self.tr("share correct")),
            (
                self.grad_plot,
                self.tr("Gradient per layer (log)"),
                self.tr("layer (last = output)"),
                "‖∂L/∂W_l‖",
            ),
        ):
            item = plot.getPlotItem()
            item.setTitle(title)
            item.setLabel("bottom", bottom)
            item.setLabel("left", left)

    def retranslate(self) -> None:
        """Write the plots' titles, the runs' names, the legends and the status again."""
        self._retranslate_plots()
        self.controls.set_explorer_name(core_locale.display_name(self._state.current))
        if self.trainers:
            self.labels = self._run_labels()
            self._relabel()
        self.set_look(self.look)  # the new titles take the look's style

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _run_labels(self) -> tuple[str, ...]:
        """The runs' names in the current language."""
        state, lab = self._state, self._lab
        label = run_label(
            lab.hidden_activations(state.activation), core_locale.display_name(state.current)
        )
        if lab.race is not None and len(self.trainers) > 1:
            return (label, core_locale.display_name(ACTIVATIONS[lab.race]))
        return (label,)

    def set_look(self, look: Look) -> None:
        """Restyle every plot and recolour the runs' curves and the status line for ``look``."""
        self.look = look
        runs = lab_colours(look).runs
        solid, dash = Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine
        for index, colour in enumerate(runs):
            self.train_loss[index].setPen(pen(colour, 2, solid))
            self.test_loss[index].setPen(pen(colour, 2, dash))
            self.train_acc[index].setPen(pen(colour, 2, solid))
            self.test_acc[index].setPen(pen(colour, 2, dash))
            self.grad_curves[index].setPen(pen(colour, 2))
            self.grad_curves[index].setSymbolBrush(colour)
        for plot in (self.loss_plot, self.accuracy_plot, self.grad_plot):
            style_plot(plot, look)
        for boundary in self.boundaries:
            boundary.set_look(look)
        if self.snapshots:
            self._show_status()

    # -- state → widgets and run ------------------------------------------------------------
    def _lab_changed(self, info: Any) -> None:
        name = info.signal.name
        self.controls.show_field(name, info.args[0])
        if name in _DATA_FIELDS:
            self._data_dirty = True
        if name in _DATA_FIELDS or name in _NET_FIELDS:
            self._schedule_rebuild()

    def _function_changed(self, *_: object) -> None:
        self.controls.set_explorer_name(core_locale.display_name(self._state.current))
        self._schedule_rebuild()

    def _schedule_rebuild(self) -> None:
        self._net_dirty = True
        if not self._rebuild_timer.isActive():
            self._rebuild_timer.start()

    def showEvent(self, event: Any) -> None:
        """Build the run when first shown (or after changes made while hidden)."""
        super().showEvent(event)
        if self._net_dirty:
            self.rebuild()

    def rebuild(self) -> bool:
        """New data (if its settings changed) and fresh networks from the current settings."""
        self._rebuild_timer.stop()
        self._net_dirty = False
        state, lab = self._state, self._lab
        try:
            if self._data_dirty or self.dataset is None:
                self.dataset = make_dataset(
                    lab.dataset,
                    lab.n_points,
                    noise=lab.noise,
                    test_fraction=lab.test_fraction,
                    seed=lab.data_seed,
                )
                self._data_dirty = False
            act = state.current
            if not isinstance(act, Activation):
                raise ValueError(
                    self.tr("{name} acts on whole vectors; pick a scalar function").format(
                        name=core_locale.display_name(act)
                    )
                )
            config = lab.mlp_config(state.activation, state.params)
            if lab.race is not None:
                race = Race(config, self.dataset, None, (lab.race, {}))
                self.trainers = race.trainers
            else:
                self.trainers = (Trainer(config, self.dataset),)
            self.labels = self._run_labels()
        except ValueError as exc:
            self.trainers, self.snapshots = (), ()
            self.controls.message.show_message(core_locale.error_text(exc))
            self._set_enabled(False)
            return False
        self._set_enabled(True)
        self.snapshots = tuple(t.reset() for t in self.trainers)
        self._relabel()
        for plot in self.boundaries:
            plot.set_dataset(self.dataset)
        self.boundaries[1].setVisible(len(self.trainers) > 1)
        self._draw(STILL_RESOLUTION if not self.playing else LIVE_RESOLUTION)
        return True

    def _set_enabled(self, on: bool) -> None:
        c = self.controls
        for button in (c.play, c.step, c.reset):
            button.setEnabled(on)
        if not on:
            c.play.setChecked(False)

    def _relabel(self) -> None:
        for legend in (self.loss_legend, self.acc_legend, self.grad_legend):
            legend.clear()
        for index, label in enumerate(self.labels):
            train = self.tr("{name}, train").format(name=label)
            test = self.tr("{name}, test").format(name=label)
            self.loss_legend.addItem(self.train_loss[index], train)
            self.loss_legend.addItem(self.test_loss[index], test)
            self.acc_legend.addItem(self.train_acc[index], train)
            self.acc_legend.addItem(self.test_acc[index], test)
            self.grad_legend.addItem(self.grad_curves[index], label)
            self.boundaries[index].set_title(label)
        for index in range(len(self.labels), len(self.train_loss)):
            for curve in (
                self.train_loss[index], self.test_loss[index], self.train_acc[index],
                self.test_acc[index], self.grad_curves[index],
            ):  # fmt: skip
                curve.setData([], [])

    # -- running ----------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        """True while the timer trains."""
        return self.timer.isActive()

    def _play_toggled(self, on: bool) -> None:
        if on and not self.trainers:
            self.controls.play.setChecked(False)
            return
        self.controls.show_playing(on)
        if on:
            self.timer.start()
        else:
            self.timer.stop()
            self._draw(STILL_RESOLUTION)

    def play(self) -> None:
        """Start training."""
        self.controls.play.setChecked(True)

    def pause(self) -> None:
        """Stop training (the run is kept)."""
        self.controls.play.setChecked(False)

    def _tick(self) -> None:
        self.advance(self._lab.speed, LIVE_RESOLUTION)
        if any(s.diverged for s in self.snapshots):
            self.pause()
            self.controls.message.show_message(
                self.tr("The weights overflowed: lower the learning rate and reset")
            )

    def step_once(self) -> None:
        """One update of every run, then redraw."""
        self.pause()
        self.advance(1, STILL_RESOLUTION)

    def advance(self, updates: int, resolution: int = STILL_RESOLUTION) -> None:
        """Run ``updates`` optimiser steps of every run and draw the new snapshots."""
        if not self.trainers:
            return
        with np.errstate(all="ignore"):
            self.snapshots = tuple(t.step(updates) for t in self.trainers)
        self._draw(resolution)

    def reset(self) -> None:
        """Every run back to its initial weights."""
        if not self.trainers:
            return
        self.snapshots = tuple(t.reset() for t in self.trainers)
        self._draw(STILL_RESOLUTION)

    # -- drawing ----------------------------------------------------------------------------
    def _draw(self, resolution: int) -> None:
        if self.dataset is None:
            return
        bounds = self.dataset.bounds()
        n_classes = self.dataset.n_classes
        for index, (trainer, snap) in enumerate(zip(self.trainers, self.snapshots, strict=True)):
            with np.errstate(all="ignore"):
                boundary = trainer.decision_boundary(resolution, bounds)
            self.boundaries[index].set_boundary(boundary, n_classes, line=not self.playing)
            h = snap.history
            steps = h.steps.astype(np.float64)
            self.train_loss[index].setData(steps, positive(h.train_loss))
            self.test_loss[index].setData(steps, positive(h.test_loss))
            self.train_acc[index].setData(steps, h.train_accuracy)
            self.test_acc[index].setData(steps, h.test_accuracy)
            norms = snap.gradient_norms
            self.grad_curves[index].setData(*log_points(np.arange(1, norms.size + 1), norms))
        self._show_status()

    def _show_status(self) -> None:
        parts = []
        runs = lab_colours(self.look).runs
        for label, snap, colour in zip(self.labels, self.snapshots, runs, strict=False):
            parts.append(
                self.tr(
                    "{name}: update {step}, epoch {epoch}, loss {train_loss} / {test_loss}, "
                    "accuracy {train_accuracy} / {test_accuracy} (train / test)"
                ).format(
                    name=f"<b style='color:{colour}'>{label}</b>",
                    step=snap.step,
                    epoch=f"{snap.epoch:.1f}",
                    train_loss=f"{snap.train_loss:.3f}",
                    test_loss=f"{snap.test_loss:.3f}",
                    train_accuracy=f"{snap.train_accuracy:.0%}",
                    test_accuracy=f"{snap.test_accuracy:.0%}",
                )
            )
        self.status.setText("<br>".join(parts))

    def shutdown(self) -> None:
        """Stop the timers (before the window goes away)."""
        self.timer.stop()
        self._rebuild_timer.stop()
