"""oxus from Python: validate policy analyses and convert them to TEI, JATS
and plain text, and read dates as Dari, Pashto and Persian sources print them.

A ctypes binding over the installed C library (liboxus.so.0): no compiler is
needed. It finds the library through, in order, the OXUS_LIBRARY variable (a
path), the folder `make install` put it in, the dynamic loader's own search
(LD_LIBRARY_PATH, ldconfig's cache) and `pkg-config --variable=libdir oxus`.
The library finds its schema and stylesheets next to itself.

    >>> import oxus
    >>> oxus.parse_date("۲۰ عقرب ۱۴۰۰")
    Date(calendar='solar-hijri', year=1400, month=8, day=20)
    >>> oxus.parse_date("۲۰ عقرب ۱۴۰۰").to("gregorian").iso()
    '2021-11-11'
    >>> report = oxus.validate("samples/minimal.xml")
    >>> report.valid, report.diagnostics
    (True, [])
    >>> text = oxus.convert("samples/minimal.xml", "text").decode()

The module-level validate(), convert() and normalize() share one Context
with the default options; make a Context of your own for other options
(strict, another data folder, an input encoding). A Context may be used from
any number of threads at once; the library releases the interpreter lock
while it works, so a thread pool validates on every core.

Errors: Error (and its subclasses DateError and InvalidDocument) carries the
library's message and code. validate() never raises for a bad document: its
Report says what is wrong, as the command line's report does. When the
library runs out of memory, any call raises MemoryError: a check that could
not run never passes a document, nor fails it.
"""

import contextlib
import ctypes
import os
import subprocess
import threading
from typing import List, NamedTuple, Optional

# The ABI this module is written for: liboxus.so.0, and the version-1
# layouts of the option structs (oxus.h, "ABI").
_SONAME = "liboxus.so.0"
_OPTIONS_VERSION = 1
# `make install` writes the library's folder here.
_INSTALLED_LIBDIR = None

OK, EINVALID, EIO, EUSAGE, ENOMEM, EEXISTS, EWRITE = 0, -1, -2, -3, -4, -5, -6

CALENDARS = ("gregorian", "solar-hijri", "lunar-hijri")
"""The calendar names the library reads and writes (also accepted:
persian, jalali, shamsi, hijri-shamsi, islamic, hijri-qamari)."""


class Error(Exception):
    """A library call failed: `code` is one of EINVALID, EIO, EUSAGE, ENOMEM,
    EEXISTS, EWRITE; the message is the library's."""

    def __init__(self, message, code=EUSAGE):
        super().__init__(message)
        self.code = code


class DateError(Error, ValueError):
    """A date could not be read, or does not exist in its calendar."""


class InvalidDocument(Error):
    """A document could not be converted: it could not be read, is not
    valid, or a stylesheet failed. `report` holds the diagnostics."""

    def __init__(self, report):
        first = next((d for d in report.diagnostics if d.severity == "error"), None)
        super().__init__(str(first) if first else "%s: %s" % (report.path, report.status),
                         EIO if report.status == "unreadable" else EINVALID)
        self.report = report


# ---------------------------------------------------------------------------
# The C declarations (src/oxus.h)
# ---------------------------------------------------------------------------

class _Date(ctypes.Structure):
    _fields_ = [("cal", ctypes.c_int), ("year", ctypes.c_int),
                ("month", ctypes.c_int), ("day", ctypes.c_int)]


class _Rule(ctypes.Structure):
    _fields_ = [("id", ctypes.c_char_p), ("severity", ctypes.c_int),
                ("description", ctypes.c_char_p)]


class _Options(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("datadir", ctypes.c_char_p),
                ("input_encoding", ctypes.c_char_p), ("strict", ctypes.c_int),
                ("no_validate", ctypes.c_int)]


class _Diag(ctypes.Structure):
    _fields_ = [("line", ctypes.c_int), ("column", ctypes.c_int),
                ("severity", ctypes.c_int), ("rule", ctypes.c_char_p),
                ("message", ctypes.c_char_p)]


