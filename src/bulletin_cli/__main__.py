"""``python -m bulletin_cli`` runs the ``bulletin`` command."""

from .cli import main

main()
