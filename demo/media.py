"""Pictures and documents for the demo, drawn and written locally (no network).

Pictures are simple geometric illustrations in the ministry's palette, one
motif per topic, so every news item's picture says something about its topic
and its alt text can describe it honestly. Documents are small trilingual text,
CSV and PDF files.
"""

import csv
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

from .content import DEMO_NOTICE, TABLES, TEXT_DOCUMENTS
from .records import ImageSpec
from .text import LANGUAGES

NAVY = (11, 37, 69)
SKY = (0, 175, 202)
GOLD = (254, 197, 12)
TEAL = (19, 128, 122)
WHITE = (255, 255, 255)
PALE = (226, 243, 247)

HERO_SIZE = (1600, 900)
LOGO_SIZE = 512
# Shapes are drawn at twice the size and scaled down, which smooths their edges.
SCALE = 2

BACKGROUNDS = {
    "network-1": (SKY, TEAL),
    "network-2": (NAVY, (25, 70, 120)),
    "grid-1": (PALE, WHITE),
    "grid-2": (PALE, SKY),
    "bars-1": (WHITE, PALE),
    "bars-2": (SKY, NAVY),
    "bubbles-1": (TEAL, SKY),
    "bubbles-2": (GOLD, (250, 160, 0)),
    "letters-1": (SKY, PALE),
    "letters-2": (NAVY, TEAL),
    "shield-1": (PALE, SKY),
    "shield-2": (NAVY, (20, 55, 100)),
    "map-1": (PALE, WHITE),
    "map-2": ((120, 200, 215), GOLD),
}


