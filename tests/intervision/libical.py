"""libical's own iTIP check (RFC 5546), the independent reader of our invites and feed.

libical is the C library behind Evolution and many CalDAV servers. Debian ships it as
`libical3`; there is no command-line tool for it, so the test suite calls the library itself
through ctypes: `icalparser_parse_string` reads the text, `icalrestriction_check` applies the
table of which property may or must appear under each METHOD, and writes what it refuses into
the component as X-LIC-ERROR properties, which are read back from its serialisation.
"""

import ctypes
import ctypes.util
from functools import cache

LIBRARY = ctypes.util.find_library("ical") or "libical.so.3"


@cache
def _library():
    try:
        library = ctypes.CDLL(LIBRARY)
    except OSError as error:  # a failure that says what to install, not a skip
        raise RuntimeError("The calendar tests need libical (apt-get install libical3)") from error
    library.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    library.icalparser_parse_string.restype = ctypes.c_void_p
    library.icalrestriction_check.argtypes = [ctypes.c_void_p]
    library.icalrestriction_check.restype = ctypes.c_int
    library.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    library.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    library.icalcomponent_free.argtypes = [ctypes.c_void_p]
    library.icalcomponent_free.restype = None
    return library


def itip_errors(text: bytes) -> list[str]:
    """What libical finds wrong in `text`, an iCalendar object with a METHOD: parse errors and
    iTIP restrictions broken, one line each; [] when it accepts it."""
    library = _library()
    component = library.icalparser_parse_string(text)
    if not component:
        return ["libical could not read the calendar at all"]
    try:
        accepted = library.icalrestriction_check(component)
        written = library.icalcomponent_as_ical_string(component).decode()
    finally:
        library.icalcomponent_free(component)
    unfolded = written.replace("\r\n ", "").replace("\n ", "")
    errors = [line for line in unfolded.splitlines() if line.startswith("X-LIC-ERROR")]
    if not accepted and not errors:
        errors.append("libical refused the calendar without saying why")
    return errors