_P = ctypes.c_void_p
_SIZE = ctypes.c_size_t
_INT = ctypes.c_int
_STR = ctypes.c_char_p
_SIGNATURES = {
    "oxus_version": (_STR, []),
    "oxus_errmsg": (_STR, []),
    "oxus_calendar_name": (_STR, [_INT]),
    "oxus_calendar_parse": (_INT, [ctypes.POINTER(_INT), _STR]),
    "oxus_date_check": (_INT, [ctypes.POINTER(_Date)]),
    "oxus_date_convert": (_INT, [ctypes.POINTER(_Date), ctypes.POINTER(_Date), _INT]),
    "oxus_date_format": (None, [ctypes.c_char_p, ctypes.POINTER(_Date)]),
    "oxus_date_parse": (_INT, [ctypes.POINTER(_Date), _STR, _INT, ctypes.c_char_p, _SIZE]),
    "oxus_rules": (ctypes.POINTER(_Rule), [ctypes.POINTER(_SIZE)]),
    "oxus_format_names": (ctypes.POINTER(_STR), []),
    "oxus_ctx_new": (_INT, [ctypes.POINTER(_P), ctypes.POINTER(_Options)]),
    "oxus_ctx_free": (None, [_P]),
    "oxus_ctx_datadir": (_STR, [_P]),
    "oxus_ctx_add_format": (_INT, [_P, _STR, ctypes.POINTER(_STR), ctypes.POINTER(_SIZE)]),
    "oxus_doc_load": (_INT, [ctypes.POINTER(_P), _P, _STR, _STR]),
    "oxus_doc_validate": (_INT, [_P, _P]),
    "oxus_doc_normalize": (_INT, [_P, ctypes.POINTER(_SIZE), ctypes.POINTER(_SIZE)]),
    "oxus_doc_upgrade": (_INT, [_P, _P, ctypes.POINTER(_SIZE)]),
    "oxus_doc_normalized_text": (_INT, [_P, ctypes.POINTER(_P), ctypes.POINTER(_SIZE)]),
    "oxus_doc_transform": (_INT, [_P, _P, _SIZE, _STR, ctypes.POINTER(_P), ctypes.POINTER(_SIZE)]),
    "oxus_doc_name": (_STR, [_P]),
    "oxus_doc_ndiags": (_SIZE, [_P]),
    "oxus_doc_diag": (ctypes.POINTER(_Diag), [_P, _SIZE]),
    "oxus_doc_nerrors": (_SIZE, [_P]),
    "oxus_doc_nwarnings": (_SIZE, [_P]),
    "oxus_doc_free": (None, [_P]),
}


def _candidates():
    """Where the library may be, in the order the module docstring gives."""
    if os.environ.get("OXUS_LIBRARY"):
        return [os.environ["OXUS_LIBRARY"]]
    found = []
    if _INSTALLED_LIBDIR and os.path.exists(os.path.join(_INSTALLED_LIBDIR, _SONAME)):
        found.append(os.path.join(_INSTALLED_LIBDIR, _SONAME))
    found.append(_SONAME)
    try:
        libdir = subprocess.run(["pkg-config", "--variable=libdir", "oxus"], capture_output=True,
                                text=True, check=False).stdout.strip()
        if libdir:
            found.append(os.path.join(libdir, _SONAME))
    except OSError:
        pass
    return found


def _load():
    tried = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append(str(e))
            continue
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = restype, argtypes
        return lib
    raise ImportError("oxus: cannot load %s (set OXUS_LIBRARY to its path, or LD_LIBRARY_PATH "
                      "to its folder): %s" % (_SONAME, "; ".join(tried)))


_lib = _load()
# Outputs are malloc'ed by the library and freed with the C library's free().
_free = ctypes.CDLL(None).free
_free.argtypes = [_P]
_free.restype = None


def _text(b):
    return b.decode("utf-8", "replace") if b is not None else ""


def _fail(code, exc=Error):
    """Raises exc with the message of the library's last error on this
    thread; MemoryError when the library ran out of memory."""
    message = _text(_lib.oxus_errmsg()) or "liboxus error %d" % code
    if code == ENOMEM:
        raise MemoryError(message)
    raise exc(message, code)


def _format_names():
    names, arr, i = [], _lib.oxus_format_names(), 0
    while arr[i] is not None:
        names.append(_text(arr[i]))
        i += 1
    return tuple(names)


FORMATS = _format_names()
"""The built-in output formats, as the library names them (oxus_format_names:
"tei", "jats", "text", "html")."""


def _path(p):
    return os.fsencode(p)


