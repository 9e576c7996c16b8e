"""The bulk importer reads the portal's exports (JSON Lines of procedure pages, .xlsx lists)
into catalogue records, conservatively: what it cannot read stays text or empty."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from devtools.catalogue.importer import (
    FieldCatalogue,
    import_portal_jsonl,
    import_portal_xlsx,
    main,
    parse_fee,
    parse_legal_basis,
    parse_papers,
)
from kiosk.catalogue.loader import load_catalogue_file
from kiosk.catalogue.model import ProcedureField
from kiosk.local_text import LocalText

HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"


def portal_record(**overrides: Any) -> dict[str, Any]:
    """A procedure page as the portal export flattens it (our own sample text)."""
    record = {
        "ma_thu_tuc": "1.001193",
        "detail_url": "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/sample-khai-sinh",
        "ten_thu_tuc": "Thủ tục đăng ký khai sinh",
        "so_quyet_dinh": "100/QĐ-BTP",
        "cap_thuc_hien": "Cấp xã",
        "linh_vuc": "Hộ tịch",
        "doi_tuong_thuc_hien": "Công dân Việt Nam",
        "co_quan_thuc_hien": "Không có thông tin",
        "trinh_tu_thuc_hien": "Nếu tiếp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày "
        "làm việc tiếp theo.",
        "thanh_phan_ho_so": (
            "Giấy tờ phải nộp:" + HEADER + "Tờ khai đăng ký khai sinh theo mẫu1 bản chính"
            "Giấy chứng sinh01 bản chính"
            "Trường hợp trẻ bị bỏ rơi thì có biên bản do cơ quan có thẩm quyền lập.0 bản chính"
            "Giấy tờ phải xuất trình:" + HEADER + "Thẻ căn cước của người đi khai sinh1 bản chính"
        ),
        "ket_qua_xu_ly": "Giấy khai sinhMã: KQ.G15.000031Trích lục khai sinhMã: KQ.G15.000032"
        "Từ khóaKhông có thông tin",
        "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định "
        "hướng dẫn123/2015/NĐ-CPThông tư về lệ phí85/2019/TT-BTC",
        "yeu_cau_dieu_kien": "Không có thông tin",
        "parsed_channels": [
            {
                "channel": "Trực tiếp",
                "time_value": "1",
                "time_unit": None,
                "fee_and_note": "Miễn phí",
            },
            {
                "channel": "Trực tuyến",
                "time_value": "1",
                "time_unit": None,
                "fee_and_note": "Miễn phí",
            },
        ],
    }
    record.update(overrides)
    return record


def lines(*records: dict[str, Any]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def test_a_portal_page_becomes_a_procedure() -> None:
    report = import_portal_jsonl(lines(portal_record()))
    assert report.skipped == []
    [procedure] = report.procedures
    assert procedure.code == "1.001193" and procedure.levels == ["commune"]
    assert procedure.field == "ho-tich" and report.fields["ho-tich"].name.vi == "Hộ tịch"
    assert procedure.agency == "" and procedure.conditions == ""
    assert procedure.channels == ["in_person", "online"]
    assert procedure.online_level == "unknown"
    assert procedure.processing_time is not None and procedure.processing_time.same_day
    assert [(f.amount_vnd, f.channel) for f in procedure.fees] == [(0, None)]
    submit, present = procedure.papers
    assert [(p.name, p.originals, p.present_only) for p in submit.papers] == [
        ("Tờ khai đăng ký khai sinh theo mẫu", 1, False),
        ("Giấy chứng sinh", 1, False),
    ]
    assert present.papers[0].present_only
    assert procedure.notes == [
        "Trường hợp trẻ bị bỏ rơi thì có biên bản do cơ quan có thẩm quyền lập."
    ]
    assert procedure.results == ["Giấy khai sinh", "Trích lục khai sinh"]
    assert [d.number for d in procedure.legal_basis] == [
        "60/2014/QH13",
        "123/2015/NĐ-CP",
        "85/2019/TT-BTC",
    ]
    assert procedure.source.decision == "100/QĐ-BTP"


def test_time_units_come_from_the_portal_or_the_steps_or_stay_unclaimed() -> None:
    with_unit = portal_record(
        parsed_channels=[
            {
                "channel": "Trực tiếp",
                "time_value": "7",
                "time_unit": "Ngày làm việc",
                "fee_and_note": "20,000 Việt Nam Đồng(Nộp trực tiếp)",
            }
        ]
    )
    from_steps = portal_record(
        ma_thu_tuc="1.004873",
        trinh_tu_thuc_hien="Trong thời hạn 03 "
        "ngày làm việc, cơ quan đăng ký hộ tịch cấp giấy xác nhận.",
        parsed_channels=[
            {"channel": "Trực tiếp", "time_value": "3", "time_unit": None, "fee_and_note": ""}
        ],
    )
    unknown = portal_record(
        ma_thu_tuc="1.004884",
        trinh_tu_thuc_hien="",
        parsed_channels=[
            {"channel": "Trực tiếp", "time_value": "5", "time_unit": None, "fee_and_note": ""}
        ],
    )
    first, second, third = import_portal_jsonl(lines(with_unit, from_steps, unknown)).procedures
    assert (first.processing_time.value, first.processing_time.unit) == (7, "working_days")
    assert first.fees[0].amount_vnd == 20000 and first.fees[0].condition == "Nộp trực tiếp"
    assert (second.processing_time.value, second.processing_time.unit) == (3, "working_days")
    assert third.processing_time.unit is None and "không ghi đơn vị" in third.processing_time.text


def test_fees_that_differ_by_channel_stay_per_channel() -> None:
    record = portal_record(
        parsed_channels=[
            {
                "channel": "Trực tiếp",
                "time_value": "3",
                "time_unit": "Ngày làm việc",
                "fee_and_note": "10,000 Việt Nam Đồng(/lần)",
            },
            {
                "channel": "Trực tuyến",
                "time_value": "3",
                "time_unit": "Ngày làm việc",
                "fee_and_note": "7,000 Việt Nam Đồng(/lần)",
            },
        ]
    )
    [procedure] = import_portal_jsonl(lines(record)).procedures
    assert [(f.channel, f.amount_vnd) for f in procedure.fees] == [
        ("in_person", 10000),
        ("online", 7000),
    ]


def test_fee_cells_are_read_conservatively() -> None:
    assert parse_fee("Miễn phí", None).amount_vnd == 0
    assert parse_fee("Miễn phí- Nộp tại Công an cấp xã", None).amount_vnd == 0
    unclear = parse_fee("Miễn phí(Mức thu do Hội đồng nhân dân tỉnh quyết định)", None)
    assert unclear.amount_vnd is None and "Hội đồng nhân dân" in unclear.text
    assert parse_fee("8,000 VNĐ", "online").amount_vnd == 8000
    assert parse_fee("10 USD(/bản)", None).amount_vnd is None
    assert parse_fee("Không có thông tin", None) is None


def test_records_that_cannot_be_used_are_reported_by_line() -> None:
    ministry = portal_record(ma_thu_tuc="1.000178", cap_thuc_hien="Cấp bộ")
    bad_code = portal_record(ma_thu_tuc="1.00A")
    report = import_portal_jsonl(
        ["{not json", *lines(ministry, bad_code, portal_record(), portal_record())]
    )
    assert [p.code for p in report.procedures] == ["1.001193"]
    assert report.skipped == [
        "line 1: not valid JSON (Expecting property name enclosed in double quotes)",
        "line 2 (1.000178): not handled at province or commune level (Cấp bộ)",
        "line 3 (1.00A): code: String should match pattern '^\\d\\.\\d{6}(\\.[A-Z0-9]{1,12})?$'",
        "line 5 (1.001193): code already imported",
    ]


def test_portal_field_names_land_in_the_kiosk_fields() -> None:
    residence = ProcedureField(
        id="cu-tru", name=LocalText(vi="Cư trú"), portal_names=["Đăng ký, quản lý cư trú"]
    )
    fields = FieldCatalogue([residence])
    record = portal_record(ma_thu_tuc="1.004222", linh_vuc="Đăng ký, quản lý cư trú")
    [procedure] = import_portal_jsonl(lines(record), fields).procedures
    assert procedure.field == "cu-tru"


def test_cases_and_attachment_names_in_paper_tables() -> None:
    text = (
        "Ở nhà của mình" + HEADER + "Tờ khai (Mẫu CT01 ban hành kèm theo Thông tư số "
        "53/2025/TT-BCA).1.MuCT01banhnhkmtheoThngts53 (3)1 bản chính"
        "Ở nhà thuê" + HEADER + "Hợp đồng thuê nhà;hopdong.docx1 bản chính,1 bản sao"
        "mau-02.docx1 bản chính"
        "Bảng kê người phụ thuộc theo Phụ lục của Chính phủMẫu 07 NPT.docx1 bản chính"
    )
    cases, notes = parse_papers(text)
    assert [c.when for c in cases] == ["Ở nhà của mình", "Ở nhà thuê"]
    assert cases[0].papers[0].name.endswith("53/2025/TT-BCA).")
    assert cases[0].papers[0].form == "CT01"
    assert [(p.name, p.copies) for p in cases[1].papers] == [
        ("Hợp đồng thuê nhà", 1),
        ("Bảng kê người phụ thuộc theo Phụ lục của Chính phủ", 0),
    ]
    assert notes == []


def test_legal_numbers_are_split_from_the_titles_run_into_them() -> None:
    text = (
        "Thông tư về phí85/2019/TT-BTCNghị định sửa đổi104/2022/NĐ-CP"
        "Quyết định 22/2020/QĐ-TTg ngày 1/1"
    )
    assert [(d.number, d.title) for d in parse_legal_basis(text)] == [
        ("85/2019/TT-BTC", "Thông tư"),
        ("104/2022/NĐ-CP", "Nghị định"),
        ("22/2020/QĐ-TTg", "Quyết định"),
    ]


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    """A minimal workbook like the portal's list export: shared strings, one sheet."""
    strings = [cell for row in rows for cell in row]
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    sheet_rows = []
    index = 0
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, _ in enumerate(row):
            cells.append(f'<c r="{chr(65 + c)}{r}" t="s"><v>{index}</v></c>')
            index += 1
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(
            "xl/workbook.xml",
            f'<workbook {ns} {rel_ns}><sheets><sheet name="S" '
            'sheetId="1" r:id="rId4"/></sheets></workbook>',
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId4" Target="worksheets/sheet1.xml" '
            'Type="worksheet"/></Relationships>',
        )
        book.writestr(
            "xl/sharedStrings.xml",
            f"<sst {ns}>" + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>",
        )
        book.writestr(
            "xl/worksheets/sheet1.xml",
            f"<worksheet {ns}><sheetData>{''.join(sheet_rows)}</sheetData></worksheet>",
        )


