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
  wrap-hanging); oxus's ox:wrap (src/extensions.c), else the template
  wrap-xslt. xsltproc, Saxon-HE and oxus give the same bytes
  (tests/suites/70-convert.sh and 75-portable.sh compare them).

  From common.xsl: the root rule, $md, the keys "reference", "actor" and
  "number", reference numbers (template reference-number), padding,
  $has-node-set, $has-padding.

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

  Layout
  - Title block: the title and subtitle, underlined with "="; then one line each
    (wrapped, continuation lines aligned under the value) for
    "By:" (the authors, as printed, in order), "Publisher:" (with its
    abbreviation), "Published:" (the printed date and, in parentheses, the
    Gregorian date), "Series:" (with "issue N"), "Source:" (the description
    and <url>), "Edition (format):" for each other edition (its printed note
    and <url>, or "(no address given)"), "License:" and "Keywords:".  Labels are
    in English whatever the language of the analysis, so that programs and
    people can find them.
  - "Abstract", if there is one.
  - "In this issue": the table of contents derived from the section headings,
    numbered as the headings are, then the conclusion, suggestions and
    references (their headings as printed, or Conclusion / Suggestions /
    References when the source prints none).
  - Sections: numbered headings ("1.", "1.1.", ...) underlined with "=" (top
    level) or "-" (subsections), as long as the heading's longest line. A
    heading that already starts with a printed number ("1.1 The northern rail
    link") is not numbered again, here or in the table of contents.
    Paragraphs are wrapped; blocks are separated by one blank line.
  - Lists: "  • " or "  1. " with hanging indents. A blockquote is indented by
    four spaces and followed by "(Source: [N])" when it names its reference.
  - Inline markup is dropped and its text kept (claims, mentions, quantities,
    dates, emphasis, foreign words); quotation marks are part of the printed
    text. A citation is "[N]", N being the position of the cited reference in
    the list. A link prints as "text <url>" (just the url when the text is the
    url).
  - Suggestions: numbered "1.", "2.", ... with, below each, the names of its
    addressees: "(to: Islamic Emirate of Afghanistan, government of
    Tajikistan)" (each actor's first name, the one in the analysis's language).
  - References: "[N] " and the entry exactly as printed (whitespace
    normalized), followed for dated entries by the Gregorian dates in
    parentheses: "(2021-11-11)"; a date that is not the publication date is
    labelled with its type: "(updated 2024-02-29, accessed 2024-04-02)". An
    "available at" label without an address stays as printed.
  - The text ends with a single newline; no line ends with a space.
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

  <!-- The number of each section of the body ("2.1"), as k:s elements
       keyed (key "number") by generate-id(): made in one walk down the
       sections, where xsl:number
       level="multiple" would count, for every section, the sections before
       it and before each of its ancestors. -->
  <xsl:variable name="section-numbers">
    <xsl:apply-templates select="/a:analysis/a:body/a:section" mode="number"/>
  </xsl:variable>

  <xsl:template match="a:section" mode="number">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="n" select="concat($prefix, position())"/>
    <k:s id="{generate-id()}"><xsl:value-of select="$n"/></k:s>
    <xsl:apply-templates select="a:section" mode="number">
      <xsl:with-param name="prefix" select="concat($n, '.')"/>
    </xsl:apply-templates>
  </xsl:template>

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
      <xsl:with-param name="label" select="'By: '"/>
      <xsl:with-param name="value">
        <xsl:for-each select="$md/a:authors/*">
          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="'Publisher: '"/>
      <xsl:with-param name="value">
        <xsl:value-of select="normalize-space($md/a:publisher)"/>
        <xsl:if test="$md/a:publisher/@abbrev">
          <xsl:value-of select="concat(' (', $md/a:publisher/@abbrev, ')')"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$md/a:published">
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'Published: '"/>
        <xsl:with-param name="value">
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:if test="@gregorian and string(@gregorian) != normalize-space(.)">
            <xsl:value-of select="concat(' (', @gregorian, ')')"/>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$md/a:series">
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'Series: '"/>
        <xsl:with-param name="value">
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:if test="@issue"><xsl:value-of select="concat(', issue ', @issue)"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$md/a:source">
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'Source: '"/>
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
        <xsl:with-param name="label" select="concat('Edition (', @format, '): ')"/>
        <xsl:with-param name="value">
          <xsl:call-template name="text-and-url">
            <xsl:with-param name="text" select="normalize-space(.)"/>
            <xsl:with-param name="url" select="@url"/>
          </xsl:call-template>
          <xsl:if test="not(@url)"><xsl:text> (no address given)</xsl:text></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$md/a:license">
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'License: '"/>
        <xsl:with-param name="value">
          <xsl:call-template name="text-and-url">
            <xsl:with-param name="text" select="normalize-space(.)"/>
            <xsl:with-param name="url" select="@url"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$md/a:keywords">
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'Keywords: '"/>
        <xsl:with-param name="value">
          <xsl:for-each select="$md/a:keywords/a:keyword">
            <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
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

  <!-- "Label: value", continuation lines aligned under the value. -->
  <xsl:template name="field">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="normalize-space($value)"/>
        <xsl:with-param name="first" select="$label"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:abstract">
    <xsl:call-template name="heading">
      <xsl:with-param name="text" select="'Abstract'"/>
      <xsl:with-param name="char" select="'-'"/>
    </xsl:call-template>
    <xsl:apply-templates select="a:p"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Table of contents                                             -->
  <!-- ============================================================ -->

  <xsl:template name="toc">
    <xsl:call-template name="heading">
      <xsl:with-param name="text" select="'In this issue'"/>
      <xsl:with-param name="char" select="'-'"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="a:body//a:section">
      <xsl:variable name="num"><xsl:call-template name="section-number"/></xsl:variable>
      <xsl:variable name="text"><xsl:apply-templates select="a:heading" mode="inline"/></xsl:variable>
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="normalize-space($text)"/>
        <xsl:with-param name="indent" select="2 + 3 * count(ancestor::a:section)"/>
        <xsl:with-param name="first" select="string($num)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="a:conclusion | a:suggestions | a:references">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text"><xsl:call-template name="part-title"/></xsl:with-param>
        <xsl:with-param name="first" select="'  '"/>
        <xsl:with-param name="rest" select="'  '"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- "1. ", "2.1. ", ... followed by a space; empty when the heading
       already starts with a printed number ("1.1 The northern rail link",
       "۲. ..."): a first word made only of digits (ASCII, Persian or
       Arabic-Indic) and dots, with at least one dot. Numbering such a
       heading again would print "1.1. 1.1 The northern rail link". -->
  <xsl:template name="section-number">
    <xsl:variable name="h"><xsl:apply-templates select="a:heading" mode="inline"/></xsl:variable>
    <xsl:variable name="token" select="substring-before(concat(normalize-space($h), ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($token, '.')
                      and translate($token, '0123456789&#x6F0;&#x6F1;&#x6F2;&#x6F3;&#x6F4;&#x6F5;&#x6F6;&#x6F7;&#x6F8;&#x6F9;&#x660;&#x661;&#x662;&#x663;&#x664;&#x665;&#x666;&#x667;&#x668;&#x669;.', '') = ''
                      and translate($token, '.', '') != ''"/>
      <xsl:otherwise>
        <xsl:variable name="g" select="generate-id()"/>
        <xsl:choose>
          <xsl:when test="$has-node-set">
            <xsl:for-each select="exsl:node-set($section-numbers)">
              <xsl:value-of select="key('number', $g)"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:number level="multiple" count="a:section" format="1.1"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>. </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The heading of the conclusion, suggestions or references as printed,
       or a plain English name when the source prints none. -->
  <xsl:template name="part-title">
    <xsl:choose>
      <xsl:when test="a:heading">
        <xsl:variable name="t"><xsl:apply-templates select="a:heading" mode="inline"/></xsl:variable>
        <xsl:value-of select="normalize-space($t)"/>
      </xsl:when>
      <xsl:when test="self::a:conclusion">Conclusion</xsl:when>
      <xsl:when test="self::a:suggestions">Suggestions</xsl:when>
      <xsl:otherwise>References</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                        -->
  <!-- ============================================================ -->

  <xsl:template match="a:section">
    <xsl:variable name="num"><xsl:call-template name="section-number"/></xsl:variable>
    <xsl:variable name="text"><xsl:apply-templates select="a:heading" mode="inline"/></xsl:variable>
    <xsl:call-template name="heading">
      <xsl:with-param name="text" select="normalize-space($text)"/>
      <xsl:with-param name="number" select="string($num)"/>
      <xsl:with-param name="char">
        <xsl:choose>
          <xsl:when test="parent::a:body">=</xsl:when>
          <xsl:otherwise>-</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::a:heading)]"/>
  </xsl:template>

  <!-- blank line, heading (wrapped, hanging after its number), underline as
       long as its longest line -->
  <xsl:template name="heading">
    <xsl:param name="text"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="char" select="'='"/>
    <xsl:variable name="lines">
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="first" select="$number"/>
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
  <xsl:template name="underline">
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

  <xsl:template match="a:p">
    <xsl:variable name="text"><xsl:apply-templates mode="inline"/></xsl:variable>
    <xsl:value-of select="$NL"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space($text)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A claim that takes whole paragraphs prints as those paragraphs. -->
  <xsl:template match="a:claim[a:p]">
    <xsl:apply-templates select="a:p"/>
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
          <xsl:text>(Source: </xsl:text>
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

  <xsl:template match="a:suggestions">
    <xsl:call-template name="heading">
      <xsl:with-param name="text"><xsl:call-template name="part-title"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="a:p"/>
    <xsl:for-each select="a:suggestion">
      <xsl:variable name="marker" select="concat('  ', position(), '. ')"/>
      <xsl:variable name="text"><xsl:apply-templates mode="inline"/></xsl:variable>
      <xsl:variable name="to">
        <xsl:call-template name="actor-names">
          <xsl:with-param name="ids" select="normalize-space(@to)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="$NL"/>
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="normalize-space($text)"/>
        <xsl:with-param name="first" select="$marker"/>
      </xsl:call-template>
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text" select="concat('(to: ', normalize-space($to), ')')"/>
        <xsl:with-param name="indent" select="string-length($marker)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- "a b" -> "first name of a, first name of b" (the id itself when the
       actor is not declared, so nothing disappears silently). -->
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
        <xsl:when test="$actor"><xsl:value-of select="normalize-space($actor/a:name[1])"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="contains($ids, ' ')">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="actor-names">
          <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- References                                                    -->
  <!-- ============================================================ -->

  <xsl:template match="a:references">
    <xsl:call-template name="heading">
      <xsl:with-param name="text"><xsl:call-template name="part-title"/></xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="a:reference">
      <xsl:variable name="marker" select="concat('[', position(), '] ')"/>
      <xsl:variable name="text"><xsl:apply-templates mode="inline"/></xsl:variable>
      <xsl:variable name="dates">
        <xsl:for-each select="a:date[@gregorian]">
          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:if test="@type and @type != 'published'">
            <xsl:value-of select="concat(@type, ' ')"/>
          </xsl:if>
          <xsl:value-of select="@gregorian"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="wrap-hanging">
        <xsl:with-param name="text">
          <xsl:value-of select="normalize-space($text)"/>
          <xsl:if test="$dates != ''">
            <xsl:value-of select="concat(' (', $dates, ')')"/>
          </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="first" select="$marker"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline content: the printed text                              -->
  <!-- ============================================================ -->

  <xsl:template match="a:cite" mode="inline">
    <xsl:call-template name="cite-marker">
      <xsl:with-param name="ref" select="@ref"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cite-marker">
    <xsl:param name="ref"/>
    <xsl:variable name="r" select="key('reference', $ref)"/>
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="$r">
        <xsl:call-template name="reference-number">
          <xsl:with-param name="id" select="$ref"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>?</xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
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

  <xsl:template match="a:*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="inline"/>
  <xsl:template match="text() | comment() | processing-instruction()"/>

  <!-- ============================================================ -->
  <!-- Line filling                                                  -->
  <!-- ============================================================ -->

  <!-- $text filled into lines of at most $w visible characters, the first
       after $first and the others after $rest. oxus computes this natively
       (ox:wrap, src/extensions.c) and gives the same bytes as wrap-xslt,
       the XSLT 1.0 form any other processor runs. -->
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
          <xsl:value-of select="ox:wrap($text, $w, $first, $rest, $zw)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="wrap-xslt">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="first" select="$first"/>
            <xsl:with-param name="rest" select="$rest"/>
          </xsl:call-template>
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
                                        str:padding($indent + string-length($first), ' '), $zw)"/>
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
