"""The extraction pipeline: document → sentences → mentions → frames → events."""

from __future__ import annotations

from collections.abc import Callable

from armsflow.attribution import Voices, find_sources
from armsflow.confidence import score
from armsflow.events import Assembler
from armsflow.frame import Frame, reject
from armsflow.frames import build_frames
from armsflow.lexicons import lexicon
from armsflow.mentions import EVENT_CUES, Mentions, find_mentions, meets
from armsflow.model import LANGUAGES, Document, DocumentResult, Event
from armsflow.text.lang import detect_language
from armsflow.text.segment import Sentence, sentences

# Called after each sentence by ``armsflow explain``: index, sentence, mentions, frames, source and its rule.
Observer = Callable[[int, Sentence, Mentions, list[Frame], str | None, str], None]


class UnsupportedLanguage(ValueError):
    """The text is in a language armsflow does not read (yet)."""


def extract(text: str, lang: str | None = None, doc_id: str | None = None) -> list[Event]:
    """Events stated in ``text`` (German or English), each with its evidence.

    ``lang`` is detected when not given; an unsupported language raises
    :class:`UnsupportedLanguage` rather than producing misread events.
    """
    return extract_document(Document(id=doc_id or "", text=text, lang=lang)).events


def extract_document(doc: Document, observer: Observer | None = None) -> DocumentResult:
    """Events of one document; ``observer`` sees every sentence's analysis (for ``explain``)."""
    lang = doc.lang or detect_language(doc.text)
    if lang not in LANGUAGES:
        raise UnsupportedLanguage(f"language {lang or 'unknown'!r} is not supported (de, en)")
    lex = lexicon(lang)
    assembler = Assembler(doc.text, lang)
    voices = Voices()
    if doc.title:
        for title in sentences(doc.title, lang):
            title_mentions = find_mentions(title, lex)
            voices.learn(title.tokens, title_mentions, title=True)
            assembler.add_title(title_mentions)
    for index, sentence in enumerate(sentences(doc.text, lang)):
        mentions = find_mentions(sentence, lex)
        if lang == "en" and headline_line(sentence):
            # "Commerce Restricts Foreign-Made Components to Seven Iranian Entities …": a headline in title case
            # inside the text reads like the title; the body states its events
            voices.learn(sentence.tokens, mentions, title=True)
            assembler.add_title(mentions)
            reject("filter.en.headline-in-text", f"sentence {index}: a headline in title case")
            if observer is not None:
                observer(index, sentence, mentions, [], None, "")
            continue
        voices.learn(sentence.tokens, mentions)
        source, speaker_tokens, source_rule = find_sources(sentence, mentions, lang)
        answer_source = voices.bind(sentence.tokens, mentions, speaker_tokens)
        if source is None and answer_source is not None:
            source, source_rule = answer_source, "source.interviewee-answers"
        # A sentence without any cue of an event yields no frame: skip the clause analysis.
        eventful = any(meets(c.kinds, EVENT_CUES) for c in mentions.cues)
        story = bool(assembler.state.imposers)
        frames = build_frames(sentence.tokens, mentions, lang, speaker_tokens, story) if eventful else []
        assembler.add_sentence(index, sentence, mentions, frames, source, speaker_tokens, source_rule)
        if observer is not None:
            observer(index, sentence, mentions, frames, source, source_rule)
    events = sorted(assembler.events.values(), key=lambda e: (e.start, e.type, e.key))
    score(events, lang)
    return DocumentResult(doc.id, lang, events)


def headline_line(sentence: Sentence) -> bool:
    """An English line in title case without a closing full stop: at least five words, and all but small
    function words capitalised."""
    text = sentence.text.rstrip()
    if text.endswith((".", "?", "!", ":", '"', "”")):
        return False
    words = [t.text for t in sentence.tokens if t.alphabetic or "-" in t.text]
    long = [w for w in words if len(w) > 3]
    return len(words) >= 5 and len(long) >= 4 and all(w[:1].isupper() for w in long)
