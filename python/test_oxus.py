"""Tests of python/oxus.py, run by `make check` (tests/suites/75-python.sh)
against the library the build made (OXUS_LIBRARY=build/liboxus.so.0).

Expected values come from outside the code under test: the date vectors
that ICU wrote (tests/dates/*.tsv), Python's own calendar module, the
headers of the one-file invalid cases (tests/invalid/*.xml), the rule table
in README.md, xsltproc's output for the same stylesheets and Python's own
codecs for re-encoded text.
"""

import calendar
import codecs
import concurrent.futures
import ctypes
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

import oxus

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = sorted(os.path.join(ROOT, "samples", f) for f in os.listdir(os.path.join(ROOT, "samples"))
                 if f.endswith(".xml"))
INVALID = sorted(os.path.join(ROOT, "tests", "invalid", f)
                 for f in os.listdir(os.path.join(ROOT, "tests", "invalid")) if f.endswith(".xml"))


def tsv(name):
    """The data rows of tests/dates/NAME, as lists of columns."""
    with open(os.path.join(ROOT, "tests", "dates", name), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


class Dates(unittest.TestCase):
    def test_printed_dates(self):
        """Every printed day in parse.tsv reads as the date written there by
        hand, whose Gregorian day is ICU's; every error names its part; a
        month, a year or a range is not one day."""
        rows = tsv("parse.tsv")
        self.assertGreater(len(rows), 300)
        for text, hint, expected, fourth in rows:
            with self.subTest(text=text, hint=hint):
                cal = None if hint == "none" else hint
                iso = expected.split(" ")[-1]
                one_day = not expected.startswith("error") and "/" not in iso and iso.count("-") == 2
                if not one_day:
                    with self.assertRaises(oxus.DateError) as e:
                        oxus.parse_date(text, cal)
                    self.assertIn(fourth if expected.startswith("error") else "not one day", str(e.exception))
                    self.assertEqual(e.exception.code, oxus.EINVALID)
                    continue
                d = oxus.parse_date(text, cal)
                self.assertEqual(str(d), expected)
                self.assertEqual(d.to("gregorian").iso(), fourth)

    def test_icu_conversions(self):
        """Every 37th day of ICU's Solar and lunar Hijri tables converts both
        ways."""
        for name, cal in (("solar-hijri.tsv", "solar-hijri"), ("lunar-hijri.tsv", "lunar-hijri")):
            rows = tsv(name)[::37]
            self.assertGreater(len(rows), 1000)
            for greg, other in rows:
                g = oxus.Date("gregorian", *map(int, greg.split("-")))
                o = oxus.Date(cal, *map(int, other.split("-")))
                self.assertEqual(g.to(cal), o, greg)
                self.assertEqual(o.to("gregorian"), g, other)

    def test_gregorian_leap_days_match_python(self):
        """29 February exists exactly in the years Python's calendar module
        calls leap years."""
        for year in range(1, 10000, 3):
            self.assertEqual(oxus.Date("gregorian", year, 2, 29).exists(), calendar.isleap(year), year)

    def test_check_table(self):
        for cal, iso, verdict in tsv("check.tsv"):
            with self.subTest(cal=cal, iso=iso):
                y, m, d = (int(x) for x in iso.split("-"))
                self.assertEqual(oxus.Date(cal, y, m, d).exists(), verdict == "valid")

    def test_range_ends(self):
        """range.tsv: the first day of each Hijri era, and no date before it."""
        for greg, cal, other, where in tsv("range.tsv"):
            g = oxus.Date("gregorian", *map(int, greg.split("-")))
            if where == "before":
                with self.assertRaises(oxus.DateError):
                    g.to(cal)
            elif where == "same":
                self.assertEqual(g.to(cal).iso(), other)

    def test_calendar_names(self):
        self.assertEqual(oxus.parse_date("1400-08-20", "Jalali").calendar, "solar-hijri")
        with self.assertRaises(oxus.DateError):
            oxus.parse_date("1400-08-20", "martian")
        with self.assertRaises(ValueError):  # a DateError is a ValueError
            oxus.Date("julian", 2000, 1, 1).iso()


class Rules(unittest.TestCase):
    def test_rules_are_the_readme_table(self):
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        table = readme[readme.index("## The rules"):readme.index("## Validating")]
        documented = re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning) \|", table, re.M)
        self.assertGreater(len(documented), 10)
        self.assertEqual([(r.id, r.severity) for r in oxus.rules()], documented)
        self.assertTrue(all(r.description for r in oxus.rules()))


