"""The check of a JPEG or PNG picture: its structure, walked before any decoder sees it.

Decoding a picture costs memory in proportion to its pixels, which a small file can inflate a
thousandfold (a PNG of one colour declaring 100,000 x 100,000 pixels weighs a few hundred bytes).
So the check reads the picture's size from its header and refuses one over the pixel limit before
Pillow is asked anything, and it never decodes the pixels: the limit bounds what a later decode
(the accreditation card's photo) costs.

- **PNG**: every chunk is walked: the header first, each chunk's CRC, at most
  :data:`MAX_PNG_CHUNKS` chunks, the compressed text and colour-profile chunks inflated with a
  shared budget of :data:`MAX_PNG_TEXT` bytes (Pillow would inflate up to 64 MB of them), and the
  end chunk last with nothing after it.
- **JPEG**: the segments before the first scan are walked (at most :data:`MAX_JPEG_SEGMENTS`:
  Pillow reads them one by one in Python, so millions of empty segments would cost minutes), the
  frame header gives the size, and an end-of-image marker must follow the scan (entropy-coded
  data cannot contain one, so a file cut short has none).

Pillow then opens the header (it reads no pixels) and must agree on the format and the size.
"""

import io
import struct
import warnings
import zlib

from PIL import Image, UnidentifiedImageError

MAX_PNG_CHUNKS = 20_000
MAX_PNG_TEXT = 1024 * 1024
MAX_JPEG_SEGMENTS = 1_000

_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class Damaged(Exception):
    """Not a well-formed picture of the claimed format."""


class TooManyPixels(Exception):
    """Declares more pixels than allowed."""


class Trailer(Exception):
    """Something follows the picture's end."""


def check_picture(data: bytes, fmt: str, max_pixels: int) -> None:
    """Raise :class:`Damaged`, :class:`TooManyPixels` or :class:`Trailer`, or return."""
    size = _walk_png(data) if fmt == "PNG" else _walk_jpeg(data)
    if size[0] < 1 or size[1] < 1:
        raise Damaged
    if size[0] * size[1] > max_pixels:
        raise TooManyPixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[fmt]) as image:
                if image.format != fmt or image.size != size:
                    raise Damaged
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise TooManyPixels from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, struct.error):
        raise Damaged from None


def _walk_png(data: bytes) -> tuple[int, int]:
    view = memoryview(data)
    pos, chunks, text_left, size = 8, 0, MAX_PNG_TEXT, None
    while True:
        if pos + 12 > len(data):
            raise Damaged
        length, kind = struct.unpack_from(">I4s", data, pos)
        end = pos + 12 + length
        if end > len(data):
            raise Damaged
        body = view[pos + 8 : pos + 8 + length]
        if zlib.crc32(body, zlib.crc32(kind)) != struct.unpack_from(">I", data, end - 4)[0]:
            raise Damaged
        chunks += 1
        if chunks > MAX_PNG_CHUNKS:
            raise Damaged
        if size is None:
            if kind != b"IHDR" or length != 13:
                raise Damaged
            size = struct.unpack_from(">II", data, pos + 8)
        elif kind in (b"zTXt", b"iCCP", b"iTXt"):
            text_left -= _inflated_text(kind, bytes(body), text_left)
        if kind == b"IEND":
            if end != len(data):
                raise Trailer
            return size
        pos = end


def _inflated_text(kind: bytes, body: bytes, allowed: int) -> int:
    """How many bytes the chunk's compressed text inflates to; ``Damaged`` past ``allowed``."""
    keyword, sep, rest = body.partition(b"\x00")
    if not sep or len(keyword) > 79:
        raise Damaged
    if kind == b"iTXt":
        if len(rest) < 2 or rest[0] == 0:
            return len(rest)
        rest = rest[2:].split(b"\x00", 2)[-1]
    else:
        rest = rest[1:]
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(rest, allowed + 1)
    except zlib.error:
        raise Damaged from None
    if len(out) > allowed:
        raise Damaged
    return len(out)


def _walk_jpeg(data: bytes) -> tuple[int, int]:
    pos, segments, size = 2, 0, None
    while True:
        if pos >= len(data) or data[pos] != 0xFF:
            raise Damaged
        while pos < len(data) and data[pos] == 0xFF:
            pos += 1
        if pos >= len(data):
            raise Damaged
        marker = data[pos]
        pos += 1
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue
        if marker in (0xD8, 0xD9) or pos + 2 > len(data):
            raise Damaged
        (length,) = struct.unpack_from(">H", data, pos)
        if length < 2 or pos + length > len(data):
            raise Damaged
        if marker in _SOF:
            if length < 7:
                raise Damaged
            height, width = struct.unpack_from(">HH", data, pos + 3)
            size = (width, height)
        if marker == 0xDA:
            if size is None or data.find(b"\xff\xd9", pos + length) < 0:
                raise Damaged
            return size
        pos += length
        segments += 1
        if segments > MAX_JPEG_SEGMENTS:
            raise Damaged
