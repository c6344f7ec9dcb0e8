"""The check of a PDF: it opens as a PDF, is not encrypted, and has 1 to :data:`MAX_PAGES` pages.

pypdf reads the cross-reference table and walks the page tree; nothing else (no content stream,
no font, no image) is decoded. Its work is bounded by structure, not by a clock (a signal-based
timeout does not work in a server's threads): before opening, the indirect objects' headers
(``N 0 obj``) are counted in the raw bytes and every declared cross-reference ``/Size`` is read
(:data:`MAX_OBJECTS`: pypdf reads each object's header in Python when it opens the file, some
25 microseconds each; a scanned letter has about three objects a page, and writers that pack
objects into object streams need far fewer headers), and pypdf runs under a :func:`pypdf.apply_configuration` of tight limits
(inflated stream size, dictionary and array sizes, page-tree entries and depth) valid for this
thread only. The page
count is the page tree's ``/Count``, and only the tree's first branch is walked, down to a
page: pypdf builds an object per page when it walks the whole tree (about half a millisecond
each), and no later step here needs the pages.
"""

import io
import re
import warnings

from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError, PyPdfError

MAX_PAGES = 2_000
MAX_OBJECTS = 5_000
_INFLATED = 16 * 1024 * 1024

_LIMITS = {
    "zlib_maximum_output_length": _INFLATED,
    "lzw_maximum_output_length": _INFLATED,
    "run_length_maximum_output_length": _INFLATED,
    "array_based_stream_maximum_output_length": _INFLATED,
    "stream_decoding_work_maximum_length": 2 * _INFLATED,
    "array_maximum_element_count": 20_000,
    "dictionary_maximum_element_count": 10_000,
    "page_tree_maximum_entries": MAX_PAGES * 2,
    "page_tree_maximum_depth": 32,
    "page_tree_maximum_page_entries": MAX_PAGES * 50,
    "jbig2dec_binary": None,
}


_SIZE = re.compile(rb"/Size\s*(\d{1,12})")


class Damaged(Exception):
    """Does not open as a PDF."""


class Encrypted(Exception):
    """Needs a password."""


class TooManyPages(Exception):
    """More pages, objects or work than the check allows."""


def check_pdf(data: bytes) -> None:
    """Raise :class:`Damaged`, :class:`Encrypted` or :class:`TooManyPages`, or return."""
    sizes = [int(size) for size in _SIZE.findall(data)]
    if data.count(b" obj") > MAX_OBJECTS or any(size > MAX_OBJECTS for size in sizes):
        raise TooManyPages
    try:
        with warnings.catch_warnings(), apply_configuration(**_LIMITS):
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise Encrypted
            tree = reader.trailer["/Root"]["/Pages"]
            pages = tree.get("/Count", 0)
            pages = pages.get_object() if hasattr(pages, "get_object") else pages
            if not isinstance(pages, int) or pages > MAX_PAGES:
                raise TooManyPages
            _first_page(tree)
    except (Encrypted, TooManyPages):
        raise
    except LimitReachedError:
        raise TooManyPages from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise Damaged from None
    if pages < 1:
        raise Damaged


def _first_page(node) -> None:
    """Go down the page tree's first branch to a page: the tree is real, and the walk is as long
    as the tree is deep, whatever the number of pages."""
    seen = set()
    for _level in range(_LIMITS["page_tree_maximum_depth"]):
        if node.get("/Type") == "/Page":
            return
        kid = node["/Kids"][0]
        key = getattr(kid, "idnum", None)
        if key in seen:
            raise Damaged  # the tree contains itself
        seen.add(key)
        node = kid.get_object()
    raise TooManyPages