def case_header(path):
    """The keys of an invalid case's <?oxus-test?> header (tests/README.md)."""
    with open(path, encoding="utf-8") as f:
        head = f.read(4000)
    body = head[head.index("<?oxus-test"):head.index("?>", head.index("<?oxus-test"))]
    keys = {"args": "", "expect": []}
    for line in body.splitlines()[1:]:
        key, _, value = line.strip().partition(": ")
        if key == "expect":
            keys["expect"].append(value.split())
        elif key:
            keys[key] = value
    return keys


def case_options(args):
    """The Context options and the --quiet flag that a case's `args:` (the
    options of `oxus validate`) stand for."""
    options, quiet = {}, False
    while args:
        arg = args.pop(0)
        if arg == "--strict":
            options["strict"] = True
        elif arg in ("--quiet", "-q"):
            quiet = True
        elif arg == "--input-encoding":
            options["input_encoding"] = args.pop(0)
        elif arg.startswith("--input-encoding="):
            options["input_encoding"] = arg.partition("=")[2]
        else:
            raise AssertionError("args: %s is an option this test must learn" % arg)
    return options, quiet


class WithContext(unittest.TestCase):
    """Tests sharing one Context with the default options, self.ctx."""

    @classmethod
    def setUpClass(cls):
        cls.ctx = oxus.Context()

    @classmethod
    def tearDownClass(cls):
        cls.ctx.close()


class Validate(WithContext):
    def test_samples_are_valid(self):
        for path in SAMPLES:
            r = self.ctx.validate(path)
            self.assertTrue(r.valid, r.diagnostics)
            self.assertEqual(r.errors, 0)
            self.assertEqual(r.warnings, len(r.diagnostics))

    def test_invalid_cases(self):
        """Each case in tests/invalid/ gives exactly the diagnostics its
        header expects, at the line and column written there."""
        self.assertGreater(len(INVALID), 20)
        for path in INVALID:
            with self.subTest(case=os.path.basename(path)):
                h = case_header(path)
                options, quiet = case_options(h["args"].split())
                with oxus.Context(**options) as ctx:
                    r = ctx.validate(path)
                self.assertEqual(r.status, {"0": "valid", "1": "invalid", "2": "unreadable"}[h["exit"]])
                shown = [d for d in r.diagnostics if not quiet or d.severity == "error"]
                self.assertEqual(len(shown), len(h["expect"]), r.diagnostics)
                for d, (pos, severity, rule) in zip(shown, h["expect"]):
                    line, col = pos.split(":")
                    self.assertEqual((d.line, d.severity, d.rule), (int(line), severity, rule), str(d))
                    if col != "*":
                        self.assertEqual(d.column, int(col), str(d))
                    self.assertEqual(d.file, path)
                    self.assertTrue(d.message)

    def test_unreadable(self):
        r = self.ctx.validate(os.path.join(ROOT, "no-such-file.xml"))
        self.assertEqual(r.status, "unreadable")
        self.assertFalse(r.valid)
        self.assertEqual([d.rule for d in r.diagnostics], ["io"])

    def test_not_xml(self):
        with tempfile.NamedTemporaryFile("w", suffix=".xml") as f:
            f.write("<analysis>")
            f.flush()
            r = oxus.validate(f.name)
        self.assertEqual(r.status, "invalid")
        self.assertEqual(r.diagnostics[0].rule, "xml")
        self.assertEqual(r.diagnostics[0].line, 1)

    def test_shared_context_and_pathlike(self):
        import pathlib
        self.assertTrue(oxus.validate(pathlib.Path(SAMPLES[0])).valid)


class _Proxy:
    """A library whose named functions are replaced, the others real."""

    def __init__(self, lib, **replaced):
        self._lib, self._replaced = lib, replaced

    def __getattr__(self, name):
        return self._replaced[name] if name in self._replaced else getattr(self._lib, name)


class _Fn:
    """A stand-in for a C function: the module sets its types, calls it."""

    restype = argtypes = None

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, *args):
        return self.fn(*args)


class OutOfMemory(unittest.TestCase):
    """Out of memory in the library is MemoryError, never a verdict on the
    document: the checks did not all run. The library's allocation failures
    are simulated by its functions returning ENOMEM, as they do then
    (tests/oom checks that they do)."""

    def check(self, **replaced):
        real = oxus._lib
        oxus._lib = _Proxy(real, **replaced)
        try:
            with oxus.Context() as ctx:
                with self.assertRaises(MemoryError):
                    ctx.validate(SAMPLES[0])
                with self.assertRaises(MemoryError):
                    ctx.convert(SAMPLES[0], "text")
        finally:
            oxus._lib = real

    def test_validating(self):
        self.check(oxus_doc_validate=_Fn(lambda doc, ctx: oxus.ENOMEM))

    def test_loading(self):
        """oxus_doc_load returns ENOMEM with a document holding what it
        reported so far."""
        load = oxus._lib.oxus_doc_load

        def failing(out, ctx, path, name):
            load(out, ctx, path, name)
            return oxus.ENOMEM
        self.check(oxus_doc_load=_Fn(failing))

    def test_rewriting(self):
        real = oxus._lib
        oxus._lib = _Proxy(real, oxus_doc_normalize=_Fn(lambda doc, changed, left: oxus.ENOMEM))
        try:
            with self.assertRaises(MemoryError):
                oxus.Context().normalize(SAMPLES[0])
        finally:
            oxus._lib = real


