"""A parameter animation saved as an animated GIF, for slides.

:class:`GifExport` walks the frames of a :class:`~actexplorer.animation.ParameterAnimation`: it
writes each value into the state (the views follow as usual), waits for the histograms when they
are part of the picture, grabs the plots, writes the value in a caption strip above them and
finally saves every frame with Pillow. One frame is drawn per turn of the event loop, so the
window keeps repainting and a progress dialog can cancel. Afterwards the parameters are exactly
as before, and the export leaves no undo step (the history is paused while it runs, so redo stays
available).

Frames share one palette taken from the first frame, without dithering: plots are flat colours,
and a shared palette keeps the GIF from flickering and small (Pillow stores only what changed
from one frame to the next).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from actexplorer.animation import AnimatedValue, ParameterAnimation, caption
from actexplorer.core import locale as core_locale
from actexplorer.gui.theme import set_role

if TYPE_CHECKING:
    from actexplorer.gui.plots import PlotsView
    from actexplorer.gui.stats_runner import StatsRunner
    from actexplorer.state import ExplorerState

#: Frame rates offered; GIF delays are whole hundredths of a second and browsers slow down
#: anything faster than 50 fps, so 30 is the top.
MIN_FPS, MAX_FPS, DEFAULT_FPS = 5, 30, 15
#: Width of the picture in pixels (the height follows the plots' shape).
MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 240, 1920, 640
#: At most this many frames: 20 s at 15 fps, already a large file.
MAX_GIF_FRAMES = 300
#: Colours of the shared palette: curves, fills, grid and antialiased text fit easily.
PALETTE_COLOURS = 128
#: Longest wait for one frame's statistics before the export gives up.
STATS_WAIT_S = 30.0
#: Above this many samples a frame's statistics take long enough that histograms are off by
#: default (the user may still ask for them).
HISTOGRAM_SAMPLE_LIMIT = 1_000_000


@dataclass(frozen=True, slots=True)
class GifOptions:
    """How to draw the GIF: frames per second, width in pixels, with or without histograms."""

    fps: int = DEFAULT_FPS
    width: int = DEFAULT_WIDTH
    histograms: bool = True

    def __post_init__(self) -> None:
        for name, value, low, high in (
            ("fps", self.fps, MIN_FPS, MAX_FPS),
            ("width", self.width, MIN_WIDTH, MAX_WIDTH),
        ):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(
                    QCoreApplication.translate(
                        "GifExport", "{name} must be a whole number; got {value}"
                    ).format(name=name, value=repr(value))
                )
            if not low <= value <= high:
                raise ValueError(
                    QCoreApplication.translate(
                        "GifExport", "{name} must lie in [{low}, {high}]; got {value}"
                    ).format(name=name, low=low, high=high, value=value)
                )

    def frame_count(self, animation: ParameterAnimation) -> int:
        """Frames for one cycle of ``animation``: ``round(cycle · fps)``, within [2, 300]."""
        return min(max(round(animation.cycle_seconds * self.fps), 2), MAX_GIF_FRAMES)


def gif_durations(n: int, seconds: float) -> list[int]:
    """Milliseconds of each of ``n`` frames lasting ``seconds`` in all, in whole hundredths
    (GIF's unit) spread so that the total is exact to a hundredth."""
    ends = [round(100.0 * seconds * (i + 1) / n) for i in range(n)]
    starts = [0, *ends[:-1]]
    return [max(end - start, 2) * 10 for start, end in zip(starts, ends, strict=True)]


def grab_plots(plots: PlotsView, histograms: bool) -> QImage:
    """The plots area as on screen; without ``histograms``, only the row of curve plots."""
    plots.release_curves()  # a frame shows its own value's curves, even mid-hold
    if not histograms:
        shown = [p for p in (plots.function_plot, plots.derivative_plot) if not p.isHidden()]
        if shown:
            area = QRect(shown[0].geometry())
            for plot in shown[1:]:
                area = area.united(plot.geometry())
            return plots.grab(area).toImage()
    return plots.grab().toImage()


def captioned(image: QImage, text: str, width: int) -> QImage:
    """``image`` scaled to ``width`` pixels with ``text`` written in a strip above it, in the
    colours of the picture (its top-left pixel is the plot background)."""
    scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    scaled.setDevicePixelRatio(1.0)
    background = scaled.pixelColor(0, 0) if not scaled.isNull() else QColor("white")
    foreground = QColor("#f0f0f0") if background.lightnessF() < 0.5 else QColor("#202020")
    font = QFont()
    font.setPixelSize(max(12, round(width / 40)))
    font.setBold(True)
    strip = round(font.pixelSize() * 2.0)
    framed = QImage(width, scaled.height() + strip, QImage.Format.Format_RGB888)
    framed.fill(background)
    painter = QPainter(framed)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(foreground)
        margin = round(font.pixelSize() * 0.8)
        painter.drawText(
            QRect(margin, 0, width - 2 * margin, strip),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        painter.drawImage(0, strip, scaled)
    finally:
        painter.end()
    return framed


def to_pillow(image: QImage) -> Image.Image:
    """A copy of ``image`` as an RGB Pillow image."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    size = (rgb.width(), rgb.height())
    return Image.frombuffer("RGB", size, data, "raw", "RGB", rgb.bytesPerLine(), 1).copy()


def write_gif(
    path: str | os.PathLike[str], frames: list[Image.Image], durations: list[int], loop: bool
) -> Path:
    """Save ``frames`` (palette images) as one animated GIF; ``loop`` repeats it forever."""
    target = Path(path)
    if not frames:
        raise ValueError(QCoreApplication.translate("GifExport", "there are no frames to save"))
    if target.is_dir():
        raise ValueError(
            QCoreApplication.translate(
                "GifExport", "{path} is a folder; choose a file name"
            ).format(path=target)
        )
    if not target.parent.is_dir():
        raise OSError(
            QCoreApplication.translate("GifExport", "the folder {path} does not exist").format(
                path=target.parent
            )
        )
    extra: dict[str, Any] = {"loop": 0} if loop else {}
    frames[0].save(
        target,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        optimize=True,
        disposal=1,
        **extra,
    )
    return target


class GifExport(QObject):
    """Draws and saves one animated GIF; see the module docstring.

    ``grab(histograms)`` returns the picture of the window's plots. :meth:`start` works one
    frame per event-loop turn and ends with :attr:`finished` (the path), :attr:`failed` (why)
    or :attr:`cancelled`; :meth:`run` does the same at once and returns the path or raises.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        state: ExplorerState,
        animation: ParameterAnimation,
        options: GifOptions,
        path: str | os.PathLike[str],
        grab: Callable[[bool], QImage],
        *,
        runner: StatsRunner | None = None,
        history: Any = None,
        title: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        state.current.param(animation.name)  # an unknown name raises with a suggestion
        self._state = state
        self._animation = animation
        self._options = options
        self._path = Path(path)
        self._grab = grab
        self._runner = runner
        self._history = history
        self._title = title
        self._values = animation.frames(options.frame_count(animation))
        self._key = state.activation
        self._params = state.params
        self._frames: list[Image.Image] = []
        self._drawn: dict[AnimatedValue, Image.Image] = {}
        self._palette: Image.Image | None = None
        self._started = False
        self._done = False
        self._cancel = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    @property
    def frame_total(self) -> int:
        """How many frames the GIF will have."""
        return len(self._values)

    @property
    def done(self) -> bool:
        """True once the export has finished, failed or been cancelled."""
        return self._done

    def start(self) -> None:
        """Draw the frames one per event-loop turn; the outcome arrives as a signal."""
        self._begin()
        self._timer.start()

    def cancel(self) -> None:
        """Stop after the current frame; nothing is written and the parameters go back."""
        self._cancel = True
        if self._started and not self._timer.isActive():
            return  # the running frame sees the flag
        if self._started and not self._done:
            self._timer.stop()
            self._end()
            self.cancelled.emit()

    def run(self) -> Path:
        """Draw and save every frame now (scripts and tests); raises what :attr:`failed` says."""
        self._begin()
        try:
            while len(self._frames) < len(self._values):
                self._draw_next()
            written = self._save()
        finally:
            self._end()
        self.finished.emit(written)
        return written

    # -- the work ----------------------------------------------------------------------------
    def _begin(self) -> None:
        if self._started:
            raise RuntimeError("an export runs once")
        self._started = True
        if self._history is not None:
            # The parameter goes back where it was: no undo step, and redo stays available.
            self._history.pause()

    def _end(self) -> None:
        if self._done:
            return
        self._done = True
        self._timer.stop()
        try:
            if self._state.activation == self._key and self._state.params != self._params:
                self._state.params = self._params
        finally:
            if self._history is not None:
                self._history.resume()
        self._drawn.clear()

    def _tick(self) -> None:
        if self._done:
            return
        try:
            if not self._cancel:
                self._draw_next()
        except (ValueError, OSError, MemoryError) as exc:
            self._end()
            self.failed.emit(core_locale.error_text(exc))
            return
        if self._cancel:
            self._end()
            self.cancelled.emit()
            return
        if len(self._frames) < len(self._values):
            self._timer.start()
            return
        try:
            written = self._save()
        except (ValueError, OSError, MemoryError) as exc:
            self._end()
            self.failed.emit(core_locale.error_text(exc))
            return
        self._end()
        self.finished.emit(written)

    def _draw_next(self) -> None:
        if self._state.activation != self._key:
            raise ValueError(self.tr("the function changed during the export"))
        index = len(self._frames)
        value = self._values[index]
        frame = self._drawn.get(value)
        if frame is None:
            frame = self._draw(value)
            self._drawn[value] = frame
        self._frames.append(frame)
        self.progressed.emit(index + 1, len(self._values))

    def _draw(self, value: AnimatedValue) -> Image.Image:
        name = self._animation.name
        self._state.set_param(name, value)
        histograms = self._options.histograms
        if histograms and self._runner is not None and not self._runner.wait_idle(STATS_WAIT_S):
            raise ValueError(
                self.tr(
                    "the statistics took too long; export without histograms or with fewer samples"
                )
            )
        # Let the views finish what they queued for this value (and the window repaint).
        QCoreApplication.processEvents()
        text = caption(name, value)
        if self._title:
            text = f"{self._title}    {text}"
        image = to_pillow(captioned(self._grab(histograms), text, self._options.width))
        if self._palette is None:
            self._palette = image.quantize(
                PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
            )
            return self._palette
        return image.quantize(palette=self._palette, dither=Image.Dither.NONE)

    def _save(self) -> Path:
        durations = gif_durations(len(self._frames), self._animation.cycle_seconds)
        loop = self._animation.mode != "once"
        return write_gif(self._path, self._frames, durations, loop)


class GifDialog(QDialog):
    """Asks for the frame rate, the width and whether the histograms are part of the picture."""

    def __init__(
        self,
        animation: ParameterAnimation,
        options: GifOptions,
        *,
        histograms_available: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gifDialog")
        self.setMinimumWidth(380)  # the summary reads on two lines, not four
        self._animation = animation
        self.fps = QSpinBox()
        self.fps.setObjectName("gifFps")
        self.fps.setRange(MIN_FPS, MAX_FPS)
        self.fps.setValue(options.fps)
        self.fps.setSuffix(" fps")
        self.width_box = QSpinBox()
        self.width_box.setObjectName("gifWidth")
        self.width_box.setRange(MIN_WIDTH, MAX_WIDTH)
        self.width_box.setSingleStep(80)
        self.width_box.setValue(options.width)
        self.width_box.setSuffix(" px")
        self.histograms = QCheckBox()
        self.histograms.setObjectName("gifHistograms")
        self.histograms.setChecked(options.histograms and histograms_available)
        self.histograms.setEnabled(histograms_available)
        self.summary = QLabel()
        self.summary.setObjectName("gifSummary")
        set_role(self.summary, "muted")
        self.summary.setWordWrap(True)
        self.fps_label = QLabel()
        self.width_label = QLabel()
        form = QFormLayout()
        form.addRow(self.fps_label, self.fps)
        form.addRow(self.width_label, self.width_box)
        form.addRow("", self.histograms)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.fps.valueChanged.connect(self._update_summary)
        self.retranslate()

    def retranslate(self) -> None:
        """Write every text of the dialog in the current language."""
        self.setWindowTitle(self.tr("Export animation as GIF"))
        self.fps_label.setText(self.tr("Frame rate"))
        self.width_label.setText(self.tr("Width"))
        self.histograms.setText(self.tr("Include the histograms"))
        self.histograms.setToolTip(
            self.tr("Each frame waits for the statistics of its value: slower with many samples")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        # Qt's own catalog names Cancel; set again so the button follows a switch at once.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def options(self) -> GifOptions:
        """The options chosen."""
        return GifOptions(self.fps.value(), self.width_box.value(), self.histograms.isChecked())

    def _update_summary(self, *_: object) -> None:
        anim = self._animation
        frames = self.options().frame_count(anim)
        seconds = anim.cycle_seconds
        how = {
            "once": self.tr("plays once"),
            "loop": self.tr("loops"),
            "pingpong": self.tr("there and back, looping"),
        }[anim.mode]
        self.summary.setText(
            self.tr(
                "{frames} frames, {seconds} s ({how}). The length is the sweep time set in the "
                "Animate panel."
            ).format(frames=frames, seconds=f"{seconds:g}", how=how)
        )


def default_options(state: ExplorerState, histograms_available: bool) -> GifOptions:
    """Defaults for this state: histograms only where they are shown and cheap to wait for."""
    cheap = state.n_samples <= HISTOGRAM_SAMPLE_LIMIT
    return GifOptions(histograms=histograms_available and cheap)


__all__ = [
    "GifDialog",
    "GifExport",
    "GifOptions",
    "captioned",
    "default_options",
    "gif_durations",
    "grab_plots",
    "to_pillow",
    "write_gif",
]
