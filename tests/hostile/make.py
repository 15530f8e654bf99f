#!/usr/bin/env python3
"""Writes the hostile-input cases into a folder (argument 1).

Each case is NAME.xml plus a line in cases.txt:
    NAME|EXIT|TEXT THE DIAGNOSTIC MUST CONTAIN|OPTIONS
They are generated, not committed, because some are 50 MB.
"""
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
here = os.path.dirname(os.path.abspath(__file__))
minimal = open(os.path.join(here, "..", "..", "samples", "minimal.xml"), "rb").read()
body_start = minimal.index(b"<analysis")
HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n'
cases = []

def write(name, data, exit_status, expect, options=""):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    cases.append((name, str(exit_status), expect, options))

def analysis(inner_p=b"Text.", dtd=b"", head=HEAD, lang=b"en"):
    return (head + dtd +
            b'<analysis xmlns="urn:oxus:analysis:1" xml:lang="' + lang + b'"><metadata><title>T</title>'
            b"<publisher>P</publisher><authors><organization>P</organization></authors></metadata>"
            b'<body><section id="s1"><heading>H</heading><p>' + inner_p + b"</p></section></body></analysis>\n")

write("xxe-file.xml", analysis(b"&x;", b'<!DOCTYPE analysis [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'),
      1, "entity declarations are not allowed")
write("xxe-url.xml", analysis(b"&x;", b'<!DOCTYPE analysis [<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]>\n'),
      1, "entity declarations are not allowed")
write("parameter-entity.xml",
      analysis(b"x", b'<!DOCTYPE analysis [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>\n'),
      1, "parameter entity")
laughs = b"".join(b'<!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">\n' % ((i,) + (i - 1,) * 10)
                  for i in range(1, 10))
write("billion-laughs.xml", analysis(b"&l9;", b'<!DOCTYPE analysis [<!ENTITY l0 "lol">\n' + laughs + b"]>\n"),
      1, "entity declarations are not allowed")
write("quadratic-blowup.xml",
      analysis(b"&a;" * 20000, b'<!DOCTYPE analysis [<!ENTITY a "' + b"x" * 100000 + b'">]>\n'),
      1, "entity declarations are not allowed")
write("deep-nesting.xml", analysis(b"<emph>" * 100000 + b"x" + b"</emph>" * 100000), 1, "depth")
write("huge-text-node.xml", analysis(b"x" * (50 * 1024 * 1024)), 1, "a run of text longer than 10 MB")
attrs = b" ".join(b'a%d="v"' % i for i in range(10000))
write("many-attributes.xml", analysis(b"x").replace(b"<p>", b"<p " + attrs + b">"), 1, "more than the 256 oxus accepts")
write("invalid-utf8.xml", analysis(b"caf\xc3 \xff\xfe text"), 1, "UTF-8")
write("lying-encoding-8bit.xml",
      analysis("متن فارسی".encode(), head=b'<?xml version="1.0" encoding="windows-1252"?>\n'),
      1, "declares encoding 'windows-1252' but its bytes are UTF-8")
write("lying-encoding-utf16.xml", analysis(b"x", head=b'<?xml version="1.0" encoding="UTF-16"?>\n'),
      1, "UTF-16")
write("utf8-bom.xml", b"\xef\xbb\xbf" + minimal, 0, "")
write("utf16le-bom.xml", b"\xff\xfe" + minimal.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"), 0, "")
write("utf16be-bom.xml", b"\xfe\xff" + minimal.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"), 0, "")
write("truncated.xml", minimal[: len(minimal) // 2], 1, "")
write("empty.xml", b"", 1, "empty")
write("binary.xml", bytes((i * 7919 + 13) % 256 for i in range(4096)), 1, "")
# windows-1256 has the Arabic yeh (U+064A) but not the Persian one (U+06CC)
dari = analysis("تحليل روابط افغانستان و تاجيکستان؛ گزارش ژرف و پيچيده".encode("utf-8"),
                head=b'<?xml version="1.0"?>\n', lang=b"fa")
write("legacy-1256.xml", dari.decode("utf-8").encode("cp1256"), 1, "")
write("legacy-1256-declared.xml", dari.decode("utf-8").encode("cp1256"), 0, "", "--input-encoding windows-1256")
write("schema-location.xml",
      analysis(b"x").replace(b'xml:lang="en"', b'xml:lang="en" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                             b'xsi:schemaLocation="urn:oxus:analysis:1 http://127.0.0.1:9/evil.xsd"'), 0, "")
write("external-dtd.xml", analysis(b"x", b'<!DOCTYPE analysis SYSTEM "http://127.0.0.1:9/evil.dtd">\n'),
      1, "never loads DTDs", "--strict")

with open(os.path.join(out, "cases.txt"), "w") as f:
    for c in cases:
        f.write("|".join(c) + "\n")