class Formats(unittest.TestCase):
    def test_formats_are_the_librarys(self):
        """FORMATS is the library's list (oxus_format_names): a library
        that names other formats gives those."""
        import importlib.util
        real_cdll = ctypes.CDLL
        names = [b"tei", b"epub", None]

        def cdll(path, *args, **kwargs):
            lib = real_cdll(path, *args, **kwargs)
            return _Proxy(lib, oxus_format_names=_Fn(lambda: names)) if path else lib

        spec = importlib.util.spec_from_file_location("oxus_copy", oxus.__file__)
        copy = importlib.util.module_from_spec(spec)
        ctypes.CDLL = cdll
        try:
            spec.loader.exec_module(copy)
        finally:
            ctypes.CDLL = real_cdll
        self.assertEqual(copy.FORMATS, ("tei", "epub"))

    def test_formats_are_the_commands(self):
        """The same names `oxus convert --help` lists (the command asks the
        same library)."""
        oxus_bin = os.environ.get("OXUS") or os.path.join(ROOT, "build", "oxus")
        # (the program brings its own sanitizer runtime under make sanitize)
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
        help_text = subprocess.run([oxus_bin, "convert", "--help"], capture_output=True, text=True, env=env).stdout
        listed = re.search(r"comma-separated formats: ([a-z, ]+)", help_text).group(1)
        self.assertEqual(oxus.FORMATS, tuple(listed.split(", ")))


def xsltproc(fmt, path, *params):
    args = ["xsltproc"]
    for name, value in params:
        args += ["--stringparam", name, value]
    return subprocess.run(args + [os.path.join(ROOT, "transforms", fmt + ".xsl"), path],
                          capture_output=True, check=True).stdout


class Convert(WithContext):
    def test_each_format_is_xsltprocs_output(self):
        """The same stylesheets under xsltproc, another XSLT processor run,
        give the same bytes."""
        if not shutil.which("xsltproc"):
            self.skipTest("xsltproc is not installed")
        for path in SAMPLES:
            for fmt in oxus.FORMATS:
                with self.subTest(sample=os.path.basename(path), format=fmt):
                    self.assertEqual(self.ctx.convert(path, fmt), xsltproc(fmt, path))

    def test_outputs_are_what_they_say(self):
        tei = ET.fromstring(self.ctx.convert(SAMPLES[0], "tei"))
        self.assertEqual(tei.tag, "{http://www.tei-c.org/ns/1.0}TEI")
        jats = ET.fromstring(self.ctx.convert(SAMPLES[0], "jats"))
        self.assertEqual(jats.tag, "article")
        minimal = os.path.join(ROOT, "samples", "minimal.xml")
        self.assertTrue(oxus.convert(minimal, "text").decode().startswith("A minimal analysis\n"))

    def test_parameters(self):
        if not shutil.which("xsltproc"):
            self.skipTest("xsltproc is not installed")
        path = os.path.join(ROOT, "samples", "gregorian-references.xml")
        self.assertEqual(self.ctx.convert(path, "text", params={"width": "40"}),
                         xsltproc("text", path, ("width", "40")))

    def test_encoding_is_pythons_codec(self):
        """Text re-encoded through iconv is what Python's own codecs make
        of it, and a character they cannot encode is an encode error."""
        refused = 0
        for path in SAMPLES:
            utf8 = self.ctx.convert(path, "text").decode("utf-8")
            for enc, codec in (("windows-1256", "cp1256"), ("ISO-8859-1", "latin-1"), ("UTF-16", "utf-16")):
                with self.subTest(sample=os.path.basename(path), encoding=enc):
                    try:
                        expected = codecs.encode(utf8, codec)
                    except UnicodeEncodeError:
                        refused += 1
                        with self.assertRaises(oxus.InvalidDocument) as e:
                            self.ctx.convert(path, "text", encoding=enc)
                        self.assertEqual([d.rule for d in e.exception.report.diagnostics
                                          if d.severity == "error"], ["encode"])
                        continue
                    self.assertEqual(self.ctx.convert(path, "text", encoding=enc), expected)
        self.assertGreater(refused, 0)

    def test_invalid_document(self):
        path = os.path.join(ROOT, "tests", "invalid", "date-text.xml")
        with self.assertRaises(oxus.InvalidDocument) as e:
            self.ctx.convert(path, "tei")
        self.assertEqual(e.exception.code, oxus.EINVALID)
        self.assertEqual([d.rule for d in e.exception.report.diagnostics], ["date-text"])
        self.assertIn("date-text", str(e.exception))
        # without validation the stylesheet runs
        self.assertTrue(self.ctx.convert(path, "text", validate=False))

    def test_unknown_format(self):
        with self.assertRaises(oxus.Error) as e:
            self.ctx.convert(SAMPLES[0], "docx")
        self.assertEqual(e.exception.code, oxus.EUSAGE)
        self.assertIn("docx", str(e.exception))

    def test_threads_share_a_context(self):
        """Threads convert at once, and compile the formats as they first
        need them, with the same results as one thread."""
        jobs = [(p, f) for p in SAMPLES for f in oxus.FORMATS] * 3
        jobs += [(p, "text", None, {"width": str(w)}) for p in SAMPLES for w in (40, 50, 60)]
        one = [self.ctx.convert(*job) for job in jobs]
        with oxus.Context() as fresh, concurrent.futures.ThreadPoolExecutor(4) as pool:
            many = list(pool.map(lambda job: fresh.convert(*job), jobs))
        self.assertEqual(one, many)