def version():
    """The version of the loaded liboxus, "MAJOR.MINOR.PATCH"."""
    return _text(_lib.oxus_version())


__version__ = version()


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

def _calendar(name):
    if name is None:
        return 0
    cal = _INT()
    if not isinstance(name, str) or _lib.oxus_calendar_parse(ctypes.byref(cal), name.encode()) != OK:
        raise DateError("unknown calendar %r (one of %s)" % (name, ", ".join(CALENDARS)), EUSAGE)
    return cal.value


class Date(NamedTuple):
    """A day in a calendar: `calendar` is one of CALENDARS; month and day
    count from 1. Make one directly (Date("solar-hijri", 1400, 8, 20)) or
    with parse_date()."""

    calendar: str
    year: int
    month: int
    day: int

    def _c(self):
        return _Date(_calendar(self.calendar), self.year, self.month, self.day)

    def exists(self):
        """True if the day exists in its calendar (not 30 Esfand in a common
        year, 31 Mehr or month 13) and lies in the supported range
        (Gregorian years 1 to 9999 and their equivalents)."""
        d = self._c()
        return _lib.oxus_date_check(ctypes.byref(d)) == OK

    def to(self, calendar):
        """The same day in another calendar. Raises DateError if this one
        does not exist or has no date there (before the Hijri epoch)."""
        d, out = self._c(), _Date()
        rc = _lib.oxus_date_convert(ctypes.byref(out), ctypes.byref(d), _calendar(calendar))
        if rc != OK:
            raise DateError("%s %s has no date in the %s calendar" % (self.calendar, self.iso(), calendar), rc)
        return _date(out)

    def iso(self):
        """"YYYY-MM-DD" in the date's own calendar (question marks for a
        field out of range)."""
        buf = ctypes.create_string_buffer(11)
        d = self._c()
        _lib.oxus_date_format(buf, ctypes.byref(d))
        return buf.value.decode()

    def __str__(self):
        return "%s %s" % (self.calendar, self.iso())


def _date(c):
    return Date(_text(_lib.oxus_calendar_name(c.cal)), c.year, c.month, c.day)


def parse_date(text, calendar=None):
    """Reads a date as printed ("۲۰ عقرب ۱۴۰۰", "16/8/1400", "July 27, 2022",
    "1400-08-20"; labels such as "تاریخ نشر:" around it are ignored, and
    "هـ.ش", "AH" or "CE" fix the calendar as a month name does) and returns
    it as a Date in the calendar it is printed in. `calendar` is the one to
    assume when the text does not say; None infers it from month names or
    the year. Raises DateError, with a message naming the part it could not
    read, for text that is not a date, an ambiguous one, or a day that does
    not exist."""
    out = _Date()
    err = ctypes.create_string_buffer(256)
    rc = _lib.oxus_date_parse(ctypes.byref(out), text.encode("utf-8"), _calendar(calendar), err, len(err))
    if rc != OK:
        raise DateError(_text(err.value) or _text(_lib.oxus_errmsg()), rc)
    return _date(out)


# ---------------------------------------------------------------------------
# Rules, diagnostics, reports
# ---------------------------------------------------------------------------

_SEVERITY = {0: "error", 1: "warning", 2: "note"}


class Rule(NamedTuple):
    """A rule of the vocabulary: its stable id, its severity ("error" or
    "warning") unless strict, and a one-line description."""

    id: str
    severity: str
    description: str


def rules():
    """The rules `oxus validate` checks after the schema, in documented order."""
    n = _SIZE()
    arr = _lib.oxus_rules(ctypes.byref(n))
    return [Rule(_text(arr[i].id), _SEVERITY[arr[i].severity], _text(arr[i].description))
            for i in range(n.value)]


class Diagnostic(NamedTuple):
    """One problem in a document, where the command line prints
    FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE]. line and column count from
    1 (column in characters), 0 when not known; rule is a rule id or "xml",
    "schema", "io", "transform", "encode"."""

    file: str
    line: int
    column: int
    severity: str
    rule: str
    message: str

    def __str__(self):
        return "%s:%d:%d: %s: %s [%s]" % (self.file, self.line, self.column, self.severity,
                                          self.message, self.rule)


