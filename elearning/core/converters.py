"""Path converters shared by every app's URLs (registered once in CoreConfig.ready())."""

# The largest primary key a database column holds (a signed 64-bit integer, PostgreSQL's
# bigint and SQLite's INTEGER alike). Django's <int:...> takes any number of digits, and
# SQLite refuses a larger one with an OverflowError: a server error instead of "not found".
MAX_DATABASE_ID = 2**63 - 1


class DatabaseIdConverter:
    """`<id:name>`: a row's id, 1 to 2**63 - 1; anything else does not match (404)."""

    regex = "[1-9][0-9]{0,18}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_DATABASE_ID:
            raise ValueError("beyond a 64-bit id")  # Django: the pattern does not match
        return number

    def to_url(self, value):
        return str(value)


def database_id_valid(value):
    """Whether a value from a request body (JSON) can be a row's id."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_DATABASE_ID
