"""The kit's command line, used by the Makefile.

    python -m analysis run-notebook notebooks/01_corpus.py [...]
    python -m analysis codebook figures/codebook.md
    python -m analysis fetch-news [--dest PATH] [--force]
    python -m analysis lab-settings [--prefix PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path

from ._output import write_text_atomic


def codebook_main(argv: list[str]) -> int:
    """``python -m analysis codebook OUT.md``: write the shipped codebook as Markdown."""
    from .report.codebook import codebook_markdown

    if len(argv) != 1:
        print("usage: python -m analysis codebook OUT.md", file=sys.stderr)
        return 2
    text = codebook_markdown()
    out = write_text_atomic(Path(argv[0]), text)
    print(f"wrote {out}")
    return 0


def main(argv: list[str]) -> int:
    """Run one command; print the usage and return 2 for an unknown one."""
    from . import jupyterlab
    from .corpus import fetch
    from .report import notebooks

    commands = {"run-notebook": notebooks.main, "codebook": codebook_main, "fetch-news": fetch.main,
                "lab-settings": jupyterlab.main}
    if not argv or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:])
