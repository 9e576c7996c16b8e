"""Imports procedures in bulk from the national portal's exports into catalogue records.

Two inputs are understood:
- JSON Lines of procedure pages (one object per line with the portal's keys: `ma_thu_tuc`,
  `ten_thu_tuc`, `cap_thuc_hien`, `linh_vuc`, `cach_thuc_thuc_hien`, `thanh_phan_ho_so`, …),
  which carry every fact of a procedure as the portal's flattened table text;
- the portal's .xlsx procedure lists (code, name, issuing body, agency, field), which give the
  skeleton of a catalogue without papers, fees or times.

The portal text is parsed conservatively: what cannot be read with confidence is kept as text
or left empty, never guessed. Records not handled at a province or commune are skipped and
reported, and so is anything that fails validation.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from devtools.catalogue.xlsx import read_rows
from kiosk.catalogue.model import (
    FORMAT,
    CatalogueDocument,
    ChannelKind,
    Fee,
    FormTemplate,
    LegalDocument,
    Level,
    OnlineLevel,
    Paper,
    PaperCase,
    Procedure,
    ProcedureField,
    ProcessingTime,
    Source,
    TimeUnit,
)
from kiosk.folding import fold
from kiosk.local_text import LocalText

PORTAL_TITLE = "Cổng Dịch vụ công quốc gia"
PORTAL_HOME = "https://dichvucong.gov.vn"
_NO_INFO = "Không có thông tin"
_PAPER_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
_QUANTITY = re.compile(r"(0?\d) bản chính(?:,\s*(0?\d) bản sao)?|(0?\d) bản sao")
_AMOUNT = re.compile(r"^([\d.,]+)\s*(?:Việt Nam Đồng|VNĐ|đồng|Đồng)")
_RESULT = re.compile(r"(.+?)Mã:\s*KQ\.[A-Z0-9]+\.\d+")
_LEGAL_NUMBER = re.compile(r"\d+(?:\.\d+)?/\d{4}/(?:QH\d{1,2}|[A-ZĐ]+(?:-[A-ZĐ]+g?)*)")
_LEGAL_KINDS = (
    ("/QH", "Luật"),
    ("NĐ-CP", "Nghị định"),
    ("NQ-", "Nghị quyết"),
    ("TT-", "Thông tư"),
    ("TTLT-", "Thông tư liên tịch"),
    ("QĐ-", "Quyết định"),
)
_FORM = re.compile(r"\b[Mm]ẫu\s+(?:số\s+)?([A-ZĐ]{0,4}\s?\d{1,3}[a-zđ]?(?:/[A-ZĐ0-9-]+)?)")
_ISSUED_BY = re.compile(
    r"ban hành kèm theo\s+((?:Thông tư|Nghị định|Quyết định)\s+(?:số\s+)?"
    r"[\d.]+/\d{4}/[A-ZĐ0-9-]+)"
)
_INVISIBLE = re.compile(r"[\u200b-\u200f\ufeff]")
# The portal appends the template's file name to the paper: "…(mẫu DC01)Mẫu DC01 Phiếu….docx"
_ATTACHMENT = re.compile(r"[^;()]*\.(?:docx?|pdf|xlsx?|rar|zip)$", re.IGNORECASE)
# …or a mangled one with no extension: "…53/2025/TT-BCA).1.MuCT01banhnhkmtheoThngts53 (3)"
_MANGLED_ATTACHMENT = re.compile(r"(?<=[.;)])\s*(?:\d+\.)?[A-Za-z0-9_]{10,}(?:\s*\(\d+\))?$")
_CHANNELS: dict[str, ChannelKind] = {
    "Trực tiếp": "in_person",
    "Trực tuyến": "online",
    "Dịch vụ bưu chính": "post",
}
_UNITS: dict[str, TimeUnit] = {
    "Ngày làm việc": "working_days",
    "Ngày": "days",
    "Giờ": "hours",
    "Tháng": "months",
}
_LEVELS: dict[str, Level] = {"Cấp tỉnh": "province", "Cấp xã": "commune"}
_SAME_DAY_TEXT = "Trong ngày; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"
_NOTE_STARTS = ("trường hợp", "lưu ý", "đối với", "ghi chú", "*")


@dataclass
class ImportReport:
    procedures: list[Procedure] = field(default_factory=list)
    fields: dict[str, ProcedureField] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def document(self, version: str, publisher: str, published: date) -> CatalogueDocument:
        return CatalogueDocument(
            format=FORMAT,
            version=version,
            published=published,
            publisher=publisher,
            fields=list(self.fields.values()),
            procedures=self.procedures,
        )


def _clean(text: str) -> str:
    text = _INVISIBLE.sub("", text or "")
    return re.sub(r"\s+", " ", text).strip()


def _known(text: str) -> str:
    text = _clean(text)
    return "" if text == _NO_INFO else text


def field_id(name: str) -> str:
    return "-".join(fold(name).split())[:60].strip("-") or "khac"


class FieldCatalogue:
    """Maps the portal's field names to field ids, reusing the fields a catalogue already has
    (matched on folded name) and creating one for each new name."""

    def __init__(self, known: Sequence[ProcedureField] = ()) -> None:
        self._by_name = {fold(name): f for f in known for name in (f.name.vi, *f.portal_names)}
        self.used: dict[str, ProcedureField] = {}

    def resolve(self, portal_name: str) -> ProcedureField:
        name = _clean(portal_name) or "Khác"
        entry = self._by_name.get(fold(name))
        if entry is None:
            entry = ProcedureField(id=field_id(name), name=LocalText(vi=name))
            self._by_name[fold(name)] = entry
        self.used.setdefault(entry.id, entry)
        return entry


def parse_levels(text: str) -> list[Level]:
    return [level for label, level in _LEVELS.items() if label in text]


def parse_fee(text: str, channel: ChannelKind | None) -> Fee | None:
    """One channel's fee cell: "20,000 Việt Nam Đồng(condition)", "Miễn phí", or text."""
    text = _clean(text).replace("((", "(").replace("))", ")")
    if not text or text.startswith(_NO_INFO):
        return None
    if text == "Miễn phí" or (text.startswith("Miễn phí") and text[8:9] != "("):
        # "Miễn phí" followed by the table's description column, not by a condition.
        return Fee(amount_vnd=0, channel=channel, text=text)
    match = _AMOUNT.match(text)
    if match and "USD" not in text:
        amount = int(re.sub(r"[.,]", "", match.group(1)))
        rest = text[match.end() :].strip()
        condition = rest[1 : rest.rfind(")")].strip() if rest.startswith("(") else ""
        return Fee(amount_vnd=amount, channel=channel, condition=condition, text=text)
    return Fee(channel=channel, text=text)


