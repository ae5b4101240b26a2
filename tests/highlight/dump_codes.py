"""The code blocks of a `folio dump --json` file, in document order (for the highlighting
end-to-end scripts, which put this folder on PYTHONPATH)."""
import json


def code_blocks(dump_path):
    codes = []
    stack = [json.load(open(dump_path, encoding="utf-8"))]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if x.get("t") == "CodeBlock":
                codes.append(x)
            stack.extend(reversed(list(x.values())))
        elif isinstance(x, list):
            stack.extend(reversed(x))
    return codes
