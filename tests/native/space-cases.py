#!/usr/bin/env python3
"""tests/native/space-cases.py OUT.xml [N] - mixed content for the whitespace rule.

Writes a document (not a valid analysis: it is converted with --no-validate)
with N random paragraphs-like elements, fixed seed: analysis elements that
are blocks (p, heading, item, ...) and inline ones (claim, emph, ...), the
same names in another namespace, comments and processing instructions as
siblings, text of whitespace alone, and leading, trailing and inner runs of
spaces, tabs, newlines and carriage returns (as &#13;, which the parser
keeps), Latin and Persian. check-space.xsl compares ox:space with the XSLT
rule on every text node.
"""
import random
import sys

NS = 'urn:oxus:analysis:1'
BLOCKS = ['p', 'heading', 'item', 'suggestion', 'reference', 'note', 'title',
          'subtitle', 'available', 'person', 'author']
INLINE = ['claim', 'emph', 'mention', 'foreign', 'quantity', 'section', 'pp', 'x']
WS = [' ', '  ', '\t', '\n', '&#13;', '\n    ', ' \t ']
WORDS = ['the', 'border', 'Tajikistan', 'روابط', 'افغانستان', 'می‌خواهد', '۱۴۰۰', 'x&amp;y', '&lt;b&gt;']


def text(rng):
    out = ''
    if rng.random() < 0.5:
        out += rng.choice(WS)
    for i in range(rng.choice([0, 0, 1, 2, 5])):
        if i:
            out += rng.choice(WS) if rng.random() < 0.3 else ' '
        out += rng.choice(WORDS)
    if rng.random() < 0.5:
        out += rng.choice(WS)
    return out


def element(rng, depth):
    name = rng.choice(BLOCKS + INLINE)
    prefix = 'o:' if rng.random() < 0.1 else ''
    parts = []
    for _ in range(rng.choice([0, 1, 2, 3, 5])):
        r = rng.random()
        if r < 0.5:
            t = text(rng)
            if t:
                parts.append(t)
        elif r < 0.6:
            parts.append('<!-- c -->')
        elif r < 0.65:
            parts.append('<?pi x?>')
        elif r < 0.7:
            parts.append('<![CDATA[ cdata\t]]>')
        elif depth < 4:
            parts.append(element(rng, depth + 1))
    return '<%s%s>%s</%s%s>' % (prefix, name, ''.join(parts), prefix, name)


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rng = random.Random(20261125)
    with open(out, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write('<analysis xmlns="%s" xmlns:o="urn:example:other">\n' % NS)
        for _ in range(n):
            f.write(element(rng, 0) + '\n')
        f.write('</analysis>\n')


if __name__ == '__main__':
    main()
