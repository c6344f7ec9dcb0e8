"""An article page's own text, without the site's menus, teasers and comments (trafilatura),
and its canonical address (``<link rel="canonical">``)."""

import logging
from dataclasses import dataclass

import trafilatura
from trafilatura.utils import load_html

from .feeds import TITLE_LENGTH, plain_text
from .language import declared
from .urls import NotWebAddress, canonical_url

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Article:
    """What an article page says: ``canonical`` is empty when the page names none."""

    text: str
    title: str = ""
    canonical: str = ""
    language: str = ""


def _canonical(tree, url: str) -> str:
    for link in tree.iterfind(".//link[@href]"):
        relations = (link.get("rel") or "").lower().split()
        if "canonical" in relations:
            try:
                return canonical_url(link.get("href"), base=url)
            except NotWebAddress:
                return ""
    return ""


def _language(tree) -> str:
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    return declared(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))


def extract(body: bytes, url: str) -> Article | None:
    """The article in the HTML ``body`` of ``url``; ``None`` when the page holds no text
    worth the name (a gallery, an error page, not HTML)."""
    try:
        tree = load_html(body)
    except (TypeError, ValueError) as error:
        logger.info("Not an HTML page at %s: %s", url, error)
        return None
    if tree is None:
        return None
    canonical = _canonical(tree, url)
    language = _language(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    if document is None or not (document.text or "").strip():
        return None
    return Article(
        text=document.text.strip(),
        title=plain_text(document.title or "")[:TITLE_LENGTH],
        canonical=canonical,
        language=language or declared(getattr(document, "language", None)),
    )
