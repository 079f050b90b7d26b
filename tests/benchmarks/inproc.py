"""Run one benchmark function inside Django: `python -m tests.benchmarks.inproc mod:func JSON`.

The harness starts this with the server's environment (DJANGO_SETTINGS_MODULE and the rest), so
the function sees the same database, cache and settings as gunicorn. It is called with the JSON
object as keyword arguments and its JSON-able return value is printed on the last line, after
harness.RESULT_MARKER.
"""

import importlib
import json
import sys


def main(argv):
    target, arguments = argv[1], json.loads(argv[2]) if len(argv) > 2 else {}
    import django

    django.setup()
    module_name, function_name = target.split(":")
    function = getattr(importlib.import_module(module_name), function_name)
    result = function(**arguments)

    from .harness import RESULT_MARKER

    print(RESULT_MARKER + json.dumps(result, default=str), flush=True)


if __name__ == "__main__":
    main(sys.argv)
