"""How a procedure's facts read to a citizen, in their language: "7 ngày làm việc",
"20.000 đ mỗi lần (nộp trực tiếp)", "1 bản chính, 1 bản sao", "Có thể nộp trực tuyến". Shared
by the detail screen and the printed guidance slip so both say the same thing.

Facts the catalogue does not state read as "not stated", never as a guess.
"""

from __future__ import annotations

from kiosk.catalogue.model import Fee, Paper, Procedure, ProcessingTime
from kiosk.i18n import translate


def money(amount_vnd: int) -> str:
    """30000 → "30.000 đ" (the kiosk's money format)."""
    return f"{amount_vnd:,}".replace(",", ".") + " đ"


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value).replace(".", ",")


def describe_time(time: ProcessingTime | None, lang: str) -> str:
    if time is None:
        return translate("catalogue.fact.not_stated", lang)
    if time.same_day:
        return translate("catalogue.time.same_day", lang)
    if time.value is not None and time.unit is not None:
        return translate(f"catalogue.time.{time.unit}", lang, n=_number(time.value))
    return time.text


def time_summary(time: ProcessingTime | None, lang: str) -> str:
    """The short form for lists: a unit the source did not give reads as "not stated"."""
    if time is None or not (time.same_day or time.value is not None):
        return translate("catalogue.fact.not_stated", lang)
    return describe_time(time, lang)


def time_details(time: ProcessingTime | None) -> str:
    """The source's own words when they add something to the short form (Vietnamese)."""
    return time.text if time and (time.same_day or time.value is not None) else ""


def describe_fee(fee: Fee, lang: str) -> str:
    if fee.amount_vnd is None:
        text = fee.text
    elif fee.amount_vnd == 0:
        text = translate("catalogue.fee.free", lang)
    else:
        text = money(fee.amount_vnd)
        if fee.per:
            text += " / " + fee.per
    if fee.channel:
        text += " (" + translate(f"catalogue.channel.{fee.channel}", lang) + ")"
    if fee.condition:
        text += ". " + fee.condition
    return text


def describe_fees(procedure: Procedure, lang: str) -> list[str]:
    if not procedure.fees:
        return [translate("catalogue.fact.not_stated", lang)]
    return [describe_fee(fee, lang) for fee in procedure.fees]


def fee_summary(procedure: Procedure, lang: str) -> str:
    """One line for lists and the facts column: "Miễn phí", "20.000 đ", "7.000 – 10.000 đ",
    or "see details" when the amount depends on the case."""
    if not procedure.fees:
        return translate("catalogue.fact.not_stated", lang)
    amounts = sorted({f.amount_vnd for f in procedure.fees if f.amount_vnd is not None})
    if not amounts:
        return translate("catalogue.fee.see_details", lang)
    if amounts == [0]:
        return translate("catalogue.fee.free", lang)
    paid = [a for a in amounts if a > 0]
    if len(paid) == 1:
        return money(paid[0])
    return f"{money(paid[0])[:-2]} – {money(paid[-1])}"


def describe_counts(paper: Paper, lang: str) -> str:
    if paper.present_only:
        return translate("catalogue.paper.present", lang)
    parts = []
    if paper.originals:
        parts.append(translate("catalogue.paper.originals", lang, n=paper.originals))
    if paper.copies:
        parts.append(translate("catalogue.paper.copies", lang, n=paper.copies))
    return ", ".join(parts)


def describe_online(procedure: Procedure, lang: str) -> str:
    if procedure.online_level in ("full", "partial"):
        return translate(f"catalogue.online.{procedure.online_level}", lang)
    if "online" in procedure.channels:
        return translate("catalogue.online.available", lang)
    if "post" in procedure.channels:
        return translate("catalogue.online.post", lang)
    if procedure.channels:
        return translate("catalogue.online.none", lang)
    return translate("catalogue.fact.not_stated", lang)


def describe_levels(procedure: Procedure, lang: str) -> str:
    return ", ".join(translate(f"catalogue.level.{level}", lang) for level in procedure.levels)


def display_name(procedure: Procedure, lang: str) -> str:
    """The official name; in English the English gloss, when there is one, comes first."""
    if lang == "en" and procedure.name_en:
        return f"{procedure.name_en} ({procedure.name})"
    return procedure.name
