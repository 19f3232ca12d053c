#!/usr/bin/env python3
"""test_report.py BUILD_OUT - `juesuan check --report FILE.html --csv FILE.csv PATH...`.

Builds a district office's folder of about 300 workbooks (the samples of both
formats, flat and zipped, in nested subfolders, copies, a workbook with
warnings, file and sheet names holding <script> and &, a corrupt zip, random
bytes, a text file, an encrypted and a table-less workbook, lock files and
files that are no workbooks), runs the batch report over it and checks:
the CSV (one row per workbook file, each row's counts and status those of
`check --json` on that file alone, worst first, the unreadable rows with
their reasons), the HTML (self-contained, escaped, the same rows), exit
statuses, the progress line (terminal only), and then the page's own
script in a real headless Chromium: sorting, filtering, searching and the
English switch through the URL hash, asserted on the DOM it leaves, plus
screenshots kept in BUILD_OUT/report/.
Prints "N passed, N failed" last; exits 1 on any failure.
"""
import concurrent.futures
import csv
import html.parser
import io
import json
import os
import pty
import random
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from harness import Tally

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/out")
TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JUESUAN = os.path.join(OUT, "bin", "juesuan")
DATA = os.path.join(TOP, "tests", "data")
ENV = dict(os.environ, JUESUAN_CONTENT=os.path.join(OUT, "share", "juesuan"))
ART = os.path.join(OUT, "report")
TMP = tempfile.mkdtemp(prefix="juesuan-report-")
BATCH = os.path.join(TMP, "batch")
HTML = os.path.join(TMP, "out.html")
CSV = os.path.join(TMP, "out.csv")
TOTAL = 300
WORKBOOK = (".ods", ".fods", ".xlsx", ".xls")
SCRIPT_FILE = "<script>alert(1)&b.ods"
ODD_FILE = 'a,"quoted" name.ods'
SCRIPT_SHEET = "表三<script>alert(2)</script>&"
STATUS_RANK = {"无法读取": 0, "有错误": 1, "有警告": 2, "通过": 3}
JSON_STATUS = {0: "无法读取", 1: "有错误", 2: "有警告", 3: "通过"}

T = Tally()
test = T.test


def run(*args, **kw):
    p = subprocess.run([JUESUAN, *args], capture_output=True, text=True, env=ENV, timeout=600,
                       **kw)
    return p.returncode, p.stdout, p.stderr




