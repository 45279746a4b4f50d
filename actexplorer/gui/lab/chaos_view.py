"""The edge-of-chaos page: the mean-field phase diagram over (σ_w, σ_b) for the current function.

The diagram (slow: a fixed point per cell) and the current point's fixed point (fast) run on two
worker threads; clicking the diagram moves the lab to W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²) there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from actexplorer.core import get
from actexplorer.core import locale as core_locale
from actexplorer.core.activation import ParamValue
from actexplorer.core.lab import FixedPoint, PhaseDiagram, fixed_point, phase_diagram, variance_map
from actexplorer.gui.lab._common import (
    DIVERGING_MAP,
    BusyIndicator,
    EventLinks,
    MessageLine,
    add_legend,
    lab_colours,
    make_plot,
    pen,
    style_plot,
)
from actexplorer.gui.lab.workers import LatestRunner
from actexplorer.gui.theme import LIGHT, Look, set_role
from actexplorer.lab_state import LabState, scalar_key
from actexplorer.state import ExplorerState

#: The diagram's axes: σ_w over columns, σ_b over rows.
SIGMA_W_AXIS = np.linspace(0.05, 4.0, 64)
SIGMA_B_AXIS = np.linspace(0.0, 2.0, 40)
#: ln χ is coloured over [−LN_CHI_LIMIT, LN_CHI_LIMIT] (χ from 0.2 to 5).
LN_CHI_LIMIT = 1.6
THROTTLE_MS = 40


@dataclass(frozen=True, slots=True)
class PointOutcome:
    """The fixed point at the current (σ_w, σ_b) and the variance map through it."""

    activation: str
    sigma_w: float
    sigma_b: float
    fixed: FixedPoint
    q: np.ndarray
    q_next: np.ndarray


def run_point(
    activation: str, params: dict[str, ParamValue], sigma_w: float, sigma_b: float
) -> PointOutcome:
    """q*, χ and the map q ↦ σ_w²E[φ(√q z)²] + σ_b² on a grid around q* (pure; any thread)."""
    with np.errstate(all="ignore"):
        fixed = fixed_point(activation, sigma_w, sigma_b, params)
        top = 2.0 * fixed.q_star if math.isfinite(fixed.q_star) and fixed.q_star > 0 else 4.0
        top = min(max(top, 1.0), 1e6)
        q = np.linspace(0.0, top, 160)
        q_next = variance_map(activation, q, sigma_w, sigma_b, params)
    return PointOutcome(activation, sigma_w, sigma_b, fixed, q, q_next)


_PHASES = {
    "ordered": QT_TRANSLATE_NOOP("ChaosView", "ordered"),
    "chaotic": QT_TRANSLATE_NOOP("ChaosView", "chaotic"),
    "critical": QT_TRANSLATE_NOOP("ChaosView", "critical"),
}
_STATUSES = {
    "diverged": QT_TRANSLATE_NOOP("ChaosView", "diverged"),
    "not converged": QT_TRANSLATE_NOOP("ChaosView", "not converged"),
}


class ChaosView(QWidget):
    """Phase diagram on the left; readouts and the variance map on the right."""

    def __init__(self, state: ExplorerState, lab: LabState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labChaosView")
        self._state = state
        self._lab = lab
        self._dirty_diagram = True
        self._dirty_point = True
        # Each diagram beside the catalog entry it was drawn for: a redefined custom function
        # keeps its key but is a new object, and must not be shown its old diagram.
        self._diagrams: dict[tuple[object, ...], tuple[object, PhaseDiagram]] = {}
        self._diagram_key: tuple[object, ...] = ()
        self._diagram_act: object = None
        self.diagram: PhaseDiagram | None = None
        self.point: PointOutcome | None = None

        self.look = LIGHT
        self.plot = make_plot("phaseDiagram", "", "σ_w", "σ_b")
        self.plot.setMinimumSize(420, 360)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-LN_CHI_LIMIT, LN_CHI_LIMIT),
            colorMap=pg.colormap.get(DIVERGING_MAP),
            label="ln χ",
            interactive=False,
            width=14,
        )
        self.colorbar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        # Drawn over the colour map, whose middle (χ = 1) is pale in both looks: always black.
        self.critical = pg.IsocurveItem(level=0.0, pen=pen("#000000", 2.5))
        self.critical.setParentItem(self.image)
        self.marker = pg.ScatterPlotItem(
            size=18, symbol="star", brush=pg.mkBrush("#ffffff"), pen=pg.mkPen("#000000", width=2)
        )
        self.marker.setZValue(20)
        self.plot.addItem(self.marker)
        self._phase_labels: list[pg.TextItem] = []
        for x, y in ((0.25, 1.9), (2.9, 0.12)):
            label = pg.TextItem("", color="#000000", anchor=(0, 0.5))
            label.setPos(x, y)
            self.plot.addItem(label)
            self._phase_labels.append(label)
        # The whole cells of the grid, and below σ_b = 0 room for the marker (the default point
        # sits there) and the axis's 0, which the edge of the view cut off.
        dw = float(SIGMA_W_AXIS[1] - SIGMA_W_AXIS[0])
        db = float(SIGMA_B_AXIS[1] - SIGMA_B_AXIS[0])
        self.plot.setXRange(
            float(SIGMA_W_AXIS[0]) - dw / 2, float(SIGMA_W_AXIS[-1]) + dw / 2, padding=0
        )
        self.plot.setYRange(
            float(SIGMA_B_AXIS[0]) - db, float(SIGMA_B_AXIS[-1]) + db / 2, padding=0
        )
        self.plot.getPlotItem().getViewBox().setMouseEnabled(x=False, y=False)

        self.map_plot = make_plot("varianceMap", "", "q_l", "q_{l+1}")
        add_legend(self.map_plot)
        # Colours come from set_look.
        self.map_curve = self.map_plot.plot(name="σ_w²E[φ(√q z)²] + σ_b²")
        self.diagonal = self.map_plot.plot(name="q")
        self.q_star_dot = self.map_plot.plot(pen=None, symbol="o", symbolSize=9, name="q*")
        self.set_look(LIGHT)

        self.readout = QLabel()
        self.readout.setObjectName("chaosReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain = explain = QLabel()
        explain.setWordWrap(True)
        set_role(explain, "muted")
        self.message = MessageLine("chaosMessage")
        self.busy = BusyIndicator("chaosBusy")
        self.diagram_runner = LatestRunner(self)
        self.point_runner = LatestRunner(self)

        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.readout, 1)
        top.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignTop)
        side.addLayout(top)
        side.addWidget(self.message)
        side.addWidget(self.map_plot, 1)
        side.addWidget(explain)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(380)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(self.plot, 1)
        layout.addWidget(side_widget)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THROTTLE_MS)
        self._timer.timeout.connect(self.refresh)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.diagram_runner.ready.connect(self._diagram_ready)
        self.diagram_runner.failed.connect(self._failed)
        self.point_runner.ready.connect(self._point_ready)
        self.point_runner.failed.connect(self._failed)
        self.diagram_runner.busyChanged.connect(self._busy_changed)
        self.point_runner.busyChanged.connect(self._busy_changed)
        self.retranslate()
        self.links = EventLinks()
        link, ev = self.links.link, lab.events
        link(state.events.activation, self._function_changed)
        link(state.events.params, self._function_changed)
        for signal in (ev.sigma_w, ev.sigma_b, ev.init_scheme, ev.init_mode, ev.width):
            link(signal, self._point_changed)
        link(ev.activation_gain, self._point_changed)

    def retranslate(self) -> None:
        """Show every text in the current language (plot titles, the readout, the explanation)."""
        self.plot.getPlotItem().setTitle(self.tr("Phase diagram"))
        self.map_plot.getPlotItem().setTitle(self.tr("Variance map"))
        self.plot.setToolTip(self.tr("Click to use W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²) there"))
        for label, text in zip(
            self._phase_labels, (self.tr("ordered  χ < 1"), self.tr("chaotic  χ > 1")), strict=True
        ):
            label.setText(text)
        self.explain.setText(
            self.tr(
                "In a wide random network a layer maps the pre-activation variance q to "
                "σ_w²E[φ(√q z)²] + σ_b². At its fixed point q*, χ = σ_w²E[φ′(√q* z)²] is the "
                "factor by which a small difference between two inputs, and the squared gradient, "
                "grow per layer: χ &lt; 1 (ordered) forgets the input and gradients vanish, "
                "χ &gt; 1 (chaotic) scrambles it and gradients explode. Deep networks train best "
                "on the line χ = 1 (Poole et al. 2016; Schoenholz et al. 2017)."
            )
        )
        self.set_look(self.look)  # the titles take the look's colour again
        if self.point is not None:
            self.readout.setText(
                _readout(core_locale.display_name(self._state.current), self.point)
            )

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_look(self, look: Look) -> None:
        """Restyle both plots and recolour the variance map's curves for ``look``."""
        self.look = look
        c = lab_colours(look)
        self.map_curve.setPen(pen(c.std))
        self.diagonal.setPen(pen(c.predicted, 1, Qt.PenStyle.DashLine))
        self.q_star_dot.setSymbolBrush(c.mean)
        self.q_star_dot.setSymbolPen(pg.mkPen(c.predicted))
        for plot in (self.plot, self.map_plot):
            style_plot(plot, look)

    # -- scheduling -------------------------------------------------------------------------
    def _function_changed(self, *_: object) -> None:
        self._dirty_diagram = True
        self._point_changed()

    def _point_changed(self, *_: object) -> None:
        self._dirty_point = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up on changes made while the page was hidden."""
        super().showEvent(event)
        if self._dirty_point or self._dirty_diagram:
            self._point_changed()

    def current_point(self) -> tuple[float, float]:
        """(σ_w, σ_b) of the lab's initialisation in the mean-field convention."""
        state, lab = self._state, self._lab
        return lab.effective_sigma_w(state.activation, state.params), lab.sigma_b

    def refresh(self) -> None:
        """Submit what changed: the diagram for a new function, the point for new σ."""
        self._timer.stop()
        state = self._state
        try:
            key = scalar_key(state.activation)
            act = get(key)
            sw, sb = self.current_point()
        except ValueError as exc:
            self._dirty_point = self._dirty_diagram = False
            self.message.show_message(core_locale.error_text(exc))
            return
        params = dict(state.params)
        self.marker.setData([sw], [sb])
        if self._dirty_diagram:
            self._dirty_diagram = False
            cache_key = (key, tuple(sorted(params.items())))
            entry = self._diagrams.get(cache_key)
            cached = entry[1] if entry is not None and entry[0] is act else None
            if cached is not None:
                self.diagram_runner.submit(lambda: cached)
            else:
                self.diagram_runner.submit(
                    lambda: phase_diagram(key, SIGMA_W_AXIS, SIGMA_B_AXIS, params)
                )
            self._diagram_key, self._diagram_act = cache_key, act
        if self._dirty_point:
            self._dirty_point = False
            self.point_runner.submit(lambda: run_point(key, params, sw, sb))

    def wait_until_idle(self, timeout_s: float = 60.0) -> bool:
        """Process events until both results have been drawn; False on timeout."""
        if self._timer.isActive():
            self.refresh()
        return self.diagram_runner.wait_idle(timeout_s) and self.point_runner.wait_idle(timeout_s)

    # -- results ----------------------------------------------------------------------------
    def _busy_changed(self, _busy: bool) -> None:
        self.busy.set_busy(self.diagram_runner.busy or self.point_runner.busy)

    def _failed(self, _request_id: int, message: str) -> None:
        self.message.show_message(message)

    def _diagram_ready(self, _request_id: int, diagram: PhaseDiagram) -> None:
        self.diagram = diagram
        if len(self._diagrams) > 16:
            self._diagrams.clear()
        self._diagrams[self._diagram_key] = (self._diagram_act, diagram)
        with np.errstate(divide="ignore", invalid="ignore"):
            ln_chi = np.log(diagram.chi)
        ln_chi = np.nan_to_num(ln_chi, nan=0.0, posinf=50.0, neginf=-50.0)
        data = ln_chi.T  # columns follow σ_w: x first for the column-major image
        self.image.setImage(np.clip(data, -LN_CHI_LIMIT, LN_CHI_LIMIT), autoLevels=False)
        sw, sb = diagram.sigma_w, diagram.sigma_b
        dw = (sw[-1] - sw[0]) / max(sw.size - 1, 1)
        db = (sb[-1] - sb[0]) / max(sb.size - 1, 1)
        rect = QRectF(sw[0] - dw / 2, sb[0] - db / 2, sw[-1] - sw[0] + dw, sb[-1] - sb[0] + db)
        self.image.setRect(rect)
        self.colorbar.setLevels((-LN_CHI_LIMIT, LN_CHI_LIMIT))
        self.critical.setData(data, level=0.0)

    def _point_ready(self, _request_id: int, outcome: PointOutcome) -> None:
        self.point = outcome
        fixed = outcome.fixed
        self.map_curve.setData(
            outcome.q, np.where(np.isfinite(outcome.q_next), outcome.q_next, np.nan)
        )
        self.diagonal.setData(outcome.q, outcome.q)
        if math.isfinite(fixed.q_star):
            self.q_star_dot.setData([fixed.q_star], [fixed.q_star])
        else:
            self.q_star_dot.setData([], [])
        self.map_plot.setXRange(0.0, float(outcome.q[-1]), padding=0.02)
        self.map_plot.setYRange(0.0, float(outcome.q[-1]), padding=0.02)
        self.readout.setText(_readout(core_locale.display_name(self._state.current), outcome))

    # -- widget → state ---------------------------------------------------------------------
    def _clicked(self, event: object) -> None:
        position = event.scenePos()  # type: ignore[attr-defined]
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(position):
            return
        point = view.mapSceneToView(position)
        self.select(point.x(), point.y())

    def select(self, sigma_w: float, sigma_b: float) -> None:
        """Move the lab to (σ_w, σ_b) on the diagram (clipped to its axes, rounded to 0.01)."""
        sw = round(min(max(sigma_w, 0.0), float(SIGMA_W_AXIS[-1])), 2)
        sb = round(min(max(sigma_b, 0.0), float(SIGMA_B_AXIS[-1])), 2)
        try:
            self._lab.set_mean_field_point(sw, sb)
        except ValueError as exc:
            self.message.show_message(core_locale.error_text(exc))

    def scene_position(self, sigma_w: float, sigma_b: float) -> QPointF:
        """Where (σ_w, σ_b) sits in the plot's scene (for tests and tours)."""
        return self.plot.getPlotItem().getViewBox().mapViewToScene(QPointF(sigma_w, sigma_b))


def _readout(name: str, point: PointOutcome) -> str:
    fixed = point.fixed
    chi = fixed.chi
    phase = QCoreApplication.translate("ChaosView", _PHASES[fixed.phase])
    status = _STATUSES.get(fixed.status.value)
    rows = [
        f"<b style='font-size:12pt'>{name}</b>",
        f"σ_w = {point.sigma_w:.3g}, σ_b = {point.sigma_b:.3g}",
        f"q* = {fixed.q_star:.4g}"
        + (f" ({QCoreApplication.translate('ChaosView', status)})" if status else ""),
        f"χ = {chi:.4g} → <b>{phase}</b>",
    ]
    if 0 < chi < 1 or chi > 1:
        depth = abs(1.0 / math.log(chi))
        rows.append(
            QCoreApplication.translate(
                "ChaosView", "signals mix over ξ = 1/|ln χ| ≈ {depth} layers"
            ).format(depth=f"{depth:.3g}")
        )
    return "<br>".join(rows)
