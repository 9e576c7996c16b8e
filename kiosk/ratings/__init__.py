"""Citizens' satisfaction ratings: the official levels, the 9-index questionnaire (a data file in
config/ratings/) and the rating the kiosk stores for the province."""

from kiosk.ratings.model import Rating, new_rating_id
from kiosk.ratings.questionnaire import (
    Answer,
    Index,
    Level,
    Questionnaire,
    QuestionnaireError,
    bundled_questionnaire,
    bundled_questionnaire_path,
    load_questionnaire,
)

__all__ = [
    "Answer",
    "Index",
    "Level",
    "Questionnaire",
    "QuestionnaireError",
    "Rating",
    "bundled_questionnaire",
    "bundled_questionnaire_path",
    "load_questionnaire",
    "new_rating_id",
]
