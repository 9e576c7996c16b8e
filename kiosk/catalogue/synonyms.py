"""Everyday words and abbreviations → the catalogue's official words ("sổ đỏ" → "giấy chứng
nhận quyền sử dụng đất", "GPXD" → "giấy phép xây dựng"), read from
`config/catalogue/synonyms.json` so staff can add what citizens really say.

Phrases are compared folded (no diacritics, đ → d), so "so do" and "sổ đỏ" are one phrase;
but a word typed with diacritics reads a phrase only where its marks agree with how the phrase
writes it: "mắt kém" (weak eyes) holds no "mất" (died), "để con" no "đẻ con" (give birth).
An abbreviation must name its source (the law or form that gives the full term) and, in
`seen_at`, a public page where citizens or officials use the short form for that meaning: a
short form nobody writes is a guess that can send a citizen to the wrong procedure.

A phrase may name a concept in braces ("{người thân} {qua đời}"): the file lists the everyday
ways of saying each concept (bố, ba, tía, má, u, bầm…; mất, từ trần, tạ thế…) with where they
were seen, and the phrase stands for every combination. Between a phrase's words a query may
hold the words that do not change what it says (`GAP_WORDS`: "bố tôi vừa mất" is "bố mất").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kiosk.catalogue.loader import CatalogueError, CatalogueProblem
from kiosk.catalogue.query_words import GAP_WORDS
from kiosk.folding import Marked, accent_of, accents_agree, marked_tokens, tokens

_CONCEPT = re.compile(r"\{([^{}]+)\}")
# How many words that change nothing one phrase may step over ("mẹ của tôi vừa mới mất").
MAX_GAPS = 4
_MEANS = ""  # the key, in a node of the phrase tree, of what the words to that node mean
_CONCEPTS = "{"  # …and of the concepts that may follow, by name


class SynonymEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: list[str] = Field(min_length=1)
    means: str = Field(min_length=2)
    kind: Literal["everyday", "abbreviation"] = "everyday"
    source: str = ""
    seen_at: str = Field("", pattern=r"^(|[a-z0-9.-]+\.[a-z]{2,}(/\S*)?)$")

    @model_validator(mode="after")
    def _abbreviation_has_source(self) -> SynonymEntry:
        if self.kind == "abbreviation" and len(self.source) < 10:
            raise ValueError("an abbreviation needs its source")
        if self.kind == "abbreviation" and not self.seen_at:
            raise ValueError("an abbreviation needs seen_at: a public page that uses it")
        return self


class Concept(BaseModel):
    """The everyday ways of saying one thing ("qua đời": mất, từ trần, tạ thế, …)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str] = Field(min_length=2)
    source: str = Field(min_length=10)


class SynonymFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = Field(1, ge=1, le=1)
    concepts: dict[str, Concept] = {}
    entries: list[SynonymEntry]

    @model_validator(mode="after")
    def _concepts_are_known(self) -> SynonymFile:
        named = {name for e in self.entries for p in e.phrases for name in concepts_named(p)}
        unknown = sorted(named - self.concepts.keys())
        if unknown:
            raise ValueError(f"phrases name concepts the file does not list: {unknown}")
        return self


def concepts_named(phrase: str) -> list[str]:
    """The concepts a phrase names in braces ("{người thân} {qua đời}" → người thân, qua đời)."""
    return _CONCEPT.findall(phrase)


def _words_in(tree: dict) -> set[str]:
    """Every word in a concept's tree of words."""
    words: set[str] = set()
    for word, ways in tree.items():
        if word != _MEANS:
            words.add(word)
            for child in ways.values():
                words |= _words_in(child)
    return words


@dataclass(frozen=True)
class Rewrite:
    """A query with every everyday phrase it contains replaced by its official words."""

    terms: tuple[str, ...]
    replaced: bool


