"""A large, plainly synthetic catalogue for load tests and the search benchmark: a province
publishes about 2,000 procedures, the starter catalogue has 71, so the benchmark pads it with
names built from the words real procedures use. Codes start with 9, a prefix the national
list does not use, so a synthetic record can never be mistaken for a real one.
"""

from __future__ import annotations

import random
from datetime import date

from kiosk.catalogue.model import (
    FORMAT,
    CatalogueDocument,
    Fee,
    Paper,
    PaperCase,
    Procedure,
    ProcedureField,
    ProcessingTime,
    Source,
)
from kiosk.local_text import LocalText

_ACTIONS = (
    "Cấp",
    "Cấp lại",
    "Cấp đổi",
    "Gia hạn",
    "Điều chỉnh",
    "Thu hồi",
    "Đăng ký",
    "Xác nhận",
    "Công nhận",
    "Thẩm định",
    "Phê duyệt",
    "Chấp thuận",
    "Báo cáo",
    "Thông báo",
    "Hỗ trợ",
)
_SUBJECTS = {
    "giao-duc": (
        "giấy phép hoạt động giáo dục",
        "quyết định thành lập trường mầm non",
        "văn bằng tốt nghiệp",
        "bản sao văn bằng, chứng chỉ",
        "học bổng chính sách",
        "chuyển trường cho học sinh",
        "công nhận trường đạt chuẩn quốc gia",
    ),
    "y-te": (
        "chứng chỉ hành nghề khám bệnh, chữa bệnh",
        "giấy phép hoạt động phòng khám",
        "chứng chỉ hành nghề dược",
        "giấy chứng nhận đủ điều kiện kinh doanh dược",
        "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "công bố sản phẩm mỹ phẩm",
    ),
    "nong-nghiep": (
        "giấy chứng nhận cơ sở đủ điều kiện chăn nuôi",
        "giấy phép khai thác thủy sản",
        "chứng nhận vùng trồng",
        "hỗ trợ giống cây trồng",
        "kiểm dịch động vật",
        "giấy phép vận chuyển thuốc bảo vệ thực vật",
        "đăng ký tàu cá",
    ),
    "tai-nguyen": (
        "giấy phép khai thác nước mặt",
        "giấy phép xả nước thải",
        "giấy phép môi trường",
        "đăng ký khai thác nước dưới đất",
        "giấy phép thăm dò khoáng sản",
        "phương án cải tạo phục hồi môi trường",
    ),
    "cong-thuong": (
        "giấy phép bán lẻ rượu",
        "giấy phép kinh doanh xăng dầu",
        "giấy chứng nhận đủ điều kiện kinh doanh khí",
        "giấy phép bán lẻ sản phẩm thuốc lá",
        "đăng ký hoạt động khuyến mại",
        "giấy phép hoạt động điện lực",
    ),
    "van-hoa": (
        "giấy phép tổ chức lễ hội",
        "giấy phép kinh doanh karaoke",
        "công nhận gia đình văn hóa",
        "giấy phép tổ chức biểu diễn nghệ thuật",
        "đăng ký hoạt động thư viện",
        "giấy phép xuất bản bản tin",
    ),
    "lao-dong": (
        "giấy phép lao động cho người nước ngoài",
        "trợ cấp thất nghiệp",
        "giấy phép hoạt động dịch vụ việc làm",
        "hỗ trợ học nghề",
        "đăng ký nội quy lao động",
        "thỏa ước lao động tập thể",
    ),
    "giao-thong": (
        "giấy phép lưu hành xe quá tải trọng",
        "phù hiệu xe kinh doanh vận tải",
        "giấy phép kinh doanh vận tải bằng xe ô tô",
        "giấy phép thi công công trình đường bộ",
        "đăng ký phương tiện thủy nội địa",
        "chứng chỉ chuyên môn thuyền viên",
    ),
}
_FIELD_NAMES = {
    "giao-duc": "Giáo dục và đào tạo",
    "y-te": "Y tế",
    "nong-nghiep": "Nông nghiệp",
    "tai-nguyen": "Tài nguyên và môi trường",
    "cong-thuong": "Công thương",
    "van-hoa": "Văn hóa, thể thao và du lịch",
    "lao-dong": "Lao động, việc làm",
    "giao-thong": "Giao thông vận tải",
}
# English glosses, so that padded records carry English and everyday words like real ones and
# the benchmark searches an index as large as a real catalogue's.
_ACTIONS_EN = {
    "Cấp": "Issue of",
    "Cấp lại": "Re-issue of",
    "Cấp đổi": "Renewal of",
    "Gia hạn": "Extension of",
    "Điều chỉnh": "Change of",
    "Thu hồi": "Withdrawal of",
    "Đăng ký": "Registration of",
    "Xác nhận": "Confirmation of",
    "Công nhận": "Recognition of",
    "Thẩm định": "Appraisal of",
    "Phê duyệt": "Approval of",
    "Chấp thuận": "Consent to",
    "Báo cáo": "Report on",
    "Thông báo": "Notice of",
    "Hỗ trợ": "Support for",
}
_FIELDS_EN = {
    "giao-duc": "education",
    "y-te": "health",
    "nong-nghiep": "farming",
    "tai-nguyen": "environment",
    "cong-thuong": "trade",
    "van-hoa": "culture and tourism",
    "lao-dong": "work and jobs",
    "giao-thong": "transport",
}
_QUALIFIERS = (
    "",
    " cho tổ chức",
    " cho cá nhân",
    " thực hiện tại cấp tỉnh",
    " có yếu tố nước ngoài",
    " trong trường hợp bị mất, hỏng",
    " theo hình thức trực tuyến",
)


