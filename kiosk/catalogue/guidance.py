"""The printed guidance slip ("phiếu hướng dẫn"): what to bring for one procedure, how long it
takes, what it costs, where to go, and a QR to its page on the national portal, for the citizen
to take home and come back prepared.

Plain information, no personal data: the slip can be printed by anyone for anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hardware.printer import PrintJob, QrCode, Rule, Spacer, TextLine
from hardware.printer.job import Align, TextSize
from kiosk.catalogue.model import Procedure
from kiosk.catalogue.presentation import (
    describe_counts,
    describe_fees,
    describe_online,
    describe_time,
    display_name,
)
from kiosk.i18n import translate


@dataclass(frozen=True)
class SlipContext:
    """Where the slip is printed: the centre's name and, if the field has a queue service,
    the counters that handle it."""

    centre_name: str
    counters: str
    portal_link: str
    printed_at: datetime


def guidance_job(procedure: Procedure, where: SlipContext, lang: str) -> PrintJob:
    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    def heading(key: str) -> TextLine:
        return TextLine(t(key), TextSize.NORMAL, bold=True, align=Align.LEFT)

    def line(text: str) -> TextLine:
        return TextLine(text, TextSize.SMALL, align=Align.LEFT)

    blocks: list = [
        TextLine(where.centre_name, TextSize.NORMAL, bold=True),
        TextLine(t("catalogue.slip.title"), TextSize.LARGE, bold=True),
        Rule(),
        TextLine(display_name(procedure, lang), TextSize.NORMAL, bold=True, align=Align.LEFT),
        line(t("catalogue.slip.code", code=procedure.code)),
        Spacer(8),
        heading("catalogue.detail.papers"),
    ]
    if not procedure.papers:
        blocks.append(line(t("catalogue.fact.not_stated")))
    for case in procedure.papers:
        if case.when:
            blocks.append(
                TextLine(
                    t("catalogue.detail.when", when=case.when),
                    TextSize.SMALL,
                    bold=True,
                    align=Align.LEFT,
                )
            )
        for paper in case.papers:
            blocks.append(line(f"• {paper.name} — {describe_counts(paper, lang)}"))
    blocks += [
        Spacer(8),
        heading("catalogue.detail.time"),
        line(describe_time(procedure.processing_time, lang)),
        heading("catalogue.detail.fees"),
        *(line(text) for text in describe_fees(procedure, lang)),
        heading("catalogue.detail.where"),
        line(procedure.agency or t("catalogue.fact.not_stated")),
    ]
    if where.counters:
        blocks.append(line(t("catalogue.detail.counters", counters=where.counters)))
    blocks += [
        line(describe_online(procedure, lang)),
        Rule(),
        TextLine(t("catalogue.slip.scan"), TextSize.SMALL),
        QrCode(where.portal_link, module_dots=4),
        TextLine(t("catalogue.slip.disclaimer"), TextSize.SMALL),
        TextLine(where.printed_at.strftime("%d/%m/%Y %H:%M"), TextSize.SMALL),
        Spacer(8),
    ]
    return PrintJob(tuple(blocks), cut=True, name=f"guidance-{procedure.code}")
