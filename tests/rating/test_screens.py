"""Rating on the screen: big level buttons, a counter, the questionnaire; the rating is stored
once in the outbox and reaches the stand-in province, also after a spell offline."""

from __future__ import annotations

import json

from offline_queue.outbox.model import ItemKind
from offline_queue.standin.faults import Fault, FaultKind


def ratings_in_outbox(person) -> list:
    outbox = person.ui.core.province.opened().outbox
    return [item for item in outbox.items() if item.kind is ItemKind.RATING]


def test_a_rating_is_stored_once_and_delivered(person, qtbot) -> None:
    standin = person.ui.core.province.opened().link.standin
    person.tap("tile_rating")
    person.wait_screen("RatingLevel")
    person.tap("level_satisfied")
    person.wait_screen("RatingSubject")
    person.tap("counter_3")
    person.wait_screen("RatingMore")
    person.tap("ratingTellMore")
    person.wait_screen("RatingQuestion")
    person.tap("answer_a")
    person.tap("answer_c")
    for _ in range(7):
        person.tap("answerSkip")
    person.wait_screen("RatingThanks")
    qtbot.waitUntil(lambda: person.ui.find("ratingThanks").isVisible(), timeout=10_000)
    [stored] = ratings_in_outbox(person)
    qtbot.waitUntil(lambda: len(standin.store.items("rating")) == 1, timeout=10_000)
    body = json.loads(standin.store.body("rating", stored.id))
    assert body["level"] == "satisfied" and body["score"] == 4
    assert body["counter"] == "3" and body["service_id"] == "chung-thuc"
    assert body["answers"] == {"chiso1": 2, "chiso2": 0}
    assert standin.store.deliveries("rating") == {"stored": 1}
    person.tap("ratingDone")
    person.wait_screen("Home")


def test_offline_the_rating_waits_and_goes_later(person, qtbot) -> None:
    delivery = person.ui.core.province.opened()
    standin = delivery.link.standin
    standin.arm(Fault(FaultKind.RESET, times=None))
    person.tap("tile_rating")
    person.wait_screen("RatingLevel")
    person.tap("level_very_dissatisfied")
    person.wait_screen("RatingSubject")
    person.tap("ratingWholeCentre")
    person.wait_screen("RatingMore")
    person.tap("ratingSend")
    person.wait_screen("RatingThanks")
    qtbot.waitUntil(lambda: person.ui.find("ratingThanks").isVisible(), timeout=10_000)
    assert len(ratings_in_outbox(person)) == 1
    assert standin.store.items("rating") == []
    standin.faults.clear()
    delivery.uploader.retry_now()
    qtbot.waitUntil(lambda: len(standin.store.items("rating")) == 1, timeout=10_000)
    body = json.loads(standin.store.body("rating", ratings_in_outbox(person)[0].id))
    assert body["score"] == 1 and "counter" not in body


def test_rating_a_dossier_refuses_a_hostile_code(person) -> None:
    person.tap("tile_rating")
    person.wait_screen("RatingLevel")
    person.tap("level_neutral")
    person.wait_screen("RatingSubject")
    person.tap("ratingByDossier")
    person.wait_screen("RatingDossier")
    person.ui.find("ratingCodeField").setProperty("text", "'; DROP TABLE items; --")
    person.tap("ratingDossierContinue")
    assert person.ui.shell.screen == "RatingDossier"
    assert person.ui.find("ratingProblem").property("message").startswith("Mã hồ sơ chưa đúng")
    assert ratings_in_outbox(person) == []
