"""The pages a Belgian public body's website must have: contact, privacy, accessibility and
cookie statement, in every language.

Their first version is written here as Markdown, one file per page and language
(`<page>.<language>.md`, with a short front matter for title, slug, summary and review date), so
translators read and change plain text. `site_pages_seed()` turns them into published
InformationPages; from then on editors keep them in the CMS.
"""

from .seeding import SITE_PAGES, SitePagesSeedError, site_pages_seed

__all__ = ["SITE_PAGES", "SitePagesSeedError", "site_pages_seed"]
