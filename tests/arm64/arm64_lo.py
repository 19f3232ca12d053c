#!/usr/bin/env python3
"""arm64_lo.py - the extension inside the emulated aarch64 LibreOffice.

    arm64_lo.py CLI WORKDIR SAMPLE.ods ADDIN.fods SOFFICE_PID

Run by arm64-lo-test.sh with the host's (x86-64) Python UNO bridge talking
over a pipe to the aarch64 soffice.bin running under qemu-user in the arm64
Debian root (the UNO remote protocol does not care about the architecture):

  - the add-in formula sheet (tests/lo/addin-fods.sh) loaded, so calculated,
    by the aarch64 office and written as tab-separated text to
    WORKDIR/out/addin.csv, for tests/lo/addin-check.awk to compare with the
    x86-64 test's expected values;
  - the juesuan.so the office process has mapped is the one of
    platform/linux_aarch64/ (from /proc/SOFFICE_PID/maps);
  - 校验 through the real dispatch on the sample: validate_test.py's
    test_workbook, the same checks as on x86-64 (findings equal to
    `juesuan check --json` of the x86-64 CLI, results sheet, marks,
    re-validation, save, 清除标记, undo).
Prints one line per check and how long each part took; exit 1 when any failed.
"""

import os
import sys
import time

import uno

import validate_test as vt
from validate_lib import Office, prop


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def main():
    cli, work, sample, fods, pid = sys.argv[1:6]
    t0 = time.perf_counter()
    office = Office()

    # The formula sheet: loading computes every formula (no cached values).
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)
    t = time.perf_counter()
    doc = office.desktop.loadComponentFromURL(url(fods), "_blank", 0, (prop("Hidden", True),))
    try:
        doc.storeToURL(url(os.path.join(out, "addin.csv")),
                       (prop("FilterName", "Text - txt - csv (StarCalc)"),
                        prop("FilterOptions", "9,34,76,1")))
    finally:
        doc.close(True)
    print("     formula sheet loaded and written in %.1f s" % (time.perf_counter() - t))

    # The library the office loaded.
    with open("/proc/%s/maps" % pid) as f:
        libs = sorted({line.split(None, 5)[5] for line in f.read().splitlines()
                       if line.endswith("/juesuan.so") and len(line.split(None, 5)) == 6})
    vt.check(libs and all("/platform/linux_aarch64/juesuan.so" in lib for lib in libs),
             "the office process maps platform/linux_aarch64/juesuan.so only: %s" % libs)
    with open("/proc/%s/maps" % pid) as f:
        arm = any(line.rstrip().endswith("/usr/lib/libreoffice/program/libmergedlo.so") for line in f)
    vt.check(arm, "the office process maps the arm64 root's libmergedlo.so")

    # 校验 through the dispatch, as on x86-64.
    t = time.perf_counter()
    vt.test_workbook(office, cli, sample)
    print("     校验 checks took %.1f s" % (time.perf_counter() - t))
    print("     all in %.1f s" % (time.perf_counter() - t0))
    return 1 if vt.FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
