"""Documents made on the fly, for the demo, the tests and the extraction bench: a
text PDF of any number of pages written by hand (a few hundred bytes a page, so no
binary is committed), and DOCX and ODT files written with the libraries that read them.

`attach_document(case, title, kind, pages)` attaches one to a case and publishes it.
"""

import io

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model


def pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages, lines_per_page=1):
    """A PDF with one page per text of `pages` (Latin-1 text, in Helvetica), each text
    written `lines_per_page` times down the page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        lines = " T* ".join(f"({pdf_escape(text)}) Tj" for _ in range(lines_per_page))
        stream = f"BT /F1 11 Tf 14 TL 50 780 Td {lines} ET".encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted_pdf_bytes(pages, password="secret"):  # noqa: S107 - a test file's password
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(pages))))
    writer.encrypt(user_password=password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(pages):
    """A Word document with a page break between the texts of `pages`."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for number, text in enumerate(pages):
        paragraph = document.add_paragraph(text)
        if number < len(pages) - 1:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes(pages):
    """An OpenDocument text with a page break (as LibreOffice marks it) before each page but the first."""
    from odf import opendocument, text

    document = opendocument.OpenDocumentText()
    for number, words in enumerate(pages):
        paragraph = text.P()
        if number:
            paragraph.addElement(text.SoftPageBreak())
        paragraph.addText(words)
        document.text.addElement(paragraph)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


WRITERS = {"pdf": pdf_bytes, "docx": docx_bytes, "odt": odt_bytes}


def make_document(title, pages, file_format="pdf"):
    """A Wagtail document whose file holds these pages of text."""
    data = WRITERS[file_format](pages)
    document = get_document_model()(title=title)
    document.file.save(f"{title[:40].replace(' ', '-').lower()}.{file_format}", ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def attach_document(case, title, kind, pages, file_format="pdf"):
    """Attach a document of this kind (cases.models.DocumentKind) to a case and publish
    the case: the index worker then reads its words."""
    document = make_document(title, pages, file_format)
    case.documents.create(document=document, kind=kind)
    case.save_revision().publish()
    return document