def put(rel, data):
    path = os.path.join(BATCH, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def copy(src, rel):
    with open(src, "rb") as f:
        return put(rel, f.read())


def build_batch():
    """The folder: real workbooks, odd names, bad files, noise, then copies up to TOTAL."""
    sample = os.path.join(DATA, "sample")
    s2024 = os.path.join(DATA, "sample-2024")
    for name in sorted(os.listdir(sample)):
        if name.endswith(".ods"):
            copy(os.path.join(sample, name), "2016/" + name)
        elif name.endswith(".fods"):
            copy(os.path.join(sample, name), "2016/flat/" + name)
    for name in ("sample.ods", "sample.fods", "sample-26.fods"):
        copy(os.path.join(s2024, name), "2024/" + name)
    copy(os.path.join(DATA, "layouts", "2024-report-c-empty-tables.fods"),
         "2024/more/report-c.fods")  # warnings, no error
    copy(os.path.join(DATA, "layouts", "2024-report-a.fods"), "2024/more/report-a.fods")
    copy(os.path.join(sample, "v1-broken-class-sum.ods"), "odd/" + SCRIPT_FILE)
    copy(os.path.join(sample, "sample.ods"), "odd/" + ODD_FILE)
    with open(os.path.join(sample, "v1-broken-class-sum.fods"), encoding="utf-8") as f:
        text = f.read()
    assert text.count('table:name="表三"') == 1
    text = text.replace('table:name="表三"', 'table:name="%s"' % SCRIPT_SHEET.replace(
        "&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    put("odd/sheet-script.fods", text.encode("utf-8"))
    rnd = random.Random(10)
    put("bad/x.xlsx", bytes(rnd.randrange(256) for _ in range(4096)))
    with open(os.path.join(sample, "sample.ods"), "rb") as f:
        data = f.read()
    put("bad/truncated.ods", data[: len(data) // 2])
    put("bad/notes.ods", "这不是工作簿 / not a workbook\n".encode("utf-8"))
    copy(os.path.join(DATA, "ods", "encrypted.ods"), "bad/encrypted.ods")
    copy(os.path.join(DATA, "ods", "features.ods"), "bad/no-tables.ods")
    # noise: never rows
    put(".~lock.sample.ods#", b"lock")
    put("2016/.~lock.v1-broken-class-sum.ods", b"lock")
    put("README.txt", b"readme")
    copy(os.path.join(DATA, "ods", "letter.odt"), "bad/letter.odt")
    # copies, nested, up to TOTAL workbook files
    sources = [os.path.join(sample, n) for n in sorted(os.listdir(sample))
               if n.endswith(".ods")] + [os.path.join(s2024, "sample.ods")]
    i = len(expected_files())
    k = 0
    while i < TOTAL:
        src = sources[k % len(sources)]
        copy(src, "copies/%02d/%d/%03d-%s" % (k // 40, k % 3, k, os.path.basename(src)))
        i += 1
        k += 1


def expected_files():
    found = []
    for root, dirs, files in os.walk(BATCH):
        for n in files:
            if n.lower().endswith(WORKBOOK) and not n.startswith(".~lock"):
                found.append(os.path.join(root, n))
    return sorted(found)


def read_csv(path):
    with open(path, "rb") as f:
        data = f.read()
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    return rows[0], rows[1:]


def check_alone(path):
    rc, out, err = run("check", "--json", path)
    (o,) = [json.loads(line) for line in out.splitlines() if line.strip()]
    return rc, o


build_batch()
FILES = expected_files()
RC, STDOUT, STDERR = run("check", "--report", HTML, "--csv", CSV, BATCH)
HEAD, ROWS = read_csv(CSV) if os.path.exists(CSV) else ([], [])
with open(HTML, encoding="utf-8") if os.path.exists(HTML) else io.StringIO("") as f:
    PAGE = f.read()
COL = {name: i for i, name in enumerate(HEAD)}


def field(row, name):
    return row[COL[name]]


@test
def batch_runs_to_exit_2_quietly_with_one_summary_line():
    assert len(FILES) == TOTAL, len(FILES)
    assert RC == 2, (RC, STDERR)
    assert STDERR == "", "stderr not a terminal, yet: %r" % STDERR[:200]
    lines = STDOUT.splitlines()
    assert len(lines) == 1 and lines[0].startswith("%d 个工作簿" % TOTAL), STDOUT


@test
def csv_has_one_row_per_workbook_file():
    assert HEAD == ["文件", "部门", "年度", "格式", "状态", "错误", "警告", "提示", "说明数字",
                    "已核对", "原因"], HEAD
    files = [field(r, "文件") for r in ROWS]
    assert len(files) == len(set(files)) == TOTAL, len(files)
    assert sorted(files) == FILES, set(files) ^ set(FILES)
    assert not any(".~lock" in f or f.endswith((".odt", ".txt")) for f in files)


@test
def each_row_is_what_check_json_says_of_that_file_alone():
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        alone = dict(zip(FILES, pool.map(check_alone, FILES)))
    statuses = {}
    for r in ROWS:
        rc, o = alone[field(r, "文件")]
        st = field(r, "状态")
        statuses[st] = statuses.get(st, 0) + 1
        if "error" in o:
            assert rc == 2 and st == "无法读取", (r, o)
            assert field(r, "原因") == o["error"] and o["error"], (r, o)
            assert field(r, "错误") == "" and field(r, "格式") == "", r
            continue
        s = o["summary"]
        assert (int(field(r, "错误")), int(field(r, "警告")), int(field(r, "提示"))) == (
            s["errors"], s["warnings"], s["notes"]), (r, s)
        assert field(r, "格式") == o["format"], (r, o["format"])
        want = "有错误" if s["errors"] else "有警告" if s["warnings"] else "通过"
        assert st == want and rc == (1 if s["errors"] else 0), (r, s, rc)
        n = o.get("narrative")
        assert (field(r, "说明数字"), field(r, "已核对")) == (
            (str(n["cited"]), str(n["checked"])) if n else ("", "")), (r, n)
        assert field(r, "原因") == "", r
    assert all(statuses.get(k) for k in STATUS_RANK), statuses
    print("  statuses:", statuses)


@test
def rows_are_worst_first():
    keys = [(STATUS_RANK[field(r, "状态")], -int(field(r, "错误") or 0),
             -int(field(r, "警告") or 0), -int(field(r, "提示") or 0), field(r, "文件"))
            for r in ROWS]
    assert keys == sorted(keys), "not worst first"
    assert field(ROWS[0], "状态") == "无法读取" and field(ROWS[-1], "状态") == "通过"


@test
def unreadable_files_are_rows_with_their_reason():
    bad = {os.path.basename(field(r, "文件")): field(r, "原因") for r in ROWS
           if field(r, "状态") == "无法读取"}
    assert set(bad) == {"x.xlsx", "truncated.ods", "notes.ods", "encrypted.ods",
                        "no-tables.ods"}, bad
    assert all(reason and "\n" not in reason for reason in bad.values()), bad
    # the reason in the report's language (Chinese: no --lang), never both
    assert "不是电子表格" in bad["x.xlsx"] and "spreadsheet" not in bad["x.xlsx"], bad["x.xlsx"]
    assert "没有找到" in bad["no-tables.ods"] and "found" not in bad["no-tables.ods"], bad


@test
def department_and_year_come_from_the_workbook():
    by = {os.path.relpath(field(r, "文件"), BATCH): r for r in ROWS}
    r = by["2016/sample.ods"]
    assert (field(r, "部门"), field(r, "年度")) == ("广州市番禺区人民政府政务管理办公室", "2016"), r
    r = by["2024/sample.fods"]
    assert (field(r, "部门"), field(r, "年度")) == ("上海市某区文化和旅游局", "2024"), r
    # a report typed without the template's properties: from its cells
    r = by["2024/more/report-a.fods"]
    assert field(r, "年度") == "2024" and field(r, "部门"), r


@test
def csv_quotes_odd_file_names():
    names = {os.path.basename(field(r, "文件")) for r in ROWS}
    assert ODD_FILE in names and SCRIPT_FILE in names, names
    with open(CSV, "rb") as f:
        raw = f.read().decode("utf-8-sig")
    assert '"%s/odd/a,""quoted"" name.ods"' % BATCH in raw
    assert all(line.endswith("\r") or not line for line in raw.split("\n")), "not CRLF"


class Rows(html.parser.HTMLParser):
    """The top-level rows of the report's table (class book or detail), in order."""

    def __init__(self):
        super().__init__()
        self.books, self.details, self.th, self._th, self.lang = [], [], {}, None, None
        self._detail_depth = 0
        self._text = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "th" and "data-key" in a:
            self._th = a["data-key"]
            self.th[self._th] = ""
        if tag == "tr":
            cls = (a.get("class") or "").split()
            if "book" in cls:
                a["open"] = "open" in cls
                self.books.append(a)
            elif "detail" in cls:
                self.details.append(dict(a, text=""))
                self._detail_depth = 1
                return
            if self._detail_depth:
                self._detail_depth += 1
        if tag == "span" and "st" in (a.get("class") or "").split() and self.books:
            self._text = self.books[-1]

    def handle_endtag(self, tag):
        if tag == "th":
            self._th = None
        if tag == "tr" and self._detail_depth:
            self._detail_depth -= 1
        if tag == "span":
            self._text = None

    def handle_data(self, data):
        if self._th:
            self.th[self._th] += data
        if self._detail_depth:
            self.details[-1]["text"] += data
        if self._text is not None:
            self._text["status_text"] = self._text.get("status_text", "") + data


def parse(page):
    p = Rows()
    p.feed(page)
    assert len(p.books) == len(p.details), (len(p.books), len(p.details))
    return p


@test
def html_is_self_contained():
    assert PAGE.startswith("<!DOCTYPE html>"), PAGE[:40]
    low = PAGE.lower()
    for bad in ("http://", "https://", "src=", "href=", "@import", "url(", "<link", "<iframe"):
        assert bad not in low, bad
    assert re.findall(r"<script[^>]*>", PAGE) == ["<script>"], re.findall(r"<script[^>]*>", PAGE)


@test
def html_escapes_file_and_sheet_names():
    assert "<script>alert(" not in PAGE
    assert "&lt;script&gt;alert(1)&amp;b.ods" in PAGE
    assert "表三&lt;script&gt;alert(2)&lt;/script&gt;&amp;!C7" in PAGE
    assert 'a,&quot;quoted&quot; name.ods' in PAGE


@test
def html_rows_are_the_csv_rows():
    p = parse(PAGE)
    files = [b["data-file"] for b in p.books]
    assert files == [field(r, "文件") for r in ROWS], [
        (a, r[0]) for a, r in zip(files, ROWS) if a != r[0]][:3]
    for b, r in zip(p.books, ROWS):
        assert b["data-status"] in ("unreadable", "errors", "warnings", "passed"), b
        assert STATUS_RANK[field(r, "状态")] == int(b["data-rank"]), (b, r)
        if field(r, "错误"):
            assert int(b["data-errors"]) == int(field(r, "错误")), (b, r)
    assert all("hidden" in d for d in p.details), "details start closed"
    m = re.search(r'<button type="button" class="card books"[^>]*><b>(\d+)</b>', PAGE)
    assert m and int(m.group(1)) == TOTAL, m
    # each finding of a workbook is in its detail row, with its cell
    i = [b["data-file"] for b in p.books].index(os.path.join(BATCH, "2016/v1-broken-class-sum.ods"))
    assert "X.T1-T3.lei" in p.details[i]["text"], p.details[i]["text"][:300]
    assert "表三!C7" in p.details[i]["text"], p.details[i]["text"][:300]


@test
def exit_status_is_that_of_check():
    s = os.path.join(DATA, "sample")
    cases = [([os.path.join(s, "sample.ods"), os.path.join(s, "v7-reordered.ods")], 0),
             ([os.path.join(s, "sample.ods"), os.path.join(s, "v1-broken-class-sum.ods")], 1),
             ([os.path.join(s, "v1-broken-class-sum.ods"), os.path.join(BATCH, "bad/x.xlsx")], 2)]
    for files, want in cases:
        rc_plain, _, _ = run("check", *files)
        rc, out, err = run("check", "--report", os.path.join(TMP, "e.html"), *files)
        assert rc == rc_plain == want, (files, rc, rc_plain, want, err)
    # a folder of clean workbooks only
    clean = os.path.join(TMP, "clean")
    os.makedirs(os.path.join(clean, "sub"))
    shutil.copy(os.path.join(s, "sample.ods"), os.path.join(clean, "sub", "a.ods"))
    rc, out, err = run("check", "--csv", os.path.join(TMP, "c.csv"), clean)
    assert rc == 0 and "1 个工作簿: 1 个通过" in out, (rc, out, err)


@test
def json_lines_with_report_are_those_of_check_json():
    files = FILES[:20]
    rc1, plain, _ = run("check", "--json", *files)
    rc2, batch, _ = run("check", "--json", "--report", os.path.join(TMP, "j.html"), *files)
    assert rc1 == rc2 and plain == batch and plain.count("\n") == 20, (rc1, rc2)


@test
def progress_on_a_terminal_only():
    folder = os.path.join(BATCH, "2016")
    n = len([f for f in FILES if f.startswith(folder + "/")])
    master, slave = pty.openpty()
    p = subprocess.Popen([JUESUAN, "check", "--report", os.path.join(TMP, "p.html"), folder],
                         stdout=subprocess.PIPE, stderr=slave, env=ENV)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    p.wait(timeout=120)
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "%d/%d " % (n, n) in text and "1/%d " % n in text, text[:300]
    assert "v1-broken-class-sum.ods" in text, text[:300]


@test
def report_that_cannot_be_written_is_exit_2_naming_it():
    rc, out, err = run("check", "--report", "/nonexistent-dir/r.html",
                       os.path.join(DATA, "sample", "sample.ods"))
    assert rc == 2 and "/nonexistent-dir/r.html" in err, (rc, err)
    rc, out, err = run("check", "--csv", TMP, os.path.join(DATA, "sample", "sample.ods"))
    assert rc == 2 and TMP in err, (rc, err)
    assert not [n for n in os.listdir(TMP) if n.startswith(".")], os.listdir(TMP)


@test
def english_csv():
    out = os.path.join(TMP, "en.csv")
    rc, _, _ = run("check", "--lang", "en", "--csv", out, os.path.join(BATCH, "bad"),
                   os.path.join(DATA, "sample", "sample.ods"))
    head, rows = read_csv(out)
    assert rc == 2 and head[0] == "file" and head[4] == "status", head
    assert [r[4] for r in rows] == ["unreadable"] * 5 + ["passed"], rows
    reasons = {os.path.basename(r[0]): r[-1] for r in rows}
    assert "not a spreadsheet" in reasons["x.xlsx"], reasons
    assert "no tables of format" in reasons["no-tables.ods"], reasons
    assert not any(re.search("[\u4e00-\u9fff]", reasons[k]) for k in ("x.xlsx", "no-tables.ods")), reasons


# ---- the page's own script in a real browser --------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(args, name):
    """Run headless Chromium with its own profile; its stdout, or "" after a timeout
    (its whole process group is then killed: nothing is left running)."""
    profile = os.path.join(TMP, "chrome-" + name)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-extensions", "--disable-background-networking", "--disable-sync",
           "--disable-dev-shm-usage", "--user-data-dir=" + profile, *args]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    try:
        out, _ = p.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        print("  chromium timed out:", name)
        return ""
    return out.decode("utf-8", "replace")


def url(fragment=""):
    return "file://" + urllib.parse.quote(HTML) + ("#" + fragment if fragment else "")


DUMPS = {
    "errors-en": "sort=errors&filter=%E6%9C%89%E9%94%99%E8%AF%AF&lang=en",  # 有错误
    "file-asc": "sort=file&dir=asc",
    "search": "q=" + urllib.parse.quote("<script>"),
    "unreadable-open": "filter=unreadable&open=all",
    "default": "",
}
SHOTS = {"report-zh.png": ("", "1400,1100"),
         "report-en-open.png": ("lang=en&filter=problems&sort=errors&open=all", "1400,1600")}
DOM = {}

if CHROMIUM:  # one at a time: each is a whole browser
    os.makedirs(ART, exist_ok=True)
    for k, v in DUMPS.items():
        DOM[k] = chromium(["--dump-dom", url(v)], k)
    for name, (frag, size) in SHOTS.items():
        target = os.path.join(ART, name)
        if os.path.exists(target):
            os.remove(target)
        chromium(["--screenshot=" + target, "--window-size=" + size, "--hide-scrollbars",
                  url(frag)], name)


def visible(p):
    return [b for b in p.books if "hidden" not in b]


@test
def browser_is_there():
    assert CHROMIUM, "chromium not installed (bash build/setup.sh)"


@test
def browser_sorts_filters_and_speaks_english():
    p = parse(DOM["errors-en"])
    rows = visible(p)
    want = sum(1 for r in ROWS if field(r, "状态") == "有错误")
    assert rows and len(rows) == want, (len(rows), want)
    assert all(b["data-status"] == "errors" for b in rows)
    errs = [int(b["data-errors"]) for b in rows]
    assert errs == sorted(errs, reverse=True) and errs[0] > errs[-1], errs
    assert p.lang == "en", p.lang
    assert p.th["file"] == "File" and p.th["errors"] == "Errors", p.th
    assert all(b.get("status_text") == "Errors" for b in rows), rows[0]
    assert "%d of %d workbooks shown" % (want, TOTAL) in DOM["errors-en"]


@test
def browser_sorts_by_file_name():
    p = parse(DOM["file-asc"])
    files = [b["data-file"] for b in p.books]
    assert len(visible(p)) == TOTAL and p.th["file"] == "文件", p.th
    assert files == sorted(files, key=str.lower), files[:5]
    assert files != [field(r, "文件") for r in ROWS]


@test
def browser_search_finds_the_script_names():
    p = parse(DOM["search"])
    rows = [b["data-file"] for b in visible(p)]
    assert sorted(os.path.relpath(f, BATCH) for f in rows) == [
        "odd/" + SCRIPT_FILE, "odd/sheet-script.fods"], rows
    assert "<script>alert" not in DOM["search"]


@test
def browser_opens_unreadable_rows_with_their_reason():
    p = parse(DOM["unreadable-open"])
    pairs = [(b, d) for b, d in zip(p.books, p.details) if "hidden" not in b]
    assert len(pairs) == 5, len(pairs)
    for b, d in pairs:
        assert b["data-status"] == "unreadable" and b["open"] and "hidden" not in d, (b, d)
        assert "无法读取：" in d["text"], d
    assert all("hidden" in d for b, d in zip(p.books, p.details) if "hidden" in b)


@test
def browser_default_is_worst_first_in_chinese():
    p = parse(DOM["default"])
    assert [b["data-file"] for b in p.books] == [field(r, "文件") for r in ROWS]
    assert p.lang == "zh-CN" and p.th["status"] == "状态", (p.lang, p.th)
    assert "显示 %d / %d 个工作簿" % (TOTAL, TOTAL) in DOM["default"]


@test
def browser_screenshots_are_written():
    for name in SHOTS:
        path = os.path.join(ART, name)
        with open(path, "rb") as f:
            head = f.read(24)
        assert head.startswith(b"\x89PNG"), name
        assert os.path.getsize(path) > 20000, (name, os.path.getsize(path))
        print("  screenshot:", path, int.from_bytes(head[16:20], "big"), "x",
              int.from_bytes(head[20:24], "big"))


shutil.copy(HTML, os.path.join(ART, "report.html")) if os.path.isdir(ART) else None
T.finish(lambda: shutil.rmtree(TMP, ignore_errors=True))
