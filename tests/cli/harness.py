"""harness.py - what the command-line test scripts share: the pass/fail
tally, and `juesuan dump` read into a dict.

    from harness import Tally
    T = Tally()              # Tally(Exception) counts any exception as a failure
    @T.test
    def some_check(): assert ...
    T.finish()               # "N passed, N failed"; exit 1 on any failure

Each test runs when it is decorated, in file order, as before.
"""
import sys


class Tally:
    def __init__(self, catch=AssertionError):
        self.catch = catch
        self.passed = self.failed = 0

    def test(self, fn):
        """Run fn now: PASS, or FAIL with the assertion's message."""
        try:
            fn()
            self.passed += 1
            print("PASS", fn.__name__)
        except self.catch as e:
            self.failed += 1
            if isinstance(e, AssertionError):
                print("FAIL", fn.__name__, "-", e)
            else:
                print("FAIL", fn.__name__, "-", type(e).__name__, str(e)[:400])
        return fn

    def finish(self, cleanup=None):
        """Print the tally, run cleanup(), exit 1 on any failure."""
        print("%d passed, %d failed" % (self.passed, self.failed))
        if cleanup:
            cleanup()
        sys.exit(1 if self.failed else 0)


def dump_cells(run, path):
    """`juesuan dump PATH` through run(*args) -> (rc, out, err): a dict
    (sheet, cell) -> (type, value, ...) of every cell as the checker reads it."""
    rc, out, err = run("dump", path)
    assert rc == 0, err
    cells = {}
    for line in out.splitlines():
        parts = line.split("\t")
        cells[(parts[0], parts[1])] = tuple(parts[2:])
    return cells
