"""Pictures for the demo, drawn with Pillow: no download, the same pixels every run,
and different enough that neighbouring cards do not look alike. Each theme has its
own palette and motif (a skyline for metropolitan futures, trees and water for
ecosystems, a crowd for cohesion, columns for governance, bands for gender equality),
and each number varies it; experts get a head-and-shoulders portrait."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

SIZE = (1200, 675)
PALETTES = {
    "metropolitan-futures": ((28, 52, 94), (70, 130, 180), (200, 215, 230), (240, 180, 60)),
    "metropolitan-ecosystems": ((22, 90, 60), (60, 150, 90), (120, 190, 220), (230, 240, 200)),
    "cohesive-metropolises": ((160, 60, 40), (230, 130, 60), (250, 210, 120), (90, 40, 70)),
    "metropolitan-governance": ((20, 30, 60), (60, 70, 110), (210, 170, 70), (235, 230, 215)),
    "gender-equality": ((90, 40, 120), (170, 80, 160), (250, 150, 90), (245, 220, 235)),
}


def stored(title, filename, draw):
    """The picture of this title, drawn and saved the first time only."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw().save(buffer, "JPEG", quality=80)
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=filename))


def shade(colour, painter, spread=30):
    return tuple(max(0, min(255, channel + painter.randint(-spread, spread))) for channel in colour)


def skyline(draw, painter, palette):
    width, height = SIZE
    x = 0
    while x < width:
        building, top = painter.randint(60, 160), painter.randint(120, 480)
        draw.rectangle((x, top, x + building, height), fill=shade(palette[painter.randrange(2)], painter))
        for row in range(top + 20, height - 20, 40):  # lit windows
            for column in range(x + 12, x + building - 20, 30):
                if painter.random() < 0.4:
                    draw.rectangle((column, row, column + 12, row + 18), fill=palette[3])
        x += building + painter.randint(4, 20)


def landscape(draw, painter, palette):
    width, height = SIZE
    horizon = painter.randint(300, 450)
    draw.rectangle((0, horizon, width, height), fill=shade(palette[1], painter))
    draw.ellipse((-200, horizon - 120, 700, horizon + 200), fill=shade(palette[0], painter))
    for _ in range(painter.randint(8, 18)):  # trees
        x, size = painter.randrange(width), painter.randint(30, 90)
        y = horizon + painter.randint(-40, 160)
        draw.rectangle((x - 6, y, x + 6, y + size), fill=(90, 60, 40))
        draw.ellipse((x - size, y - size, x + size, y + size // 2), fill=shade(palette[0], painter, 40))
    draw.ellipse((width - 260, 60, width - 140, 180), fill=palette[3])


def crowd(draw, painter, palette):
    width, height = SIZE
    for _ in range(painter.randint(18, 30)):
        x, y, size = painter.randrange(width), painter.randint(250, height), painter.randint(40, 90)
        colour = shade(palette[painter.randrange(4)], painter)
        draw.ellipse((x - size, y - size // 3, x + size, y + size * 2), fill=colour)  # shoulders
        draw.ellipse((x - size // 2, y - size * 3 // 2, x + size // 2, y - size // 2), fill=shade(colour, painter))


def columns(draw, painter, palette):
    width = SIZE[0]
    base = painter.randint(480, 560)
    draw.polygon(((150, 200), (width // 2, 60), (width - 150, 200)), fill=palette[2])
    count = painter.randint(5, 8)
    step = (width - 300) // count
    for number in range(count):
        x = 170 + number * step
        draw.rectangle((x, 210, x + step // 2, base), fill=shade(palette[3], painter, 15))
    draw.rectangle((120, base, width - 120, base + 40), fill=palette[2])


def bands(draw, painter, palette):
    width, height = SIZE
    for _ in range(painter.randint(5, 9)):
        x = painter.randint(-400, width)
        thickness = painter.randint(60, 200)
        colour = shade(palette[painter.randrange(4)], painter)
        draw.polygon(((x, height), (x + thickness, height), (x + thickness + 500, 0), (x + 500, 0)), fill=colour)
    for _ in range(painter.randint(2, 5)):
        x, y, size = painter.randrange(width), painter.randrange(height), painter.randint(40, 120)
        draw.ellipse((x - size, y - size, x + size, y + size), outline=palette[3], width=12)


MOTIFS = {
    "metropolitan-futures": skyline,
    "metropolitan-ecosystems": landscape,
    "cohesive-metropolises": crowd,
    "metropolitan-governance": columns,
    "gender-equality": bands,
}


def theme_picture(theme_slug, number):
    """Picture `number` of a theme (any theme slug: an unknown one borrows a palette)."""
    painter = random.Random(f"{theme_slug}-{number}")  # noqa: S311 - the same picture every time
    palette = PALETTES.get(theme_slug) or PALETTES[sorted(PALETTES)[number % len(PALETTES)]]
    motif = MOTIFS.get(theme_slug, bands)

    def draw():
        sky = shade(palette[2] if motif is not columns else palette[1], painter, 20)
        picture = PillowImage.new("RGB", SIZE, sky)
        motif(ImageDraw.Draw(picture), painter, palette)
        return picture

    return stored(f"Demo picture {theme_slug} {number}", f"demo-{theme_slug}-{number}.jpg", draw)


SKIN = ((255, 219, 172), (241, 194, 125), (224, 172, 105), (198, 134, 66), (141, 85, 36), (92, 56, 30))
HAIR = ((20, 20, 20), (70, 45, 25), (120, 80, 40), (200, 170, 90), (150, 150, 150))


def portrait(number):
    """A head-and-shoulders portrait for expert `number`."""
    painter = random.Random(f"portrait-{number}")  # noqa: S311 - the same picture every time

    def draw():
        background = shade(PALETTES[sorted(PALETTES)[number % len(PALETTES)]][painter.randrange(4)], painter)
        picture = PillowImage.new("RGB", (600, 600), background)
        pen = ImageDraw.Draw(picture)
        skin, hair = painter.choice(SKIN), painter.choice(HAIR)
        clothes = tuple(painter.randrange(30, 220) for _ in range(3))
        pen.ellipse((90, 400, 510, 760), fill=clothes)  # shoulders
        pen.rectangle((260, 330, 340, 430), fill=skin)  # neck
        if painter.random() < 0.5:  # long hair behind the head
            pen.rounded_rectangle((170, 130, 430, 470), radius=90, fill=hair)
        pen.ellipse((190, 120, 410, 380), fill=skin)  # face
        pen.chord((180, 100, 420, 300), 180, 360, fill=hair)  # hair on top
        for eye in (255, 345):
            pen.ellipse((eye - 10, 240, eye + 10, 258), fill=(40, 30, 30))
        pen.arc((260, 280, 340, 330), 20, 160, fill=(120, 50, 50), width=5)
        return picture

    return stored(f"Demo portrait {number}", f"demo-portrait-{number}.jpg", draw)
