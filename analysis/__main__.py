"""Command line of the kit, used by the Makefile.

    python -m analysis run-notebook notebooks/01_corpus.py [...]
    python -m analysis codebook figures/codebook.md
    python -m analysis fetch-news [--dest PATH] [--force]
"""

import sys

from . import news, notebooks, validation

COMMANDS = {
    "run-notebook": notebooks.main,
    "codebook": lambda args: validation.main(["codebook", *args]),
    "fetch-news": news.main,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
