"""Placeholder until the editors' synonym groups land (wt-synonyms)."""


def synonym_groups(language):
    return ()
