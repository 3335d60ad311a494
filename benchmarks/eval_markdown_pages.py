#!/usr/bin/env python3
"""The development set's saved pages as a Markdown converter writes them (html2text, as Jina
Reader, markdownify and browser clippers write pages too), scored against their gold with
``../shared/tools/score.py``: what a user gets who saved pages as Markdown.

Needs html2text (``pip install html2text``; not a dependency of bulletin-cli, only of this
measurement).

usage: python benchmarks/eval_markdown_pages.py [OUT_DIR]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
GOLD = ROOT.parent / "shared" / "corpus" / "real-gold"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"


def main() -> None:
    try:
        import html2text
    except ImportError:
        sys.exit("needs html2text: pip install html2text")
    sys.path.insert(0, str(ROOT / "src"))
    from bulletin_cli.read.html import declared_charset  # the page decoded by the charset it declares
    from bulletin_cli.read.text import decode_bytes

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="markdown-pages-"))
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(REAL.glob("*.html"))
    for page in pages:
        data = page.read_bytes()
        text = decode_bytes(data, encoding=declared_charset(data)).text
        (out / f"{page.name.split('.')[0]}.md").write_text(html2text.HTML2Text().handle(text), encoding="utf-8")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    proc = subprocess.run([sys.executable, str(SCORE), "--gold", str(GOLD), *map(str, sorted(out.glob("*.md")))],
                          capture_output=True, text=True, env=env)
    print(proc.stdout.strip())


if __name__ == "__main__":
    main()
