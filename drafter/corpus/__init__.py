"""Mining speeches: clean noisy copies, split, segment, and learn formulaic phrases.

Heavy libraries (OpenCC, the tokenizer) load lazily inside the functions that need them.
"""
