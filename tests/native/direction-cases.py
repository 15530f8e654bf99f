#!/usr/bin/env python3
"""tests/native/direction-cases.py OUT.xml [N] - language tags.

Writes N random tags (fixed seed) plus hand-picked ones for common.xsl's
language-direction: every language of its right-to-left list and its
neighbours (ar, arz, fa, fas, f), every script of its list and others
(Arab, Latn, Cyrl), upper and lower case, "_" for "-", empty subtags,
subtags with "|", "=" and non-ASCII letters (four of them, a "script"),
and tags with no language at all. check-direction.xsl runs each through
ox:direction and through the template, and compares.
"""
import random
import sys
from xml.sax.saxutils import quoteattr

RTL = 'ar fa prs pes ps pbt pus ur sd ug ckb dv syr he yi'.split()
OTHER = 'en de arz fas f a p ur1 heb yid tg uz ru zh'.split()
SCRIPTS = 'Arab Hebr Syrc Thaa Nkoo Adlm Latn Cyrl Deva Hans arab ARAB'.split()
JUNK = ['', '|', '=', 'x|y', 'ar|fa', 'ٔفارسی', 'ﺍﺏﺕﺙ', 'é', 'AF', 'IR', '419', 'x', '-', '_']


def tag(rng):
    parts = [rng.choice(RTL + OTHER + JUNK)]
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        parts.append(rng.choice(SCRIPTS + JUNK + OTHER))
    t = rng.choice(['-', '_']).join(parts)
    return t.upper() if rng.random() < 0.1 else t


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(20261202)
    tags = RTL + OTHER + JUNK + [l + '-' + s for l in RTL[:3] + OTHER[:3] for s in SCRIPTS]
    tags += ['FA-AF', 'fa_AF', 'en-Arab-x', 'ar--', '--arab--', 'x-arab', 'arab', 'fa-ﺍﺏﺕﺙ', 'fa-ﺍﺏﺕ']
    tags += [tag(rng) for _ in range(n)]
    with open(out, 'w', encoding='utf-8') as f:
        f.write('<cases>\n')
        for t in tags:
            f.write('<case tag=%s/>\n' % quoteattr(t))
        f.write('</cases>\n')
    print(len(tags))


main()
