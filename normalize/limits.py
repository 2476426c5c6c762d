"""Limits that the loader and the command line share, in a module that imports nothing.

``zhnorm --help`` shows these defaults, and importing the loader for them would slow it down.
"""

MAX_DOC_BYTES = 512 * 1024**2
"""The largest document the loader reads: bytes of text, after gunzip (``--max-doc-bytes``)."""