def _unit_from_steps(value: float, steps: str) -> tuple[bool, TimeUnit | None]:
    """The portal lost the unit of many rows; the procedure's own steps often state it
    ("trong thời hạn 03 ngày làm việc", "nếu tiếp nhận hồ sơ sau 15 giờ … ngày làm việc tiếp
    theo" for business settled the same day)."""
    if not value.is_integer():
        return False, None
    number = int(value)
    if number == 1 and re.search(r"sau 15 giờ.{0,200}ngày làm việc tiếp theo", steps):
        return True, None
    if re.search(rf"(?<!\d)0?{number} ngày làm việc", steps):
        return False, "working_days"
    return False, None


def _time_of(entry: dict[str, Any], steps: str) -> ProcessingTime | None:
    raw_value = str(entry.get("time_value") or "").strip()
    unit = _UNITS.get(str(entry.get("time_unit") or ""))
    if not raw_value:
        return None
    try:
        value = float(raw_value.replace(",", "."))
    except ValueError:
        return ProcessingTime(text=raw_value)
    if value <= 0:
        return ProcessingTime(text=raw_value)
    if unit is None:
        same_day, unit = _unit_from_steps(value, steps)
        if same_day:
            return ProcessingTime(same_day=True, text=_SAME_DAY_TEXT)
        if unit is None:
            return ProcessingTime(text=f"{raw_value} (Cổng không ghi đơn vị thời gian)")
    return ProcessingTime(value=value, unit=unit)


