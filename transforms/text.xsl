<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: oxus analysis (urn:oxus:analysis:1) to plain text (UTF-8), the form a
  person would print or paste into an email.

  Run:  xsltproc transforms/text.xsl doc.xml > doc.txt
        xsltproc -param width 60 transforms/text.xsl doc.xml
        java -jar saxon9he.jar -s:doc.xml -xsl:transforms/text.xsl -o:doc.txt width=60
  Processors: XSLT 1.0, with common.xsl beside this file (xsl:include).
  Where it calls an extension function it asks function-available() first
  and otherwise runs XSLT 1.0 that gives the same text: EXSLT exsl:node-set
  (libxslt, Saxon and Xalan have it) for look-ups in constant time, else
  counting; EXSLT str:padding, else halving (templates padding and
  wrap-hanging); oxus's ox:wrap, ox:isolate, ox:longest and ox:direction
  (src/extensions.c), else the templates wrap-xslt, isolate-lines-xslt,
  longest and language-direction. xsltproc, Saxon-HE and oxus give the same bytes
  (tests/suites/70-convert.sh and 75-portable.sh compare them).

  From common.xsl: the root rule, $md, the keys "reference", "actor" and
  "number", reference numbers (template reference-number), padding,
  $has-node-set, $has-padding, the labels (template label) and the
  direction of a language (template language-direction).

  Parameters
  - width  the longest line, in characters (default 72). Lines are filled
           greedily up to it and broken only between words; a single word
           longer than the room left (a long URL) goes on a line of its own and
           is not broken. Characters are counted, not bytes, and characters that
           take no room on screen are not counted: zero-width joiners and
           non-joiners, bidi marks, the soft hyphen, and combining marks (Latin
           accents, Arabic vowel signs such as the hamza above in "حقابهٔ").
           A value that is not a number (-stringparam width abc, or empty) means
           the default 72; a number below 20 means 20, the narrowest width at
           which the hanging indents of lists and references still leave room
           for text; a fractional width is rounded down.

  - bidi     "isolate" (default) or "none": see Direction below.

  Layout
  - Title block: the title and subtitle, underlined with "="; then one line each
    (wrapped, continuation lines aligned under the value) for the authors
    (as printed, in order), the publisher (with its abbreviation), the
    publication date (as printed, then the Gregorian date in brackets), the
    series (issue, ISSN), the source (description and <url>), each other
    edition (its printed note and <url>, or "[link not captured]"), the
    license, the rights and the keywords.
  - Labels: the fixed words ("By:", "Publisher:", "In this issue",
    "[link not captured]", ...) are in the document's language, English,
    Persian/Dari or Pashto (English for any other), from the table of
    common.xsl (template label), which html.xsl uses too.
  - "Abstract", if there is one.
  - "In this issue": a bulleted list of the section headings (nested ones
    indented; run-in headings, which are part of their paragraph, left
    out), then the conclusion, suggestions and references (their headings
    as printed, or the label when the source prints none).
  - Sections: the heading as printed (no numbers: a number the source
    prints is part of the heading), underlined with "=" (top level) or "-"
    (subsections), as long as the heading's longest line. A heading the
    source does not print above its section (taken from the table of
    contents, or supplied by the encoder) is in brackets; a run-in heading
    starts its first paragraph, as printed. Paragraphs are wrapped;
    blocks are separated by one blank line.
  - Lists: "  • " or "  1. " (a list printed numbered) with hanging
    indents. A blockquote is indented by four spaces and followed by
    "(Source: [N])" when it names its reference.
  - Inline markup is dropped and its text kept (claims, responses,
    mentions, quantities, emphasis, foreign words); quotation marks are part
    of the printed text. A citation is "[N]", N being the position of the
    cited reference in the list. A link prints as "text <url>" (just the
    url when the text is the url).
  - What the encoder adds is in brackets: the Gregorian date right after a
    printed date of another calendar, and after every date of a reference
    or the title block ("۲۰ عقرب ۱۴۰۰ [2021-11-11]"; never at the end of
    the entry, where it would read as the address after an "available
    at"); supplied words ("[the]"); a correction after the printed error
    ("Kharog [sic; read: Khorugh]"); a translation or transliteration
    after the title ("[translation: ...]"); material lost in capture
    ("[link not captured]", "[illegible: two words; ...]"). No line is
    broken inside a date or its gloss, nor inside "[link not captured]".
  - Suggestions: as printed: bulleted "  • ", numbered "  N. " (the printed
    number) or plain paragraphs, with, below each, the names of its
    addressees: "(to: Islamic Emirate of Afghanistan, government of
    Tajikistan)" (each actor's first name, the one in the analysis's
    language).
  - References: "[N] " and the entry exactly as printed (whitespace
    normalized). An "available at" label without an address stays as
    printed, followed by "[link not captured]" where the capture lost it.
  - The text ends with a single newline; no line ends with a space.

  Direction (bidi=isolate)
  - A run in another direction than the text around it (an element whose
    xml:lang is written the other way: a Persian title in an English
    paragraph, "VOA Dari" in a Persian reference) is enclosed in U+2068
    FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE (UAX #9); so is
    each line of each reference after its "[N] " label (or its indent),
    so that an entry takes the direction of its first strong character,
    whatever the label. A newline ends every isolate (each line of a text
    file is a paragraph to the bidi algorithm), so an isolate that a line
    break cuts is closed at the end of the line and opened again at the
    start of the next. Isolates take no column. bidi=none writes none.
  Output depends only on the input and the width (no dates of "now").
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:oxus:analysis:1"
                xmlns:k="urn:oxus:xslt:keys"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                xmlns:ox="urn:oxus:xslt:1"
                exclude-result-prefixes="a k exsl str ox">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="width" select="72"/>
  <xsl:param name="bidi" select="'isolate'"/>

  <!-- The root rule, $root, $md, the keys "reference" and "actor",
       reference numbers, languages, padding (and the whitespace rule of
       the XML outputs, which the text does not use). -->
  <xsl:include href="common.xsl"/>

  <!-- The width actually used (see the header comment). -->
  <xsl:variable name="W">
    <xsl:choose>
      <xsl:when test="string(number($width)) = 'NaN'">72</xsl:when>
      <xsl:when test="number($width) &lt; 20">20</xsl:when>
      <xsl:otherwise><xsl:value-of select="floor(number($width))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="w" select="number($W)"/>

  <xsl:variable name="NL" select="'&#10;'"/>

  <!-- Characters that take no room on screen, most frequent first: ZWNJ
       and the other zero-width and bidi format characters, Arabic vowel
       signs and hamza marks, and the combining accents Latin
       transliterations use (acute, grave, macron, breve, diaeresis, dot and
       line below). A short list on purpose: every character of every
       paragraph is looked up in it once. Other combining marks (rare in
       these texts, which use precomposed letters) count as a column. -->
  <xsl:variable name="zw" select="'&#x200C;&#x200D;&#x200F;&#x200E;&#x200B;&#x64B;&#x64C;&#x64D;&#x64E;&#x64F;&#x650;&#x651;&#x652;&#x653;&#x654;&#x655;&#x670;&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;&#x2060;&#xFEFF;&#xAD;&#x300;&#x301;&#x304;&#x306;&#x308;&#x323;&#x331;'"/>
  <!-- As many U+FDD1 (a noncharacter) as $zw has characters: translate()
       with it marks every zero-width character in place, so that lines can
       be measured on the marked copy of a paragraph with cheap one-character
       translations instead of the long list. -->
  <xsl:variable name="zmark" select="'&#xFDD1;'"/>
  <xsl:variable name="zwfill" select="'&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;&#xFDD1;'"/>

  <!-- ============================================================ -->
  <!-- Direction and unbreakable runs                                -->
  <!-- ============================================================ -->

  <!-- Unicode bidi isolates (UAX #9): FIRST STRONG ISOLATE and POP
       DIRECTIONAL ISOLATE. With bidi=none there are none. -->
  <xsl:variable name="isolate" select="$bidi != 'none'"/>
  <xsl:variable name="FSI" select="substring('&#x2068;', 1, number($isolate))"/>
  <xsl:variable name="PDI" select="substring('&#x2069;', 1, number($isolate))"/>

  <!-- A space no line may break at (inside a date and before its
       Gregorian gloss): a noncharacter while lines are filled, a space
       again in the output. It takes a column, as the space it stands
       for. -->
  <xsl:variable name="keep" select="'&#xFDD2;'"/>

  <!-- ", " between the items of a list of names, in the document's
       language -->
  <xsl:variable name="sep">
    <xsl:call-template name="label"><xsl:with-param name="key" select="'comma'"/></xsl:call-template>
    <xsl:text> </xsl:text>
  </xsl:variable>

  <!-- ============================================================ -->
  <!-- Document                                                      -->
  <!-- ============================================================ -->

  <!-- Every block after the title block starts with a blank line, and every
       line ends with a newline, so the text ends with exactly one. -->
  <xsl:template match="a:analysis">
    <xsl:call-template name="title-block"/>
    <xsl:apply-templates select="a:metadata/a:abstract"/>
    <xsl:call-template name="toc"/>
    <xsl:apply-templates select="a:body/a:section"/>
    <xsl:apply-templates select="a:conclusion"/>
    <xsl:apply-templates select="a:suggestions"/>
    <xsl:apply-templates select="a:references"/>
  </xsl:template>

  <!-- "Label: " in the document's language (common.xsl, template label) -->
  <xsl:template name="label-colon">
    <xsl:param name="key"/>
    <xsl:call-template name="label">
      <xsl:with-param name="key" select="$key"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Title block                                                   -->
  <!-- ============================================================ -->

  <xsl:template name="title-block">
    <xsl:variable name="title"><xsl:apply-templates select="$md/a:title" mode="inline"/></xsl:variable>
    <xsl:variable name="subtitle"><xsl:apply-templates select="$md/a:subtitle" mode="inline"/></xsl:variable>
    <xsl:variable name="lines">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="normalize-space($title)"/>
      </xsl:call-template>
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="normalize-space($subtitle)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="$lines"/>
    <xsl:call-template name="underline">
      <xsl:with-param name="lines" select="string($lines)"/>
      <xsl:with-param name="char" select="'='"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>

    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'by'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="$md/a:authors/*">
          <xsl:if test="position() &gt; 1"><xsl:value-of select="$sep"/></xsl:if>
          <xsl:apply-templates select="." mode="inline"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'publisher'"/>
      <xsl:with-param name="value">
        <xsl:apply-templates select="$md/a:publisher" mode="inline"/>
        <xsl:if test="$md/a:publisher/@abbrev">
          <xsl:value-of select="concat(' (', $md/a:publisher/@abbrev, ')')"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$md/a:published">
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'published'"/>
        <xsl:with-param name="value"><xsl:apply-templates select="." mode="inline"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$md/a:series">
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'series'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:if test="@issue">
            <xsl:value-of select="$sep"/>
            <xsl:call-template name="label"><xsl:with-param name="key" select="'issue'"/></xsl:call-template>
            <xsl:value-of select="concat(' ', @issue)"/>
          </xsl:if>
          <xsl:if test="@issn">
            <xsl:value-of select="$sep"/>
            <xsl:call-template name="label"><xsl:with-param name="key" select="'issn'"/></xsl:call-template>
            <xsl:value-of select="concat(' ', @issn)"/>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$md/a:source">
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'source'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="text-and-url">
            <xsl:with-param name="text" select="normalize-space(.)"/>
            <xsl:with-param name="url" select="@url"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$md/a:edition">
      <xsl:call-template name="field">
        <xsl:with-param name="label">
          <xsl:call-template name="label"><xsl:with-param name="key" select="'edition'"/></xsl:call-template>
          <xsl:value-of select="concat(' (', @format, '): ')"/>
        </xsl:with-param>
        <xsl:with-param name="value">
          <xsl:variable name="t"><xsl:apply-templates mode="inline"/></xsl:variable>
          <xsl:call-template name="text-and-url">
            <xsl:with-param name="text" select="normalize-space($t)"/>
            <xsl:with-param name="url" select="@url"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$md/a:license">
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'license'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="text-and-url">
            <xsl:with-param name="text" select="normalize-space(.)"/>
            <xsl:with-param name="url" select="@url"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$md/a:rights">
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'rights'"/>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="@status = 'not-stated'">
              <xsl:call-template name="label"><xsl:with-param name="key" select="'rights-not-stated'"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$md/a:keywords">
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'keywords'"/>
        <xsl:with-param name="value">
          <xsl:for-each select="$md/a:keywords/a:keyword">
            <xsl:if test="position() &gt; 1"><xsl:value-of select="$sep"/></xsl:if>
            <xsl:apply-templates select="." mode="inline"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- "text <url>", "text" or "<url>" -->
  <xsl:template name="text-and-url">
    <xsl:param name="text"/>
    <xsl:param name="url"/>
    <xsl:value-of select="$text"/>
    <xsl:if test="string($url) != ''">
      <xsl:if test="$text != ''"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="concat('&lt;', $url, '&gt;')"/>
    </xsl:if>
  </xsl:template>

  <!-- "Label: value" ($key's label, or $label as given), continuation
       lines aligned under the value. -->
  <xsl:template name="field">
    <xsl:param name="key"/>
    <xsl:param name="label">
      <xsl:call-template name="label-colon"><xsl:with-param name="key" select="$key"/></xsl:call-template>
    </xsl:param>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="normalize-space($value)"/>
        <xsl:with-param name="first" select="string($label)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:abstract">
    <xsl:call-template name="heading">
      <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'abstract'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="char" select="'-'"/>
    </xsl:call-template>
    <xsl:apply-templates select="a:p"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Table of contents                                             -->
  <!-- ============================================================ -->

  <!-- The headings the reader can go to, as a bulleted list (as such
       publications print it), nested sections indented; no numbers (the
       source's own numbers are part of the headings). Run-in headings are
       part of their paragraphs and not listed. -->
  <xsl:template name="toc">
    <xsl:call-template name="heading">
      <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="char" select="'-'"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="a:body//a:section[not(a:heading/@printed = 'run-in')]">
      <xsl:variable name="text">
        <xsl:call-template name="heading-text">
          <xsl:with-param name="in-toc" select="true()"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="normalize-space($text)"/>
        <xsl:with-param name="indent" select="2 + 2 * count(ancestor::a:section)"/>
        <xsl:with-param name="first" select="'• '"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="a:conclusion | a:suggestions | a:references">
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text"><xsl:call-template name="part-title"><xsl:with-param name="in-toc" select="true()"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="indent" select="2"/>
        <xsl:with-param name="first" select="'• '"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The heading of the current section (or part) as printed; in brackets
       where the encoder supplied it, and outside the table of contents
       also where only the table of contents prints it. -->
  <xsl:template name="heading-text">
    <xsl:param name="in-toc" select="false()"/>
    <xsl:variable name="h" select="a:heading"/>
    <xsl:variable name="t"><xsl:apply-templates select="$h" mode="inline"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$h/@printed = 'supplied' or ($h/@printed = 'toc' and not($in-toc))">
        <xsl:value-of select="concat('[', normalize-space($t), ']')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($t)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The heading of the conclusion, suggestions or references as printed,
       or the label in the document's language when the source prints
       none. -->
  <xsl:template name="part-title">
    <xsl:param name="in-toc" select="false()"/>
    <xsl:choose>
      <xsl:when test="a:heading">
        <xsl:call-template name="heading-text">
          <xsl:with-param name="in-toc" select="$in-toc"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="label">
          <xsl:with-param name="key" select="local-name()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                        -->
  <!-- ============================================================ -->

  <!-- A section: its heading underlined with "=" (top level) or "-"; a
       run-in heading starts its first paragraph, as printed. -->
  <xsl:template match="a:section">
    <xsl:variable name="text"><xsl:call-template name="heading-text"/></xsl:variable>
    <xsl:variable name="runin" select="a:heading[@printed = 'run-in']/following-sibling::*[1][self::a:p]"/>
    <xsl:choose>
      <xsl:when test="$runin">
        <xsl:apply-templates select="$runin">
          <xsl:with-param name="lead" select="normalize-space($text)"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="*[not(self::a:heading)][count(. | $runin) != 1]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="heading">
          <xsl:with-param name="text" select="normalize-space($text)"/>
          <xsl:with-param name="char">
            <xsl:choose>
              <xsl:when test="parent::a:body">=</xsl:when>
              <xsl:otherwise>-</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:apply-templates select="*[not(self::a:heading)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- blank line, heading (wrapped), underline as long as its longest
       line -->
  <xsl:template name="heading">
    <xsl:param name="text"/>
    <xsl:param name="char" select="'='"/>
    <xsl:choose>
      <!-- oxus: wrap and underline as expressions, without their calls
           and the tree fragment of the lines -->
      <xsl:when test="$native-lines and $has-longest">
        <xsl:variable name="lines" select="ox:wrap($text, $w, '', '', $zw, $keep)"/>
        <xsl:variable name="n" select="ox:longest($lines, $zw)"/>
        <k:l>
          <xsl:value-of select="concat($NL, $lines)"/>
          <xsl:if test="$n &gt; 0"><xsl:value-of select="concat(str:padding($n, $char), $NL)"/></xsl:if>
        </k:l>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="heading-xslt">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="char" select="$char"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="heading-xslt">
    <xsl:param name="text"/>
    <xsl:param name="char"/>
    <xsl:variable name="lines">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="$NL"/>
    <xsl:value-of select="$lines"/>
    <xsl:call-template name="underline">
      <xsl:with-param name="lines" select="string($lines)"/>
      <xsl:with-param name="char" select="$char"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A line of $char as long as the longest of $lines (each ending with a
       newline). -->
  <xsl:variable name="has-longest" select="function-available('ox:longest')"/>

  <xsl:template name="underline">
    <xsl:param name="lines"/>
    <xsl:param name="char"/>
    <xsl:choose>
      <!-- oxus: the template longest in one call (ox:longest,
           src/extensions.c), where each line cost a translate() by $zw -->
      <xsl:when test="$has-longest and $has-padding">
        <xsl:variable name="n" select="ox:longest($lines, $zw)"/>
        <xsl:if test="$n &gt; 0">
          <xsl:value-of select="concat(str:padding($n, $char), $NL)"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="underline-xslt">
          <xsl:with-param name="lines" select="$lines"/>
          <xsl:with-param name="char" select="$char"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="underline-xslt">
    <xsl:param name="lines"/>
    <xsl:param name="char"/>
    <xsl:variable name="len">
      <xsl:call-template name="longest">
        <xsl:with-param name="lines" select="$lines"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="$len &gt; 0">
      <xsl:choose>
        <xsl:when test="$has-padding">
          <xsl:value-of select="concat(str:padding($len, $char), $NL)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="padding">
            <xsl:with-param name="n" select="$len"/>
            <xsl:with-param name="c" select="$char"/>
          </xsl:call-template>
          <xsl:value-of select="$NL"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template name="longest">
    <xsl:param name="lines"/>
    <xsl:param name="max" select="0"/>
    <xsl:choose>
      <xsl:when test="$lines = ''"><xsl:value-of select="$max"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="len" select="string-length(translate(substring-before($lines, $NL), $zw, ''))"/>
        <xsl:call-template name="longest">
          <xsl:with-param name="lines" select="substring-after($lines, $NL)"/>
          <xsl:with-param name="max" select="$max * ($max &gt;= $len) + $len * ($len &gt; $max)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph; $lead is a run-in heading printed at its start. -->
  <xsl:template match="a:p">
    <xsl:param name="lead" select="''"/>
    <xsl:variable name="text"><xsl:apply-templates mode="inline"/></xsl:variable>
    <xsl:value-of select="$NL"/>
    <xsl:choose>
      <!-- oxus: the bodies of wrap and isolate-lines in one expression,
           spared two calls and a tree fragment for every paragraph -->
      <xsl:when test="$native-lines">
        <xsl:variable name="t" select="normalize-space(concat($lead, ' ', $text))"/>
        <k:l>
          <xsl:choose>
            <xsl:when test="$isolate and contains($t, $FSI)">
              <xsl:value-of select="ox:isolate(ox:wrap($t, $w, '', '', $zw, $keep), 0, '', '')"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="ox:wrap($t, $w, '', '', $zw, $keep)"/></xsl:otherwise>
          </xsl:choose>
        </k:l>
      </xsl:when>
      <xsl:when test="$isolate and contains($text, $FSI)">
        <xsl:variable name="lines">
          <xsl:call-template name="wrap">
            <xsl:with-param name="text" select="normalize-space(concat($lead, ' ', $text))"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="isolate-lines">
          <xsl:with-param name="lines" select="string($lines)"/>
          <xsl:with-param name="skip" select="0"/>
          <xsl:with-param name="line-isolate" select="false()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="normalize-space(concat($lead, ' ', $text))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A claim that takes whole paragraphs prints as those paragraphs. -->
  <xsl:template match="a:claim[a:p]">
    <xsl:apply-templates select="a:p"/>
  </xsl:template>

  <!-- Material lost as a block: its description in brackets (inline
       mode, template gap-text), as a paragraph. -->
  <xsl:template match="a:gap">
    <xsl:value-of select="$NL"/>
    <xsl:variable name="t"><xsl:call-template name="gap-text"/></xsl:variable>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space($t)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:list">
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="a:item">
      <xsl:variable name="marker">
        <xsl:choose>
          <xsl:when test="../@type = 'numbered'"><xsl:value-of select="concat('  ', position(), '. ')"/></xsl:when>
          <xsl:otherwise><xsl:text>  • </xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="text"><xsl:apply-templates mode="inline"/></xsl:variable>
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="normalize-space($text)"/>
        <xsl:with-param name="first" select="$marker"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:blockquote">
    <xsl:for-each select="a:p">
      <xsl:variable name="text"><xsl:apply-templates mode="inline"/></xsl:variable>
      <xsl:value-of select="$NL"/>
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="normalize-space($text)"/>
        <xsl:with-param name="first" select="'    '"/>
        <xsl:with-param name="rest" select="'    '"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="@source">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text">
          <xsl:text>(</xsl:text>
          <xsl:call-template name="label-colon"><xsl:with-param name="key" select="'quoted-from'"/></xsl:call-template>
          <xsl:call-template name="cite-marker">
            <xsl:with-param name="ref" select="@source"/>
          </xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:with-param>
        <xsl:with-param name="first" select="'    '"/>
        <xsl:with-param name="rest" select="'    '"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:conclusion">
    <xsl:call-template name="heading">
      <xsl:with-param name="text"><xsl:call-template name="part-title"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::a:heading)]"/>
  </xsl:template>

  <!-- How the suggestions are printed: suggestions/@type; a 1.0 document
       without it prints them numbered if it gives numbers. -->
  <xsl:variable name="suggestions-type">
    <xsl:choose>
      <xsl:when test="/a:analysis/a:suggestions/@type"><xsl:value-of select="/a:analysis/a:suggestions/@type"/></xsl:when>
      <xsl:when test="/a:analysis/a:suggestions/a:suggestion/@n">numbered</xsl:when>
      <xsl:otherwise>bulleted</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The suggestions as printed: "  • " (bulleted), "  N. " (numbered:
       the printed number, else the position), or as paragraphs (plain);
       below each, its addressees: "(to: Islamic Emirate of Afghanistan,
       government of Tajikistan)", each actor's first name. -->
  <xsl:template match="a:suggestions">
    <xsl:call-template name="heading">
      <xsl:with-param name="text"><xsl:call-template name="part-title"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="a:p"/>
    <xsl:for-each select="a:suggestion">
      <xsl:variable name="marker">
        <xsl:choose>
          <xsl:when test="$suggestions-type = 'numbered'">
            <xsl:value-of select="concat('  ', normalize-space(@n), substring(position(), 1, number(not(@n)) * 100), '. ')"/>
          </xsl:when>
          <xsl:when test="$suggestions-type = 'plain'"/>
          <xsl:otherwise>  • </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="text"><xsl:apply-templates mode="inline"/></xsl:variable>
      <xsl:variable name="to">
        <xsl:call-template name="actor-names">
          <xsl:with-param name="ids" select="normalize-space(@to)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="$NL"/>
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="normalize-space($text)"/>
        <xsl:with-param name="first" select="string($marker)"/>
      </xsl:call-template>
      <xsl:if test="normalize-space($to) != ''">
        <xsl:call-template name="wrap-hanging">
          <xsl:with-param name="text">
            <xsl:text>(</xsl:text>
            <xsl:call-template name="label-colon"><xsl:with-param name="key" select="'to'"/></xsl:call-template>
            <xsl:value-of select="concat(normalize-space($to), ')')"/>
          </xsl:with-param>
          <xsl:with-param name="indent" select="string-length($marker)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- "a b" -> "first name of a, first name of b" (the id itself when the
       actor is not declared, so nothing disappears silently); a name in
       the other direction than the document's is isolated. -->
  <xsl:template name="actor-names">
    <xsl:param name="ids"/>
    <xsl:if test="$ids != ''">
      <xsl:variable name="id">
        <xsl:choose>
          <xsl:when test="contains($ids, ' ')"><xsl:value-of select="substring-before($ids, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$ids"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="actor" select="key('actor', $id)"/>
      <xsl:choose>
        <xsl:when test="$actor">
          <xsl:apply-templates select="$actor/a:name[1]" mode="inline"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="contains($ids, ' ')">
        <xsl:value-of select="$sep"/>
        <xsl:call-template name="actor-names">
          <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- References                                                    -->
  <!-- ============================================================ -->

  <!-- "[N] " and the entry as printed, each line of the entry after the
       label (or the indent) between FSI and PDI: every line of a plain
       text is a paragraph of its own for the bidi algorithm, so each line
       is isolated, and the entry takes the direction of its first strong
       character, whatever the label's. -->
  <xsl:template match="a:references">
    <xsl:call-template name="heading">
      <xsl:with-param name="text"><xsl:call-template name="part-title"/></xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="a:reference">
      <xsl:variable name="marker" select="concat('[', position(), '] ')"/>
      <xsl:variable name="text"><xsl:apply-templates mode="inline"/></xsl:variable>
      <xsl:choose>
        <!-- oxus: wrap-hanging and isolate-lines in one expression -->
        <xsl:when test="$native-lines">
          <xsl:variable name="lines" select="ox:wrap(normalize-space($text), $w, $marker,
                                             str:padding(string-length($marker), ' '), $zw, $keep)"/>
          <k:l>
            <xsl:choose>
              <xsl:when test="$isolate">
                <xsl:value-of select="ox:isolate($lines, string-length($marker), $FSI, $PDI)"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$lines"/></xsl:otherwise>
            </xsl:choose>
          </k:l>
        </xsl:when>
        <xsl:when test="$isolate">
          <xsl:variable name="lines">
            <xsl:call-template name="wrap-hanging">
              <xsl:with-param name="text" select="normalize-space($text)"/>
              <xsl:with-param name="first" select="$marker"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:call-template name="isolate-lines">
            <xsl:with-param name="lines" select="string($lines)"/>
            <xsl:with-param name="skip" select="string-length($marker)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="wrap-hanging">
            <xsl:with-param name="text" select="normalize-space($text)"/>
            <xsl:with-param name="first" select="$marker"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Each line of $lines, what follows its first $skip characters between
       FSI and PDI if $line-isolate. An isolate of a run that the filling
       broke across lines ($open of them still open at the end of the line
       before) is closed at the end of each line and opened again at the
       start of the next: a newline ends every isolate (UAX #9, a paragraph
       separator), so the rest of the run would otherwise lose it. One step
       per line; a text with no isolate is not passed here. -->
  <xsl:variable name="FSIs" select="'&#x2068;&#x2068;&#x2068;&#x2068;&#x2068;&#x2068;&#x2068;&#x2068;'"/>
  <xsl:variable name="PDIs" select="'&#x2069;&#x2069;&#x2069;&#x2069;&#x2069;&#x2069;&#x2069;&#x2069;'"/>

  <xsl:variable name="has-isolate" select="function-available('ox:isolate')"/>
  <!-- ox:wrap, ox:isolate and str:padding all there (oxus): paragraphs and
       references are filled and isolated in one expression each -->
  <xsl:variable name="native-lines" select="$has-wrap and $has-isolate and $has-padding"/>

  <xsl:template name="isolate-lines">
    <xsl:param name="lines"/>
    <xsl:param name="skip"/>
    <xsl:param name="line-isolate" select="true()"/>
    <xsl:param name="open" select="0"/>
    <xsl:choose>
      <!-- oxus: all the lines in one call (ox:isolate, src/extensions.c),
           the same bytes as the steps below, which cost text.xsl a quarter
           of its instructions on mixed-direction text -->
      <xsl:when test="$has-isolate and $open = 0">
        <k:l>
          <xsl:value-of select="ox:isolate($lines, $skip, substring($FSI, 1, number($line-isolate)),
                                           substring($PDI, 1, number($line-isolate)))"/>
        </k:l>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="isolate-lines-xslt">
          <xsl:with-param name="lines" select="$lines"/>
          <xsl:with-param name="skip" select="$skip"/>
          <xsl:with-param name="line-isolate" select="$line-isolate"/>
          <xsl:with-param name="open" select="$open"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="isolate-lines-xslt">
    <xsl:param name="lines"/>
    <xsl:param name="skip"/>
    <xsl:param name="line-isolate" select="true()"/>
    <xsl:param name="open" select="0"/>
    <xsl:if test="$lines != ''">
      <xsl:variable name="line" select="substring-before($lines, $NL)"/>
      <xsl:variable name="body" select="substring($line, $skip + 1)"/>
      <xsl:variable name="n" select="string-length($body)"/>
      <xsl:variable name="still" select="$open + ($n - string-length(translate($body, '&#x2068;', '')))
                                         - ($n - string-length(translate($body, '&#x2069;', '')))"/>
      <k:l>
        <xsl:value-of select="concat(substring($line, 1, $skip), substring($FSI, 1, number($line-isolate)),
                                     substring($FSIs, 1, $open), $body, substring($PDIs, 1, $still),
                                     substring($PDI, 1, number($line-isolate)), $NL)"/>
      </k:l>
      <xsl:call-template name="isolate-lines-xslt">
        <xsl:with-param name="lines" select="substring-after($lines, $NL)"/>
        <xsl:with-param name="skip" select="$skip"/>
        <xsl:with-param name="line-isolate" select="$line-isolate"/>
        <xsl:with-param name="open" select="$still * ($still &gt; 0)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline content: the printed text                              -->
  <!-- ============================================================ -->

  <!-- "[N]" for a citation, and for a blockquote's source (called with
       $ref), "[?]" for a reference that is not there -->
  <xsl:template match="a:cite" mode="inline" name="cite-marker">
    <xsl:param name="ref" select="@ref"/>
    <xsl:choose>
      <!-- the body of reference-number, spared a call and its tests for
           every citation -->
      <xsl:when test="$has-node-set and key('reference', $ref)">
        <xsl:variable name="s" select="string($ref)"/>
        <xsl:for-each select="exsl:node-set($reference-numbers)">
          <xsl:value-of select="concat('[', key('number', $s), ']')"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="key('reference', $ref)">
        <xsl:text>[</xsl:text>
        <xsl:call-template name="reference-number">
          <xsl:with-param name="id" select="$ref"/>
        </xsl:call-template>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>[?]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The link's text goes into an element of its own: the text before it
       is one text node of the paragraph's variable, and libxslt, having
       built $t since, would append what follows to that node by measuring
       it again (strlen), for every link: quadratic in the length of a
       paragraph with many links. Only the text of the variable is used. -->
  <xsl:template match="a:link" mode="inline">
    <xsl:variable name="t"><xsl:apply-templates mode="inline"/></xsl:variable>
    <k:l>
      <xsl:choose>
        <xsl:when test="normalize-space($t) = normalize-space(@href)">
          <xsl:value-of select="normalize-space(@href)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$t"/>
          <xsl:value-of select="concat(' &lt;', normalize-space(@href), '&gt;')"/>
        </xsl:otherwise>
      </xsl:choose>
    </k:l>
  </xsl:template>

  <!-- A date: as printed, then its Gregorian date in brackets where that
       reads differently ("۲۰ عقرب ۱۴۰۰ [2021-11-11]"): a date in another
       calendar, and any date of a reference or the title block (the
       citation's date in one form); no line breaks inside (see $keep).
       No k:l around it (as a:link has): it builds no tree fragment, so
       libxslt appends its text to the paragraph's without measuring that
       again (16,000 dates in a paragraph: linear). -->
  <xsl:template match="a:date | a:published" mode="inline">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <xsl:value-of select="translate($t, ' ', $keep)"/>
    <xsl:if test="@gregorian and string(@gregorian) != $t
                  and (@calendar != 'gregorian' or ancestor::a:reference or parent::a:metadata)">
      <xsl:value-of select="concat(substring($keep, 1, number($t != '')), '[', @gregorian, ']')"/>
    </xsl:if>
  </xsl:template>

  <!-- Words the encoder supplies, in brackets. -->
  <xsl:template match="a:supplied" mode="inline">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- An error kept as printed, then the correction: "Kharog [sic; read:
       Khorugh]". -->
  <xsl:template match="a:sic" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:text> [</xsl:text>
    <xsl:call-template name="label-colon"><xsl:with-param name="key" select="'sic'"/></xsl:call-template>
    <xsl:value-of select="concat(normalize-space(@corr), ']')"/>
  </xsl:template>

  <!-- The encoder's translation or transliteration of the title before
       it, in brackets and labelled: " [translation: ...]". -->
  <xsl:template match="a:translation" mode="inline">
    <xsl:text> [</xsl:text>
    <xsl:call-template name="label-colon">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="@type = 'transliteration'">transliteration</xsl:when>
          <xsl:otherwise>translation</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="isolated"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="a:gap" mode="inline">
    <xsl:call-template name="gap-text"/>
  </xsl:template>

  <!-- "[link not captured]"; other material: "[not captured: what the
       encoder says]", "[illegible: two words; ...]", "[omitted: ...]". -->
  <xsl:template name="gap-text">
    <xsl:choose>
      <xsl:when test="@what = 'link'">
        <xsl:variable name="l">
          <xsl:call-template name="label"><xsl:with-param name="key" select="'link-not-captured'"/></xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="concat(' [', translate($l, ' ', $keep), ']')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> [</xsl:text>
        <xsl:call-template name="label">
          <xsl:with-param name="key">
            <xsl:choose>
              <xsl:when test="@reason"><xsl:value-of select="@reason"/></xsl:when>
              <xsl:otherwise>not-captured</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="@extent or normalize-space(@desc) != ''">
          <xsl:value-of select="concat(': ', normalize-space(@extent))"/>
          <xsl:if test="@extent and normalize-space(@desc) != ''">; </xsl:if>
          <xsl:value-of select="normalize-space(@desc)"/>
        </xsl:if>
        <xsl:text>] </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other element: its text; between FSI and PDI when its language
       runs the other way than the text around it. -->
  <xsl:template match="a:*" mode="inline">
    <xsl:choose>
      <xsl:when test="@xml:lang and $isolate">
        <xsl:call-template name="isolated"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="has-direction" select="function-available('ox:direction')"/>

  <xsl:template name="isolated">
    <xsl:choose>
      <!-- oxus: the two directions by ox:direction (language-direction in
           one call, src/extensions.c), where the calls and their tree
           fragments cost 3 % of this stylesheet -->
      <xsl:when test="$has-direction">
        <xsl:choose>
          <xsl:when test="$isolate and ox:direction(ancestor-or-self::*[@xml:lang][1]/@xml:lang)
                          != ox:direction(../ancestor-or-self::*[@xml:lang][1]/@xml:lang)">
            <xsl:value-of select="$FSI"/>
            <xsl:apply-templates mode="inline"/>
            <xsl:value-of select="$PDI"/>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="isolated-xslt"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="isolated-xslt">
    <xsl:variable name="own">
      <xsl:call-template name="language-direction">
        <xsl:with-param name="code" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="outer">
      <xsl:call-template name="language-direction">
        <xsl:with-param name="code" select="../ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$own != $outer and $isolate">
        <xsl:value-of select="$FSI"/>
        <xsl:apply-templates mode="inline"/>
        <xsl:value-of select="$PDI"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>


  <xsl:template match="comment() | processing-instruction()" mode="inline"/>
  <xsl:template match="text() | comment() | processing-instruction()"/>

  <!-- ============================================================ -->
  <!-- Line filling                                                  -->
  <!-- ============================================================ -->

  <!-- $text filled into lines of at most $w visible characters, the first
       after $first and the others after $rest. oxus computes this natively
       (ox:wrap, src/extensions.c) and gives the same bytes as wrap-xslt,
       the XSLT 1.0 form any other processor runs; its sixth argument turns
       $keep back into spaces, as translate() does after wrap-xslt (libxml2's
       translate() looks each character up in a string: a fifth of the time
       of this stylesheet when done here). -->
  <xsl:variable name="has-wrap" select="function-available('ox:wrap')"/>

  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="first" select="''"/>
    <xsl:param name="rest" select="''"/>
    <!-- Each block in an element of its own: libxslt appends text to the
         last text node of the output by recomputing its length (strlen)
         whenever a variable was built since, which over one big text node
         made the whole output quadratic. Only text is serialized. -->
    <k:l>
      <xsl:choose>
        <xsl:when test="$has-wrap">
          <xsl:value-of select="ox:wrap($text, $w, $first, $rest, $zw, $keep)"/>
        </xsl:when>
        <!-- most text has no unbreakable space to turn back into a space -->
        <xsl:when test="not(contains($text, $keep))">
          <xsl:call-template name="wrap-xslt">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="first" select="$first"/>
            <xsl:with-param name="rest" select="$rest"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="lines">
            <xsl:call-template name="wrap-xslt">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="first" select="$first"/>
              <xsl:with-param name="rest" select="$rest"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:value-of select="translate($lines, $keep, ' ')"/>
        </xsl:otherwise>
      </xsl:choose>
    </k:l>
  </xsl:template>

  <!-- wrap with a hanging indent: the first line starts with $indent
       spaces and $first, the others with as many spaces as that. The
       spaces come from str:padding in an expression where the processor
       has it, else from the template padding (a tree fragment, which costs
       libxslt a document: hence not always). -->
  <xsl:template name="wrap-hanging">
    <xsl:param name="text"/>
    <xsl:param name="first" select="''"/>
    <xsl:param name="indent" select="0"/>
    <xsl:choose>
      <!-- oxus: the body of wrap, spared a call for every entry -->
      <xsl:when test="$has-padding and $has-wrap">
        <k:l>
          <xsl:value-of select="ox:wrap($text, $w, concat(str:padding($indent, ' '), $first),
                                        str:padding($indent + string-length($first), ' '), $zw, $keep)"/>
        </k:l>
      </xsl:when>
      <xsl:when test="$has-padding">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="first" select="concat(str:padding($indent, ' '), $first)"/>
          <xsl:with-param name="rest" select="str:padding($indent + string-length($first), ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lead">
          <xsl:call-template name="padding">
            <xsl:with-param name="n" select="$indent"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="rest">
          <xsl:call-template name="padding">
            <xsl:with-param name="n" select="$indent + string-length($first)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="first" select="concat($lead, $first)"/>
          <xsl:with-param name="rest" select="string($rest)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- wrap-xslt writes $text (already whitespace-normalized) as lines of at most $w
       characters, the first starting with $first, the others with $rest.
       The lines are made by wrap-lines, one line per recursion step, in
       batches of 200: a batch ends with $mark and the text still to wrap, and
       wrap-xslt starts the next batch from there. The nesting depth thus stays far
       below libxslt's limit of 3000 nested calls even for a paragraph of
       thousands of lines. -->
  <xsl:variable name="mark" select="'&#xFDD0;'"/>

  <xsl:template name="wrap-xslt">
    <xsl:param name="text"/>
    <xsl:param name="first" select="''"/>
    <xsl:param name="rest" select="''"/>
    <xsl:if test="$text != ''">
      <xsl:variable name="batch">
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="first" select="$first"/>
          <xsl:with-param name="rest" select="$rest"/>
          <xsl:with-param name="shadow">
            <!-- translate() against the whole list costs a look-up per
                 character; most paragraphs have no zero-width character but
                 ZWNJ, and a search for each is cheaper -->
            <xsl:choose>
              <xsl:when test="contains($text, '&#x200D;') or contains($text, '&#x200F;') or contains($text, '&#x200E;') or contains($text, '&#x200B;') or contains($text, '&#x64B;') or contains($text, '&#x64C;') or contains($text, '&#x64D;') or contains($text, '&#x64E;') or contains($text, '&#x64F;') or contains($text, '&#x650;') or contains($text, '&#x651;') or contains($text, '&#x652;') or contains($text, '&#x653;') or contains($text, '&#x654;') or contains($text, '&#x655;') or contains($text, '&#x670;') or contains($text, '&#x202A;') or contains($text, '&#x202B;') or contains($text, '&#x202C;') or contains($text, '&#x202D;') or contains($text, '&#x202E;') or contains($text, '&#x2066;') or contains($text, '&#x2067;') or contains($text, '&#x2068;') or contains($text, '&#x2069;') or contains($text, '&#x2060;') or contains($text, '&#xFEFF;') or contains($text, '&#xAD;') or contains($text, '&#x300;') or contains($text, '&#x301;') or contains($text, '&#x304;') or contains($text, '&#x306;') or contains($text, '&#x308;') or contains($text, '&#x323;') or contains($text, '&#x331;')">
                <xsl:value-of select="translate($text, $zw, $zwfill)"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="translate($text, '&#x200C;', $zmark)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <!-- a text containing the mark itself (a Unicode noncharacter) is
               wrapped in one batch -->
          <xsl:with-param name="n" select="200 + 100000 * contains($text, $mark)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="not(contains($text, $mark)) and contains($batch, $mark)">
          <xsl:value-of select="substring-before($batch, $mark)"/>
          <xsl:call-template name="wrap-xslt">
            <xsl:with-param name="text" select="substring-after($batch, $mark)"/>
            <xsl:with-param name="first" select="$rest"/>
            <xsl:with-param name="rest" select="$rest"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$batch"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- Up to $n lines of $text; if text remains, then $mark and that text.
       Each line is the longest run of whole words with at most $avail
       visible characters (always at least one word): take the shortest
       prefix with $avail + 1 visible characters, and break at its last
       space. Zero-width characters (ZWNJ, bidi marks, Arabic vowel signs)
       take no column: $shadow is $text with each of them replaced by $zmark,
       and $plain says there are none, which spares counting them. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="text"/>
    <xsl:param name="first"/>
    <xsl:param name="rest"/>
    <xsl:param name="n"/>
    <xsl:param name="shadow"/>
    <xsl:variable name="plain" select="not(contains($shadow, $zmark))"/>
    <xsl:choose>
      <xsl:when test="$text = ''"/>
      <xsl:when test="$n &lt;= 0">
        <xsl:value-of select="concat($mark, $text)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="avail" select="$w - string-length(translate($first, $zw, ''))"/>
        <xsl:variable name="p">
          <xsl:choose>
            <xsl:when test="$plain"><xsl:value-of select="$avail + 1"/></xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="visible-prefix">
                <xsl:with-param name="text" select="$shadow"/>
                <xsl:with-param name="want" select="$avail + 1"/>
                <xsl:with-param name="p" select="$avail + 1"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="head" select="substring($text, 1, $p)"/>
        <xsl:variable name="cut">
          <xsl:choose>
            <!-- the rest fits -->
            <xsl:when test="string-length(translate(substring($shadow, 1, $p), $zmark, '')) &lt;= $avail">
              <xsl:value-of select="string-length($text)"/>
            </xsl:when>
            <!-- a word ends exactly at the margin -->
            <xsl:when test="substring($head, $p, 1) = ' '">
              <xsl:value-of select="$p - 1"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="space">
                <xsl:call-template name="last-space">
                  <xsl:with-param name="s" select="substring($head, 1, $p - 1)"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:choose>
                <xsl:when test="$space &gt; 0"><xsl:value-of select="$space - 1"/></xsl:when>
                <!-- the first word alone is longer than the line: it goes whole -->
                <xsl:otherwise>
                  <xsl:value-of select="string-length(substring-before(concat($text, ' '), ' '))"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="concat($first, substring($text, 1, $cut), $NL)"/>
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="text" select="substring($text, $cut + 2)"/>
          <xsl:with-param name="first" select="$rest"/>
          <xsl:with-param name="rest" select="$rest"/>
          <xsl:with-param name="n" select="$n - 1"/>
          <xsl:with-param name="shadow" select="substring($shadow, $cut + 2)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The length of the shortest prefix of $text (a marked copy, see
       $zwfill) with $want visible characters (or more than the text's length if it has fewer): start at
       $p characters and add as many as are still missing, until none are. -->
  <xsl:template name="visible-prefix">
    <xsl:param name="text"/>
    <xsl:param name="want"/>
    <xsl:param name="p"/>
    <xsl:variable name="pre" select="substring($text, 1, $p)"/>
    <xsl:variable name="v" select="string-length(translate($pre, $zmark, ''))"/>
    <xsl:choose>
      <xsl:when test="$v &gt;= $want or string-length($pre) &lt; $p"><xsl:value-of select="$p"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="visible-prefix">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="want" select="$want"/>
          <xsl:with-param name="p" select="$p + $want - $v"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The position of the last space in $s at or before position $i, 0 if
       there is none. It looks back from the end, eight characters at a time
       while there is no space among them, then one at a time: the last space
       before a line's margin is usually a few characters back. -->
  <xsl:template name="last-space">
    <xsl:param name="s"/>
    <xsl:param name="i" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="$i &lt; 1">0</xsl:when>
      <xsl:when test="$i &gt; 8 and not(contains(substring($s, $i - 7, 8), ' '))">
        <xsl:call-template name="last-space">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="i" select="$i - 8"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="substring($s, $i, 1) = ' '"><xsl:value-of select="$i"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="last-space">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="i" select="$i - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
