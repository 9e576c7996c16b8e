"""The rating journey without a screen: levels, counter or dossier, the questionnaire with
skips, one fixed rating id however often saving is retried, and the wipe."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.i18n import translate
from kiosk.journeys.rating import RatingJourney, RatingState
from kiosk.ratings import QuestionnaireError, bundled_questionnaire, load_questionnaire

S = RatingState
NOW = datetime(2026, 5, 4, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
COUNTERS = {"1": ["ho-tich"], "2": ["ho-tich", "cu-tru"]}


@pytest.fixture
def journey() -> RatingJourney:
    return RatingJourney(bundled_questionnaire(), COUNTERS)


def test_the_official_levels_and_nine_indices_all_have_words() -> None:
    questionnaire = bundled_questionnaire()
    assert [translate(level.message_key, "vi") for level in questionnaire.levels] == [
        "Rất hài lòng",
        "Hài lòng",
        "Bình thường",
        "Không hài lòng",
        "Rất không hài lòng",
    ]
    assert len(questionnaire.indices) == 9
    for index in questionnaire.indices:
        keys = [index.question_key, *(index.answer_key(a.id) for a in index.answers)]
        for key in keys:
            for lang in ("vi", "en"):
                assert translate(key, lang) != key


def test_a_counter_rating_with_skipped_questions(journey: RatingJourney) -> None:
    journey.choose_level("dissatisfied")
    journey.choose_counter("1")
    journey.tell_more(True)
    assert journey.state is S.QUESTION
    for number in range(9):
        journey.answer("c" if number == 0 else ("a" if number == 8 else None))
    assert journey.state is S.SAVING
    rating = journey.rating(NOW, "kiosk-01", "vi")
    body = rating.body()
    assert body["level"] == "dissatisfied" and body["score"] == 2
    assert body["counter"] == "1" and body["service_id"] == "ho-tich"
    assert body["answers"] == {"chiso1": 0, "chiso9": 2}
    assert body["rated_at"] == "2026-05-04T09:30:00+07:00"
    assert "dossier_code" not in body


def test_a_shared_counter_names_no_single_service(journey: RatingJourney) -> None:
    journey.choose_level("satisfied")
    journey.choose_counter("2")
    journey.tell_more(False)
    assert "service_id" not in journey.rating(NOW, "kiosk-01", "en").body()


def test_a_dossier_rating_checks_the_code(journey: RatingJourney) -> None:
    journey.choose_level("very_satisfied")
    journey.rate_a_dossier()
    journey.dossier_typed("not a code")
    assert journey.state is S.DOSSIER and journey.problem_key == "follow.code.shape"
    journey.dossier_typed("000.00.06.h56-231027-0361")
    assert journey.state is S.MORE and journey.problem_key == ""
    journey.tell_more(False)
    assert journey.rating(NOW, "k", "vi").body()["dossier_code"] == "000.00.06.H56-231027-0361"


def test_retrying_keeps_the_same_rating_id(journey: RatingJourney) -> None:
    journey.choose_level("neutral")
    journey.choose_counter(None)
    journey.tell_more(False)
    first = journey.rating_id
    journey.failed("rating.failed.storage")
    assert journey.state is S.FAILED
    journey.retry()
    assert journey.state is S.SAVING and journey.rating_id == first
    journey.saved()
    assert journey.state is S.SAVED


def test_back_walks_the_questions_then_the_screens(journey: RatingJourney) -> None:
    journey.choose_level("satisfied")
    journey.choose_counter("1")
    journey.tell_more(True)
    journey.answer("a")
    assert journey.question == 1
    assert journey.back() and journey.question == 0
    assert journey.back() and journey.state is S.MORE
    assert journey.back() and journey.state is S.SUBJECT
    assert journey.back() and journey.state is S.LEVEL
    assert not journey.back()


def test_unknown_choices_are_refused_and_reset_forgets_everything(journey: RatingJourney) -> None:
    with pytest.raises(ValueError):
        journey.choose_level("ecstatic")
    journey.choose_level("satisfied")
    with pytest.raises(ValueError):
        journey.choose_counter("99")
    journey.rate_a_dossier()
    journey.dossier_typed("000.00.06.H56-231027-0361")
    journey.reset()
    assert journey.state is S.LEVEL
    assert (journey.level_id, journey.dossier_code, journey.rating_id) == (None, None, None)


def test_a_broken_questionnaire_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "questionnaire.toml"
    path.write_text('levels = [{ id = "good", score = 5 }]\n[[index]]\nid = "x"\nanswers = []\n')
    with pytest.raises(QuestionnaireError, match="five levels"):
        load_questionnaire(path)
    path.write_text("levels = [")
    with pytest.raises(QuestionnaireError, match=str(path)):
        load_questionnaire(path)