class Report(NamedTuple):
    """What validating (or trying to convert) one document found. status is
    "valid", "invalid" or "unreadable", as in the command line's JSON
    report; diagnostics are in source order."""

    path: str
    status: str
    diagnostics: List[Diagnostic]
    errors: int
    warnings: int

    @property
    def valid(self):
        """True if the document is valid (warnings allowed unless strict)."""
        return self.status == "valid"


def _report(doc, path, rc):
    name = _text(_lib.oxus_doc_name(doc))
    diags = []
    for i in range(_lib.oxus_doc_ndiags(doc)):
        d = _lib.oxus_doc_diag(doc, i).contents
        diags.append(Diagnostic(name, d.line, d.column, _SEVERITY.get(d.severity, "error"),
                                _text(d.rule), _text(d.message)))
    status = "valid" if rc == OK else "unreadable" if rc == EIO else "invalid"
    return Report(os.fspath(path), status, diags, _lib.oxus_doc_nerrors(doc),
                  _lib.oxus_doc_nwarnings(doc))


# ---------------------------------------------------------------------------
# Contexts: the compiled schema and stylesheets
# ---------------------------------------------------------------------------

class Context:
    """The schema and stylesheets, compiled once and shared by every
    document and thread.

    datadir: the folder holding schema/ and transforms/ (None: next to the
    library). strict: warnings count as errors. input_encoding: read every
    input as this iconv encoding instead of what it declares (for example
    "windows-1256"). Raises Error if the schema cannot be found.

    Use it as a context manager, or call close(); the module-level
    functions use a shared default one."""

    def __init__(self, datadir=None, strict=False, input_encoding=None):
        self._ptr = None
        self.strict = bool(strict)
        opts = _Options(_OPTIONS_VERSION, _path(datadir) if datadir is not None else None,
                        input_encoding.encode() if input_encoding else None, int(self.strict), 0)
        ptr = _P()
        rc = _lib.oxus_ctx_new(ctypes.byref(ptr), ctypes.byref(opts))
        if rc != OK:
            _fail(rc)
        self._ptr = ptr
        self._formats = {}
        # Conversions run in parallel; adding a format waits for them (_format).
        self._gate = threading.Condition()
        self._users = 0
        self._changing = False

    @property
    def datadir(self):
        """The folder the schema and the stylesheets come from."""
        return os.fsdecode(_lib.oxus_ctx_datadir(self._live()))

    def _live(self):
        if not self._ptr:
            raise Error("the context is closed", EUSAGE)
        return self._ptr

    def _format(self, to, params):
        """The index of format `to` with `params`, compiled on first use.
        Compiling changes the context, which the library allows only while
        no other thread uses it: it waits for the conversions in progress
        to end and holds new ones back meanwhile."""
        key = (to, tuple(sorted(params.items())) if params else ())
        with self._gate:
            if key in self._formats:
                return self._formats[key]
            self._changing = True
            try:
                while self._users:
                    self._gate.wait()
                plist = ["%s=%s" % kv for kv in key[1]]
                arr = (_STR * (len(plist) + 1))(*[p.encode() for p in plist], None)
                index = _SIZE()
                rc = _lib.oxus_ctx_add_format(self._live(), os.fsencode(to), arr if plist else None,
                                              ctypes.byref(index))
                if rc != OK:
                    _fail(rc)
                self._formats[key] = index.value
                return index.value
            finally:
                self._changing = False
                self._gate.notify_all()

    @contextlib.contextmanager
    def _using(self):
        """Around every use of the context: any number at once, but none
        while _format changes it."""
        with self._gate:
            while self._changing:
                self._gate.wait()
            self._users += 1
        try:
            yield
        finally:
            with self._gate:
                self._users -= 1
                if not self._users:
                    self._gate.notify_all()

    def _load(self, path):
        doc = _P()
        rc = _lib.oxus_doc_load(ctypes.byref(doc), self._live(), _path(path), None)
        if not doc:
            _fail(rc)
        return doc, rc

    def validate(self, path):
        """Validates the document at `path` (str, bytes or path-like):
        well-formedness, the schema, then the rules. Returns a Report; a bad
        or unreadable document is not an exception, but running out of
        memory is (MemoryError): the document was not fully checked."""
        with self._using():
            doc, rc = self._load(path)
            try:
                if rc == OK:
                    rc = _lib.oxus_doc_validate(doc, self._ptr)
                if rc == ENOMEM:  # a check that could not run: neither valid nor invalid
                    _fail(rc)
                return _report(doc, path, rc)
            finally:
                _lib.oxus_doc_free(doc)

    def convert(self, path, to, encoding=None, params=None, validate=True):
        """Converts the document at `path` to format `to` ("tei", "jats",
        "text", or the path of an XSLT stylesheet) and returns the output
        as bytes: XML in UTF-8, or text in UTF-8 unless `encoding` names
        another (for example "windows-1256"). `params` is a dict of
        stylesheet parameters passed as strings ({"width": "60"} for text).
        The document is validated first unless validate=False. Raises
        InvalidDocument (with its report) if it cannot be read, is not
        valid, or the stylesheet fails; Error for an unknown format."""
        index = self._format(to, params)
        with self._using():
            return self._convert(path, index, encoding, validate)

    def _convert(self, path, index, encoding, validate):
        doc, rc = self._load(path)
        try:
            if rc == OK and validate:
                rc = _lib.oxus_doc_validate(doc, self._ptr)
            if rc == OK:
                out, n = _P(), _SIZE()
                rc = _lib.oxus_doc_transform(doc, self._ptr, index, encoding.encode() if encoding else None,
                                             ctypes.byref(out), ctypes.byref(n))
                if rc == OK:
                    try:
                        return ctypes.string_at(out, n.value)
                    finally:
                        _free(out)
            if rc == ENOMEM:
                _fail(rc)
            raise InvalidDocument(_report(doc, path, rc))
        finally:
            _lib.oxus_doc_free(doc)

    def normalize(self, path):
        """The document at `path` with the missing calendar, iso and
        gregorian attributes of its dates filled in from their printed
        text, everything else byte for byte as it was (bytes). Raises
        InvalidDocument if it cannot be read or parsed, Error if it is not
        UTF-8."""
        return self._rewrite(path, lambda doc, changed: _lib.oxus_doc_normalize(doc, changed, None))

    def upgrade(self, path):
        """The version 1.0 document at `path` rewritten in version 1.1's
        terms (README, "Compatibility"), everything else byte for byte as it
        was (bytes); a 1.1 document as it is. Raises InvalidDocument if it
        cannot be read, is not valid, or cannot be upgraded without guessing
        (or would not be valid upgraded), Error if it is not UTF-8."""
        return self._rewrite(path, lambda doc, changed: _lib.oxus_doc_upgrade(doc, self._ptr, changed))

    def _rewrite(self, path, edit):
        """The document's bytes after `edit(doc, changed)` recorded its
        textual edits."""
        with self._using():
            doc, rc = self._load(path)
            try:
                if rc == OK:
                    rc = edit(doc, ctypes.byref(_SIZE()))
                if rc in (EINVALID, EIO):
                    raise InvalidDocument(_report(doc, path, rc))
                out, n = _P(), _SIZE()
                if rc == OK:
                    rc = _lib.oxus_doc_normalized_text(doc, ctypes.byref(out), ctypes.byref(n))
                if rc != OK:
                    _fail(rc)
                try:
                    return ctypes.string_at(out, n.value)
                finally:
                    _free(out)
            finally:
                _lib.oxus_doc_free(doc)

    def close(self):
        """Frees the compiled schema and stylesheets; the context is unusable
        afterwards. Call it once no thread uses the context any more."""
        if self._ptr:
            _lib.oxus_ctx_free(self._ptr)
            self._ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if _lib is not None:  # not while the interpreter is tearing the module down
            self.close()


_default: Optional[Context] = None
_default_lock = threading.Lock()


def _shared():
    global _default
    with _default_lock:
        if _default is None:
            _default = Context()
        return _default


def validate(path):
    """Validates the document at `path` with the default options; see
    Context.validate."""
    return _shared().validate(path)


def convert(path, to, encoding=None, params=None):
    """Converts the document at `path` to `to` with the default options;
    see Context.convert."""
    return _shared().convert(path, to, encoding=encoding, params=params)


def normalize(path):
    """Fills in the dates' missing attributes; see Context.normalize."""
    return _shared().normalize(path)


def upgrade(path):
    """Rewrites a version 1.0 document in 1.1's terms; see Context.upgrade."""
    return _shared().upgrade(path)
