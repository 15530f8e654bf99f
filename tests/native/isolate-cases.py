#!/usr/bin/env python3
"""tests/native/isolate-cases.py OUT.xml [N] - lines to isolate.

Writes N random cases (fixed seed) plus hand-picked edge cases for
text.xsl's isolate-lines: lines of Latin and Persian words holding FSI
(U+2068) and PDI (U+2069) marks, runs left open across lines (more than
the 8 the stylesheet closes at most), more PDIs than FSIs, empty lines, a
last line without its newline, and line heads (skip) longer than a line.
check-isolate.xsl runs each through ox:isolate and through the XSLT
steps, with and without the marks around each line, and compares.
"""
import random
import sys
from xml.sax.saxutils import escape

FSI, PDI = '\u2068', '\u2069'
LETTERS = 'abcdefghijklmnopqrstuvwxyz' + 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی' + '۰۱۲۳'


def line(rng):
    out = []
    for _ in range(rng.choice([0, 1, 3, 8, 20, 60])):
        r = rng.random()
        out.append(FSI if r < 0.08 else PDI if r < 0.14 else ' ' if r < 0.3 else rng.choice(LETTERS))
    return ''.join(out)


def case(rng):
    lines = [line(rng) for _ in range(rng.choice([1, 2, 3, 5, 12]))]
    text = '\n'.join(lines) + ('\n' if rng.random() < 0.9 else '')
    return text, rng.choice([0, 1, 4, 5, 10, 80])


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(20261202)
    cases = [case(rng) for _ in range(n)]
    cases += [
        ('\n', 0), ('', 0), ('abc', 0), ('abc\n', 3), ('ab\n', 5),
        (FSI * 12 + 'x\ny\nz' + PDI * 3 + '\nw\n', 0),
        ('[1] ' + FSI + 'عنوان\nادامه' + PDI + ' end\n', 4),
        (PDI * 3 + 'x\n' + FSI + '\n\n\n', 2),
    ]
    with open(out, 'w', encoding='utf-8') as f:
        f.write('<cases>\n')
        for text, skip in cases:
            # newlines as character references, so that they stay in the attribute
            f.write('<case skip="%d" lines="%s"/>\n' % (skip, escape(text, {'"': '&quot;', '\n': '&#10;'})))
        f.write('</cases>\n')


if __name__ == '__main__':
    main()
