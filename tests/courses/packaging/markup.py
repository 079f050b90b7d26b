"""What a browser would run or follow in a piece of HTML: read with Python's HTML parser, the
way a browser tokenises it (entities decoded, attribute names in lower case)."""

from html.parser import HTMLParser

ACTIVE_TAGS = {"script", "iframe", "object", "embed", "base", "form", "link", "svg", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "url"}
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


class _Finder(HTMLParser):
    def __init__(self, allowed_scripts):
        super().__init__(convert_charrefs=True)
        self.allowed_scripts = allowed_scripts
        self.found = []

    def handle_starttag(self, tag, attrs):
        named = dict(attrs)
        if tag == "script" and named.get("src") in self.allowed_scripts:
            return
        if tag == "embed" and "embedtype" in named:
            return  # Wagtail's stored form of an image in rich text, not an HTML embed
        if tag in ACTIVE_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "meta" and (named.get("http-equiv") or "").lower() == "refresh":
            self.found.append("meta refresh")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}=")
            if name in URL_ATTRIBUTES and not _url_safe(value or ""):
                self.found.append(f"{name}={value}")

    handle_startendtag = handle_starttag


def _url_safe(url):
    cleaned = "".join(character for character in url if ord(character) > 0x20).lower()
    if ":" not in cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return True  # relative: a path, a query or a fragment
    return cleaned.startswith(SAFE_SCHEMES)


def active_markup(html, allowed_scripts=()):
    """Scripts, event attributes, meta refreshes and links that are not web, mail or phone
    addresses in `html`; `allowed_scripts` names script files that may be loaded."""
    finder = _Finder(set(allowed_scripts))
    finder.feed(html)
    finder.close()
    return finder.found


def strings_in(data):
    """Every string inside decoded JSON, at any depth."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)
