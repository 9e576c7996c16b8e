"""The model behind a list a screen iterates: rows are frozen dataclasses, each field a role
with the same name, so a delegate declares what it reads (`required property string name`)
instead of digging in an untyped dict. The view-model owns the model and replaces its rows
when what they show changes (the language, the journey's data)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
    SignalInstance,
)

# Qt.ItemDataRole.UserRole, Qt's first role for an application's own use, without building
# Qt's namespace (all its enums, ~35 ms CPU) before the home screen's first frame
_FIRST_ROLE = 0x0100 + 1


class RowsModel(QAbstractListModel):
    countChanged = Signal()

    def __init__(self, row_type: type, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not dataclasses.is_dataclass(row_type):
            raise TypeError(f"{row_type.__name__} must be a dataclass")
        self._names = [f.name for f in dataclasses.fields(row_type)]
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        if list(rows) == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.countChanged.emit()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        column = role - _FIRST_ROLE
        if not index.isValid() or not 0 <= column < len(self._names):
            return None
        return getattr(self._rows[index.row()], self._names[column])

    def roleNames(self) -> dict[int, QByteArray]:
        return {_FIRST_ROLE + i: QByteArray(name.encode()) for i, name in enumerate(self._names)}

    count = Property(int, lambda self: len(self._rows), notify=countChanged)


def live_rows(
    owner: QObject, changed: SignalInstance, row_type: type, build: Callable[[], Sequence[Any]]
) -> RowsModel:
    """A model owned by `owner` that holds `build()` and is rebuilt on every `changed` (the
    view-model's own signal: language, journey state); unchanged rows leave the screen alone."""
    model = RowsModel(row_type, owner)
    model.set_rows(build())
    changed.connect(lambda: model.set_rows(build()))
    return model