class PhraseTree:
    """Phrases of folded words and named concepts ("{người thân} {qua đời}"), each with what
    it means, as a tree walked word by word from a position of a query; a concept is one edge,
    read through the tree of its ways of saying it, so the combinations are never spelled out.
    Words that change nothing (`GAP_WORDS`) may stand between a phrase's words. The synonym
    table holds one; the finder builds its own over the same concepts (`SynonymTable.tree`)."""

    def __init__(self, concepts: Mapping[str, dict]) -> None:
        self._concepts = concepts
        self._root: dict = {}

    def add(self, phrase: str, meaning: object) -> tuple[str, ...]:
        """File the phrase (the first meaning given for it stays); its steps, empty for a
        phrase with no words. A concept the tree does not know is a ValueError."""
        steps = tuple(_steps(phrase))
        unknown = [s for s in steps if _CONCEPT.fullmatch(s) and s[1:-1] not in self._concepts]
        if unknown:
            raise ValueError(f"{phrase!r} names concepts nobody lists: {unknown}")
        if steps:
            node = self._root
            for step in steps:
                if _CONCEPT.fullmatch(step):
                    node = node.setdefault(_CONCEPTS, {}).setdefault(step[1:-1], {})
                else:
                    node = _step(node, step)
            node.setdefault(_MEANS, meaning)
        return steps

    def longest_at(self, terms: Sequence[str], start: int) -> tuple[int, object] | None:
        """The longest phrase that starts at terms[start]: (where it ends, its meaning)."""
        return self._walk(terms, start, self._root, 0)

    def meanings_in(self, terms: Sequence[str]) -> list[object]:
        """What the phrases found anywhere in the terms mean, in order, each once."""
        found = (self.longest_at(terms, start) for start in range(len(terms)))
        return list(dict.fromkeys(hit[1] for hit in found if hit))

    def _said(self, concept: str, terms: Sequence[str], at: int) -> list[int]:
        """Where each way of saying the concept that starts at terms[at] ends."""
        ends = []
        nodes = [self._concepts.get(concept, {})]
        for position in range(at, len(terms)):
            nodes = [child for node in nodes for child in _follow(node, terms[position])]
            if not nodes:
                break
            if any(_MEANS in node for node in nodes):
                ends.append(position + 1)
        return ends

    def _walk(
        self, terms: Sequence[str], at: int, node: dict, gaps: int
    ) -> tuple[int, object] | None:
        """The longest phrase whose next words start at terms[at] (the node is where its words
        so far led), stepping over words that change nothing between them: (its end,
        meaning). A phrase starts on a word of its own, never on a skipped one."""
        started = node is not self._root
        best = (at, node[_MEANS]) if started and _MEANS in node else None
        while at < len(terms):
            reached = [(at + 1, child) for child in _follow(node, terms[at])]
            for concept, after in node.get(_CONCEPTS, {}).items():
                reached += [(end, after) for end in self._said(concept, terms, at)]
            for end, after in reached:
                found = self._walk(terms, end, after, gaps)
                if found and (best is None or found[0] > best[0]):
                    best = found
            if not started or terms[at] not in GAP_WORDS or gaps >= MAX_GAPS:
                break
            gaps += 1
            at += 1
        return best


def _steps(phrase: str) -> list[str]:
    """A phrase as the edges of the tree: folded words (`Marked` where written with marks),
    and "{name}" for a concept."""
    steps: list[str] = []
    for position, part in enumerate(_CONCEPT.split(phrase)):
        if position % 2:
            steps.append("{" + part + "}")
        else:
            steps.extend(marked_tokens(part))
    return steps


def _step(node: dict, word: str) -> dict:
    """The child for a written word: under its folded form, one per way it is written with
    marks ("để lại" and "đẻ con" part at their first word)."""
    return node.setdefault(word, {}).setdefault(accent_of(word), {})


def _follow(node: dict, typed: str) -> list[dict]:
    """The children a typed word leads to: a word typed with marks only to those written
    with marks that agree ("mắt kém" is no "mất", "để" no "đẻ"), one typed without any to
    every way of writing it."""
    ways = node.get(typed, {})
    if not isinstance(typed, Marked):
        return list(ways.values())
    return [child for written, child in ways.items() if accents_agree(typed.accented, written)]


