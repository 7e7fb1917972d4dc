"""The defaults the command line shows before it loads anything else (kept here, apart
from the modules that use them, so that ``kg --help`` imports none of those)."""

from __future__ import annotations

#: The genre that lets each report's own marks choose its genre.
AUTO = "auto"
#: The base IRI of the graph's resources, unless ``--base`` says another.
DEFAULT_BASE = "https://example.org/kg/id/"
#: Where ``kg serve`` listens unless told.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: A file named so is standard input where a command reads one, standard output where it
#: writes one.
STDIN = "-"
