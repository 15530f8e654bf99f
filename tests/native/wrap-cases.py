#!/usr/bin/env python3
"""tests/native/wrap-cases.py OUT.xml [N] - texts to fill into lines.

Writes N random cases (fixed seed) plus hand-picked edge cases for
text.xsl's line filling: words of Latin and Persian letters, zero-width
characters (ZWNJ, bidi marks, Arabic vowel signs, combining accents) and
U+FDD1 and U+FDD2 (text.xsl's $keep, made a space after filling) inside words, single and double spaces, leading and trailing
spaces, words wider than a line, and line prefixes wider than a line.
check-wrap.xsl fills each with ox:wrap and with the XSLT fallback and compares.
"""
import random
import sys
from xml.sax.saxutils import quoteattr, escape

ZW = ['\u200c', '\u200d', '\u200f', '\u200e', '\u064b', '\u0650', '\u0654',
      '\u0670', '\u202b', '\u202c', '\u2067', '\u2069', '\ufeff', '\u00ad',
      '\u0301', '\u0323', '\U0001D173']
LETTERS = 'abcdefghijklmnopqrstuvwxyzABC' + 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی' + '۰۱۲۳'


def word(rng):
    n = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 18, 25, 40, 90])
    w = []
    for _ in range(n):
        r = rng.random()
        if r < 0.1:
            w.append(rng.choice(ZW))
        elif r < 0.11:
            w.append('\ufdd1')
        elif r < 0.12:
            w.append('\ufdd2')  # text.xsl's $keep, holding words together
        else:
            w.append(rng.choice(LETTERS))
    return ''.join(w)


def text(rng):
    words = [word(rng) for _ in range(rng.choice([0, 1, 2, 5, 10, 30, 80, 300]))]
    out = ''
    for i, w in enumerate(words):
        if i:
            out += ' ' if rng.random() < 0.95 else '  '
        out += w
    if rng.random() < 0.05:
        out = ' ' + out
    if rng.random() < 0.05:
        out += ' '
    return out


def prefix(rng):
    return rng.choice(['', '', '', '  ', '    ', '[12] ', 'Edition (format): ', '  ۱. ',
                       '\u200c\u200c  ', ' ' * 25, ' ' * 80, '• '])


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    rng = random.Random(20261125)
    cases = [
        ('The quick brown fox jumps over the lazy dog', '', ''),
        ('a' * 100 + ' b', '', ''),
        ('x ' * 40, '- ', '  '),
        ('', 'Label: ', '       '),
        ('one', ' ' * 100, ' ' * 100),
        ('\u200c' * 50 + ' word', '', ''),
    ]
    cases += [(text(rng), prefix(rng), prefix(rng)) for _ in range(n)]
    with open(out, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<cases>\n')
        for t, first, rest in cases:
            f.write('<case first=%s rest=%s>%s</case>\n' % (quoteattr(first), quoteattr(rest), escape(t)))
        f.write('</cases>\n')


if __name__ == '__main__':
    main()
