"""Search that forgives: the catalogue is found however a citizen types — without diacritics
("dang ky khai sinh"), run together ("khaisinh"), with typos ("dang ki kai sinh"), half typed
("dang ky kh"), or in everyday words ("làm sổ đỏ", through the synonym table).

Beyond the official name it searches the English name and the everyday words of each
procedure in both languages (English by stem: "married" finds "marry"), takes out Telex and
VNI keys left in by a keyboard without an input method ("soor ddor" → "sổ đỏ"), prefers the
common first-time procedure over its variants unless the query asks for one, and lets a long
sentence that mentions all words of a procedure's everyday phrase ("bán mảnh đất" mentions
"bán đất") count them extra. A sentence that says what happened and then what is asked
("mua nhà ở quận khác | muốn chuyển khẩu về") is read for the request: the words before the
marker ("muốn", "cần", "đòi", "need to", a yes-no question's "có", …) count half, unless
the request is only in words most procedures hold ("cần ký giấy ở xã"), where the first
reading stands; without a marker the last clause after a comma is read as the request.

A real word typed for another ("tạm chú", "kết hông", "gia hàng") is read as the near word
its typed neighbours stand beside in a name, everyday phrase or synonym; near means one slip
or one regional sound-alike spelling (`kiosk.folding.sound_alikes`). A slip in an
abbreviation finds it when only one is a letter away ("glx" → GPLX). A string of consonants
the synonym data does not know ("ĐKKT", "DNTN") is read as the initials of words that stand
together in a procedure's name, everyday phrase or synonym ("đăng ký khai tử"): Vietnamese
short forms are made that way, and no syllable lacks a vowel. A stated age ("con 15 tuổi")
sets aside the procedure for other ages (`kiosk.catalogue.ages`).

Everything is precomputed when the index is built (an inverted index of folded words weighted
by where they occur, kept as numpy arrays; a sorted vocabulary for prefixes; a deletion table
for typos), so a keystroke costs a few look-ups and array operations per word: well under 5 ms
over 2,000+ procedures.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import snowballstemmer

from kiosk.catalogue.ages import age_range, stated_age
from kiosk.catalogue.model import Procedure, ProcedureField
from kiosk.catalogue.query_words import (
    ACCENTS_NEEDED,
    FILLER_WORDS,
    FIRST_TIME,
    HOW_LONG,
    QUESTION_ENDS,
    QUESTION_OPENERS,
    REQUEST_MARKERS,
    VARIANT_CUES,
)
from kiosk.catalogue.synonyms import SynonymTable
from kiosk.folding import fold, marked_tokens, sound_alikes, tokens, without_input_keys

# Where a word occurs says how much it tells about the procedure.
NAME_WEIGHT = 3.0
KEYWORD_WEIGHT = 2.5
RESULT_WEIGHT = 1.2
FIELD_WEIGHT = 1.0

EXACT, STEM, SPLIT, PREFIX, TYPO1, TYPO2 = 1.0, 0.9, 0.9, 0.75, 0.6, 0.4
FIRST_LETTER_SLIP = 0.95
# A spelling that sounds the same in some region ("tam chu" for "tạm trú", "ket hong" for "kết
# hôn") is a likelier meaning than any one-letter slip…
SOUND_ALIKE = 0.65
# …and a word that, unlike the word as typed, stands beside its typed neighbour in some
# procedure's name is likelier still: the neighbour attests it ("gia hang" → "gia hạn").
CONTEXT_FIX = 0.8
SYNONYM_BOOST = 1.05
# A query that mentions every word of one of a procedure's everyday phrases counts each such
# word half again towards coverage: in a long sentence ("bán mảnh đất cho người khác cần ký
# giấy ở xã") the words that belong together outweigh stray matches of common words.
PHRASE_COVERAGE = 0.5
# …up to three words: a long phrase (a synonym rewritten into a whole official name) must not
# outweigh everything else the citizen typed.
PHRASE_WORDS_MAX = 3
# In a sentence that says what happened and then what is asked ("mua nhà ở quận khác muốn
# chuyển khẩu về"), a word of what happened counts this much of a word of the request.
CONTEXT_WEIGHT = 0.5
# …when the request holds a word at most this share of the procedures hold.
SPECIFIC_SHARE = 0.125
# Two typed words that stand side by side in some name or phrase ("khai sinh") mean that
# compound: a procedure that holds them only apart ("khai báo", "sinh viên") counts half a word
# fewer found.
SPLIT_PAIR = 0.5
MAX_PREFIX_WORDS = 64
STEM_CACHE = 20_000
TERM_CACHE = 256
# Coverage (share of the typed words found) ranks first, the score second: one sort key.
_COVERAGE_RANK = 1e6

# Portal names often begin "Thủ tục …"; the words carry nothing.
_NAME_PREFIX = ("thu", "tuc")
VARIANT_PENALTY = 1.5
_CODE_QUERY = re.compile(r"^\d\.\d*[0-9A-Za-z.]*$")
# Initials are read for short forms of three to five letters, none of them a vowel but for a
# y that begins a word ("YTNN": yếu tố nước ngoài); "try" or "why" end in theirs. Two such
# letters ("NN") are read only as the rest of a run the word before them begins ("người NN").
_INITIALS = re.compile(r"^(?=.{3,5}$)[b-df-hj-np-tv-z]*[b-df-hj-np-tv-xz]$")
_WORD = re.compile(r"\w+")
# The last comma, semicolon or full stop with a word after it.
_CLAUSE_END = re.compile(r"[,;.!?](?=[^,;.!?]*\w[^,;.!?]*$)")
# Without a marker, the last clause is read as the request ("vay ngân hàng, | ngân hàng đòi
# giấy xác nhận đang ở đâu"), the clauses before it counting this much: a comma says less
# surely than "muốn" where the request begins.
CLAUSE_WEIGHT = 0.6
_TWO_INITIALS = re.compile(r"^[b-df-hj-np-tv-xz]{2}$")


@dataclass(frozen=True)
class SearchHit:
    procedure: Procedure
    score: float
    coverage: float


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _allowed_typos(word: str) -> int:
    if len(word) < 3:
        return 0
    return 1 if len(word) < 7 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of two letters counts once), or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _add(
    postings: dict[str, dict[int, float]], doc: int, words: Iterable[str], weight: float
) -> None:
    """Index the words with their weight, keeping a word's best weight per document."""
    for word in words:
        posting = postings.setdefault(word, {})
        if posting.get(doc, 0.0) < weight:
            posting[doc] = weight


