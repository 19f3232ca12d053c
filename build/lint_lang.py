#!/usr/bin/env python3
"""build/lint_lang.py - one language per UI: a message a user can read is
given in Chinese and English (js_error_set_l), never in English only.

Flags every js_error_set( call in addin/ whose format is not an
out-of-memory message (js_error_set gives JS_ENOMEM the Chinese 内存不足,
see error.h), unless the call is on ALLOW below with the reason it may stay
as it is.  A call is named by its file and its format as written (adjacent
literals joined), or by JS_L when its text is picked by the UI language at
the time of the call; run from the top of the tree.
"""
import os
import re
import sys

# (file, format or "JS_L") -> why it may stay English (or stay as it is)
ALLOW = {
    # internal: no user can trigger these (LibreOffice's own objects failing,
    # or a programming error); they go to the log and tests, not to a user
    ("addin/uno/commands/commands.c", "unknown command"): "a command id out of our own table",
    ("addin/uno/commands/export.c", "no object where one was expected"): "a UNO call returned null",
    ("addin/uno/commands/export.c", "no URL for %s"): "LibreOffice cannot name our own temp file",
    ("addin/uno/commands/export_page.c", "%s is not a string"): "a PDF filter property of ours",
    ("addin/uno/helpers/uno_calls.c", "%s::%s returned nothing"): "a UNO call returned null",
    ("addin/uno/helpers/uno_values.c", "text from LibreOffice is not valid Unicode"): "UNO strings are UTF-16",
    ("addin/uno/helpers/uno_values.c", "UNO type %s is not known"): "a UNO type lookup",
    ("addin/uno/helpers/uno_values.c", "not a number"): "callers word the user's message (functions.c)",
    ("addin/uno/helpers/uno_values.c", "calling %s on a null interface"): "a UNO call on null",
    ("addin/uno/helpers/uno_values.c", "UNO member %s is not known"): "a UNO member lookup",
    ("addin/uno/helpers/uno_values.c", "%s failed: %s"): "a UNO exception's own (English) text",
    ("addin/uno/helpers/uno_values.c", "the object does not implement %s"): "a UNO queryInterface",
    ("addin/uno/marks/marks_grid.c", "grid cell %zu,%zu out of range"): "an index of our own grid",
    ("addin/uno/results/results_sheet.c", "column %d not found"): "a column of our own results sheet",
    ("addin/uno/services/dispatch.c", "DispatchDescriptor type is unknown"): "a UNO type lookup",
    ("addin/uno/services/object.c", "%s does not implement %s"): "a UNO queryInterface of ours",
    ("addin/uno/ui/dispatch_pick.c", "no controller"): "a frame without a controller",
    ("addin/uno/ui/dispatch_pick.c", "no model"): "a controller without a model",
    ("addin/cli/report_html.c", "report.html: unknown marker %.*s"): "the page is built in",
    ("addin/cli/report_html.c", "report.html: unterminated marker"): "the page is built in",
    # a text already in the UI's language, passed on as it is
    ("addin/uno/commands/commands.c", "%s"): "the command's message, worded with JS_L",
    ("addin/uno/commands/run_export.c", "%s"): "the validation summary, worded with JS_L",
    ("addin/uno/marks/marks_view.c", "%s"): "the previous message, kept across a courtesy call",
    ("addin/uno/services/main_thread.c", "%s"): "the message the command set on the main thread, relayed",
    # worded with JS_L (the UI's language at the call); being changed
    # elsewhere: convert to js_error_set_l when they are next touched
    ("addin/uno/commands/run_carry.c", "JS_L"): "JS_L pair",
    ("addin/uno/commands/run_fill.c", "JS_L"): "JS_L pair",
    ("addin/uno/commands/run_read.c", "JS_L"): "JS_L pair",
}

TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|/\*.*?\*/|//[^\n]*', re.S)
CALL = re.compile(r'(?<![\w.>])js_error_set\s*\(')
LITS = re.compile(r'\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')


def uncomment(text):
    """The source with comments blanked (newlines kept), strings as they are."""
    def blank(m):
        s = m.group(0)
        return s if s[0] in "\"'" else re.sub(r"[^\n]", " ", s)
    return TOKEN.sub(blank, text)


def calls(path):
    """(line, code, format) of each js_error_set call; format "JS_L" or the literal."""
    with open(path, encoding="utf-8") as f:
        text = uncomment(f.read())
    for m in CALL.finditer(text):
        if re.search(r"\bint\s*$", text[:m.start()]):  # the definition
            continue
        line = text.count("\n", 0, m.start()) + 1
        rest = text[m.end():]
        code, _, rest = rest.partition(",")
        lits = LITS.match(rest)
        if lits:
            fmt = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', lits.group(1)))
            after = rest[lits.end():].lstrip()
            if fmt == "%s" and after.startswith(",") and after[1:].lstrip().startswith("JS_L("):
                fmt = "JS_L"
        elif rest.lstrip().startswith("JS_L("):
            fmt = "JS_L"
        else:
            fmt = rest.strip().split("\n")[0]
        yield line, code.strip(), fmt


def main():
    bad = 0
    used = set()
    for root, _, files in os.walk("addin"):
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(root, name)
            for line, code, fmt in calls(path):
                if code == "JS_ENOMEM" and "out of memory" in fmt:
                    continue
                if (path, fmt) in ALLOW:
                    used.add((path, fmt))
                    continue
                print('%s:%d: js_error_set(%s, "%s"): word it in both languages with '
                      "js_error_set_l (or justify it in build/lint_lang.py)" % (path, line, code, fmt))
                bad += 1
    for path, fmt in sorted(set(ALLOW) - used):
        print('build/lint_lang.py: ALLOW names no call: %s "%s" (remove it)' % (path, fmt))
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
