"""The ``zhnorm`` command line; ``cli.app:main`` is the console script."""
