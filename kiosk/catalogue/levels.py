"""The levels of government a procedure is handled at, apart from the data model so the
`[catalogue]` settings name them without loading the catalogue's models before the first frame."""

from typing import Literal

Level = Literal["province", "commune"]