def parse_channels(
    entries: Iterable[dict[str, Any]], steps: str = ""
) -> tuple[list[ChannelKind], ProcessingTime | None, list[Fee]]:
    """Channels, the in-person time (the kiosk's citizens hand in at the counter) and fees;
    a fee the same on every channel is listed once, for all channels."""
    channels: list[ChannelKind] = []
    times: dict[ChannelKind, ProcessingTime] = {}
    fees_by_channel: dict[ChannelKind, Fee] = {}
    for entry in entries:
        kind = _CHANNELS.get(str(entry.get("channel", "")))
        if kind is None or kind in channels:
            continue
        channels.append(kind)
        time = _time_of(entry, steps)
        if time:
            times[kind] = time
        fee = parse_fee(str(entry.get("fee_and_note") or ""), kind)
        if fee:
            fees_by_channel[kind] = fee
    time = times.get("in_person") or next(iter(times.values()), None)
    distinct = {f.model_copy(update={"channel": None}) for f in fees_by_channel.values()}
    if len(distinct) == 1 and len(fees_by_channel) == len(channels):
        fees = list(distinct)
    else:
        fees = list(fees_by_channel.values())
    return channels, time, fees


def online_level_of(name: str, channels: Sequence[ChannelKind]) -> OnlineLevel:
    if "online" not in channels:
        return "none"
    folded = fold(name)
    if "toan trinh" in folded:
        return "full"
    if "mot phan" in folded:
        return "partial"
    return "unknown"


def _strip_row(text: str) -> str:
    return _clean(text).lstrip("-+•* ").rstrip(" ;,").strip()


def _without_attachment(name: str) -> str:
    """Drop the template file name the portal glues to a paper: after a separator, or where
    a lower-case letter runs into a capital ("…Chính phủMẫu 07 XN.docx"). A row that is only
    a file name becomes empty; a name with no clear cut stays whole rather than lose words."""
    match = _ATTACHMENT.search(name) or _MANGLED_ATTACHMENT.search(name)
    if not match:
        return name
    if match.start() > 0:
        return name[: match.start()].rstrip(" ;")
    glued = [i for i in range(1, len(name)) if name[i - 1].islower() and name[i].isupper()]
    if glued:
        return name[: glued[-1]]
    return "" if " " not in name.strip() else name


def _form_of(name: str) -> FormTemplate | None:
    match = _FORM.search(name)
    if not match:
        return None
    issued = _ISSUED_BY.search(name)
    return FormTemplate(code=_clean(match.group(1)), issued_by=issued.group(1) if issued else "")


def parse_papers(text: str) -> tuple[list[PaperCase], list[str]]:
    """Split the portal's papers table into cases (one per sub-table, titled by the text before
    its header) and papers with their original/copy counts. Rows counting nothing are the
    portal's explanatory notes and are returned as notes."""
    segments = (text or "").split(_PAPER_HEADER)
    if len(segments) == 1:
        return [], []
    cases: list[PaperCase] = []
    notes: list[str] = []
    title = _strip_row(segments[0])
    for segment in segments[1:]:
        papers: list[Paper] = []
        position = 0
        for match in _QUANTITY.finditer(segment):
            name = _strip_row(segment[position : match.start()])
            position = match.end()
            originals = int(match.group(1) or 0)
            copies = int(match.group(2) or match.group(3) or 0)
            name = _without_attachment(name)
            if len(name) < 3 or any(p.name == name for p in papers):
                continue  # a bare template file name, or a row the portal repeats
            if originals + copies == 0 or name.lower().startswith(_NOTE_STARTS):
                if name not in notes:
                    notes.append(name)
                continue
            form = _form_of(name)
            papers.append(
                Paper(
                    name=name,
                    originals=originals,
                    copies=copies,
                    present_only="xuất trình" in title.lower(),
                    form=form.code if form else "",
                )
            )
        if papers:
            cases.append(PaperCase(when="" if title in ("", "--") else title, papers=papers))
        title = _strip_row(segment[position:])
    return cases, notes


