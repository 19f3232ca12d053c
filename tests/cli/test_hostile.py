#!/usr/bin/env python3
"""test_hostile.py BUILD_OUT - `juesuan` against hostile and broken input (issue 12).

Each row of issue 12's table that concerns `fill`, the messages and libxml2
is reproduced here and must now behave:
  - names longer than 512 bytes: `fill` writes them whole, OUT checks like IN;
  - a 10 MB cell: `fill` says which limit it passes (exit 2, one line), and
    with `--limit cell-text=16M` writes an OUT that checks like IN;
  - a mimetype (or sheet name) holding a newline, terminal escapes, C1
    controls or bidi overrides: escaped in the text report, one line;
  - a rule file with a bad encoding: one line on stderr for the whole run,
    naming the file, line 2 and the real error; a damaged workbook, a broken
    narrative template or schema: exactly our one line, nothing from libxml2;
  - `fill IN OUT` with OUT read-only, a folder or a link: refused, OUT as it
    was; OUT keeps its mode, a new OUT gets 0666 & ~umask; SIGINT, SIGTERM
    and SIGHUP in the middle leave OUT as it was and no temporary file.
And the proof that `fill` never exits 0 with an OUT that `juesuan` cannot
read: fill every file of the ODS fuzz corpus, of tests/data/ods, the same
files with the sample's sheets grafted in (so that fill gets as far as
writing), and the crafted variants of the sample; whenever fill exits 0,
`dump` reads OUT and `check` gives OUT the findings of IN; whenever it does
not, there is no OUT; never a temporary file.
Prints "N passed, N failed" last; exits 1 on any failure.
"""
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

from harness import Tally

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/out")
TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JUESUAN = os.path.join(OUT, "bin", "juesuan")
SAMPLE = os.path.join(TOP, "tests", "data", "sample")
CONTENT = os.path.join(OUT, "share", "juesuan")
ENV = dict(os.environ, JUESUAN_CONTENT=CONTENT)
TMP = tempfile.mkdtemp(prefix="juesuan-hostile-")
FATAL = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

T = Tally(Exception)
test = T.test


def default_signals():
    """In the child: the signals fill catches start at their default (a CI
    runner may ignore SIGHUP or SIGINT, and fill keeps what is ignored)."""
    for s in FATAL:
        signal.signal(s, signal.SIG_DFL)


def run(*args, env=ENV):
    """Run juesuan; (exit status, stdout bytes, stderr bytes)."""
    p = subprocess.run([JUESUAN, *args], capture_output=True, env=env, timeout=300,
                       preexec_fn=default_signals)
    return p.returncode, p.stdout, p.stderr




def path(name):
    return os.path.join(TMP, name)


def read(p):
    with open(p, "rb") as f:
        return f.read()


