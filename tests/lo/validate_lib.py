"""validate_lib.py - talking to the headless LibreOffice of validate_office.sh.

Connects over the pipe named in $VO_PIPE, loads documents hidden, runs the
决算 commands through the real dispatch (DispatchHelper on the document's
frame -> our protocol handler) and takes snapshots of everything a user can
see in a document: every cell's value, text and formula, every cell's
background (state and colour), every comment, the list of sheets.
"""

import json
import os
import subprocess
import threading
import time

import uno
import unohelper
from com.sun.star.awt import XCallback
from com.sun.star.beans import PropertyValue
from com.sun.star.beans.PropertyState import DIRECT_VALUE

OWN_SHEETS = ("校验结果", "校验标记")
PROTOCOL = "vnd.org.juesuan:"


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Office:
    def __init__(self):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % os.environ["VO_PIPE"]
        self.ctx = resolver.resolve(url)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.helper = self.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                          self.ctx)

    # Not Hidden: undoing a sheet insertion goes through the document's view
    # (ScTabView::SetTabNo), which a hidden document does not have.  The
    # office is headless anyway: nothing is shown.
    def load(self, path):
        return self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, ())

    def new_calc(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())

    def command(self, doc, name, main=False, **args):
        """Dispatch vnd.org.juesuan:<name> on the document's frame; the JSON
        result comes back in the DispatchResultEvent.  With main=True the
        dispatch runs on the office's main thread, as a click in the 决算
        menu does (see on_main); else on the bridge thread that carries this
        script's call."""
        if main:
            return self.on_main(lambda: self.command(doc, name, **args))
        frame = doc.CurrentController.Frame
        props = tuple(prop(k, v) for k, v in args.items())
        t0 = time.perf_counter()
        event = self.helper.executeDispatch(frame, PROTOCOL + name, "", 0, props)
        elapsed = time.perf_counter() - t0
        if event is None or not getattr(event, "Result", None):
            raise AssertionError("dispatch of %s returned no result: %r" % (name, event))
        result = json.loads(event.Result)
        result["_seconds"] = elapsed
        return result

    def on_main(self, fn, timeout=600):
        """fn() run on the office's main thread, its result returned.
        com.sun.star.awt.AsyncCallback calls notify() from the main loop; the
        bridge keeps the calling thread's identity, so the UNO calls fn makes
        from there run on the main thread too.  A call from a script
        otherwise runs on a bridge thread, and every write then waits for the
        main thread to finish what the previous write woke it for (measured:
        a first 校验 of the sample 120 ms from a bridge thread, 35 ms on the
        main thread)."""
        box = _MainCall(fn)
        callback = self.smgr.createInstanceWithContext("com.sun.star.awt.AsyncCallback", self.ctx)
        callback.addCallback(box, None)
        if not box.done.wait(timeout):
            raise AssertionError("the office's main thread did not run the call in %d s" % timeout)
        if box.error:
            raise box.error
        return box.result

    def save_as(self, src, dst, filter_name="calc8"):
        """The workbook at src stored by Calc as dst (another format by its
        filter name), the document closed again."""
        doc = self.load(src)
        try:
            self.store(doc, dst, filter_name)
        finally:
            doc.close(True)

    def validator(self):
        return self.smgr.createInstanceWithContext("org.juesuan.Validator", self.ctx)

    def store(self, doc, path, filter_name="calc8"):
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                       (prop("FilterName", filter_name),))


class _MainCall(unohelper.Base, XCallback):
    """One call for Office.on_main: its result or its exception."""

    def __init__(self, fn):
        self.fn = fn
        self.done = threading.Event()
        self.result = self.error = None

    def notify(self, data):
        try:
            self.result = self.fn()
        except Exception as e:  # handed to the waiting thread
            self.error = e
        finally:
            self.done.set()


def used_range(sheet):
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    a = cur.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow)


def sheet_names(doc):
    return list(doc.Sheets.ElementNames)


def snapshot(doc, backgrounds=True, skip_own=False):
    """Everything a user sees: per sheet, the data and formula arrays of the
    used area, each cell's background (state, colour) and the comments."""
    snap = {"sheets": sheet_names(doc)}
    for name in snap["sheets"]:
        if skip_own and name in OWN_SHEETS:
            continue
        sheet = doc.Sheets.getByName(name)
        rng = used_range(sheet)
        s = {"data": rng.getDataArray(), "formula": rng.getFormulaArray(),
             "visible": sheet.IsVisible, "protected": sheet.isProtected()}
        if backgrounds:
            bg = []
            a = rng.getRangeAddress()
            for r in range(a.EndRow + 1):
                for c in range(a.EndColumn + 1):
                    cell = sheet.getCellByPosition(c, r)
                    st = cell.getPropertyState("CellBackColor")
                    bg.append((r, c, int(st == DIRECT_VALUE), cell.CellBackColor))
            s["bg"] = bg
        s["notes"] = sorted((n.Position.Row, n.Position.Column, n.String)
                            for n in sheet.Annotations)
        snap[name] = s
    return snap


def diff_snapshots(a, b):
    """A short description of the first differences, or "" when equal."""
    out = []
    if a["sheets"] != b["sheets"]:
        out.append("sheets %r != %r" % (a["sheets"], b["sheets"]))
    for name in a["sheets"]:
        if name not in b or name not in a:
            continue
        for key in ("data", "formula", "bg", "notes", "visible", "protected"):
            x, y = a[name].get(key), b[name].get(key)
            if x != y:
                detail = ""
                if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
                    for i, (p, q) in enumerate(zip(x, y)):
                        if p != q:
                            detail = " first at %d: %r != %r" % (i, p, q)
                            break
                    else:
                        detail = " lengths %d != %d" % (len(x), len(y))
                out.append("%s.%s differs%s" % (name, key, detail))
    return "; ".join(out[:5])


def cli_check(cli, path):
    """`juesuan check --json` on a saved file: its parsed JSON object."""
    p = subprocess.run([cli, "check", "--json", path], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise AssertionError("juesuan check %s failed (%d): %s%s" % (path, p.returncode, p.stdout,
                                                                     p.stderr))
    return json.loads(p.stdout)


def comparable(findings):
    keys = ("rule", "severity", "message", "cells", "expected", "actual", "tolerance")
    return [{k: f.get(k) for k in keys} for f in findings]