def parse_results(text: str) -> list[str]:
    text = _clean(text).split("Từ khóa")[0]
    return [_clean(m.group(1)) for m in _RESULT.finditer(text) if _clean(m.group(1))]


def _legal_number(text: str, match: re.Match[str]) -> str:
    # Titles and numbers are run together ("…TT-BTCNghị định…"): a number never ends in the
    # capital that starts the next word, so drop capitals followed by a lower-case letter.
    number, end = match.group(0), match.end()
    while end < len(text) and text[end].islower() and number[-1].isalpha():
        number, end = number[:-1], end - 1
    return number.rstrip("-")


def parse_legal_basis(text: str) -> list[LegalDocument]:
    """The document numbers the portal lists, in order, each once. The portal runs titles and
    numbers together, so the title is only the kind of document its number shows."""
    text = _clean(text)
    documents: dict[str, LegalDocument] = {}
    for match in _LEGAL_NUMBER.finditer(text):
        number = _legal_number(text, match)
        if number.count("/") == 2 and number not in documents:
            kind = next((name for marker, name in _LEGAL_KINDS if marker in number), "")
            documents[number] = LegalDocument(number=number, title=kind)
    return list(documents.values())


def _forms_of(cases: Iterable[PaperCase]) -> list[FormTemplate]:
    forms: dict[str, FormTemplate] = {}
    for case in cases:
        for paper in case.papers:
            form = _form_of(paper.name)
            if form and form.code not in forms:
                forms[form.code] = form.model_copy(update={"name": paper.name[:160]})
    return list(forms.values())


def procedure_from_portal(entry: dict[str, Any], fields: FieldCatalogue) -> Procedure:
    """One portal record → a Procedure (raises ValueError/ValidationError when unusable)."""
    levels = parse_levels(str(entry.get("cap_thuc_hien", "")))
    if not levels:
        raise ValueError(
            f"not handled at province or commune level "
            f"({_clean(entry.get('cap_thuc_hien', '')) or 'no level'})"
        )
    name = _clean(entry.get("ten_thu_tuc", ""))
    channels, time, fees = parse_channels(
        entry.get("parsed_channels") or [], _clean(entry.get("trinh_tu_thuc_hien", ""))
    )
    cases, paper_notes = parse_papers(entry.get("thanh_phan_ho_so", ""))
    return Procedure(
        code=_clean(entry.get("ma_thu_tuc", "")),
        name=name,
        field=fields.resolve(entry.get("linh_vuc", "")).id,
        levels=levels,
        agency=_known(entry.get("co_quan_thuc_hien", "")),
        applicants=_known(entry.get("doi_tuong_thuc_hien", "")),
        channels=channels,
        online_level=online_level_of(name, channels),
        processing_time=time,
        fees=fees,
        papers=cases,
        forms=_forms_of(cases),
        results=parse_results(entry.get("ket_qua_xu_ly", "")),
        conditions=_known(entry.get("yeu_cau_dieu_kien", "")),
        legal_basis=parse_legal_basis(entry.get("can_cu_phap_ly", "")),
        notes=paper_notes,
        source=Source(
            url=_clean(entry.get("detail_url", "")),
            title=PORTAL_TITLE,
            decision=_clean(entry.get("so_quyet_dinh", "")),
        ),
    )


