"""The deep-network lab: three pages over the explorer's activation and the lab's own settings."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget
from superqt.utils import signals_blocked

from actexplorer.core import ACTIVATIONS
from actexplorer.core import locale as core_locale
from actexplorer.core.activation import Activation
from actexplorer.gui.lab._common import EventLinks, MessageLine, compact
from actexplorer.gui.lab.chaos_view import ChaosView
from actexplorer.gui.lab.depth_view import DepthView
from actexplorer.gui.lab.train_view import TrainView
from actexplorer.gui.theme import LIGHT, Look, set_role
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState

#: Page names, in tab order (also the names ``show_page`` and ``--view`` accept).
PAGES = ("depth", "chaos", "train")


class LabPanel(QWidget):
    """Depth, edge-of-chaos and training pages sharing ``state``'s activation and parameters.

    ``lab`` holds the lab's own settings (a new :class:`LabState` when omitted). Call
    :meth:`shutdown` before the window closes so no worker outlives it.
    """

    def __init__(
        self, state: ExplorerState, lab: LabState | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("labPanel")
        self.state = state
        self.lab = lab if lab is not None else LabState()
        self.look = LIGHT
        self.activation = compact(QComboBox())
        self.activation.setObjectName("labActivationCombo")
        self.activation.setMinimumWidth(180)
        self.params_label = QLabel()
        self.params_label.setObjectName("labParamsLabel")
        set_role(self.params_label, "muted")
        self.message = MessageLine("labMessage")
        self.depth = DepthView(state, self.lab)
        self.chaos = ChaosView(state, self.lab)
        self.train = TrainView(state, self.lab)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("labTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.depth, "")
        self.tabs.addTab(self.chaos, "")
        self.tabs.addTab(self.train, "")
        self.activation_label = QLabel()

        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        top.addWidget(self.activation_label)
        top.addWidget(self.activation)
        top.addWidget(self.params_label)
        top.addWidget(self.message, 1)
        top.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.retranslate()
        self.refresh_catalog()
        self.activation.activated.connect(self._activation_chosen)
        self.links = EventLinks()
        self.links.link(state.events.activation, self._show_activation)
        self.links.link(state.events.params, self._show_params)
        self._show_activation(state.activation)

    def retranslate(self) -> None:
        """Show every text in the current language (tab titles, the function list)."""
        self.activation_label.setText(self.tr("Activation"))
        self.activation.setToolTip(self.tr("The function under study; shared with the explorer"))
        for index, (title, tip) in enumerate(
            (
                (self.tr("Depth"), self.tr("Signals and gradients through a random deep network")),
                (self.tr("Edge of chaos"), self.tr("Mean-field phase diagram over (σ_w, σ_b)")),
                (self.tr("Train"), self.tr("A small network learning a 2-D dataset")),
            )
        ):
            self.tabs.setTabText(index, title)
            self.tabs.setTabToolTip(index, tip)
        for index in range(self.activation.count()):
            act = ACTIVATIONS.get(self.activation.itemData(index))
            if act is not None:
                self.activation.setItemText(index, core_locale.display_name(act))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the shared activation --------------------------------------------------------------
    def refresh_catalog(self) -> None:
        """List the catalog's scalar functions (vector ones cannot be stacked in layers)."""
        with signals_blocked(self.activation):
            self.activation.clear()
            for key, act in ACTIVATIONS.items():
                if isinstance(act, Activation):
                    self.activation.addItem(core_locale.display_name(act), key)
        self.train.controls.refresh_race()
        self.train.controls.refresh_layer_choices()
        self.depth.controls.refresh_presets()
        self._show_activation(self.state.activation)

    def _activation_chosen(self, index: int) -> None:
        key = self.activation.itemData(index)
        try:
            self.state.activation = key
        except ValueError as exc:
            self.message.show_message(core_locale.error_text(exc))

    def _show_activation(self, key: str) -> None:
        index = self.activation.findData(key)
        with signals_blocked(self.activation):
            self.activation.setCurrentIndex(index)
        if index < 0:
            self.message.show_message(
                self.tr("{name} acts on whole vectors; the lab needs a scalar function").format(
                    name=core_locale.display_name(self.state.current)
                )
            )
        self._show_params(self.state.params)

    def _show_params(self, params: dict[str, object]) -> None:
        text = ", ".join(
            f"{k} = {v:.4g}" if isinstance(v, float) else f"{k} = {v}" for k, v in params.items()
        )
        self.params_label.setText(f"({text})" if text else "")

    # -- looks ------------------------------------------------------------------------------
    def set_look(self, look: Look) -> None:
        """Restyle every page's plots, legends, colour bars and coloured readouts for ``look``.

        The widgets themselves follow the window's palette; only the plots need telling.
        """
        self.look = look
        for page in (self.depth, self.chaos, self.train):
            page.set_look(look)

    # -- pages ------------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        """Bring the page ``name`` (one of :data:`PAGES`) to the front."""
        if name not in PAGES:
            raise ValueError(f"page must be one of {', '.join(PAGES)}; got {name!r}")
        self.tabs.setCurrentIndex(PAGES.index(name))

    def wait_until_idle(self, timeout_s: float = 60.0) -> bool:
        """Run the event loop until the visible page's results are drawn; False on timeout."""
        page = self.tabs.currentWidget()
        if page is self.depth:
            return self.depth.wait_until_idle(timeout_s)
        if page is self.chaos:
            return self.chaos.wait_until_idle(timeout_s)
        return True

    def shutdown(self) -> None:
        """Stop training, drop pending work, wait for running jobs, detach from the states."""
        self.train.shutdown()
        for runner in (self.depth.runner, self.chaos.diagram_runner, self.chaos.point_runner):
            runner.shutdown()
        for links in (self.links, self.depth.links, self.chaos.links, self.train.links):
            links.unlink_all()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the workers when the panel is closed as a window of its own."""
        self.shutdown()
        super().closeEvent(event)


__all__ = ["PAGES", "LabPanel"]
