"""Draw the home-screen icons (a white barbell on the app's green) as PNG files.

    python scripts/make_icons.py

Pure Python (zlib), so it needs nothing installed; the PNGs it writes are committed
under static/icons/ and served by whitenoise like any static file.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

GREEN = (0x14, 0x53, 0x2D)
WHITE = (0xFF, 0xFF, 0xFF)
OUT = Path(__file__).resolve().parent.parent / "static" / "icons"


def _inside(x: float, y: float) -> bool:
    """The barbell in unit coordinates (0..1), centred, inside the maskable safe zone
    (the middle 80%), so a round or squircle mask never cuts it."""
    bar = 0.22 <= x <= 0.78 and 0.475 <= y <= 0.525
    inner_plates = (0.27 <= x <= 0.33 or 0.67 <= x <= 0.73) and 0.32 <= y <= 0.68
    outer_plates = (0.22 <= x <= 0.26 or 0.74 <= x <= 0.78) and 0.38 <= y <= 0.62
    return bar or inner_plates or outer_plates


def png(size: int) -> bytes:
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter type: none
        for px in range(size):
            rows.extend(WHITE if _inside((px + 0.5) / size, (py + 0.5) / size) else GREEN)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (180, 192, 512):
        (OUT / f"icon-{size}.png").write_bytes(png(size))
        print(OUT / f"icon-{size}.png")
