"""A tiny HTML reader for the rendering tests: tags and attributes, text, JSON-LD scripts."""

from html.parser import HTMLParser


class Outline(HTMLParser):
    """The parts of a page the tests look at: tags with attributes, text, JSON-LD."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: dict[str, list[str]] = {}
        self.json_ld: list[str] = []
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data):
        if not self._open:
            return
        tag = self._open[-1]
        self.text.setdefault(tag, []).append(data.strip())
        if (
            tag == "script"
            and self.tags
            and self._last("script").get("type") == "application/ld+json"
        ):
            self.json_ld.append(data)

    def _last(self, tag) -> dict:
        return next(a for name, a in reversed(self.tags) if name == tag)

    def find(self, tag, **attrs) -> list[dict]:
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [
            a
            for name, a in self.tags
            if name == tag and all(a.get(k) == v for k, v in wanted.items())
        ]

    def count(self, tag) -> int:
        return len(self.find(tag))

    def title(self) -> str:
        return "".join(self.text.get("title", []))


def outline(response) -> Outline:
    return Outline(response.content.decode())