def write(p, data):
    with open(p, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def temps_in(folder):
    """Temporary files of the writer (".<name>.XXXXXX") left in a folder."""
    return [n for n in os.listdir(folder) if re.match(r"^\..+\.[0-9a-f]{6}$", n)]


def summary(p):
    """check --json of one file: (exit status, summary or error)."""
    rc, out, _ = run("check", "--json", p)
    o = json.loads(out.decode("utf-8").splitlines()[0])
    return rc, o.get("summary", "error" in o and "unusable")


SAMPLE_FODS = read(os.path.join(SAMPLE, "sample.fods")).decode("utf-8")
ROOT_NS = " ".join(re.findall(r'xmlns:[\w-]+="[^"]*"', SAMPLE_FODS[:SAMPLE_FODS.index(">", SAMPLE_FODS.index("<office:document "))]))
NARRATIVE = '<table:table table:name="情况说明"'


def narrative_span(text):
    """Start and end of the narrative sheet's table element in the sample."""
    a = text.index(NARRATIVE)
    return a, text.index("</table:table>", a) + len("</table:table>")


def extra_sheet(cell_xml):
    """A sheet of one row holding `cell_xml`, added after the sample's sheets."""
    return ('<table:table table:name="附注"><table:table-row>%s</table:table-row></table:table>'
            % cell_xml)


def with_extra_sheet(text, sheet_xml):
    i = text.rindex("</office:spreadsheet>")
    return text[:i] + sheet_xml + text[i:]


# ---- the crafted variants of the sample (all must fill, and check like it)

def variant_long_names():
    t = SAMPLE_FODS
    a, b = narrative_span(t)
    long = "a" * 600
    cjk = "名" * 200
    table = t[a:b]
    table = table.replace(NARRATIVE, '<table:table xmlns:x="urn:x" x:%s1="1" x:%s2="2" table:name="情况说明"'
                          % (long, long), 1)
    start = table.index(">") + 1
    table = table[:start] + '<x:%s/>' % cjk + table[start:]
    # and inside the first row that gets a generated text
    g = table.index('<table:table-cell table:style-name="gen"/>')
    table = table[:g] + '<x:%s x:%sq="v">t</x:%s>' % (cjk, long, cjk) + table[g:]
    return t[:a] + table + t[b:], (long + "1", long + "2", cjk)


def variant_other_prefixes():
    t = SAMPLE_FODS
    for old, new in (("table", "t"), ("text", "x"), ("office", "o")):
        t = re.sub(r"(</?)%s:" % old, r"\1%s:" % new, t)
        t = re.sub(r'(\s)%s:([\w-]+=")' % old, r"\1%s:\2" % new, t)
        t = t.replace("xmlns:%s=" % old, "xmlns:%s=" % new)
    return t


def variant_default_namespace():
    t = SAMPLE_FODS
    a, b = narrative_span(t)
    table = t[a:b].replace("<table:", "<").replace("</table:", "</")
    table = table.replace("<table ", '<table xmlns="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ', 1)
    return t[:a] + table + t[b:]


def variant_repeats_at_limits():
    t = SAMPLE_FODS
    a, b = narrative_span(t)
    table = t[a:b]
    # the generated cell and the next one as one repeated run
    table = table.replace('<table:table-cell table:style-name="gen"/>\n<table:table-cell table:style-name="textin"/>',
                          '<table:table-cell table:style-name="gen" table:number-columns-repeated="2"/>')
    # every row padded to Calc's last column, the sheet to its last row
    table = table.replace("</table:table-row>",
                          '<table:table-cell table:number-columns-repeated="16380"/></table:table-row>')
    rows = table.count("<table:table-row")
    table = table.replace("</table:table>",
                          '<table:table-row table:number-rows-repeated="%d"><table:table-cell '
                          'table:number-columns-repeated="16384"/></table:table-row></table:table>'
                          % (1048576 - rows))
    return t[:a] + table + t[b:]


def variant_row_groups():
    t = SAMPLE_FODS
    a, b = narrative_span(t)
    table = t[a:b]
    h = table.index("</table:table-header-rows>") + len("</table:table-header-rows>")
    e = table.rindex("</table:table-row>") + len("</table:table-row>")
    table = table[:h] + "<table:table-row-group>" + table[h:e] + "</table:table-row-group>" + table[e:]
    return t[:a] + table + t[b:]


def variant_huge_text():
    return with_extra_sheet(SAMPLE_FODS, extra_sheet(
        '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
        % ("长" * 3500000)))


def crafted():
    """name -> path of each crafted variant (written once)."""
    if not hasattr(crafted, "paths"):
        crafted.paths = {
            "long-names": write(path("long-names.fods"), variant_long_names()[0]),
            "other-prefixes": write(path("other-prefixes.fods"), variant_other_prefixes()),
            "default-namespace": write(path("default-namespace.fods"), variant_default_namespace()),
            "repeats-at-limits": write(path("repeats-at-limits.fods"), variant_repeats_at_limits()),
            "row-groups": write(path("row-groups.fods"), variant_row_groups()),
        }
    return crafted.paths


@test
def crafted_variants_fill_and_check_like_the_sample():
    base = summary(os.path.join(SAMPLE, "sample.fods"))
    assert base[0] == 0, base
    for name, p in crafted().items():
        assert summary(p) == base, (name, summary(p), base)
        out = path(name + "-out.fods")
        rc, so, se = run("fill", p, out)
        assert rc == 0, (name, se.decode()[-300:])
        assert b"13 " in so, (name, so[-200:])
        assert summary(out) == base, (name, summary(out))


@test
def names_longer_than_512_bytes_are_written_whole():
    text, names = variant_long_names()
    p = write(path("names.fods"), text)
    out = path("names-out.fods")
    rc, _, err = run("fill", p, out)
    assert rc == 0, err
    data = read(out).decode("utf-8")  # also: OUT is UTF-8 through and through
    for n in names:
        assert ":" + n in data, n[:20]
    assert summary(out) == summary(p)


@test
def a_10_mb_cell_is_a_limit_of_fill_not_damaged_xml():
    p = write(path("huge.fods"), variant_huge_text())
    out = path("huge-out.fods")
    rc, _, err = run("fill", p, out)
    lines = err.decode("utf-8").splitlines()
    assert rc == 2 and len(lines) == 1, (rc, lines)
    assert "cell-text" in lines[0] and "--limit cell-text=" in lines[0] and "damaged" not in lines[0], lines
    assert not os.path.exists(out) and not temps_in(TMP)
    rc, _, err = run("fill", "--limit", "cell-text=16M", p, out)
    assert rc == 0, err[-300:]
    assert summary(out) == summary(p)
    rc, _, err = run("fill", "--limit", "cell-text=lots", p, out)
    assert rc == 2 and b"cell-text" in err and err.count(b"\n") == 1, err


def forged_mimetype():
    p = path("mimetype.ods")
    with zipfile.ZipFile(os.path.join(SAMPLE, "sample.ods")) as zin, zipfile.ZipFile(p, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "mimetype":
                data = "text/plain\nsample.ods: 0 个错误\x1b[31m\x1b]0;title\x07\u202e\u0085".encode("utf-8")
            zout.writestr(item, data)
    return p


@test
def a_forged_mimetype_is_one_escaped_line():
    p = forged_mimetype()
    rc, out, err = run("check", p)
    assert rc == 2 and out == b"", (rc, out)
    assert err.count(b"\n") == 1 and err.endswith(b"\n"), err
    for raw in (b"\x1b", b"\x07", "\u202e".encode(), "\u0085".encode()):
        assert raw not in err, raw
    assert b"text/plain\\nsample.ods" in err and b"\\x1b[31m" in err and b"\\u202e" in err, err
    rc, out, _ = run("check", "--json", p)
    assert b"\\u001b" in out and b"\\u202e" in out and b"\x1b" not in out, out
    assert "\x1b" in json.loads(out)["error"]  # the same string, escaped
    rc, out, err = run("fill", p, path("mimetype-out.ods"))
    assert rc == 2 and err.count(b"\n") == 1 and b"\x1b" not in err, err


@test
def a_forged_sheet_name_is_escaped_in_the_report():
    t = read(os.path.join(SAMPLE, "v1-broken-class-sum.fods")).decode("utf-8")
    odd = "表三&#10;forged&#x9b;2J&#x202e;"
    t = t.replace('table:name="表三"', 'table:name="%s"' % odd, 1)
    p = write(path("sheetname.fods"), t)
    rc, out, _ = run("check", p)
    assert rc == 1, rc
    text = out.decode("utf-8")
    assert "表三\\nforged\\u009b2J\\u202e!C7" in text, text[:600]
    assert "\u009b" not in text and "\u202e" not in text and "forged\n" not in text
    lines = text.splitlines()
    assert lines[0].startswith("== ") and lines[-1].startswith("合计"), lines[:2]
    assert all(line.startswith(("错误", "警告", "提示")) for line in lines[1:-1]), lines


def bad_encoding_rules():
    return write(path("badenc.xml"), b'<?xml version="1.0" encoding="Shift_JIS"?>\n'
                                     b'<rules format="cn-bmjs-2016">\x82\xff\xfe\n</rules>\n')


@test
def a_bad_encoding_rule_file_is_one_line_for_the_whole_run():
    rules = bad_encoding_rules()
    files = [os.path.join(SAMPLE, "sample.ods"), os.path.join(SAMPLE, "sample.fods"),
             os.path.join(SAMPLE, "v1-broken-class-sum.ods")]
    rc, out, err = run("check", "-r", rules, *files)
    assert rc == 2 and out == b"", (rc, out)
    assert err.decode() == ("juesuan: %s:2: input conversion failed due to input error, "
                            "bytes 0x82 0xFF 0xFE 0x0A\n" % rules), err
    rc, out, err = run("fill", "-r", rules, files[0], path("rules-out.ods"))
    assert rc == 2 and err.count(b"\n") == 1 and b"badenc.xml:2: input conversion failed" in err, err


@test
def damaged_workbooks_give_exactly_our_lines():
    data = os.path.join(TOP, "tests", "data", "ods")
    files = [os.path.join(data, n) for n in ("damaged.fods", "badencoding.fods", "badcrc.ods",
                                             "doctype.fods", "truncated.ods")]
    rc, out, err = run("check", *files)
    lines = err.decode("utf-8").splitlines()
    assert rc == 2 and len(lines) == len(files), lines
    for f, line in zip(files, lines):
        assert line.startswith(f + ": "), line
    # in the language of --lang: Chinese by default
    assert "damaged.fods: 第 22 行的 XML 有误:" in lines[0], lines[0]
    assert "badencoding.fods: 第 2 行的 XML 有误:input conversion failed" in lines[1], lines[1]
    rc, out, err = run("check", "--lang", "en", *files)
    lines = err.decode("utf-8").splitlines()
    assert rc == 2 and len(lines) == len(files), lines
    assert "damaged.fods: damaged XML at line 22:" in lines[0], lines[0]
    assert "badencoding.fods: damaged XML at line 2: input conversion failed" in lines[1], lines[1]
    for f in files:
        rc, out, err = run("fill", f, path("damaged-out.ods"))
        assert rc == 2 and err.decode().count("\n") == 1 and err.startswith(f.encode()), err


def content_copy(name):
    c = path(name)
    if not os.path.exists(c):
        shutil.copytree(CONTENT, c)
    return c


@test
def a_broken_narrative_template_or_schema_is_our_one_line():
    c = content_copy("content-narr")
    tpl = os.path.join(c, "narrative", "cn-bmjs-2016.xml")
    text = read(tpl)
    write(tpl, text.replace(b'encoding="UTF-8"', b'encoding="Shift_JIS"', 1).replace(b">", b">\x82\xff", 3))
    env = dict(ENV, JUESUAN_CONTENT=c)
    rc, out, err = run("fill", os.path.join(SAMPLE, "sample.ods"), path("narr-out.ods"), env=env)
    lines = err.decode("utf-8").splitlines()
    assert rc == 2 and len(lines) == 1, lines
    assert "cn-bmjs-2016.xml:" in lines[0] and "input conversion failed" in lines[0], lines
    c = content_copy("content-schema")
    write(os.path.join(c, "schema", "rules.rng"), b"<grammar xmlns='http://relaxng.org/ns/structure/1.0'>\n<start><oops/>\n")
    env = dict(ENV, JUESUAN_CONTENT=c)
    rc, out, err = run("check", os.path.join(SAMPLE, "sample.ods"), os.path.join(SAMPLE, "sample.fods"), env=env)
    lines = err.decode("utf-8").splitlines()
    assert rc == 2 and len(lines) == 2, lines
    assert all("rules.rng:" in line for line in lines), lines


@test
def out_read_only_folder_or_link_is_refused_and_left_alone():
    src = os.path.join(SAMPLE, "sample.ods")
    ro = write(path("ro.ods"), "keep me")
    os.chmod(ro, 0o444)
    rc, _, err = run("fill", src, ro)
    assert rc == 2 and "是只读文件".encode() in err and err.count(b"\n") == 1, err
    rc, _, err = run("fill", "--lang", "en", src, ro)
    assert rc == 2 and b"read-only" in err and err.count(b"\n") == 1, err
    assert read(ro) == b"keep me" and stat.S_IMODE(os.stat(ro).st_mode) == 0o444
    os.makedirs(path("outdir"), exist_ok=True)
    rc, _, err = run("fill", src, path("outdir"))
    assert rc == 2 and "是文件夹".encode() in err, err
    rc, _, err = run("fill", "--lang", "en", src, path("outdir"))
    assert rc == 2 and b"folder" in err, err
    os.symlink("ro.ods", path("link.ods"))
    rc, _, err = run("fill", src, path("link.ods"))
    assert rc == 2 and "是符号链接".encode() in err and os.path.islink(path("link.ods")), err
    rc, _, err = run("fill", "--lang", "en", src, path("link.ods"))
    assert rc == 2 and b"symbolic link" in err and os.path.islink(path("link.ods")), err
    assert not temps_in(TMP)


@test
def out_keeps_its_mode_and_a_new_one_follows_the_umask():
    src = os.path.join(SAMPLE, "sample.ods")
    os.chmod(src, os.stat(src).st_mode)  # IN's mode plays no part
    old = write(path("mode.ods"), "old")
    os.chmod(old, 0o600)
    rc, _, err = run("fill", src, old)
    assert rc == 0, err
    assert stat.S_IMODE(os.stat(old).st_mode) == 0o600
    new = path("new-umask.ods")
    p = subprocess.run(["sh", "-c", 'umask 027 && exec "$0" fill "$1" "$2"', JUESUAN, src, new],
                       capture_output=True, env=ENV, timeout=120)
    assert p.returncode == 0, p.stderr
    assert stat.S_IMODE(os.stat(new).st_mode) == 0o640, oct(os.stat(new).st_mode)


@test
def an_interrupted_fill_leaves_out_as_it_was_and_no_temporary_file():
    # big enough that reading and writing take a noticeable time
    big = write(path("slow.fods"), with_extra_sheet(SAMPLE_FODS, extra_sheet(
        '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
        % ("慢" * 4000000))))
    folder = path("signals")
    os.makedirs(folder, exist_ok=True)
    out = write(os.path.join(folder, "out.fods"), "as it was")
    os.chmod(out, 0o640)
    for sig in FATAL:
        p = subprocess.Popen([JUESUAN, "fill", "--limit", "cell-text=16M", "--limit", "text-total=64M",
                              big, out], env=ENV, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, preexec_fn=default_signals)
        seen = False
        deadline = time.time() + 60
        while p.poll() is None and time.time() < deadline:
            if temps_in(folder):
                seen = True
                time.sleep(0.05)  # well inside the work, not at its start
                p.send_signal(sig)
                break
            time.sleep(0.001)
        rc = p.wait(timeout=120)
        assert seen, "%s: fill ended before its temporary file was seen (rc %d)" % (sig.name, rc)
        assert rc == -sig, (sig.name, rc)
        assert read(out) == b"as it was" and stat.S_IMODE(os.stat(out).st_mode) == 0o640, sig.name
        assert not temps_in(folder), (sig.name, os.listdir(folder))


# ---- the proof: fill never exits 0 with an OUT that juesuan cannot read

def graft(data, name):
    """The document `data` with the sample's sheets added to its spreadsheet
    (self-contained: each carries the sample's namespace declarations), so
    that fill reaches the writer on a document it did not design; None when
    there is no spreadsheet to graft into."""
    def into(xml):
        # Sheet names are unique in a workbook (the reader refuses a second
        # 表一, as Calc does): a sample sheet whose name the document already
        # uses is added as "表一 (2)"; the tables are found by their titles.
        taken = set(m.group(1) for m in re.finditer(rb':name="([^"]*)"', xml))
        sheets = []
        for m in re.finditer(r'<table:table table:name="([^"]*)".*?</table:table>', SAMPLE_FODS, re.S):
            sheet = m.group(0)
            if m.group(1).encode("utf-8") in taken:
                sheet = sheet.replace('table:name="%s"' % m.group(1), 'table:name="%s (2)"' % m.group(1), 1)
            sheets.append(sheet.replace("<table:table ", "<table:table %s " % ROOT_NS, 1))
        add = "".join(sheets).encode("utf-8")
        ms = list(re.finditer(rb"</([\w.-]+:)?spreadsheet>", xml))
        return xml[:ms[-1].start()] + add + xml[ms[-1].start():] if ms else None

    if data[:2] != b"PK":
        return into(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zin:
            content = into(zin.read("content.xml"))
            if content is None:
                return None
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w") as zout:
                for item in zin.infolist():
                    zout.writestr(item, content if item.filename == "content.xml" else zin.read(item.filename))
            return buf.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, NotImplementedError,
            zlib.error):
        return None


def proof_inputs():
    inputs = []
    for folder in (os.path.join(TOP, "tests", "fuzz", "corpus", "ods"), os.path.join(TOP, "tests", "data", "ods")):
        for n in sorted(os.listdir(folder)):
            p = os.path.join(folder, n)
            inputs.append(p)
            g = graft(read(p), n)
            if g is not None:
                inputs.append(write(path("grafted-%s-%s" % (os.path.basename(folder), n)), g))
    inputs += list(crafted().values())
    inputs.append(write(path("huge-proof.fods"), variant_huge_text()))
    inputs.append(forged_mimetype())
    for n in ("sample.ods", "sample.fods", "v7-reordered.ods", "v8-fullwidth-figures.ods"):
        inputs.append(os.path.join(SAMPLE, n))
    return inputs


@test
def fill_never_exits_0_with_an_out_juesuan_cannot_read():
    folder = path("proof")
    os.makedirs(folder, exist_ok=True)
    filled = refused = 0
    for p in proof_inputs():
        out = os.path.join(folder, "out" + (".fods" if read(p)[:2] != b"PK" else ".ods"))
        if os.path.exists(out):
            os.unlink(out)
        rc, _, err = run("fill", p, out)
        assert rc in (0, 2), (p, rc)
        if rc == 0:
            filled += 1
            drc, _, derr = run("dump", out)
            assert drc == 0, (p, derr[-300:])
            assert summary(out) == summary(p), (p, summary(out), summary(p))
        else:
            refused += 1
            assert not os.path.exists(out), p
            assert err.count(b"\n") == 1, (p, err[-300:])
        assert not temps_in(folder), (p, os.listdir(folder))
    print("  fill: %d inputs written and read back, %d refused" % (filled, refused))
    assert filled >= 12, filled  # the grafted documents and the variants get written


T.finish(lambda: shutil.rmtree(TMP, ignore_errors=True))