def test_the_portal_list_export_gives_a_skeleton(tmp_path: Path) -> None:
    path = tmp_path / "danh-sach.xlsx"
    write_xlsx(
        path,
        [
            ["DANH SÁCH THỦ TỤC HÀNH CHÍNH"],
            ["Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"],
            [
                "3.000323",
                "Đăng ký giám sát việc giám hộ",
                "Bộ Tư pháp",
                "Ủy ban nhân dân cấp xã",
                "Hộ tịch",
            ],
            [
                "1.002099",
                "Đăng ký hoạt động của chi nhánh tổ chức hành nghề luật sư",
                "Bộ Tư pháp",
                "Sở Tư Pháp",
                "Luật sư",
            ],
            [
                "2.002195",
                "Bồi thường nhà nước cấp trung ương",
                "Bộ Tư pháp",
                "Bộ Tư pháp",
                "Bồi thường nhà nước",
            ],
        ],
    )
    report = import_portal_xlsx(path)
    assert [(p.code, p.levels, p.field) for p in report.procedures] == [
        ("3.000323", ["commune"], "ho-tich"),
        ("1.002099", ["province"], "luat-su"),
    ]
    assert report.skipped == [
        "danh-sach.xlsx row 5 (2.002195): not handled at province or commune level"
    ]


def test_the_command_line_writes_a_loadable_catalogue(tmp_path: Path) -> None:
    source = tmp_path / "export.jsonl"
    source.write_text(
        "\n".join(
            lines(
                portal_record(),
                portal_record(ma_thu_tuc="1.000656", ten_thu_tuc="Thủ tục đăng ký khai tử"),
            )
        ),
        "utf-8",
    )
    codes = tmp_path / "codes.txt"
    codes.write_text("1.000656\n")
    output = tmp_path / "catalogue.json"
    assert (
        main(
            [
                str(source),
                "-o",
                str(output),
                "--version",
                "2026.05.2",
                "--publisher",
                "test",
                "--codes",
                str(codes),
            ]
        )
        == 0
    )
    document = load_catalogue_file(output)
    assert [p.code for p in document.procedures] == ["1.000656"]
    assert document.published == date.today()
