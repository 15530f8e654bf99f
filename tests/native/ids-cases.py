#!/usr/bin/env python3
"""tests/native/ids-cases.py OUT.xml [N] - lists of ids for @rid.

Writes an analysis holding actors, references and claims (some claims
without an id) and, after them, N random cases (fixed seed) plus
hand-picked ones: lists of ids that exist as an actor, a reference or a
claim, ids that exist nowhere (an id of a claim without one, prefixes and
extensions of existing ids, an element name), the same id twice or more,
and runs of spaces, tabs, CRs and newlines around and between them, the
empty list, and lists of more than 16 existing ids (where ox:ids keeps those
seen in a hash table) repeated. check-ids.xsl runs each through jats.xsl's rids (ox:ids in
oxus) and its XSLT steps (rids-xslt) and compares the two @rid.
"""
import random
import sys
from xml.sax.saxutils import quoteattr

ACTORS = ['afg', 'irn', 'iea-mofa', 'un'] + ['a%02d' % i for i in range(1, 21)]
REFS = ['r1', 'r2', 'r10', 'ref-x']
CLAIMS = ['c1', 'c2']
MISSING = ['r', 'r100', 'af', 'afg2', 'c3', 'claim', 'reference', 'x', 'UN']
SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\r\n', ' \t\n ']


def case(rng):
    ids = [rng.choice(ACTORS + REFS + CLAIMS + MISSING) for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 5, 9, 40]))]
    text = rng.choice(['', '', ' ', '\n ']) + ''.join(i + rng.choice(SPACES) for i in ids)
    return text if rng.random() < 0.5 else text.rstrip()


def main():
    out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(20261202)
    cases = ['', ' ', 'afg', 'x', 'afg afg', 'afg x afg', '  r1\t\tr2\n', 'c1 c2 c1 r10 r1 un un',
             'claim', 'c3', 'r', ' '.join(ACTORS + REFS + CLAIMS + MISSING) * 2]
    cases += [case(rng) for _ in range(n)]
    with open(out, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<analysis xmlns="urn:oxus:analysis:1">\n<actors>\n')
        f.write(''.join('<actor id="%s" kind="state"><name>%s</name></actor>\n' % (a, a) for a in ACTORS))
        f.write('</actors>\n<body><section><p>')
        f.write(''.join('<claim id="%s">text</claim> ' % c for c in CLAIMS))
        f.write('<claim by="afg">no id</claim></p></section></body>\n<references>\n')
        f.write(''.join('<reference id="%s"><title>%s</title></reference>\n' % (r, r) for r in REFS))
        f.write('</references>\n<cases xmlns="">\n')
        f.write(''.join('<case ids=%s/>\n' % quoteattr(c, {'\t': '&#9;', '\n': '&#10;', '\r': '&#13;'})
                        for c in cases))
        f.write('</cases>\n</analysis>\n')


if __name__ == '__main__':
    main()