class Normalize(unittest.TestCase):
    def test_fills_in_dates(self):
        """A date without its Gregorian form gets the one ICU gives, and the
        result validates strictly."""
        path = os.path.join(ROOT, "tests", "invalid", "date-incomplete.xml")
        with open(path, "rb") as f:
            before = f.read()
        after = oxus.normalize(path)
        self.assertNotEqual(after, before)
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "n.xml")
            with open(out, "wb") as f:
                f.write(after)
            with oxus.Context(strict=True) as ctx:
                self.assertTrue(ctx.validate(out).valid)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), before)  # the input is untouched


class Upgrade(unittest.TestCase):
    def test_as_the_command_does(self):
        """Context.upgrade gives the bytes `oxus upgrade` writes (the hand-made
        expected result of tests/compat/upgrade/), and refuses to guess."""
        case = os.path.join(ROOT, "tests", "compat", "upgrade", "prefixed")
        with open(case + ".expected.xml", "rb") as f:
            self.assertEqual(oxus.upgrade(case + ".xml"), f.read())
        with tempfile.TemporaryDirectory() as tmp:
            guess = os.path.join(tmp, "guess.xml")
            with open(case + ".xml", encoding="utf-8") as f:
                text = f.read().replace(' status="denied">Groups', '>Groups')
            with open(guess, "w", encoding="utf-8") as f:
                f.write(text)
            with self.assertRaises(oxus.InvalidDocument) as e:
                oxus.upgrade(guess)
            self.assertIn("upgrade", [d.rule for d in e.exception.report.diagnostics])


class Context(unittest.TestCase):
    def test_missing_datadir(self):
        with self.assertRaises(oxus.Error) as e:
            oxus.Context(datadir="/nonexistent")
        self.assertEqual(e.exception.code, oxus.EIO)
        self.assertIn("analysis.xsd", str(e.exception))

    def test_datadir_is_found_next_to_the_library(self):
        with oxus.Context() as ctx:
            self.assertTrue(os.path.isfile(os.path.join(ctx.datadir, "schema", "analysis.xsd")))

    def test_options_version(self):
        """The ABI check: version 0 (forgotten) and a version newer than the
        library's are refused with OXUS_EUSAGE and a message saying so."""
        for version in (0, oxus._OPTIONS_VERSION + 1):
            opts = oxus._Options(version, None, None, 0, 0)
            ptr = ctypes.c_void_p()
            rc = oxus._lib.oxus_ctx_new(ctypes.byref(ptr), ctypes.byref(opts))
            self.assertEqual(rc, oxus.EUSAGE, version)
            self.assertFalse(ptr)
            self.assertIn("oxus_options.version is %d" % version, oxus._lib.oxus_errmsg().decode())

    def test_closed(self):
        ctx = oxus.Context()
        ctx.close()
        ctx.close()  # twice is harmless
        with self.assertRaises(oxus.Error):
            ctx.validate(SAMPLES[0])

    def test_version(self):
        self.assertRegex(oxus.version(), r"^0\.\d+\.\d+$")  # liboxus.so.0
        self.assertEqual(oxus.__version__, oxus.version())


if __name__ == "__main__":
    unittest.main()
