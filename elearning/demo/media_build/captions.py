"""WebVTT captions timed from the measured narration: each segment's text is cut into cues of at
most two short lines, at sentence or clause boundaries where it can be, and the segment's time is
shared among its cues in proportion to their length. Every language gets the same segment
timings, so switching the caption track never shifts the text against the slides."""

import re

from .programs import text_clean

CUE_CHARACTERS = 84
LINE_CHARACTERS = 42
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
CLAUSE_END = re.compile(r"(?<=[,;:])\s+")


def cue_texts(text, *, limit=CUE_CHARACTERS):
    """The text in cues of at most `limit` characters, cut at sentences, then clauses, then
    evenly between words; joined with spaces they give the text back. A cue never joins part
    of a sentence to another sentence; short whole sentences share a cue."""
    cues = []
    for sentence in SENTENCE_END.split(text_clean(text)):
        pieces = _sentence_pieces(sentence, limit=limit) if sentence else []
        if len(pieces) == 1 and cues and len(cues[-1]) + 1 + len(sentence) <= limit:
            cues[-1] = f"{cues[-1]} {sentence}"
        else:
            cues += pieces
    return cues


def _sentence_pieces(sentence, *, limit):
    if len(sentence) <= limit:
        return [sentence]
    units = []
    for clause in CLAUSE_END.split(sentence):
        units += [clause] if len(clause) <= limit else _evenly_cut(clause, limit=limit)
    return _packed(units, limit=limit)


def _packed(units, *, limit):
    cues = []
    for unit in units:
        if cues and len(cues[-1]) + 1 + len(unit) <= limit:
            cues[-1] = f"{cues[-1]} {unit}"
        else:
            cues.append(unit)
    return cues


def _evenly_cut(clause, *, limit):
    # A clause too long for one cue is cut into the fewest pieces of about equal length (no
    # stray last word), at the spaces nearest the ideal cuts.
    spaces = [index for index, character in enumerate(clause) if character == " "]
    count = -(-len(clause) // limit)
    while spaces and count <= len(spaces) + 1:
        ideal = [len(clause) * part / count for part in range(1, count)]
        cuts = sorted({min(spaces, key=lambda space, at=at: abs(space - at)) for at in ideal})
        starts, ends = [0, *(cut + 1 for cut in cuts)], [*cuts, len(clause)]
        pieces = [clause[start:end] for start, end in zip(starts, ends, strict=True)]
        if all(len(piece) <= limit for piece in pieces):
            return pieces
        count += 1
    return [clause]


def cue_lines(cue, *, width=LINE_CHARACTERS):
    """A cue on one line, or on two lines broken at the space nearest the middle."""
    if len(cue) <= width or " " not in cue:
        return cue
    middle = len(cue) // 2
    spaces = [index for index, character in enumerate(cue) if character == " "]
    cut = min(spaces, key=lambda index: abs(index - middle))
    return f"{cue[:cut]}\n{cue[cut + 1 :]}"


def cues_timed(texts, segment_seconds):
    """(start, end, text) of every cue: each segment's cues fill the segment, in proportion to
    their length; a segment without text shows no cue."""
    cues, start = [], 0.0
    for text, seconds in zip(texts, segment_seconds, strict=True):
        cues += _segment_cues(cue_texts(text), start=start, seconds=seconds)
        start += seconds
    return cues


def _segment_cues(pieces, *, start, seconds):
    total = sum(len(piece) for piece in pieces)
    cues, done = [], 0
    for piece in pieces:
        begin = start + seconds * done / total
        done += len(piece)
        cues.append((begin, start + seconds * done / total, piece))
    return cues


def webvtt_text(cues):
    """The cues as a WebVTT file (text)."""
    blocks = ["WEBVTT"]
    for start, end, text in cues:
        blocks.append(f"{_timestamp(start)} --> {_timestamp(end)}\n{cue_lines(_escaped(text))}")
    return "\n\n".join(blocks) + "\n"


def _escaped(text):
    # In a cue "&" and "<" start markup, and "-->" would end the cue's timing line.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _timestamp(seconds):
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"
