"""The words of the documents attached to cases, read by the index worker.

The case's search document (search_documents.py) asks `texts_of` for the documents of
a batch of cases as the worker (or a rebuild) writes them: never in a visitor's request.
A document is read once per version of its file (its hash); each read runs in a child
process (cases/document_text.py) bounded in bytes, pages, seconds and memory, and a
file that cannot be read leaves a message for the editor instead of stopping the worker.
"""

import json
import logging
import subprocess
import sys
from pathlib import Path

from .document_text import FORMATS
from .models.documents import DocumentText

logger = logging.getLogger(__name__)

# The bounds of one read: a file larger than MAX_BYTES is refused, and the pages
# after MAX_PAGES are left out (the editor is told). 200 pages read in about
# 3 seconds at about 70 MB (bench/document_extraction.py), far inside the others.
MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 300
TIMEOUT_SECONDS = 60
MEMORY_MB = 768
# The characters of one page kept for the index: a page of a report holds about 3,000.
PAGE_CHARACTERS = 20_000


def file_format(document):
    extension = Path(document.file.name).suffix.lower().lstrip(".")
    return extension if extension in FORMATS else None


def texts_of(documents):
    """{document id: DocumentText} for these wagtaildocs documents, reading those whose
    file changed since their last read (or never read)."""
    known = {text.document_id: text for text in DocumentText.objects.filter(document__in=documents)}
    for document in documents:
        text = known.get(document.pk)
        if text is None or text.file_hash != document.get_file_hash():
            known[document.pk] = read(document, text or DocumentText(document=document))
    return known


def read(document, text):
    text.file_hash = document.get_file_hash()
    text.pages, text.page_count, text.detail = [], 0, {}
    answer = run(document)
    if "error" in answer:
        text.status, text.problem = DocumentText.Status.FAILED, answer["error"]
        text.detail = {key: value for key, value in answer.items() if key != "error"}
        logger.warning("Document %s (%s) not indexed: %s", document.pk, document.title, answer)
    else:
        text.pages = [" ".join(page.split())[:PAGE_CHARACTERS] for page in answer["pages"]]
        text.page_count = answer["page_count"]
        shortened = text.page_count > len(text.pages)
        text.status = DocumentText.Status.SHORTENED if shortened else DocumentText.Status.READ
        text.problem = "too-long" if shortened else ""
    text.save()
    return text


def run(document):
    """The child's answer for this document, or the error that stopped it."""
    kind = file_format(document)
    if kind is None:
        return {"error": "format"}
    try:
        with document.file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return {"error": "unreadable", "format": kind, "reason": str(error)[:200]}
    if len(data) > MAX_BYTES:
        size = document.file_size or document.file.size
        return {"error": "too-large", "size": round(size / 2**20, 1), "limit": round(MAX_BYTES / 2**20, 1)}
    try:
        child = subprocess.run(  # noqa: S603 - our own module, our own interpreter
            [sys.executable, "-m", "cases.document_text", kind, str(MAX_PAGES), str(MEMORY_MB)],
            input=data,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            cwd=Path(__file__).resolve().parent.parent,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": "too-slow", "seconds": TIMEOUT_SECONDS}
    return answer_of(child, kind)


def answer_of(child, kind):
    try:
        answer = json.loads(child.stdout)
    except ValueError:
        # Killed by the memory ceiling or a crash of the parser: no JSON came out.
        stderr = child.stderr.decode(errors="replace").strip()
        if "MemoryError" in stderr:
            return {"error": "memory", "limit": MEMORY_MB}
        reason = stderr.splitlines()[-1][:200] if stderr else f"exit {child.returncode}"
        return {"error": "unreadable", "format": kind, "reason": reason}
    if answer.get("error") == "unreadable":
        return {"error": "unreadable", "format": kind, "reason": answer.get("detail", "")}
    if answer.get("error") == "memory":
        return {"error": "memory", "limit": MEMORY_MB}
    return answer