def import_portal_jsonl(
    lines: Iterable[str], fields: FieldCatalogue | None = None, codes: set[str] | None = None
) -> ImportReport:
    """Import JSON Lines; `codes` keeps only those procedures. Problems are reported per line."""
    fields = fields or FieldCatalogue()
    report = ImportReport()
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            report.skipped.append(f"line {number}: not valid JSON ({exc.msg})")
            continue
        code = _clean(str(entry.get("ma_thu_tuc", "")))
        if codes is not None and code not in codes:
            continue
        if code in seen:
            report.skipped.append(f"line {number} ({code}): code already imported")
            continue
        try:
            report.procedures.append(procedure_from_portal(entry, fields))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            report.skipped.append(f"line {number} ({code}): {where}: {first['msg']}")
            continue
        except ValueError as exc:
            report.skipped.append(f"line {number} ({code}): {exc}")
            continue
        seen.add(code)
    report.fields = dict(fields.used)
    return report


def _levels_from_agency(agency: str) -> list[Level]:
    folded = fold(agency)
    levels: list[Level] = []
    if "cap tinh" in folded or re.search(r"\bso\b", folded):
        levels.append("province")
    if "cap xa" in folded:
        levels.append("commune")
    return levels


def import_portal_xlsx(path: Path, fields: FieldCatalogue | None = None) -> ImportReport:
    """The portal's list export: code, name, issuing body, agency, field — a skeleton only."""
    fields = fields or FieldCatalogue()
    report = ImportReport()
    rows = read_rows(path)
    header = next((i for i, row in enumerate(rows) if row and row[0] == "Mã số"), None)
    if header is None:
        report.skipped.append(f"{path.name}: no header row starting with 'Mã số'")
        return report
    columns = {name: index for index, name in enumerate(rows[header])}
    needed = ("Mã số", "Tên", "Cơ quan thực hiện", "Lĩnh vực")
    missing = [name for name in needed if name not in columns]
    if missing:
        report.skipped.append(f"{path.name}: missing columns {missing}")
        return report
    for number, row in enumerate(rows[header + 1 :], start=header + 2):
        cells = row + [""] * (len(columns) - len(row))
        code = cells[columns["Mã số"]]
        agency = _clean(cells[columns["Cơ quan thực hiện"]])
        levels = _levels_from_agency(agency)
        if not levels:
            report.skipped.append(
                f"{path.name} row {number} ({code}): not handled at province or commune level"
            )
            continue
        try:
            report.procedures.append(
                Procedure(
                    code=code,
                    name=_clean(cells[columns["Tên"]]),
                    field=fields.resolve(cells[columns["Lĩnh vực"]]).id,
                    levels=levels,
                    agency=agency,
                    source=Source(url=PORTAL_HOME, title=f"{PORTAL_TITLE}: {path.name}"),
                )
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            report.skipped.append(
                f"{path.name} row {number} ({code}): "
                f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
            )
    report.fields = dict(fields.used)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.catalogue.importer",
        description="Build a catalogue document from the portal's JSONL or XLSX exports.",
    )
    parser.add_argument("inputs", nargs="+", type=Path, help=".jsonl or .xlsx files")
    parser.add_argument("--output", "-o", type=Path, required=True)
    parser.add_argument("--version", required=True, help="catalogue version, YYYY.MM.N")
    parser.add_argument("--publisher", required=True)
    parser.add_argument(
        "--codes", type=Path, help="file with the procedure codes to keep, one a line"
    )
    args = parser.parse_args(argv)
    codes = None
    if args.codes:
        codes = {c.strip() for c in args.codes.read_text().split() if c.strip()}
    fields = FieldCatalogue()
    merged = ImportReport()
    for path in args.inputs:
        if path.suffix == ".xlsx":
            report = import_portal_xlsx(path, fields)
        else:
            with path.open(encoding="utf-8") as lines:
                report = import_portal_jsonl(lines, fields, codes)
        merged.procedures.extend(report.procedures)
        merged.skipped.extend(report.skipped)
    merged.fields = dict(fields.used)
    document = merged.document(args.version, args.publisher, date.today())
    args.output.write_text(
        document.model_dump_json(indent=1, exclude_defaults=True) + "\n", encoding="utf-8"
    )
    for line in merged.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    print(f"{len(merged.procedures)} procedures written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
