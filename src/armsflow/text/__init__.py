"""Language processing: language id, sentences, tokens, lemmas, compounds."""

from armsflow.text.simplemma_rules import defer_other_languages

# Before anything imports simplemma: its rules for languages other than German and English are
# compiled only if ever used (a quarter of start-up; see simplemma_rules).
defer_other_languages()
