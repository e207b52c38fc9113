"""The extraction pipeline: document → sentences → mentions → frames → events."""

from __future__ import annotations

from armsflow.events import Assembler, find_sources
from armsflow.frames import build_frames
from armsflow.lexicons import lexicon
from armsflow.mentions import EVENT_CUES, find_mentions
from armsflow.model import LANGUAGES, Document, DocumentResult, Event
from armsflow.text.lang import detect_language
from armsflow.text.segment import sentences


class UnsupportedLanguage(ValueError):
    """The text is in a language armsflow does not read (yet)."""


def extract(text: str, lang: str | None = None, doc_id: str | None = None) -> list[Event]:
    """Events stated in ``text`` (German or English), each with its evidence.

    ``lang`` is detected when not given; an unsupported language raises
    :class:`UnsupportedLanguage` rather than producing misread events.
    """
    return extract_document(Document(id=doc_id or "", text=text, lang=lang)).events


def extract_document(doc: Document) -> DocumentResult:
    lang = doc.lang or detect_language(doc.text)
    if lang not in LANGUAGES:
        raise UnsupportedLanguage(f"language {lang or 'unknown'!r} is not supported (de, en)")
    lex = lexicon(lang)
    assembler = Assembler(doc.text, lang)
    if doc.title:
        for title in sentences(doc.title, lang):
            assembler.add_title(find_mentions(title, lex))
    for index, sentence in enumerate(sentences(doc.text, lang)):
        mentions = find_mentions(sentence, lex)
        source, speaker_tokens = find_sources(sentence, mentions, lang)
        # A sentence without any cue of an event yields no frame: skip the clause analysis.
        eventful = any(c.kinds & EVENT_CUES for c in mentions.cues)
        story = bool(assembler.state.imposers)
        frames = build_frames(sentence.tokens, mentions, lang, speaker_tokens, story) if eventful else []
        assembler.add_sentence(index, sentence, mentions, frames, source, speaker_tokens)
    events = sorted(assembler.events.values(), key=lambda e: (e.start, e.type, e.key))
    return DocumentResult(doc.id, lang, events)
