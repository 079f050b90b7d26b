"""A tool's printable handout (PDF) for the demo's "materials to download", made with WeasyPrint
(as the attests are) from the tool's own text in one language."""

from html import escape
from pathlib import Path

STYLE = (
    "@page { size: A4; margin: 2cm; } "
    "body { font-family: sans-serif; font-size: 11pt; line-height: 1.45; color: #1b1b1f; } "
    "h1 { font-size: 18pt; color: #00557a; } .lead { font-size: 12pt; } "
    "footer { margin-top: 2em; font-size: 9pt; color: #4a4a55; }"
)


def handout_build(*, title, summary, body_html, footer, language, out_path):
    """Write the handout to `out_path`. `body_html` is the tool's rich text as the editor stores
    it; nothing outside the HTML is fetched (no network, no files)."""
    from weasyprint import HTML  # loads Pango; only a demo build needs it
    from weasyprint.urls import URLFetcher

    html = (
        f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f'<h1>{escape(title)}</h1><p class="lead">{escape(summary)}</p>{body_html}'
        f"<footer>{escape(footer)}</footer></body></html>"
    )
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    document = HTML(string=html, base_url=None, url_fetcher=URLFetcher(allowed_protocols=()))
    document.write_pdf(out_path, pdf_tags=True)
    return out_path
