"""A real HTTP server on the loopback address that plays the outlets: feeds, sitemaps and
article pages made here, with ETag and Last-Modified answered by 304, and the misbehaving
servers a poll must survive (one that fails, one that is slow, one that sends too much, one that
redirects). It counts the requests to each path, and keeps the headers of the last one.
"""

import datetime
import threading
import time
from collections import Counter
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

ALMATY = datetime.timezone(datetime.timedelta(hours=5))


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str = ""
    last_modified: str = ""
    status: int = 200
    delay: float = 0.0
    location: str = ""
    #: Send this many bytes of filler, streamed, instead of ``body``.
    stream_size: int = 0
    declare_length: bool = True
    #: Send ``body`` one byte at a time, this many seconds apart.
    trickle: float = 0.0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FeedServer/1"
    #: Headers and body leave in one write (two small ones would wait for a delayed ACK).
    wbufsize = 256 * 1024

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        owner: FeedServer = self.server.owner
        path = self.path.split("?", 1)[0]
        owner.hits[path] += 1
        owner.last_headers[path] = dict(self.headers)
        route = owner.routes.get(path)
        if route is None:
            return self._send(404, b"not found", "text/plain")
        if route.delay:
            time.sleep(route.delay)
        if route.location:
            self.send_response(route.status or 302)
            self.send_header("Location", route.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if route.status != 200:
            return self._send(route.status, b"failure", "text/plain")
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            return self._not_modified(route)
        if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
            return self._not_modified(route)
        if route.stream_size:
            return self._stream(route)
        if route.trickle:
            return self._trickle(route)
        return self._send(200, route.body, route.content_type, route)

    def _not_modified(self, route):
        self.send_response(304)
        if route.etag:
            self.send_header("ETag", route.etag)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status, body, content_type, route=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if route is not None and route.etag:
            self.send_header("ETag", route.etag)
        if route is not None and route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _trickle(self, route):
        self.send_response(200)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.flush()
        try:
            for index in range(len(route.body)):
                self.wfile.write(route.body[index : index + 1])
                self.wfile.flush()
                time.sleep(route.trickle)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _stream(self, route):
        self.send_response(200)
        self.send_header("Content-Type", route.content_type)
        if route.declare_length:
            self.send_header("Content-Length", str(route.stream_size))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        chunk = b"<!-- " + b"x" * 65_000 + b" -->"
        sent = 0
        try:
            while sent < route.stream_size:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that hangs up early (a poll stopping at the size cap) is no error here."""


class FeedServer:
    """The server, started on a free port of 127.0.0.1 in a thread."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: Counter = Counter()
        self.last_headers: dict[str, dict] = {}
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.owner = self
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def add(self, path: str, body, **options) -> str:
        """Serve ``body`` (text or bytes) at ``path``; returns its address."""
        if isinstance(body, str):
            body = body.encode()
        self.routes[path] = Route(body=body, **options)
        return self.url(path)

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def http_date(moment: datetime.datetime) -> str:
    return format_datetime(moment.astimezone(datetime.UTC), usegmt=True)


def rss(items: list[dict], language: str | None = None, title: str = "Outlet") -> str:
    """An RSS 2.0 feed: each item ``{title, link, summary, published}``."""
    entries = []
    for item in items:
        published = item.get("published")
        entries.append(
            "<item>"
            f"<title>{escape(item['title'])}</title>"
            f"<link>{escape(item['link'])}</link>"
            f"<guid>{escape(item['link'])}</guid>"
            f"<description>{escape(item.get('summary', ''))}</description>"
            + (f"<pubDate>{http_date(published)}</pubDate>" if published else "")
            + "</item>"
        )
    language_tag = f"<language>{language}</language>" if language else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://outlet.example/</link>"
        f"<description>News</description>{language_tag}{''.join(entries)}</channel></rss>"
    )


def atom(items: list[dict], language: str | None = None) -> str:
    entries = "".join(
        "<entry>"
        f"<title>{escape(item['title'])}</title>"
        f'<link href="{escape(item["link"])}"/>'
        f"<id>{escape(item['link'])}</id>"
        f"<updated>{item['published'].isoformat()}</updated>"
        f"<summary>{escape(item.get('summary', ''))}</summary>"
        "</entry>"
        for item in items
    )
    lang = f' xml:lang="{language}"' if language else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"{lang}>'
        "<title>Outlet</title><id>urn:outlet</id><updated>2026-01-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    )


def news_sitemap(items: list[dict], language: str = "kk") -> str:
    """A news sitemap; an item without a title has no ``<news:news>``, only ``<lastmod>``."""
    urls = []
    for item in items:
        if item.get("title"):
            news = (
                "<news:news><news:publication><news:name>Outlet</news:name>"
                f"<news:language>{language}</news:language></news:publication>"
                f"<news:publication_date>{item['published'].isoformat()}</news:publication_date>"
                f"<news:title>{escape(item['title'])}</news:title></news:news>"
            )
        else:
            news = f"<lastmod>{item['published'].isoformat()}</lastmod>"
        urls.append(f"<url><loc>{escape(item['link'])}</loc>{news}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{''.join(urls)}</urlset>"
    )


def article_html(title: str, paragraphs: list[str], canonical: str = "", lang: str = "") -> str:
    """An outlet's article page: a menu, the article, a teaser list and a footer."""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{lang_attribute}><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | Outlet</title>{link}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<main><article><h1>{escape(title)}</h1>{body}</article></main>"
        "<aside><ul><li><a href='/other'>Other news of the day</a></li></ul></aside>"
        "<footer>© Outlet. All rights reserved.</footer></body></html>"
    )
