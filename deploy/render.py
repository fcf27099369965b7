"""Fill in the `${NAME}` placeholders of a deploy/ template.

    python deploy/render.py deploy/nginx/cities-exchange.conf.in NAME=value ... > site.conf

Every placeholder must get a value: a forgotten one stops with its name rather than
leave a broken line in the output. `$name` without braces (nginx's own variables) is
left as it is. `make prod-up` (deploy/loopback.py) renders the same templates.
"""

import re
import sys
from pathlib import Path
from string import Template

PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")


def render(template_path, values):
    text = Path(template_path).read_text()
    missing = sorted(set(PLACEHOLDER.findall(text)) - set(values))
    if missing:
        raise SystemExit(f"{template_path}: no value given for {', '.join(missing)}")
    return Template(text).safe_substitute(values)


def main(arguments):
    if not arguments or any("=" not in argument for argument in arguments[1:]):
        raise SystemExit(__doc__)
    template_path, *assignments = arguments
    sys.stdout.write(render(template_path, dict(assignment.split("=", 1) for assignment in assignments)))


if __name__ == "__main__":
    main(sys.argv[1:])
