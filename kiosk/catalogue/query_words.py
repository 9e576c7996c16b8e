"""The words a query is read with, apart from what it asks for: the filler words citizens put
around their request, and the words that mark a procedure as a variant of a more common one
together with the words by which a citizen asks for that variant. Compared folded (no
diacritics, ký = kí), as `kiosk.folding.tokens` gives them.
"""

from __future__ import annotations

from kiosk.folding import tokens

# Words citizens add around what they want ("tôi muốn làm … ở đâu", "I need to … please"):
# they may match, but a procedure is not required to contain them.
_FILLERS = """thu tuc toi muon can lam xin cho o dau nhu the nao gi bao nhieu hoi a va cua minh
em anh chi ban phai giup voi nhe roi di bo me ong ba vo chong con chau nha duoc khong
hai dua tui nhau day do nay kia gio
i my we our us the to of for in on at is are am be want wants need needs how get with and or you
your please this that it what where have has"""
FILLER_WORDS = frozenset(tokens(_FILLERS))
# Word pieces an apostrophe leaves ("husband's", "don't", "I'm") say nothing by themselves.
FILLER_WORDS |= {"s", "t", "d", "m", "ll", "ve"}

# Words that may stand between the words of an everyday phrase without changing what it says:
# who speaks or whose ("bố tôi mất", "mẹ của mình"), when ("vừa", "mới", "đã"), "ấy", "nhà"
# ("bà nhà tôi") and the classifiers "cái", "chiếc" ("mất cái ví"). Kin words are not among
# them: "vợ mất" and "vợ con mất" differ.
_GAPS = "tôi tui tao tớ mình em anh chị ấy của vừa mới đã đang nhà bên mà thì là cũng hôm qua"
GAP_WORDS = frozenset(tokens(_GAPS + " cái chiếc"))

# "For the first time" asks for the common procedure, which seldom says so in its name
# ("đăng ký hộ kinh doanh lần đầu"): its words may match but are not required.
FIRST_TIME = tuple(tuple(tokens(phrase)) for phrase in ("lần đầu", "first time"))

# Questions about how long, how much or how many days a procedure takes ask nothing about
# which one: "làm căn cước mất bao lâu" is not a lost card ("mất"), nor "bao lâu" a long stay
# ("lâu dài"). Longest first.
_HOW_LONG = """mất bao lâu | mất bao nhiêu lâu | mất mấy ngày | mất mấy tuần | mất mấy tháng |
mất bao nhiêu tiền | mất bao nhiêu | bao nhiêu lâu | bao lâu | mấy ngày | bao nhiêu tiền |
how long does it take | how long | how much does it cost | how much"""
HOW_LONG = tuple(
    sorted((tuple(tokens(phrase)) for phrase in _HOW_LONG.split("|")), key=len, reverse=True)
)

# Words after which a sentence says what the citizen asks for, the words before them being what
# happened ("mua nhà ở quận khác | muốn chuyển khẩu về", "con đi du học, trung tâm | đòi bản
# sao học bạ", "we got married, | how do I change my address"). Each counts as typed, or
# without accents where that is still the word: "muộn" and "mượn" are not "muốn", and "đòi"
# without its accents is "đổi". "Để" is not among them: folded it is "đẻ" (give birth).
_REQUESTS = """muốn | cần | xin | phải | định | làm sao | làm thế nào | thủ tục | yêu cầu | bắt |
đòi | want to | wants to | need to | needs to | have to | has to | how do i | how can i | how to |
what do i do to"""
REQUEST_MARKERS = tuple(tuple(marker.split()) for marker in _REQUESTS.split("|"))
ACCENTS_NEEDED = frozenset({"đòi"})
# In a yes-no question ("con mới sinh | có làm khai sinh ở chỗ trọ được không") "có" opens the
# request the last word asks about.
QUESTION_OPENERS = (("có",), ("có", "cần"), ("có", "phải"), ("có", "được"))
QUESTION_ENDS = frozenset(tokens("không chưa ko"))

# Words that, in a procedure's name, make it a variant of a more common one, each with the
# words by which a query asks for that variant: the re-issue ("cấp lại", "re-registration":
# lost, damaged), the exchange or change ("cấp đổi", "thay đổi": expired), the correction
# ("đính chính", "cải chính": wrong), removal, ending or suspending, the foreign case ("có yếu
# tố nước ngoài"), the one for children ("dưới 14 tuổi") and the combined one ("kết hợp"). A
# citizen who does not ask for a variant means the common procedure, so at equal coverage a
# variant ranks below it.
_REISSUE = "lai mat hong rach that lac again lost damaged stolen reissue replace replacement"
_CHANGE = "doi thay het han cu sua renew renewal expired update change changing"
_CORRECTION = "chinh sua sai nham wrong mistake error correct correction"
_CHILD = "duoi con be tre chau em child children kid kids baby son daughter year years under"
_FOREIGN = "ngoai nuoc quoc kieu foreign foreigner abroad"
_VARIANT_CUES = {
    "lai": _REISSUE,
    "re": _REISSUE,
    "replacement": _REISSUE,
    "doi": _CHANGE,
    "thay": _CHANGE,
    "renewal": _CHANGE,
    "change": _CHANGE,
    "changing": _CHANGE,
    "chinh": _CORRECTION,
    "correction": _CORRECTION,
    "xoa": "xoa huy cat remove removal",
    "removal": "xoa huy cat remove removal",
    "dut": "dut cham thoi ket thuc end ending stop close",
    "ending": "dut cham thoi ket thuc end ending stop close",
    "ngung": "ngung tam nghi dung pause suspend suspending resume",
    "suspending": "ngung tam nghi dung pause suspend suspending resume",
    "ngoai": _FOREIGN,
    "foreign": _FOREIGN,
    "duoi": _CHILD,
    "under": _CHILD,
    "hop": "hop kem cung luon together",
    "together": "hop kem cung luon together",
    "extension": "gia han extend extension",
}
VARIANT_CUES = {
    marker: frozenset(tokens(cues)) | {marker} for marker, cues in _VARIANT_CUES.items()
}
