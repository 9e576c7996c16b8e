"""The TD1 machine-readable zone of the Vietnamese ID card (3 lines × 30) and the ICAO 9303
check digit. Every check digit is verified; a wrong one is an error, never a warning.

Vietnamese layout (line 1): `IDVNM` + last 9 digits of the ID + check digit + full 12-digit ID
+ `<<` + check digit of the 12-digit ID.
"""

from __future__ import annotations

from dataclasses import dataclass

LINE = 30
_WEIGHTS = (7, 3, 1)


class MrzError(ValueError):
    """An MRZ that does not follow TD1 or whose check digits do not add up."""


def _value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == "<":
        return 0
    raise MrzError("character outside the MRZ alphabet")


def check_digit(field: str) -> str:
    return str(sum(_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


def _verify(field: str, digit: str, what: str) -> None:
    if check_digit(field) != digit:
        raise MrzError(f"check digit of the {what} is wrong")


@dataclass(frozen=True)
class Td1Mrz:
    document_code: str
    issuing_state: str
    document_number: str  # the 9 characters the BAC key uses
    id_number: str  # the full 12-digit number from the optional data ("" if absent)
    birth: str  # YYMMDD
    sex: str  # M, F or <
    expiry: str  # YYMMDD, 991231 for a card that never expires
    nationality: str
    surname: str
    given_names: str

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.surname, self.given_names) if part)


def parse_td1(text: str) -> Td1Mrz:
    """Parse the 90 characters of DG1 (line breaks allowed) and verify every check digit."""
    flat = "".join(text.split())
    if len(flat) != 3 * LINE:
        raise MrzError("a TD1 MRZ has 90 characters")
    for char in flat:
        _value(char)
    line1, line2, line3 = flat[:LINE], flat[LINE : 2 * LINE], flat[2 * LINE :]

    number, number_cd, optional1 = line1[5:14], line1[14], line1[15:30]
    _verify(number, number_cd, "document number")
    birth, birth_cd, sex = line2[0:6], line2[6], line2[7]
    expiry, expiry_cd = line2[8:14], line2[14]
    _verify(birth, birth_cd, "birth date")
    _verify(expiry, expiry_cd, "expiry date")
    if sex not in "MF<":
        raise MrzError("sex must be M, F or <")
    for field in (birth, expiry):
        if not field.isdigit():
            raise MrzError("dates must be digits")

    id_number = optional1[:12] if optional1[:12].isdigit() else ""
    if id_number:
        if optional1[12:14] != "<<":
            raise MrzError("the 12-digit ID must be followed by <<")
        if optional1[14] != "<":  # the Vietnamese check digit of the 12-digit ID
            _verify(id_number, optional1[14], "12-digit ID")
        if id_number[-9:] != number:
            raise MrzError("document number is not the end of the 12-digit ID")
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    _verify(composite, line2[29], "whole MRZ")

    surname, _, given = line3.partition("<<")
    return Td1Mrz(
        document_code=line1[0:2].replace("<", ""),
        issuing_state=line1[2:5],
        document_number=number,
        id_number=id_number,
        birth=birth,
        sex=sex,
        expiry=expiry,
        nationality=line2[15:18],
        surname=surname.replace("<", " ").strip(),
        given_names=given.replace("<", " ").strip(),
    )


def _field(text: str, width: int) -> str:
    return (text + "<" * width)[:width]


def format_td1(
    *, id_number: str, birth: str, sex: str, expiry: str, surname: str, given_names: str
) -> str:
    """The three lines a Vietnamese card carries (used by the demo card and by tests)."""
    number = id_number[-9:]
    line1 = f"IDVNM{number}{check_digit(number)}{id_number}<<{check_digit(id_number)}"
    line2_head = _field(f"{birth}{check_digit(birth)}{sex}{expiry}{check_digit(expiry)}VNM", 29)
    composite = line1[5:30] + line2_head[0:7] + line2_head[8:15] + line2_head[18:29]
    line2 = line2_head + check_digit(composite)
    names = f"{surname.replace(' ', '<')}<<{given_names.replace(' ', '<')}"
    return "\n".join((_field(line1, LINE), line2, _field(names, LINE)))
