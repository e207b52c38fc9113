"""Language processing: language id, sentences, tokens, lemmas, compounds."""
