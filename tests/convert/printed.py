"""What the encoded seed says was printed, for the scripts that compare it
with the seed text (seed-fidelity.py, seed-encoding.py).

The printed text of an element is its text with each <cite ref="rN"/> as
the source's "[N]", with the encoder's additions (translation, supplied,
gap) left out and a sic counted as what it keeps, the printed error."""
import re

A = "{urn:oxus:analysis:1}"
ENCODERS = {A + "translation", A + "supplied", A + "gap"}

def norm(s):
    """Whitespace collapsed (no-break spaces too); the spacing around
    citation markers, which is not text, made uniform."""
    s = re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()
    s = re.sub(r"\s*\[(\d+)\]\s*", r"[\1] ", s)
    return re.sub(r"\] ([.,])", r"]\1", s).strip()

def text(e):
    out = [e.text or ""]
    for c in e:
        if c.tag == A + "cite":
            out.append("[%s]" % c.get("ref")[1:])
        elif c.tag not in ENCODERS:
            out.append(text(c))
        out.append(c.tail or "")
    return "".join(out)

def encoder_words(root):
    """What the encoder wrote: translations, supplied words, corrections."""
    words = ["".join(e.itertext()) for tag in ("translation", "supplied") for e in root.iter(A + tag)]
    return words + [e.get("corr") for e in root.iter(A + "sic")]
