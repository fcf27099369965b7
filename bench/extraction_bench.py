"""How fast the index worker reads attached documents, and how much memory a read takes.

For each format (a 200-page PDF, and DOCX and ODT files of 200 pages), written here
on the fly (demo/documents.py: about 3,000 characters a page), the bench runs the
child process the worker runs (cases/attachments.py) a few times and prints pages per
second (the child's start included) and the child's peak resident memory, which is
the memory ceiling of one read; it also prints the same read done in-process, without
the child, to show what the child costs.

    .venv/bin/python bench/extraction_bench.py [--pages 200] [--runs 3]

Needs no database nor OpenSearch.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")

import django  # noqa: E402

django.setup()

from cases import attachments  # noqa: E402
from cases.document_text import extract  # noqa: E402
from demo.documents import WRITERS  # noqa: E402

MEMORY_MB = attachments.MEMORY_MB
LINE = "The contractor shall run participatory budgeting assemblies in every borough of the city. "


def child_read(data, file_format):
    """One read as the worker does it: (seconds, peak RSS of the child in MB, pages read)."""
    started = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603 - our own module, our own interpreter
        [sys.executable, "-m", "cases.document_text", file_format, *map(str, (attachments.MAX_PAGES, MEMORY_MB))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    child.stdin.write(data)
    child.stdin.close()
    out = child.stdout.read()
    # Reaped here rather than by Popen, to read this child's own peak (KiB on Linux).
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024, len(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    pages = [f"Page {number}. " + LINE * 32 for number in range(1, options.pages + 1)]
    print(f"{options.pages} pages of {len(pages[0])} characters; best of {options.runs} runs")
    print(f"{'format':8}{'file KB':>9}{'child pages/s':>15}{'child peak MB':>15}{'in-process pages/s':>20}")
    for file_format, write in WRITERS.items():
        data = write(pages)
        best = min(child_read(data, file_format) for _ in range(options.runs))
        started = time.perf_counter()
        answer = extract(data, file_format, attachments.MAX_PAGES)
        inside = time.perf_counter() - started
        if len(answer.get("pages", ())) != options.pages:
            sys.exit(f"{file_format}: {answer}")
        print(
            f"{file_format:8}{len(data) / 1024:9.0f}{options.pages / best[0]:15.0f}{best[1]:15.0f}"
            f"{options.pages / inside:20.0f}"
        )


if __name__ == "__main__":
    main()