def synthetic_fields() -> list[ProcedureField]:
    return [
        ProcedureField(id=f"synthetic-{key}", name=LocalText(vi=name), order=900 + i)
        for i, (key, name) in enumerate(_FIELD_NAMES.items())
    ]


def synthetic_procedures(count: int, seed: int = 2026) -> list[Procedure]:
    """`count` distinct procedures with codes 9.000001 upwards, the same for the same seed."""
    names = [
        (f"{action} {subject}{qualifier}", field, action, subject)
        for field, subjects in _SUBJECTS.items()
        for subject in subjects
        for action in _ACTIONS
        for qualifier in _QUALIFIERS
    ]
    if count > len(names):
        raise ValueError(f"at most {len(names)} synthetic procedures")
    rng = random.Random(seed)
    rng.shuffle(names)
    procedures = []
    for number, (name, field, action, subject) in enumerate(names[:count], start=1):
        topic = _FIELDS_EN[field]
        days = rng.choice((1, 3, 5, 7, 10, 15, 20, 30))
        procedures.append(
            Procedure(
                code=f"9.{number:06d}",
                name=name[0].upper() + name[1:],
                name_en=f"{_ACTIONS_EN[action]} a {topic} permit or certificate",
                keywords=[subject, f"{action.lower()} {subject}", f"xin {subject}"],
                keywords_en=[f"{topic} permit", f"{topic} certificate", f"{topic} licence"],
                field=f"synthetic-{field}",
                levels=[rng.choice(("province", "commune"))],
                channels=["in_person"],
                online_level="none",
                processing_time=ProcessingTime(value=days, unit="working_days"),
                fees=[Fee(amount_vnd=rng.choice((0, 50000, 100000, 500000)), text="synthetic")],
                papers=[PaperCase(papers=[Paper(name=f"Đơn đề nghị {name.lower()}", originals=1)])],
                results=[name.split(" ", 1)[1]],
                source=Source(url="https://example.invalid/synthetic", title="synthetic"),
            )
        )
    return procedures


def padded_document(base: CatalogueDocument, total: int) -> CatalogueDocument:
    """`base` plus synthetic procedures up to `total` procedures in all."""
    extra = synthetic_procedures(max(total - len(base.procedures), 0))
    return CatalogueDocument(
        format=FORMAT,
        version=base.version,
        published=date(2026, 1, 1),
        publisher="synthetic padding",
        fields=[*base.fields, *synthetic_fields()],
        procedures=[*base.procedures, *extra],
    )