def _gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _network(draw, size, rng, first):
    w, h = size
    nodes = [
        (rng.randint(w // 10, w * 9 // 10), rng.randint(h // 8, h * 7 // 8)) for _ in range(18)
    ]
    line = WHITE if first else GOLD
    for i, a in enumerate(nodes):
        for b in sorted(nodes[i + 1 :], key=lambda p: math.dist(a, p))[:2]:
            draw.line([a, b], fill=line, width=6 * SCALE)
    for x, y in nodes:
        r = rng.randint(14, 34) * SCALE
        draw.ellipse(
            [x - r, y - r, x + r, y + r],
            fill=GOLD if first else WHITE,
            outline=NAVY,
            width=4 * SCALE,
        )


def _grid(draw, size, rng, first):
    w, h = size
    cell = 90 * SCALE
    colours = [SKY, GOLD, TEAL, NAVY] if first else [SKY, GOLD]
    for x in range(cell // 2, w - cell // 2, cell + 12 * SCALE):
        for y in range(cell // 2, h - cell // 2, cell + 12 * SCALE):
            if rng.random() < 0.55:
                draw.rounded_rectangle(
                    [x, y, x + cell, y + cell], radius=12 * SCALE, fill=rng.choice(colours)
                )


def _bars(draw, size, rng, first):
    w, h = size
    base = h * 85 // 100
    draw.line(
        [(w // 10, base), (w * 9 // 10, base)], fill=NAVY if first else WHITE, width=6 * SCALE
    )
    count = 7
    step = (w * 8 // 10) // count
    height = h // 6
    for i in range(count):
        height = min(h * 7 // 10, max(h // 8, height + rng.randint(-h // 14, h // 6)))
        x = w // 10 + i * step + step // 6
        colour = GOLD if i == count - 1 else (SKY if first else WHITE)
        draw.rectangle([x, base - height, x + step * 2 // 3, base], fill=colour)


def _bubbles(draw, size, rng, first):
    w, h = size
    for _ in range(6):
        bw, bh = rng.randint(w // 6, w // 3), rng.randint(h // 6, h // 3)
        x, y = rng.randint(0, w - bw), rng.randint(h // 10, h - bh - h // 10)
        fill = WHITE if not first or rng.random() < 0.5 else GOLD
        draw.rounded_rectangle(
            [x, y, x + bw, y + bh], radius=bh // 3, fill=fill, outline=NAVY, width=4 * SCALE
        )
        draw.polygon(
            [(x + bw // 5, y + bh), (x + bw // 3, y + bh), (x + bw // 6, y + bh + bh // 3)],
            fill=fill,
        )
        for line in range(3):
            ly = y + bh // 4 + line * bh // 5
            draw.line(
                [(x + bw // 8, ly), (x + bw * (7 - line) // 8, ly)], fill=NAVY, width=5 * SCALE
            )


def _letters(draw, size, rng, first):
    w, h = size
    count = 5 if first else 1
    ew = w // 6 if first else w // 3
    eh = ew * 2 // 3
    for i in range(count):
        x = (w - count * ew - (count - 1) * ew // 5) // 2 + i * (ew + ew // 5)
        y = h // 2 - eh // 2 + rng.randint(-h // 10, h // 10)
        if not first:
            draw.rectangle([x + ew // 10, y - eh // 2, x + ew * 9 // 10, y + eh // 2], fill=PALE)
            for line in range(4):
                ly = y - eh // 3 + line * eh // 8
                draw.line([(x + ew // 5, ly), (x + ew * 4 // 5, ly)], fill=TEAL, width=5 * SCALE)
        draw.rectangle([x, y, x + ew, y + eh], fill=WHITE, outline=NAVY, width=5 * SCALE)
        draw.line([(x, y), (x + ew // 2, y + eh // 2), (x + ew, y)], fill=NAVY, width=5 * SCALE)
        draw.ellipse(
            [
                x + ew // 2 - 14 * SCALE,
                y + eh // 2 - 14 * SCALE,
                x + ew // 2 + 14 * SCALE,
                y + eh // 2 + 14 * SCALE,
            ],
            fill=GOLD,
        )


def _shield(draw, size, rng, first):
    w, h = size
    cx, cy = w // 2, h // 2
    if first:
        for r in range(h // 2, h // 6, -h // 14):
            draw.ellipse(
                [cx - r * 3 // 2, cy - r, cx + r * 3 // 2, cy + r], outline=NAVY, width=4 * SCALE
            )
    sw, sh = h // 3, h * 2 // 5
    shape = [(cx - sw, cy - sh), (cx + sw, cy - sh), (cx + sw, cy), (cx, cy + sh), (cx - sw, cy)]
    draw.polygon(shape, fill=GOLD if not first else NAVY, outline=WHITE, width=8 * SCALE)
    draw.line(
        [(cx - sw // 3, cy - sh // 8), (cx - sw // 12, cy + sh // 6), (cx + sw // 2, cy - sh // 3)],
        fill=WHITE,
        width=16 * SCALE,
    )


def _map(draw, size, rng, first):
    w, h = size
    if first:
        outline = [
            (w * x // 100, h * y // 100)
            for x, y in [
                (8, 40),
                (20, 22),
                (45, 18),
                (70, 14),
                (90, 30),
                (88, 62),
                (70, 80),
                (40, 78),
                (18, 70),
            ]
        ]
        draw.polygon(outline, fill=WHITE, outline=TEAL, width=6 * SCALE)
        for _ in range(20):
            x, y = rng.randint(w // 5, w * 4 // 5), rng.randint(h // 4, h * 7 // 10)
            r = rng.randint(8, 16) * SCALE
            draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice([SKY, GOLD, NAVY]))
    else:
        horizon = h * 6 // 10
        draw.rectangle([0, horizon, w, h], fill=(214, 170, 60))
        for i in range(8):
            x = w * (i + 1) // 9
            draw.line([(x, horizon), (x, horizon - h // 4)], fill=NAVY, width=6 * SCALE)
            draw.ellipse(
                [
                    x - 12 * SCALE,
                    horizon - h // 4 - 12 * SCALE,
                    x + 12 * SCALE,
                    horizon - h // 4 + 12 * SCALE,
                ],
                fill=WHITE,
            )
        draw.line(
            [(w // 9, horizon - h // 4), (w * 8 // 9, horizon - h // 4)],
            fill=WHITE,
            width=3 * SCALE,
        )
        draw.ellipse([w * 3 // 4, h // 10, w * 3 // 4 + h // 5, h // 10 + h // 5], fill=GOLD)


def _hall(draw, size, rng, first):
    w, h = size
    draw.rectangle([0, h * 2 // 3, w, h], fill=(40, 80, 120))
    screen = [w // 4, h // 10, w * 3 // 4, h * 2 // 5]
    draw.rectangle(screen, fill=SKY, outline=WHITE, width=6 * SCALE)
    draw.ellipse([w // 2 - h // 12, h // 6, w // 2 + h // 12, h // 6 + h // 6], fill=GOLD)
    draw.rectangle([w // 2 - w // 20, h // 2, w // 2 + w // 20, h * 3 // 4], fill=NAVY)
    for row in range(3):
        y = h * 3 // 4 + row * h // 14 + rng.randint(0, 6)
        for x in range(w // 12, w * 11 // 12, w // 14):
            draw.rounded_rectangle(
                [x, y, x + w // 20, y + h // 20], radius=6 * SCALE, fill=TEAL if row % 2 else SKY
            )


MOTIFS = {
    "network": _network,
    "grid": _grid,
    "bars": _bars,
    "bubbles": _bubbles,
    "letters": _letters,
    "shield": _shield,
    "map": _map,
    "hall": _hall,
}


def render_picture(spec: ImageSpec) -> bytes:
    """A 1600×900 JPEG of ``spec``'s motif; the same key always gives the same picture."""
    size = (HERO_SIZE[0] * SCALE, HERO_SIZE[1] * SCALE)
    top, bottom = BACKGROUNDS.get(spec.key, (PALE, WHITE))
    image = _gradient(size, top, bottom)
    first_variant = not spec.key.endswith("-2")
    rng = random.Random(spec.key)  # noqa: S311 (repeatable pictures, not security)
    MOTIFS[spec.motif](ImageDraw.Draw(image), size, rng, first_variant)
    image = image.reduce(SCALE)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def render_logo() -> bytes:
    """A square PNG emblem: a shanyrak (the crown of a yurt) over a sun in a sky-blue disc."""
    size = LOGO_SIZE * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c = size // 2
    draw.ellipse(
        [8, 8, size - 8, size - 8], fill=SKY + (255,), outline=NAVY + (255,), width=12 * SCALE
    )
    for ray in range(32):
        angle = 2 * math.pi * ray / 32
        inner, outer = size * 0.2, size * 0.3
        draw.line(
            [
                (c + inner * math.cos(angle), c + inner * math.sin(angle)),
                (c + outer * math.cos(angle), c + outer * math.sin(angle)),
            ],
            fill=GOLD + (255,),
            width=5 * SCALE,
        )
    r = int(size * 0.17)
    draw.ellipse([c - r, c - r, c + r, c + r], fill=GOLD + (255,))
    ring = int(size * 0.38)
    # The shanyrak's lattice (kulyk): crossed bars, clipped to the ring.
    lattice = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    lattice_draw = ImageDraw.Draw(lattice)
    for offset in (-ring // 2, 0, ring // 2):
        lattice_draw.line(
            [(c + offset, 0), (c + offset, size)], fill=WHITE + (255,), width=9 * SCALE
        )
        lattice_draw.line(
            [(0, c + offset), (size, c + offset)], fill=WHITE + (255,), width=9 * SCALE
        )
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).ellipse([c - ring, c - ring, c + ring, c + ring], fill=255)
    image.paste(lattice, (0, 0), Image.composite(lattice, Image.new("RGBA", (size, size)), mask))
    draw.ellipse([c - ring, c - ring, c + ring, c + ring], outline=WHITE + (255,), width=12 * SCALE)
    image = image.reduce(SCALE)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------
def render_text_document(key: str) -> bytes:
    """The three language versions of a short document, one after another, in UTF-8."""
    sections = ["\n".join(TEXT_DOCUMENTS[key][code]) for code in LANGUAGES]
    return ("\n\n".join([DEMO_NOTICE, *sections]) + "\n").encode("utf-8")


def render_catalogue_csv() -> bytes:
    """A CSV catalogue of datasets with a title in each language."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "title_kk", "title_ru", "title_en", "datasets", "format"])
    rows = [TABLES["open-data"][code]["data"][1:] for code in LANGUAGES]
    for number, (kk, ru, en) in enumerate(zip(*rows, strict=True), start=1):
        writer.writerow([f"mdpc-{number:03d}", kk[0], ru[0], en[0], kk[1], "CSV, JSON"])
    return buffer.getvalue().encode("utf-8")


def _font(size: int):
    """DejaVu Sans if the system has it (it covers Kazakh letters), else Pillow's own font."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size), True
    except OSError:
        return ImageFont.load_default(size), False


def render_budget_pdf() -> bytes:
    """A one-page A4 PDF infographic of budget execution by programme."""
    width, height = 1240, 1754  # A4 at 150 dpi
    page = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(page)
    title_font, has_cyrillic = _font(44)
    label_font, _ = _font(28)
    languages = LANGUAGES if has_cyrillic else ("en",)
    y = 90
    for code in languages:
        draw.text((90, y), TABLES["budget"][code]["table_caption"], fill=NAVY, font=title_font)
        y += 64
    rows = TABLES["budget"][languages[-1]]["data"][1:-1]
    y += 60
    for label, plan, spent, percent in rows:
        plan_value = float(plan.replace(",", "."))
        spent_value = float(spent.replace(",", "."))
        bar = int((width - 260) * plan_value / 25)
        draw.text((90, y), label, fill=NAVY, font=label_font)
        draw.rectangle([90, y + 44, 90 + bar, y + 94], fill=PALE)
        draw.rectangle([90, y + 44, 90 + int(bar * spent_value / plan_value), y + 94], fill=SKY)
        draw.text((110 + bar, y + 50), f"{spent} / {plan} ({percent}%)", fill=NAVY, font=label_font)
        y += 170
    draw.text((90, height - 120), DEMO_NOTICE.split(" / ")[-1], fill=TEAL, font=label_font)
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


DOCUMENT_RENDERERS = {
    "text": render_text_document,
    "csv": lambda key: render_catalogue_csv(),
    "pdf": lambda key: render_budget_pdf(),
}