class SynonymTable:
    def __init__(
        self, entries: list[SynonymEntry], concepts: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        # Each concept as a tree of its ways of saying it ("qua đời" → mất | từ trần | …).
        self._concepts: dict[str, dict] = {}
        for name, words in (concepts or {}).items():
            concept: dict = {}
            for said in words:
                node = concept
                for word in marked_tokens(said):
                    node = _step(node, word)
                node[_MEANS] = ()
            self._concepts[name] = concept
        self.concept_names = frozenset(self._concepts)
        self._tree = self.tree()
        self._phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._count = 0
        for entry in entries:
            meaning = tuple(tokens(entry.means))
            for phrase in entry.phrases:
                steps = self._tree.add(phrase, meaning)
                if not steps:
                    continue
                self._count += 1
                if not _CONCEPT.search(phrase):
                    self._phrases.setdefault(steps, meaning)
        concept_words = {w for tree in self._concepts.values() for w in _words_in(tree)}
        self.words = frozenset(w for phrase in self._phrases for w in phrase) | concept_words
        # Abbreviations of one word ("gplx", "bhxh"): a slip in one is still that one.
        self.short_forms = frozenset(
            key[0]
            for entry in entries
            if entry.kind == "abbreviation"
            for key in map(tuple, map(tokens, entry.phrases))
            if len(key) == 1 and len(key[0]) >= 3
        )
        # The phrases as written, without concepts: the search reads short forms as the
        # initials of these.
        self.phrases = frozenset(self._phrases)
        # Phrases of two words or more by all their words but the last, for a phrase whose
        # last word is still being typed; in the file's order, so the first listed wins.
        self._by_head: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
        for phrase, meaning in self._phrases.items():
            if len(phrase) >= 2:
                self._by_head.setdefault(phrase[:-1], []).append((phrase[-1], meaning))

    def tree(self) -> PhraseTree:
        """An empty phrase tree over this table's concepts, for phrases of other meanings
        (the finder's life events): the ways of saying a thing are listed once."""
        return PhraseTree(self._concepts)

    def __len__(self) -> int:
        return self._count

    def _match_at(
        self, terms: list[str], start: int, typing: bool
    ) -> tuple[int, tuple[str, ...]] | None:
        found = self._tree.longest_at(terms, start)
        if found:
            end, meaning = found
            return end - start, meaning  # type: ignore[return-value]
        if typing and start < len(terms):
            # The citizen is still typing the phrase's last word: "lam so d" → "làm sổ đỏ".
            window = tuple(terms[start:])
            for last, meaning in self._by_head.get(window[:-1], ()) if len(window) >= 2 else ():
                if last.startswith(window[-1]):
                    return len(window), meaning
        return None

    def rewrite(self, terms: list[str], typing: bool = False) -> Rewrite:
        """Replace the longest phrases first, left to right; other words stay as typed. Where
        a phrase's last word begins a phrase that reaches further ("bố tôi mất | giấy tờ": "mất
        giấy tờ"), that word belongs to the later one: the words after it say what it means."""
        out: list[str] = []
        replaced = False
        index = 0
        while index < len(terms):
            hit = self._match_at(terms, index, typing)
            if hit and hit[0] > 1:
                last = index + hit[0] - 1
                later = self._match_at(terms, last, typing)
                if later and later[0] > 1:
                    out.extend(terms[index:last])
                    index, hit = last, later
            if hit:
                length, meaning = hit
                out.extend(meaning)
                index += length
                replaced = True
            else:
                out.append(terms[index])
                index += 1
        return Rewrite(tuple(out), replaced)


def load_synonyms(path: Path) -> SynonymTable:
    try:
        data = SynonymFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise CatalogueError([CatalogueProblem(str(path), None, "", "", "", str(exc))]) from exc
    except ValidationError as exc:
        raise CatalogueError(
            [
                CatalogueProblem(str(path), None, "", "", ".".join(map(str, e["loc"])), e["msg"])
                for e in exc.errors()
            ]
        ) from exc
    return SynonymTable(data.entries, {n: c.words for n, c in data.concepts.items()})
