"""The text of a PDF, DOCX or ODT file, page by page, read in a child process.

The index worker (cases/attachments.py) runs `python -m cases.document_text FORMAT
MAX_PAGES MEMORY_MB` with the file on standard input; the child prints one JSON object:
{"pages": [text, ...], "page_count": n} or {"error": "encrypted" | "unreadable" | ...}.
A child process because a parser can loop, recurse or swell on a crafted file: the
parent kills it after a time limit, the kernel stops it at a memory ceiling, and the
worker goes on with the next file (docs/decisions.md, "Issue 29: documents").

This module imports no Django: the child starts in a fraction of a second.
"""

import io
import json
import resource
import sys
import zipfile

FORMATS = ("pdf", "docx", "odt")


class Unreadable(Exception):
    """The file is not a document of its format, or is damaged."""


class Encrypted(Exception):
    """The file needs a password to be read."""


def pdf_pages(data, max_pages):
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            # Many PDFs are encrypted with an empty password only to restrict printing:
            # those read as any other; one that needs a real password cannot.
            raise Encrypted
        count = len(reader.pages)
        return [reader.pages[number].extract_text() or "" for number in range(min(count, max_pages))], count
    except FileNotDecryptedError as error:
        raise Encrypted from error
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise Unreadable(str(error)) from error


def docx_pages(data, max_pages):
    """Word keeps no pages, but marks where it last broke them when rendering
    (w:lastRenderedPageBreak) and where the author forced one (w:br type="page")."""
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise Unreadable(str(error)) from error
    pages, words = [], []
    breaks = {qn("w:lastRenderedPageBreak"), qn("w:br")}
    for element in document.element.body.iter(qn("w:t"), *breaks, qn("w:p")):
        if element.tag == qn("w:t"):
            words.append(element.text or "")
        elif element.tag == qn("w:p"):
            words.append(" ")
        elif element.tag != qn("w:br") or element.get(qn("w:type")) == "page":
            pages.append("".join(words))
            words = []
    pages.append("".join(words))
    pages = [" ".join(page.split()) for page in pages]
    return pages[:max_pages], len(pages)


def odt_pages(data, max_pages):
    """An ODT file marks where LibreOffice broke its pages (text:soft-page-break)."""
    from odf import opendocument, teletype, text

    try:
        document = opendocument.load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise Unreadable(str(error)) from error
    pages, words = [], []
    for paragraph in document.text.getElementsByType(text.P) + document.text.getElementsByType(text.H):
        if paragraph.getElementsByType(text.SoftPageBreak):
            pages.append(" ".join(words))
            words = []
        words.append(teletype.extractText(paragraph))
    pages.append(" ".join(words))
    pages = [" ".join(page.split()) for page in pages]
    return pages[:max_pages], len(pages)


READERS = {"pdf": pdf_pages, "docx": docx_pages, "odt": odt_pages}


def extract(data, file_format, max_pages):
    """{"pages": [...], "page_count": n}, or {"error": why}."""
    try:
        pages, count = READERS[file_format](data, max_pages)
    except Encrypted:
        return {"error": "encrypted"}
    except Unreadable as error:
        return {"error": "unreadable", "detail": str(error)[:300]}
    except RecursionError:
        return {"error": "unreadable", "detail": "nested too deeply"}
    return {"pages": pages, "page_count": count}


def main(argv):
    file_format, max_pages, memory_mb = argv[1], int(argv[2]), int(argv[3])
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    data = sys.stdin.buffer.read()
    try:
        answer = extract(data, file_format, max_pages)
    except MemoryError:
        answer = {"error": "memory"}
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
