"""harness.py - the pass/fail tally the command-line test scripts share.

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
