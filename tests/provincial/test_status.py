"""Dossier status lookups: the stand-in moves dossiers through the national portal's codes on its
simulated clock, branches included, and the client returns the timeline."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
import requests

from offline_queue.client import NotFoundError
from offline_queue.contract.statuses import dossier_status_codes
from offline_queue.signing import body_sha256
from offline_queue.standin.timelines import scenario_for, scenarios

DAY = 24 * 3600


def test_the_data_file_holds_the_ten_national_codes():
    codes = dossier_status_codes()

    # The portal's wording, as published (see the data file for the source).
    assert codes[1].name == "Mới đăng ký"
    assert codes[2].name == "Được tiếp nhận"
    assert codes[3].name == "Không được tiếp nhận"
    assert codes[5].name == "Yêu cầu bổ sung giấy tờ"
    assert codes[6].name == "Yêu cầu thực hiện nghĩa vụ tài chính"
    assert codes[7].name == "Công dân yêu cầu rút hồ sơ"
    assert codes[8].name == "Dừng xử lý"
    assert codes[10].name == "Đã trả kết quả"
    assert {c for c, s in codes.items() if s.final} == {3, 8, 10}


def test_a_normal_dossier_moves_forward_as_the_clock_does(standin, client, make_dossier):
    dossier = make_dossier(1)
    standin.assign_scenario(dossier.code, "normal")
    receipt = client.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)

    just_in = client.dossier_status(dossier.code)
    standin.clock.advance(31 * 60)
    accepted = client.dossier_status(dossier.code)
    standin.clock.advance(4 * DAY)
    returned = client.dossier_status(dossier.code)

    assert [s.code for s in just_in.timeline] == [1]
    assert just_in.current.at.isoformat() == receipt.received_at
    assert [(s.code, s.name) for s in accepted.timeline] == [
        (1, "Mới đăng ký"),
        (2, "Được tiếp nhận"),
    ]
    assert [s.code for s in returned.timeline] == [1, 2, 4, 9, 10]
    assert returned.current.name == "Đã trả kết quả"
    arrived = returned.timeline[0].at
    assert [s.at - arrived for s in returned.timeline] == [
        timedelta(minutes=m) for m in (0, 30, 90, 2880, 4320)
    ]


@pytest.mark.parametrize(
    ("scenario", "codes"),
    [
        ("more_papers", [1, 2, 4, 5, 4, 9, 10]),
        ("fees", [1, 2, 4, 6, 4, 9, 10]),
        ("not_accepted", [1, 3]),
        ("withdrawn", [1, 2, 4, 7, 8]),
        ("stopped", [1, 2, 4, 8]),
    ],
)
def test_branches_show_in_the_timeline(scenario, codes, standin, client, make_dossier):
    dossier = make_dossier(7)
    standin.assign_scenario(dossier.code, scenario)
    client.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)
    standin.clock.advance(30 * DAY)

    status = client.dossier_status(dossier.code)

    assert [s.code for s in status.timeline] == codes
    assert dossier_status_codes()[status.current.code].final
    assert all(a.at <= b.at for a, b in zip(status.timeline, status.timeline[1:], strict=False))


def test_a_dossier_without_a_code_is_found_by_its_id(standin, client):
    body = b'{"procedure_code": "2.000815"}'

    client.submit_dossier("K01-20261123-0001", body, body_sha256(body))

    assert client.dossier_status("K01-20261123-0001").timeline[0].code == 1


def test_an_unknown_dossier_is_not_found(client):
    with pytest.raises(NotFoundError) as missing:
        client.dossier_status("000.00.06.H56-261123-9999")

    assert missing.value.status == 404
    assert missing.value.message_key == "provincial.error.not_found"


def test_each_dossier_keeps_its_scenario_and_all_scenarios_occur():
    picks = Counter(scenario_for(f"dossier-{n}").name for n in range(2000))

    assert scenario_for("dossier-1") == scenario_for("dossier-1")
    assert set(picks) == set(scenarios())
    assert picks.most_common(1)[0][0] == "normal"


def test_scenarios_can_be_steered_over_the_admin_api(standin, client, make_dossier):
    dossier = make_dossier(3)
    reply = requests.put(
        f"{standin.url}/admin/scenarios/{dossier.code}",
        json={"scenario": "not_accepted"},
        timeout=5,
    )
    requests.post(f"{standin.url}/admin/clock", json={"advance_seconds": 0}, timeout=5)
    client.submit_dossier(dossier.dossier_id, dossier.body, dossier.digest)
    requests.post(f"{standin.url}/admin/clock", json={"advance_seconds": 3600}, timeout=5)
    unknown = requests.put(
        f"{standin.url}/admin/scenarios/{dossier.code}",
        json={"scenario": "lost_in_the_mail"},
        timeout=5,
    )

    assert reply.status_code == 204
    assert [s.code for s in client.dossier_status(dossier.code).timeline] == [1, 3]
    assert unknown.status_code == 400
