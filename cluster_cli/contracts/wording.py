"""The contract's words that depend on its language and on the data.

An English contract (placements abroad, Lisa 7 12.7.1) prints English texts the data must give:
a catalogue task's `en:` block, a person's `role_en` (a foreign host's people may keep the
role their host writes: it is not an Estonian value), a guardian's coded relation (or
`relation_en`), the consent's `document_en`. A value without its English text is collected as an
`Untranslated` term — the contract is refused naming the record, the field and where it is,
never rendered as a mix of languages. An Estonian contract prints the values as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Words:
    """The values of one contract in its language; `missing` collects the untranslated terms
    (``data/tasks.yaml:22 tasks[1].en``)."""

    lang: str
    missing: list[str] = field(default_factory=list)

    @property
    def english(self) -> bool:
        return self.lang == "en"

    def _miss(self, record, path: tuple, name: str) -> None:
        origin = record.origin
        where = origin.path_text(path)
        term = f"{where}.{name}" if where else name
        line = origin.line_of(path) if origin.file else 0
        found = f"{origin.file}:{line} {term}" if origin.file else term
        if found not in self.missing:
            self.missing.append(found)

    def person(self, person, record, path: tuple, foreign: bool = False) -> dict | None:
        """A person of the contract (name, role, e-mail, phone), the role in the contract's
        language; `record` and `path` say where the person is written. A `foreign` host's
        person without `role_en` keeps the role as the host wrote it."""
        if person is None:
            return None
        role = person.role
        if self.english and person.role:
            role = person.role_en or (person.role if foreign else None)
            if not role:
                self._miss(record, path, "role_en")
        return {"name": person.name, "role": role, "email": person.email, "phone": person.phone}

    def task(self, entry) -> tuple[str, list[str], str | None]:
        """A catalogue task's title, expected results and description in the contract's language."""
        if not self.english:
            return entry.title, list(entry.expected_results), entry.description
        if entry.en is None:
            self._miss(entry, (), "en")
            return entry.title, list(entry.expected_results), entry.description
        return entry.en.title, list(entry.en.expected_results), entry.en.description

    def relation(self, guardian, student) -> str | None:
        """The guardian's relation: a coded word (ema/mother, isa/father, eestkostja/guardian)
        in the contract's language; free text as written, in English its `relation_en`."""
        from cluster_cli.i18n import t
        from cluster_cli.i18n.words import GUARDIAN_RELATION

        if not guardian.relation:
            return None
        code = relation_code(guardian.relation)
        if self.english and guardian.relation_en:
            return guardian.relation_en
        if code is not None:
            return t(GUARDIAN_RELATION[code], self.lang)
        if self.english:
            self._miss(student, ("guardian",), "relation_en")
        return guardian.relation

    def consent(self, consent, placement) -> str:
        """The consent document as the contract names it (in English its `document_en`)."""
        if self.english:
            if consent.document_en:
                return consent.document_en
            self._miss(placement, ("guardian_consent",), "document_en")
        return consent.document


def relation_code(text: str) -> str | None:
    """The code of a guardian's relation written as its code or its word in either language
    (any case), or None for free text."""
    from cluster_cli.i18n import t
    from cluster_cli.i18n.words import GUARDIAN_RELATION

    said = text.strip().casefold()
    for code, key in GUARDIAN_RELATION.items():
        if said in (code, t(key, "et").casefold(), t(key, "en").casefold()):
            return code
    return None


def course_at_start(course: int, start_year: str, as_of_year: str | None) -> int:
    """The student's course at the placement's start: the data's course is the one of the
    as-of study year, so a placement of an earlier (later) study year was (will be) in an
    earlier (later) course. Never below 1."""
    if as_of_year is None:
        return course
    return max(1, course + int(start_year[:4]) - int(as_of_year[:4]))


def document_line(student: Any) -> str | None:
    """A foreign student's identity document: ``passport FU482913 (UA)``."""
    doc = student.foreign_document
    if doc is None:
        return None
    return " ".join(x for x in (doc.kind, doc.number, f"({doc.country})") if x)
