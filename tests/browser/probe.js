// probe.js - run in headless Chromium by tests/suites/78-browser.sh. Reads a
// rendered page (oxus's HTML in an iframe, or CETEIcean's rendering of the
// TEI) and writes what the browser computed into <pre id="probe"> as JSON,
// which the suite reads back from --dump-dom (tests/browser/check.py):
//   rows     every paragraph, list item, heading and reference of the text:
//            tag, language (the nearest lang attribute), computed direction
//            and text-align, whether it is displayed, its first words;
//   printed  (HTML) the text the page shows, less what it marks as the
//            encoder's (.ox-add), to compare with the source's sentences;
//   standoff (TEI) the text of standOff that is displayed;
//   links    the href of every link (and every src and form action);
//   title, marker  the document's title and its data-pwned attribute (a
//            script injected by a hostile document would change them).
"use strict";
function probe(doc, kind) {
    const win = doc.defaultView;
    const html = kind === "html";
    const blocks = html ? "p, li, h1, h2, h3, h4, h5, h6" : "tei-p, tei-item, tei-head, tei-bibl, tei-l";
    // apparatus rather than text: contents, notes, actors, provenance (HTML);
    // the header and standOff (TEI, hidden or not: checked apart)
    const apart = html ? "nav, aside, footer, section.actors, .ox-add, .bq-source, .label" : "tei-teiheader, tei-standoff";
    const rows = [];
    for (const el of doc.querySelectorAll(blocks)) {
        if (el.closest(apart)) continue;
        const l = el.closest("[lang]");
        const cs = win.getComputedStyle(el);
        rows.push({tag: el.localName, lang: l ? l.getAttribute("lang") : "", dir: cs.direction,
                   align: cs.textAlign, shown: el.getClientRects().length > 0,
                   text: el.textContent.replace(/\s+/g, " ").trim().slice(0, 60)});
    }
    const out = {kind: kind, rows: rows, title: doc.title,
                 marker: doc.documentElement.getAttribute("data-pwned"),
                 links: Array.from(doc.querySelectorAll("a[href], area[href], link[href], [src], form[action]"),
                                  e => e.getAttribute(e.hasAttribute("src") ? "src" : e.hasAttribute("action") ? "action" : "href"))};
    if (html) {
        const body = doc.body.cloneNode(true);
        // a space after each block, as a reader sees it (textContent runs
        // a heading into the paragraph after it)
        for (const e of body.querySelectorAll("p, li, h1, h2, h3, h4, h5, h6, div, dd, dt"))
            e.after(doc.createTextNode(" "));
        for (const e of body.querySelectorAll(".ox-add, style, script, nav, footer, section.actors")) e.remove();
        out.printed = body.textContent;
    } else {
        const shown = [];
        for (const so of doc.querySelectorAll("tei-standoff")) {
            // innerText is what is rendered: empty when display is none
            const t = so.innerText.replace(/\s+/g, " ").trim();
            if (t) shown.push(t.slice(0, 200));
        }
        out.standoff = shown;
    }
    const pre = document.getElementById("probe");
    pre.textContent = JSON.stringify(out);
    pre.setAttribute("data-done", "yes");
}