def _runs(words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The runs of three to five words side by side, which initials ("dkkt") may stand for."""
    return tuple(
        tuple(words[start : start + length])
        for length in range(3, 6)
        for start in range(len(words) - length + 1)
    )


def _without_how_long(typed: list[str], clause: int) -> tuple[list[str], int]:
    """The words without the questions of how long or how much (`HOW_LONG`), and where the
    last clause now begins."""
    kept: list[str] = []
    position = 0
    new_clause = clause
    while position < len(typed):
        phrase = next((p for p in HOW_LONG if tuple(typed[position : position + len(p)]) == p), ())
        if phrase:
            if position < clause:
                new_clause -= len(phrase)
            position += len(phrase)
        else:
            kept.append(typed[position])
            position += 1
    return kept, max(new_clause, 0)


class SearchIndex:
    def __init__(
        self,
        procedures: Sequence[Procedure],
        fields: Iterable[ProcedureField],
        synonyms: SynonymTable,
    ) -> None:
        self.procedures = list(procedures)
        self.synonyms = synonyms
        field_names = {f.id: f.name.vi + " " + f.name.en for f in fields}
        postings: dict[str, dict[int, float]] = {}
        english: set[str] = set()
        self._codes: dict[str, int] = {}
        # Bonuses known before any query: short names, and which names hold which word pairs
        # side by side or start with which word.
        short_name: list[float] = []
        ages: list[tuple[float, float]] = []
        pairs: dict[tuple[str, str], list[int]] = {}
        held_pairs: dict[tuple[str, str], set[int]] = {}
        starts: dict[str, list[int]] = {}
        variants: dict[str, list[int]] = {}
        phrases: list[tuple[tuple[str, ...], int]] = []
        # Word pairs that stand side by side in a name, an everyday phrase or a synonym: what
        # a typed neighbour can attest (`_misheard`).
        attested: set[tuple[str, str]] = {
            p for phrase in synonyms.phrases for p in pairwise(phrase)
        }
        folded: dict[str, tuple[str, ...]] = {}  # texts repeat across procedures: fold once
        # Runs of words ("dang ky khai tu") with how many procedures hold each: what a short
        # form nobody listed can stand for. A synonym's runs count none, but are known; a run
        # that is a whole name, everyday phrase or synonym is what initials are made from.
        run_counts: Counter[tuple[str, ...]] = Counter(
            dict.fromkeys((run for phrase in synonyms.phrases for run in _runs(phrase)), 0)
        )
        whole: set[tuple[str, ...]] = set(synonyms.phrases)
        runs_of: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}

        def words_of(text: str) -> tuple[str, ...]:
            found = folded.get(text)
            if found is None:
                found = folded[text] = tuple(tokens(text))
            return found

        for doc, procedure in enumerate(self.procedures):
            name = words_of(procedure.name)
            if name[:2] == _NAME_PREFIX:
                name = name[2:]
            name_en = words_of(procedure.name_en)
            vietnamese = [words_of(keyword) for keyword in procedure.keywords]
            english_words = [words_of(keyword) for keyword in procedure.keywords_en]
            short_name.append(2.0 / len(name) if name else 0.0)
            served = age_range(name) or age_range(name_en)
            ages.append((served.low, served.high) if served else (math.nan, math.nan))
            for pair in set(pairwise(name)):
                pairs.setdefault(pair, []).append(doc)
            if name:
                starts.setdefault(name[0], []).append(doc)
            for word in VARIANT_CUES.keys() & {*name, *name_en}:
                variants.setdefault(word, []).append(doc)
            self._codes[procedure.code.lower()] = doc
            _add(postings, doc, name, NAME_WEIGHT)
            _add(postings, doc, name_en, NAME_WEIGHT)
            english.update(name_en)
            for keyword in (*vietnamese, *english_words):
                _add(postings, doc, keyword, KEYWORD_WEIGHT)
            for keyword in english_words:
                english.update(keyword)
            for text in (*vietnamese, *english_words, name_en, name):
                attested.update(pairwise(text))
                for pair in pairwise(text):
                    held_pairs.setdefault(pair, set()).add(doc)
                unique = tuple(dict.fromkeys(text))
                if len(unique) >= 2:
                    phrases.append((unique, doc))
            held: set[tuple[str, ...]] = set()
            whole.update((name, *vietnamese))
            for text in (name, *vietnamese):
                found = runs_of.get(text)
                if found is None:
                    found = runs_of[text] = _runs(text)
                held.update(found)
            run_counts.update(held)
            for result in procedure.results:
                _add(postings, doc, words_of(result), RESULT_WEIGHT)
            _add(postings, doc, words_of(field_names.get(procedure.field, "")), FIELD_WEIGHT)
        count = max(len(self.procedures), 1)
        self._idf = {w: math.log(1 + count / len(p)) for w, p in postings.items()}
        self._vocabulary = sorted(postings)
        self._typo_table: dict[str, set[str]] = {}
        for word in self._vocabulary:
            if _allowed_typos(word):
                for variant in _deletes(word) | {word}:
                    self._typo_table.setdefault(variant, set()).add(word)
        self._frequency = {w: len(p) for w, p in postings.items()}
        # Each everyday phrase, filed under its rarest word: a query that mentions all its words
        # ("bán mảnh đất" mentions "bán đất") says which procedure it is about.
        docs_by_phrase: dict[frozenset[str], set[int]] = {}
        for words, doc in phrases:
            docs_by_phrase.setdefault(frozenset(words), set()).add(doc)
        self._phrases: dict[str, list[tuple[frozenset[str], np.ndarray]]] = {}
        for words, docs in docs_by_phrase.items():
            rarest = min(words, key=lambda w: (self._frequency[w], w))
            self._phrases.setdefault(rarest, []).append((words, np.array(sorted(docs), np.int32)))
        # English words by stem, so "married" finds "marry" and "died" finds "dies".
        self._stemmer = snowballstemmer.stemmer("english")
        self._by_stem: dict[str, list[str]] = {}
        self._stems: dict[str, str] = {}
        self._term_cache: dict[tuple[tuple[str, float], ...], np.ndarray] = {}
        self._typo_cache: dict[str, dict[str, float]] = {}
        for word in sorted(english):
            self._by_stem.setdefault(self._stem(word), []).append(word)
        self._docs = {w: np.fromiter(p.keys(), np.int32, len(p)) for w, p in postings.items()}
        self._weights = {
            w: np.fromiter(p.values(), np.float64, len(p)) for w, p in postings.items()
        }
        self._short_name = np.array(short_name, np.float64)
        self._age_low, self._age_high = np.array(ages, np.float64).reshape(-1, 2).T
        self._pairs = {pair: np.array(docs, np.int32) for pair, docs in pairs.items()}
        self._held_pairs = {
            pair: np.array(sorted(docs), np.int32) for pair, docs in held_pairs.items()
        }
        self._attested = frozenset(attested)
        self._short_form_slips: dict[str, set[str]] = {}
        for short in synonyms.short_forms:
            for variant in _deletes(short) | {short}:
                self._short_form_slips.setdefault(variant, set()).add(short)
        self._starts = {word: np.array(docs, np.int32) for word, docs in starts.items()}
        # Request markers (as written, folded) by their first folded word; a yes-no question's
        # openers apart, tried first.
        self._request_markers: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        self._question_openers: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for markers, table in (
            (QUESTION_OPENERS, self._question_openers),
            (REQUEST_MARKERS, self._request_markers),
        ):
            for marker in markers:
                folded = tuple(tokens(" ".join(marker)))
                table.setdefault(folded[0], []).append((marker, folded))
        # Of several runs with the same initials, a whole one first, then the one the most
        # procedures hold.
        self._initials: dict[str, tuple[str, ...]] = {}
        ranked = sorted(run_counts.items(), key=lambda item: (item[0] not in whole, -item[1]))
        for run, _ in ranked:
            self._initials.setdefault("".join(word[0] for word in run), run)
        # Which procedures each variant marker marks, one row per marker: the penalty for the
        # variants a query does not ask for is one product, not a loop over markers.
        self._variant_markers = sorted(variants)
        self._variant_rows = np.zeros((len(self._variant_markers), len(self.procedures)))
        for row, marker in enumerate(self._variant_markers):
            self._variant_rows[row, variants[marker]] = 1.0

    # -- turning typed words into indexed words -------------------------------------------

    def _stem(self, word: str) -> str:
        """The English stem, remembered: the stemmer is slow next to a keystroke's budget."""
        stem = self._stems.get(word)
        if stem is None:
            if len(self._stems) > STEM_CACHE:
                self._stems.clear()
            stem = self._stems[word] = self._stemmer.stemWord(word)
        return stem

    def _as_meant(self, word: str) -> tuple[str, ...]:
        """A word typed with Telex or VNI keys left in ("soor", "ca8n") as it reads without
        them, when that is a word the catalogue or the synonym table knows; a short form
        nobody listed as the words its initials stand for ("dkkt" → "dang ky khai tu")."""
        if word in self._frequency or word in self.synonyms.words:
            return (word,)
        plain = without_input_keys(word)
        if plain != word and (plain in self._frequency or plain in self.synonyms.words):
            return (plain,)
        if _INITIALS.match(plain) and plain in self._initials:
            return self._initials[plain]
        return (self._short_form_slip(plain) or word,)

    def _begins_a_word(self, stem: str) -> bool:
        """Whether some indexed word other than the stem itself begins with it."""
        start = bisect_left(self._vocabulary, stem)
        if start < len(self._vocabulary) and self._vocabulary[start] == stem:
            start += 1
        return start < len(self._vocabulary) and self._vocabulary[start].startswith(stem)

    def _after(self, before: str, word: str) -> tuple[str, ...]:
        """A word as meant (`_as_meant`), two consonants after a word as the rest of the run
        of words that word begins with those initials ("nguoi nn" → "nguoi nuoc ngoai")."""
        if _TWO_INITIALS.match(word) and word not in self._frequency:
            run = self._initials.get(before[0] + word, ())
            if run and run[0] == before:
                return run[1:]
        return self._as_meant(word)

    def _short_form_slip(self, word: str) -> str | None:
        """The one abbreviation a slip of a letter away ("glx", "bhh", "noxxh", "dkhk"), if
        exactly one is; short forms have no vowels to make a typo table's guess safe."""
        if len(word) < 3:
            return None
        if word.endswith("i"):
            word = word[:-1] + "y"  # tokens spelled a final y as i: "bhty" came as "bhti"
        near = set().union(*(self._short_form_slips.get(v, ()) for v in _deletes(word) | {word}))
        near = {
            short
            for short in near
            if max(len(short), len(word)) >= 4 and edit_distance(word, short, 1) <= 1
        }
        return near.pop() if len(near) == 1 else None

    def _split(self, word: str, depth: int = 0) -> list[str] | None:
        """ "khaisinh" → ["khai", "sinh"]: words run together, longest known word first."""
        if word in self._frequency:
            return [word]
        if depth >= 4:
            return None
        for cut in range(len(word) - 1, 0, -1):
            head = tokens(word[:cut])
            if head and head[0] in self._frequency:
                tail = self._split(tokens(word[cut:])[0], depth + 1)
                if tail:
                    return [head[0], *tail]
        return None

    def _typos(self, word: str) -> dict[str, float]:
        found = self._typo_cache.get(word)
        if found is None:
            if len(self._typo_cache) >= TERM_CACHE:
                self._typo_cache.clear()
            found = self._typo_cache[word] = self._typos_uncached(word)
        return found

    def _typos_uncached(self, word: str) -> dict[str, float]:
        limit = _allowed_typos(word)
        if not limit:
            return {}
        candidates: set[str] = set()
        for variant in _deletes(word) | {word}:
            candidates |= self._typo_table.get(variant, set())
            if len(variant) == 2 and variant in self._frequency:
                candidates.add(variant)  # a letter too many on a short word: "tuu" for "tử"
        found = {}
        for candidate in candidates:
            distance = edit_distance(word, candidate, limit)
            if 0 < distance <= limit:
                found[candidate] = TYPO1 if distance == 1 else TYPO2
        return found

    def _prefixes(self, stem: str) -> dict[str, float]:
        """Words the citizen may be typing; the shorter the stem, the fewer (most common) words
        are tried, so a first keystroke costs no more than a whole word."""
        start = bisect_left(self._vocabulary, stem)
        end = bisect_left(self._vocabulary, stem + "\x7f", start)
        words = [w for w in self._vocabulary[start:end] if w != stem]
        room = MAX_PREFIX_WORDS if len(stem) >= 3 else MAX_PREFIX_WORDS // (4 - len(stem)) // 2
        if len(words) > room:
            words = heapq.nlargest(room, words, key=lambda w: self._frequency[w])
        return dict.fromkeys(words, PREFIX)

    def _beside(self, word: str, before: str, after: str) -> int:
        """On how many sides (0–2) a name, everyday phrase or synonym holds the word beside
        its typed neighbour: right after `before`, right before `after`."""
        return ((before, word) in self._attested) + ((word, after) in self._attested)

    def _best_attested(self, words: Iterable[str], before: str, after: str) -> list[str]:
        """Of near words, those the neighbours attest most ("dang ky kai sinh": "khai" sits
        beside both "ky" and "sinh", "lai" beside "ky" only)."""
        sides = {w: self._beside(w, before, after) for w in words}
        most = max(sides.values(), default=0)
        return sorted(w for w, n in sides.items() if n == most) if most else []

    def _misheard(self, word: str, before: str, after: str) -> dict[str, float]:
        """Words a typed word may stand for that its neighbours attest: a real word typed for
        another ("tam chu", "ket hong", "gia hang") matches exactly yet fits no name beside
        its neighbours, where a slip or a sound-alike of it does."""
        if not (before or after) or word in FILLER_WORDS or self._beside(word, before, after):
            return {}
        near = self._typos(word).keys() | (sound_alikes(word) & self._frequency.keys())
        return dict.fromkeys(self._best_attested(near, before, after), CONTEXT_FIX)

    def _candidates(
        self, word: str, last: bool, before: str = "", after: str = ""
    ) -> list[dict[str, float]]:
        """The indexed words a typed word may stand for, each with how sure we are; a word
        run together from several becomes several terms. The typed neighbours (`before`,
        `after`) say which of several near words is meant."""
        siblings = dict.fromkeys(self._by_stem.get(self._stem(word), []), STEM)
        if word in self._frequency:
            matches = {**siblings, word: EXACT}
            if last:
                matches.update(self._prefixes(word))
            for meant, quality in self._misheard(word, before, after).items():
                matches.setdefault(meant, quality)
            return [matches]
        matches = {**(self._prefixes(word) if last else {}), **siblings}
        typos = self._typos(word)
        if word in FILLER_WORDS:
            # A filler word is a real word typed as meant ("hai đứa" is not "lại") unless its
            # neighbours attest a near word ("đăng ký hai sinh" is "khai").
            attested = self._best_attested(typos, before, after)
            typos = {w: q for w, q in typos.items() if w in attested}
        if typos and not siblings:
            # Of several words one typo away, the common one is the likelier meant.
            most = max(self._frequency[w] for w in typos)
            # A slip seldom falls on the first letter: "kai" is "khai" before it is "lai".
            for candidate, quality in typos.items():
                share = self._frequency[candidate] / most
                first = 1.0 if candidate[0] == word[0] else FIRST_LETTER_SLIP
                matches.setdefault(candidate, quality * (0.85 + 0.15 * share) * first)
        if not siblings:
            for alike in sorted(sound_alikes(word) & self._frequency.keys()):
                matches[alike] = max(matches.get(alike, 0.0), SOUND_ALIKE)
            for meant in self._best_attested(list(matches), before, after):
                matches[meant] = max(matches[meant], CONTEXT_FIX)
        if matches:
            return [matches]
        parts = self._split(word) if len(word) >= 4 else None
        if parts:
            return [{part: SPLIT} for part in parts]
        return [{}]

    def _term_idf(self, matches: dict[str, float]) -> float:
        """How telling a typed word is: the idf of what it most likely means, so a prefix or
        typo that happens to fit a rare word does not outweigh an exact common one."""
        return self._idf[self._likeliest(matches)]

    def _likeliest(self, matches: dict[str, float]) -> str:
        """The word a typed word most likely means: the surest, then the most common."""
        return min(matches, key=lambda w: (-matches[w], -self._frequency[w], w))

    # -- scoring ---------------------------------------------------------------------------

    def _term_scores(self, matches: dict[str, float]) -> np.ndarray:
        """Per document, what one typed word is worth there. Remembered: while a citizen
        types, every word but the last is the same as at the keystroke before."""
        key = tuple(matches.items())
        best = self._term_cache.get(key)
        if best is None:
            idf = self._term_idf(matches)
            best = np.zeros(len(self.procedures))
            for word, quality in matches.items():
                docs = self._docs[word]
                best[docs] = np.maximum(best[docs], self._weights[word] * (quality * idf))
            if len(self._term_cache) >= TERM_CACHE:
                self._term_cache.clear()
            self._term_cache[key] = best
        return best

    def _expand(
        self, terms: Sequence[str], typing: bool, fillers: frozenset[str] = frozenset()
    ) -> list[tuple[dict[str, float], bool]]:
        # A filler word a name or phrase holds before a typed word that is no filler is that
        # other word folded alike: "the bao hiem" is "thẻ bảo hiểm", "the can cuoc" is "thẻ
        # căn cước", not "the" and "cần". Read from the end, so a run of them counts.
        said = [False] * len(terms)
        for position in range(len(terms) - 1, -1, -1):
            word = terms[position]
            said[position] = word not in FILLER_WORDS or (
                position + 1 < len(terms)
                and said[position + 1]
                and (word, terms[position + 1]) in self._attested
            )
        expanded = []
        for position, word in enumerate(terms):
            last = typing and position == len(terms) - 1
            # Filler words ("cho", "của") stand beside anything: they attest nothing.
            before = terms[position - 1] if position else ""
            after = terms[position + 1] if position + 1 < len(terms) else ""
            before, after = ("" if w in FILLER_WORDS else w for w in (before, after))
            for matches in self._candidates(word, last, before, after):
                expanded.append((matches, not said[position] or word in fillers))
        return expanded

    def _score(
        self,
        expanded: list[tuple[dict[str, float], bool]],
        boost: float,
        age: float | None,
        context: int = 0,
        context_weight: float = CONTEXT_WEIGHT,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per document: the share of required words found, the rank key (coverage with the
        phrases it mentions first, then score; -1 for documents matching no word) and the
        score. A procedure for other ages than the one stated counts a word fewer found.
        The first `context` terms say what happened before the request: their words, and
        the phrases that need them, count `CONTEXT_WEIGHT` of a word of the request."""
        count = len(self.procedures)
        weights = [
            0.0 if filler else context_weight if position < context else 1.0
            for position, (_, filler) in enumerate(expanded)
        ]
        required = sum(weights)
        # A query that states an age and nothing else ("con tôi 14 tuổi") asks what that age
        # can do: the age is the one thing asked.
        age_only = not required and age is not None
        required = required or 1
        totals = np.zeros(count)
        matched = np.zeros(count)
        resolved: list[str] = []
        content: list[str] = []  # what was asked for, without the filler words around it
        # The words the neighbours attest count as said, beside the likeliest reading; the
        # request's words apart from the context's.
        mentioned: set[str] = set()
        requested: set[str] = set()
        previous: tuple[str, float, np.ndarray] | None = None
        for position, ((matches, filler), weight) in enumerate(zip(expanded, weights, strict=True)):
            if not matches:
                previous = None
                continue
            resolved.append(self._likeliest(matches))
            said = {resolved[-1], *(w for w, q in matches.items() if q == CONTEXT_FIX)}
            mentioned |= said
            if position >= context:
                requested |= said
            if not filler:
                content.append(resolved[-1])
            best = self._term_scores(matches)
            totals += best
            if weight:
                hit = best > 0
                matched += hit if weight == 1.0 else weight * hit
                word = resolved[-1]
                if previous is not None and (previous[0], word) in self._attested:
                    apart = previous[2] & hit
                    apart[self._held_pairs.get((previous[0], word), [])] = False
                    matched -= SPLIT_PAIR * min(weight, previous[1]) * apart
                previous = (word, weight, hit)
            else:
                previous = None
        # Names holding the meant words side by side, or starting with the first, rank higher.
        bonus = self._short_name.copy()
        for pair in pairwise(content):
            if pair in self._pairs:
                bonus[self._pairs[pair]] += 0.6
        if content and content[0] in self._starts:
            bonus[self._starts[content[0]]] += 0.4
        # A stated age contradicts the procedures for other ages (one word fewer found, no
        # phrase counted) and, below some procedure's bound, asks for the "under N" one as
        # the word "dưới" would.
        contradicted = np.zeros(count, bool)
        if age is not None:
            bounded = ~np.isnan(self._age_low)
            fits = (self._age_low <= age) & (age < self._age_high)
            contradicted = bounded & ~fits
            matched -= contradicted
            if age_only:
                matched += bounded & fits
                totals[bounded & fits] += 1.0
            if np.any(fits & (self._age_high < math.inf)):
                mentioned.add("under")
                requested.add("under")
        unasked = [mentioned.isdisjoint(VARIANT_CUES[m]) for m in self._variant_markers]
        bonus -= VARIANT_PENALTY * (np.array(unasked, np.float64) @ self._variant_rows)
        phrase_words = np.zeros(count)
        for word in mentioned:
            for words, docs in self._phrases.get(word, ()):
                if words <= mentioned:
                    weight = 1.0 if words <= requested else context_weight
                    phrase_words[docs] = np.maximum(phrase_words[docs], weight * min(len(words), 4))
        phrase_words[contradicted] = 0
        coverage = matched / required
        rank = (matched + PHRASE_COVERAGE * phrase_words) / required
        score = (totals / len(expanded) + bonus) * boost
        key = np.where(totals > 0, rank * _COVERAGE_RANK + score, -1.0)
        return coverage, key, score

    def _request_start(self, terms: Sequence[str], typed: frozenset[str]) -> int:
        """Where the request begins in a sentence that first says what happened ("mua nhà ở
        quận khác | muốn chuyển khẩu về"): after the first request marker, among the words
        as `typed`, with a word that is not a filler on each side; 0 when there is none. A
        marker word a name or phrase holds before the next word is that word ("the can cuoc"
        is "thẻ căn cước", not "cần"; "có yếu tố nước ngoài" is no question's "có")."""
        question = bool(terms) and terms[-1] in QUESTION_ENDS
        for start in range(1, len(terms) - 1):
            markers = self._request_markers.get(terms[start], [])
            if question:
                markers = self._question_openers.get(terms[start], []) + markers
            for marker, folded in markers:
                end = start + len(folded)
                if (
                    tuple(terms[start:end]) == folded
                    and end < len(terms)
                    and all(
                        word in typed or (word not in ACCENTS_NEEDED and fold(word) in typed)
                        for word in marker
                    )
                    and not self._beside(folded[-1], "", terms[end])
                    and not FILLER_WORDS.issuperset(terms[:start])
                    and not FILLER_WORDS.issuperset(terms[end:])
                ):
                    return end
        return 0

    def _names_something(self, expanded: list[tuple[dict[str, float], bool]]) -> bool:
        """Whether a request holds a word or a pair of words side by side that few
        procedures hold ("tách", "thường trú", "khai sinh"), which says what is asked, rather
        than only common ones ("ký giấy ở xã"), which leave it to the context to say."""
        room = len(self.procedures) * SPECIFIC_SHARE
        said = [
            self._likeliest(matches) if matches and not filler else ""
            for matches, filler in expanded
        ]
        return any(word and self._frequency[word] <= room for word in said) or any(
            len(self._held_pairs.get(pair, ())) <= room
            for pair in pairwise(said)
            if all(pair) and pair in self._held_pairs
        )

    def _reading(
        self,
        terms: Sequence[str],
        last_clause: int,
        typing: bool,
        not_required: frozenset[str],
        typed: frozenset[str],
    ) -> tuple[list[tuple[dict[str, float], bool]], int, float]:
        """The terms expanded, how many of them say what happened before the request, and
        what a word of those counts: after a request marker ("muốn", "cần", …) or, without
        one, in the clauses before the last, if the request names something."""
        request, weight = self._request_start(terms, typed), CONTEXT_WEIGHT
        if not request and last_clause and not FILLER_WORDS.issuperset(terms[:last_clause]):
            request, weight = last_clause, CLAUSE_WEIGHT
        if request:
            asked = self._expand(terms[request:], typing, not_required)
            if self._names_something(asked):
                context = self._expand(terms[:request], False, not_required)
                return context + asked, len(context), weight
        return self._expand(terms, typing, not_required), 0, 1.0

    @staticmethod
    def _last_clause(query: str) -> int:
        """How many words stand before the last clause ("vay ngân hàng, | ngân hàng đòi giấy
        xác nhận đang ở đâu"), 0 for a query of one clause."""
        found = _CLAUSE_END.search(query)
        return len(tokens(query[: found.start()])) if found else 0

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Best matches first. A query still being typed (no trailing space) treats its last
        word as a prefix."""
        stripped = query.strip()
        if not stripped:
            return []
        if _CODE_QUERY.match(stripped):
            code = stripped.lower()
            hits = [
                SearchHit(self.procedures[d], 10.0, 1.0)
                for c, d in self._codes.items()
                if c.startswith(code)
            ]
            if hits:
                return sorted(hits, key=lambda h: h.procedure.code)[:limit]
        typing = not query.endswith((" ", "\t"))
        typed: list[str] = []
        # With the marks each word was typed with, so an everyday phrase is not read into a
        # word typed with other marks ("mắt kém" is no "mất", `SynonymTable.rewrite`).
        words = marked_tokens(query)
        clause_words = self._last_clause(query)
        clause = 0
        for position, word in enumerate(words):
            if position == clause_words:
                clause = len(typed)
            if typing and position == len(words) - 1 and self._begins_a_word(word):
                typed.append(word)  # still being typed: "kh" is "khai" before it is initials
            else:
                typed.extend(self._after(typed[-1], word) if typed else self._as_meant(word))
        typed, clause = _without_how_long(typed, clause)
        stated = stated_age(typed)
        age = stated.age if stated else None
        # The words that state the age are read as the age, and "lần đầu" as asking for the
        # common procedure: they may match, like fillers, but no procedure needs to hold them.
        not_required = frozenset(typed[i] for i in stated.positions) if stated else frozenset()
        not_required |= {
            word
            for phrase in FIRST_TIME
            if any(tuple(typed[i : i + len(phrase)]) == phrase for i in range(len(typed)))
            for word in phrase
        }
        as_typed = frozenset(_WORD.findall(unicodedata.normalize("NFC", query.lower())))
        alternatives = [(tuple(typed), 1.0, clause)]
        if clause:
            # No everyday phrase runs across the clauses' boundary.
            head = self.synonyms.rewrite(typed[:clause])
            tail = self.synonyms.rewrite(typed[clause:], typing)
            if head.replaced or tail.replaced:
                alternatives.append((head.terms + tail.terms, SYNONYM_BOOST, len(head.terms)))
        else:
            rewrite = self.synonyms.rewrite(typed, typing)
            if rewrite.replaced:
                alternatives.append((rewrite.terms, SYNONYM_BOOST, 0))
        coverage = np.zeros(len(self.procedures))
        key = np.full(len(self.procedures), -1.0)
        score = np.zeros(len(self.procedures))
        for terms, boost, last_clause in alternatives:
            expanded, context, weight = self._reading(
                terms, last_clause, typing, not_required, as_typed
            )
            found, ranked, scored = self._score(expanded, boost, age, context, weight)
            better = ranked > key
            key = np.where(better, ranked, key)
            coverage = np.where(better, found, coverage)
            score = np.where(better, scored, score)
        candidates = np.flatnonzero(coverage > 0)
        if len(candidates) > limit:
            candidates = candidates[np.argpartition(-key[candidates], limit)[:limit]]
        ordered = candidates[np.argsort(-key[candidates], kind="stable")]
        return [
            SearchHit(self.procedures[doc], float(score[doc]), float(coverage[doc]))
            for doc in ordered
        ]
