"""Reading the demo's sources (elearning/demo/sources/, see its README): YAML per page and
language, Markdown where the editor offers rich text.

Dutch is the source of every page; a French or English file must keep its structure (the same
blocks, answers and recording segments), and what is not text (`correct`, `kind`) is read from
the Dutch file. A page without a file in a language has no version in that language.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml

SOURCES_DIR = Path(__file__).resolve().parent / "sources"
LANGUAGES = ("nl", "fr", "en")
SOURCE_LANGUAGE = "nl"
# Fields in Markdown, by where they are found: page fields and the blocks' own fields.
MARKDOWN_FIELDS = {"text", "story", "body", "intro", "show_notes"}
COPIED_FROM_SOURCE = {"correct", "kind"}


class SourceError(Exception):
    """A source file the build cannot use, with the file and the reason."""


@dataclass
class Page:
    """One page of the demo: its shared data and its text per language."""

    slug: str
    shared: dict
    texts: dict = field(default_factory=dict)  # language -> fields

    @property
    def languages(self):
        return [language for language in LANGUAGES if language in self.texts]


def sources_digest(root=SOURCES_DIR):
    """A digest of every source file: the build is made again when it changes."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def html_from_markdown(text):
    """Rich text as the editor stores it, from the little Markdown the sources use."""
    return markdown.markdown(text or "", output_format="html").replace("\n", "")


def yaml_read(path):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SourceError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected a mapping of fields")
    return data


def page_texts(folder, name):
    """{language: fields} of the page `name` in `folder`, each translation checked against
    the Dutch file and completed with what it copies from it."""
    source_path = folder / f"{name}.{SOURCE_LANGUAGE}.yaml"
    if not source_path.exists():
        raise SourceError(f"{source_path}: missing (Dutch is the source of every page)")
    source = yaml_read(source_path)
    texts = {SOURCE_LANGUAGE: source}
    for language in LANGUAGES:
        path = folder / f"{name}.{language}.yaml"
        if language == SOURCE_LANGUAGE or not path.exists():
            continue
        translation = yaml_read(path)
        texts[language] = _structure_match(source, translation, path, where="")
    return texts


def _structure_match(source, translation, path, where):
    if isinstance(source, dict):
        if not isinstance(translation, dict) or set(translation) != set(source):
            raise SourceError(f"{path}: {where or 'the file'} has other fields than the Dutch")
        return {
            key: source[key]
            if key in COPIED_FROM_SOURCE
            else _structure_match(source[key], translation[key], path, f"{where}.{key}")
            for key in source
        }
    if isinstance(source, list):
        if not isinstance(translation, list) or len(translation) != len(source):
            raise SourceError(f"{path}: {where} has not as many items as the Dutch")
        return [
            _structure_match(a, b, path, f"{where}[{index}]")
            for index, (a, b) in enumerate(zip(source, translation, strict=True))
        ]
    if isinstance(source, str) and source.strip() and not str(translation or "").strip():
        raise SourceError(f"{path}: {where} is empty")
    return translation


def site_read(root=SOURCES_DIR):
    return yaml_read(root / "site.yaml")


def courses_read(root=SOURCES_DIR):
    """Every course with its modules, in the order of their folders' names."""
    courses = []
    for folder in sorted((root / "courses").iterdir()):
        if not folder.is_dir():
            continue
        shared = yaml_read(folder / "course.yaml")
        course = Page(slug=folder.name, shared=shared, texts=page_texts(folder, "course"))
        course.modules = [
            Page(slug=item["slug"], shared=item, texts=page_texts(folder, item["slug"]))
            for item in shared["modules"]
        ]
        courses.append(course)
    return courses


def pages_read(kind, root=SOURCES_DIR):
    """The webinars or tools: one folder each, `<kind>.yaml` and `<kind>.<lang>.yaml`."""
    pages = []
    for folder in sorted((root / f"{kind}s").iterdir()):
        if folder.is_dir():
            shared = yaml_read(folder / f"{kind}.yaml")
            pages.append(Page(slug=folder.name, shared=shared, texts=page_texts(folder, kind)))
    return pages


def podcast_read(root=SOURCES_DIR):
    folder = root / "podcast"
    shared = yaml_read(folder / "podcast.yaml")
    podcast = Page(slug=shared["slug"], shared=shared, texts=page_texts(folder, "podcast"))
    podcast.episodes = [
        Page(slug=item["slug"], shared=item, texts=page_texts(folder, item["slug"]))
        for item in shared["episodes"]
    ]
    return podcast
