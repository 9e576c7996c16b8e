"""Finds what a person would see as broken on the screen now shown: clipped or overflowing
text, text lying over other text or over a button it does not belong to, a control outside the
window, text too close in colour to what it sits on (black on black in high contrast).

It walks the window's live Qt Quick item tree, so it judges what is laid out, in any language,
text size and contrast (`devtools.screenshots` runs it on every screen in every mode).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem, QQuickWindow

SLACK = 2.0  # px: anti-aliasing and rounding are not faults
MIN_CONTRAST = 3.0  # WCAG's floor for large text; the kiosk's own palette keeps ≥ 7:1


@dataclass(frozen=True)
class Problem:
    kind: str  # clipped, overflow, overlap, covers-control, outside, contrast
    what: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.what}"


@dataclass
class _Node:
    item: QQuickItem
    rect: QRectF  # in scene coordinates
    clip: QRectF | None  # what its clipping ancestors leave visible
    scrolls: bool  # the clipping ancestor is a list or a page that scrolls
    background: QColor
    ancestors: tuple[QQuickItem, ...]


def _label(item: QQuickItem) -> str:
    if item.inherits("QQuickMouseArea") and item.parentItem() is not None:
        item = item.parentItem()  # a button is known by its face
    # not metaObject().className(): PySide keeps that wrapper past the QML type's life, and a
    # later item at the same address came back as a QMetaObject
    name = item.objectName() or type(item).__name__
    text = item.property("text")
    if isinstance(text, str) and text:
        return f"{name} «{text[:40]}»"
    return name


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _walk(window: QQuickWindow) -> list[_Node]:
    nodes: list[_Node] = []
    root = window.contentItem()
    stack: list[tuple[QQuickItem, QRectF | None, bool, QColor, tuple[QQuickItem, ...]]] = [
        (child, None, False, window.color(), ()) for child in root.childItems()
    ]
    while stack:
        item, clip, scrolls, background, ancestors = stack.pop()
        if not item.isVisible() or item.opacity() <= 0.01:
            continue
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        if clip is not None and not clip.intersects(rect) and rect.width() > 0:
            continue  # scrolled out of view
        nodes.append(_Node(item, rect, clip, scrolls, background, ancestors))
        if item.inherits("QQuickRectangle"):
            colour = item.property("color")
            if isinstance(colour, QColor) and colour.alphaF() > 0.5:
                background = colour
        child_clip, child_scrolls = clip, scrolls
        if item.clip():
            child_clip = rect if clip is None else rect.intersected(clip)
            child_scrolls = item.inherits("QQuickFlickable")
        for child in item.childItems():
            stack.append((child, child_clip, child_scrolls, background, (*ancestors, item)))
    return nodes


def _is_text(item: QQuickItem) -> bool:
    return item.inherits("QQuickText") or item.inherits("QQuickTextInput")


def _text_problems(node: _Node) -> list[Problem]:
    item = node.item
    if not item.property("text"):
        return []
    found: list[Problem] = []
    if item.property("truncated"):
        found.append(Problem("clipped", _label(item)))
    content_w = float(item.property("contentWidth") or 0)
    content_h = float(item.property("contentHeight") or 0)
    if content_w > item.width() + SLACK or content_h > item.height() + SLACK:
        found.append(
            Problem(
                "overflow",
                f"{_label(item)} needs {content_w:.0f}×{content_h:.0f}"
                f" in {item.width():.0f}×{item.height():.0f}",
            )
        )
    if node.clip is not None and not node.scrolls and not _inside(node.rect, node.clip):
        found.append(Problem("clipped", f"{_label(item)} cut by its scrolling box"))
    colour = item.property("color")
    if isinstance(colour, QColor) and _contrast(colour, node.background) < MIN_CONTRAST:
        found.append(
            Problem(
                "contrast",
                f"{_label(item)} {colour.name()} on {node.background.name()}",
            )
        )
    return found


def _inside(rect: QRectF, box: QRectF) -> bool:
    return (
        rect.left() >= box.left() - SLACK
        and rect.top() >= box.top() - SLACK
        and rect.right() <= box.right() + SLACK
        and rect.bottom() <= box.bottom() + SLACK
    )


def _overlap(a: QRectF, b: QRectF) -> bool:
    inter = a.intersected(b)
    return inter.width() > SLACK * 2 and inter.height() > SLACK * 2


def _text_rect(node: _Node) -> QRectF:
    """The box cut to the height the lines take (a tall label with one line overlaps less),
    and to what its scrolling box shows: a line scrolled out of a list lies over nothing.
    PySide cannot read a Text's alignment enums, so the box keeps its full width."""
    h = min(float(node.item.property("contentHeight") or 0), node.rect.height())
    rect = QRectF(node.rect.left(), node.rect.top(), node.rect.width(), h or node.rect.height())
    return _shown(rect, node)


def _shown(rect: QRectF, node: _Node) -> QRectF:
    """The part of `rect` the node's clipping ancestors leave on screen."""
    return rect if node.clip is None else rect.intersected(node.clip)


def check_window(window: QQuickWindow) -> list[Problem]:
    """Every problem on the screen shown now, described for a person."""
    nodes = _walk(window)
    screen = QRectF(0, 0, window.width(), window.height())
    found: list[Problem] = []
    texts = [n for n in nodes if _is_text(n.item) and n.item.property("text")]
    controls = [
        n
        for n in nodes
        if n.item.inherits("QQuickMouseArea") and n.item.isEnabled() and n.rect.width() > 0
    ]
    for node in texts:
        found.extend(_text_problems(node))
    for node in [*texts, *controls]:
        if node.clip is None and not _inside(node.rect, screen):
            found.append(Problem("outside", f"{_label(node.item)} at {_rect(node.rect)}"))
    letters = [(n, _text_rect(n)) for n in texts]
    for i, (a, ra) in enumerate(letters):
        for b, rb in letters[i + 1 :]:
            if _overlap(ra, rb):
                found.append(Problem("overlap", f"{_label(a.item)} and {_label(b.item)}"))
    for control in controls:
        owner = control.item.parentItem()
        for text, rect in letters:
            if owner in text.ancestors or text.item is owner:
                continue  # the control's own label
            if control.item in text.ancestors or _screen_cover(control.item):
                continue
            if _overlap(rect, _shown(control.rect, control)):
                found.append(
                    Problem(
                        "covers-control",
                        f"{_label(text.item)} over {_label(owner or control.item)}",
                    )
                )
    return found


def _screen_cover(area: QQuickItem) -> bool:
    """A tap-anywhere area (heading hold, idle warning backdrop) sits under everything."""
    return area.objectName() in {"headingHold", "idleBackdrop", "tapAnywhere"}


def _rect(rect: QRectF) -> str:
    return f"({rect.left():.0f},{rect.top():.0f} {rect.width():.0f}×{rect.height():.0f})"
