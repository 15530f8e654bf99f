<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: oxus analysis (urn:oxus:analysis:1) to one self-contained HTML5
  file, a reading and proofreading view of the encoding.

  Run:  xsltproc transforms/html.xsl doc.xml > doc.html
        java -jar Saxon-HE.jar -s:doc.xml -xsl:transforms/html.xsl -o:doc.html
  Processors: XSLT 1.0, with common.xsl beside this file. xsltproc,
  Saxon-HE and oxus give the same document (tests/suites/70-convert.sh and
  75-portable.sh compare them); where an extension function is called,
  function-available() is asked first and XSLT 1.0 does the same otherwise.

  What the page is
  - One file: the CSS is inline, there is no script, nothing is fetched
    (no fonts, images or style sheets from elsewhere). Its
    Content-Security-Policy (a meta element, the first in head) forbids
    scripts, plug-ins, frames, forms, a base URL and every remote load:
    default-src 'none'; style-src 'unsafe-inline' (the page's own style
    element); img-src data: is not granted either.
  - Safe whatever the document says: only http, https, ftp and mailto URLs
    become links (common.xsl, template link-safe); any other (javascript:,
    data:, file:, doi:, relative) is shown as text, marked, and reported
    with xsl:message (a note in oxus). All text is written as text, so a
    document's "</style><script>" stays characters on the page; names go
    into bdi elements, so a bidi override in a name ends with the name
    (HTML, 4.5.24 The bdi element; Unicode Bidirectional Algorithm, UAX #9,
    isolates).
  - Direction: every element whose language differs from its parent's
    carries lang and dir (rtl for Arabic-script languages: Persian, Dari,
    Pashto, Arabic, Urdu...; a script subtag such as fa-Latn decides).
    HTML isolates every element with dir (HTML, 15.3.5 Bidirectional text:
    unicode-bidi: isolate), so a Persian title in an English sentence, or an
    English name in a Dari reference, is a run of its own.
  - What the encoder added is marked as added (class "ox-add", in a
    different colour and font, in brackets where it stands in the text):
    Gregorian equivalents of dates ("۲۰ عقرب ۱۴۰۰ [2021-11-11]"), the
    correction of a sic ("[read: ...]"), supplied words and headings,
    translations of titles, material not captured (gap), claim notes,
    addressees of suggestions, backlinks from references to their citations.
    Everything not so marked is the text as printed.
  - Claims: underlined, by status (asserted, disputed, denied, confirmed),
    with a number; a note per claim (claimant, reported or quoted, status,
    each response: its type, by whom) beside the paragraph on a wide screen,
    after it on a narrow one and on paper, and the same in the claim's title
    (on hover).
  - Citations "[N]" link to their reference; each reference links back to
    every place that cites it.
  - Fixed labels (Contents, Publisher, ...) are in the document's language
    (English, Dari/Persian, Pashto; others English): template label.
  - Print: one column, notes after their paragraphs, link targets printed.

  From common.xsl: the root rule, $root, $md, the keys "reference",
  "actor" and "number", reference-number, text, link-safe, language-name,
  $has-node-set.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:oxus:analysis:1"
                xmlns:k="urn:oxus:xslt:keys"
                xmlns:exsl="http://exslt.org/common"
                xmlns:ox="urn:oxus:xslt:1"
                exclude-result-prefixes="a k exsl ox">

  <xsl:include href="common.xsl"/>

  <!-- HTML5's DOCTYPE for XSLT 1.0 serializers (HTML, 13.1.1: the legacy-compat
       form); the serializer adds the meta element giving the encoding. -->
  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <!-- ============================================================ -->
  <!-- Tables built once: claim numbers, citation numbers, responses -->
  <!-- ============================================================ -->

  <!-- k:m for every claim, k:c for every citation, in document order,
       keyed (key "number") by the generated id of the node: one pass each,
       so a number costs one look-up. Only the numbers reach the output,
       never a generated id (those differ between processors). -->
  <xsl:variable name="claim-numbers">
    <xsl:for-each select="$root//a:claim">
      <k:m id="{generate-id()}"><xsl:value-of select="position()"/></k:m>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="cite-numbers">
    <xsl:for-each select="$root//a:cite">
      <k:c id="{generate-id()}"><xsl:value-of select="position()"/></k:c>
    </xsl:for-each>
  </xsl:variable>
  <!-- One k:t per claim id named in a response's @to, keyed by that claim
       id, with the response's type, responders and text. -->
  <xsl:variable name="response-table">
    <xsl:for-each select="$root//a:response">
      <xsl:call-template name="response-entries">
        <xsl:with-param name="ids" select="concat(normalize-space(@to), ' ')"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:variable>
  <xsl:template name="response-entries">
    <xsl:param name="ids"/>
    <xsl:if test="$ids != ''">
      <k:t id="{substring-before($ids, ' ')}" type="{@type}" by="{@by}" text="{normalize-space(.)}"/>
      <xsl:call-template name="response-entries">
        <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The number of the node $n in table $table (k:m or k:c entries). -->
  <xsl:template name="node-number">
    <xsl:param name="n" select="."/>
    <xsl:param name="kind"/>
    <xsl:variable name="id" select="generate-id($n)"/>
    <xsl:choose>
      <xsl:when test="$has-node-set and $kind = 'claim'">
        <xsl:for-each select="exsl:node-set($claim-numbers)">
          <xsl:value-of select="key('number', $id)"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$has-node-set">
        <xsl:for-each select="exsl:node-set($cite-numbers)">
          <xsl:value-of select="key('number', $id)"/>
        </xsl:for-each>
      </xsl:when>
      <!-- without exsl:node-set: counted (quadratic) -->
      <xsl:when test="$kind = 'claim'">
        <xsl:for-each select="$n">
          <xsl:value-of select="count(preceding::a:claim) + count(ancestor::a:claim) + 1"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$n">
          <xsl:value-of select="count(preceding::a:cite) + 1"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Languages: direction and labels                               -->
  <!-- ============================================================ -->

  <!-- The document's language, and the one of the labels (en, fa, ps). -->
  <xsl:variable name="doc-lang" select="string($root/@xml:lang)"/>
  <xsl:variable name="L">
    <xsl:variable name="p" select="translate(substring-before(concat($doc-lang, '-'), '-'),
                                   'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="$p = 'fa' or $p = 'prs'">fa</xsl:when>
      <xsl:when test="$p = 'ps' or $p = 'pbt' or $p = 'pbu'">ps</xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- "rtl" or "ltr" for a language tag (BCP 47): a script subtag decides
       (Arab, Hebr, Syrc, Thaa, Nkoo, Adlm, Rohg: rtl; any other: ltr), else
       the language's usual script. -->
  <xsl:template name="html-direction">
    <xsl:param name="code"/>
    <xsl:variable name="c" select="concat(translate($code, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), '-')"/>
    <xsl:variable name="lang" select="substring-before($c, '-')"/>
    <xsl:variable name="rest" select="substring-after($c, '-')"/>
    <xsl:variable name="sub" select="substring-before($rest, '-')"/>
    <xsl:choose>
      <xsl:when test="string-length($sub) = 4">
        <xsl:choose>
          <xsl:when test="contains('|arab|hebr|syrc|thaa|nkoo|adlm|rohg|mand|samr|', concat('|', $sub, '|'))">rtl</xsl:when>
          <xsl:otherwise>ltr</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="contains('|ar|fa|prs|ps|pbt|pbu|ur|he|yi|ckb|sd|ug|dv|syr|arz|apd|ary|acm|ajp|apc|bal|glk|mzn|lrc|azb|ks|khw|bsk|', concat('|', $lang, '|'))">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- lang and dir on the element being written, when the source node has
       an xml:lang other than the language around it. -->
  <xsl:template name="lang-attrs">
    <xsl:param name="n" select="."/>
    <xsl:if test="$n/@xml:lang">
      <xsl:variable name="outer" select="$n/ancestor::*[@xml:lang][1]/@xml:lang"/>
      <xsl:if test="not($outer) or string($outer) != string($n/@xml:lang)">
        <xsl:attribute name="lang"><xsl:value-of select="$n/@xml:lang"/></xsl:attribute>
        <xsl:attribute name="dir">
          <xsl:call-template name="html-direction"><xsl:with-param name="code" select="$n/@xml:lang"/></xsl:call-template>
        </xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The language of the labels (lang and dir on an element holding a
       label, where the text around is in another language). -->
  <xsl:template name="html-label-lang">
    <xsl:variable name="here" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:if test="$here != $doc-lang">
      <xsl:attribute name="lang"><xsl:value-of select="$doc-lang"/></xsl:attribute>
      <xsl:attribute name="dir">
        <xsl:call-template name="html-direction"><xsl:with-param name="code" select="$doc-lang"/></xsl:call-template>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A fixed label in the labels' language $L, from common.xsl's one
       table of the words oxus adds (template label), without the colon the
       table ends a label with that introduces a value: the page sets labels
       apart by its layout (a dt, a heading, a note). -->
  <xsl:template name="html-label">
    <xsl:param name="k"/>
    <xsl:variable name="w">
      <xsl:call-template name="label">
        <xsl:with-param name="key" select="$k"/>
        <xsl:with-param name="lang" select="$L"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="substring($w, 1, string-length($w) - (substring($w, string-length($w)) = ':'))"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- The page                                                      -->
  <!-- ============================================================ -->

  <xsl:template match="a:analysis">
    <xsl:variable name="dir">
      <xsl:call-template name="html-direction"><xsl:with-param name="code" select="$doc-lang"/></xsl:call-template>
    </xsl:variable>
    <html dir="{$dir}">
      <xsl:if test="$doc-lang != ''"><xsl:attribute name="lang"><xsl:value-of select="$doc-lang"/></xsl:attribute></xsl:if>
      <head>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="referrer" content="no-referrer"/>
        <meta name="generator" content="oxus html.xsl"/>
        <title><xsl:value-of select="normalize-space($md/a:title)"/></title>
        <xsl:text>&#10;</xsl:text>
        <style><xsl:value-of select="$css"/></style>
        <xsl:text>&#10;</xsl:text>
      </head>
      <body>
        <xsl:text>&#10;</xsl:text>
        <header class="front">
          <xsl:call-template name="front"/>
        </header>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="toc"/>
        <main>
          <xsl:apply-templates select="a:body/a:section"/>
          <xsl:apply-templates select="a:conclusion | a:suggestions | a:references"/>
        </main>
        <xsl:text>&#10;</xsl:text>
        <xsl:apply-templates select="a:actors"/>
        <xsl:apply-templates select="$md/a:provenance"/>
      </body>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Front matter                                                  -->
  <!-- ============================================================ -->

  <xsl:template name="front">
    <h1 class="title"><xsl:call-template name="lang-attrs"><xsl:with-param name="n" select="$md/a:title"/></xsl:call-template><xsl:apply-templates select="$md/a:title/node()"/></h1>
    <xsl:for-each select="$md/a:subtitle">
      <p class="subtitle"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></p>
    </xsl:for-each>
    <dl class="meta">
      <xsl:if test="$md/a:authors">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'by'"/>
          <xsl:with-param name="v">
            <xsl:for-each select="$md/a:authors/*">
              <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
              <bdi><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></bdi>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:for-each select="$md/a:publisher">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'publisher'"/>
          <xsl:with-param name="v">
            <bdi><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></bdi>
            <xsl:if test="@abbrev"><xsl:text> (</xsl:text><bdi><xsl:value-of select="@abbrev"/></bdi><xsl:text>)</xsl:text></xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$md/a:published">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'published'"/>
          <xsl:with-param name="v"><xsl:apply-templates select="."/></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$md/a:genre[normalize-space(.) != '']">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'genre'"/>
          <xsl:with-param name="v"><xsl:apply-templates/></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$md/a:series">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'series'"/>
          <xsl:with-param name="v">
            <bdi><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></bdi>
            <xsl:if test="@issue">
              <xsl:text>, </xsl:text>
              <xsl:call-template name="html-label"><xsl:with-param name="k" select="'issue'"/></xsl:call-template>
              <xsl:text> </xsl:text><bdi><xsl:value-of select="@issue"/></bdi>
            </xsl:if>
            <xsl:if test="@issn"><xsl:text>, ISSN </xsl:text><bdi><xsl:value-of select="@issn"/></bdi></xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$md/a:source">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'source'"/>
          <xsl:with-param name="v">
            <xsl:call-template name="text-and-url"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$md/a:edition">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'edition'"/>
          <xsl:with-param name="extra" select="concat(' (', @format, ')')"/>
          <xsl:with-param name="v">
            <xsl:call-template name="text-and-url"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$md/a:license">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'license'"/>
          <xsl:with-param name="v">
            <xsl:call-template name="text-and-url"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$md/a:rights">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'rights'"/>
          <xsl:with-param name="v">
            <xsl:choose>
              <xsl:when test="@status = 'not-stated'">
                <span class="ox-add"><xsl:text>[</xsl:text><xsl:call-template name="html-label"><xsl:with-param name="k" select="'rights-not-stated'"/></xsl:call-template><xsl:text>]</xsl:text></span>
              </xsl:when>
              <xsl:otherwise>
                <bdi><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></bdi>
                <xsl:if test="@holder or @year">
                  <span class="ox-add">
                    <xsl:text> [</xsl:text>
                    <bdi><xsl:value-of select="@holder"/></bdi>
                    <xsl:if test="@holder and @year"><xsl:text> </xsl:text></xsl:if>
                    <xsl:value-of select="@year"/>
                    <xsl:text>]</xsl:text>
                  </span>
                </xsl:if>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$md/a:keywords">
        <xsl:call-template name="field">
          <xsl:with-param name="k" select="'keywords'"/>
          <xsl:with-param name="v">
            <xsl:for-each select="a:keyword">
              <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
              <bdi class="keyword"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></bdi>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </dl>
    <xsl:for-each select="$md/a:abstract">
      <section class="abstract">
        <xsl:call-template name="lang-attrs"/>
        <h2 class="label"><xsl:call-template name="html-label"><xsl:with-param name="k" select="'abstract'"/></xsl:call-template></h2>
        <xsl:apply-templates select="*"/>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- A row of the front matter: dt with the label, dd with the value. -->
  <xsl:template name="field">
    <xsl:param name="k"/>
    <xsl:param name="v"/>
    <xsl:param name="extra" select="''"/>
    <dt><xsl:call-template name="html-label"><xsl:with-param name="k" select="$k"/></xsl:call-template><xsl:value-of select="$extra"/></dt>
    <dd><xsl:copy-of select="$v"/></dd>
  </xsl:template>

  <!-- A description and its address (source, edition, license), and a gap
       for a lost address. -->
  <xsl:template name="text-and-url">
    <xsl:if test="node()">
      <bdi><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></bdi>
    </xsl:if>
    <xsl:if test="@url">
      <xsl:if test="node()"><xsl:text> </xsl:text></xsl:if>
      <xsl:call-template name="url">
        <xsl:with-param name="url" select="@url"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Contents                                                      -->
  <!-- ============================================================ -->

  <xsl:template name="toc">
    <xsl:if test="a:body/a:section">
      <nav class="toc">
        <h2 class="label"><xsl:call-template name="html-label"><xsl:with-param name="k" select="'contents'"/></xsl:call-template></h2>
        <ul>
          <xsl:apply-templates select="a:body/a:section" mode="toc"/>
          <xsl:for-each select="a:conclusion | a:suggestions | a:references">
            <li class="toc-part"><a href="#{local-name()}"><xsl:call-template name="part-title"/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:section" mode="toc">
    <li>
      <a>
        <xsl:if test="@id"><xsl:attribute name="href">#<xsl:value-of select="@id"/></xsl:attribute></xsl:if>
        <xsl:call-template name="lang-attrs"><xsl:with-param name="n" select="a:heading"/></xsl:call-template>
        <xsl:apply-templates select="a:heading" mode="heading-text"/>
      </a>
      <xsl:if test="a:section">
        <ul><xsl:apply-templates select="a:section" mode="toc"/></ul>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A part's heading as printed, or its label when none is printed. -->
  <xsl:template name="part-title">
    <xsl:choose>
      <xsl:when test="a:heading"><xsl:apply-templates select="a:heading" mode="heading-text"/></xsl:when>
      <xsl:otherwise>
        <span class="ox-add">
          <xsl:text>[</xsl:text>
          <xsl:call-template name="html-label"><xsl:with-param name="k" select="local-name()"/></xsl:call-template>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Sections and headings                                         -->
  <!-- ============================================================ -->

  <xsl:template match="a:section">
    <section>
      <xsl:copy-of select="@id"/>
      <xsl:call-template name="lang-attrs"/>
      <xsl:apply-templates select="a:heading"/>
      <xsl:apply-templates select="*[not(self::a:heading)]"/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- h2 for a top-level section, h3 below it, ... h6 at most. A heading
       the encoder supplied (printed="supplied") or took from the table of
       contents (printed="toc") is in brackets and marked, with its reason
       on hover; a run-in heading runs into the paragraph after it. -->
  <xsl:template match="a:heading">
    <xsl:variable name="depth" select="count(ancestor::a:section)"/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="$depth &lt; 1">2</xsl:when>
        <xsl:when test="$depth &gt; 5">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$depth + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:if test="@printed and @printed != 'above'">
        <xsl:attribute name="class"><xsl:value-of select="concat('heading-', @printed)"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@reason">
        <xsl:attribute name="title"><xsl:value-of select="@reason"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="lang-attrs"/>
      <xsl:apply-templates select="." mode="heading-text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="a:heading" mode="heading-text">
    <xsl:choose>
      <xsl:when test="@printed = 'supplied' or @printed = 'toc'">
        <span class="ox-add">[</span><xsl:apply-templates/><span class="ox-add">]</span>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                        -->
  <!-- ============================================================ -->

  <!-- A paragraph with claims has its notes beside it: the paragraph and
       an aside in a div (two columns on a wide screen). -->
  <xsl:template match="a:p">
    <xsl:variable name="claims" select=".//a:claim"/>
    <xsl:choose>
      <xsl:when test="$claims">
        <div class="with-notes">
          <p><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></p>
          <xsl:call-template name="claim-notes"><xsl:with-param name="claims" select="$claims"/></xsl:call-template>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="a:list">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="@type = 'numbered'">ol</xsl:when>
        <xsl:otherwise>ul</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:call-template name="lang-attrs"/>
      <xsl:for-each select="a:item">
        <li><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></li>
      </xsl:for-each>
    </xsl:element>
    <xsl:variable name="claims" select=".//a:claim"/>
    <xsl:if test="$claims">
      <xsl:call-template name="claim-notes"><xsl:with-param name="claims" select="$claims"/></xsl:call-template>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="a:blockquote">
    <blockquote>
      <xsl:call-template name="lang-attrs"/>
      <xsl:apply-templates select="*"/>
    </blockquote>
    <xsl:if test="@source">
      <p class="bq-source"><xsl:call-template name="html-label-lang"/>
        <xsl:text>(</xsl:text>
        <xsl:call-template name="html-label"><xsl:with-param name="k" select="'source-of'"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="cite-link"><xsl:with-param name="ref" select="@source"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </p>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A claim made of paragraphs: its paragraphs in a marked div, with
       its note. -->
  <xsl:template match="a:claim[a:p]">
    <xsl:variable name="n"><xsl:call-template name="node-number"><xsl:with-param name="kind" select="'claim'"/></xsl:call-template></xsl:variable>
    <div class="with-notes">
      <div class="claim claim-{@status}{substring('asserted', 1, 8 * not(@status))}">
        <xsl:copy-of select="@id"/>
        <xsl:call-template name="lang-attrs"/>
        <xsl:attribute name="title"><xsl:call-template name="claim-summary"/></xsl:attribute>
        <sup class="ox-add claim-no"><xsl:value-of select="concat('C', $n)"/></sup>
        <xsl:apply-templates select="a:p"/>
      </div>
      <xsl:call-template name="claim-notes"><xsl:with-param name="claims" select="."/></xsl:call-template>
    </div>
  </xsl:template>

  <xsl:template match="a:section/a:gap | a:conclusion/a:gap | a:blockquote/a:gap | a:claim/a:gap | a:suggestions/a:gap">
    <div class="gap-block">
      <xsl:call-template name="gap-text"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="a:conclusion">
    <section id="conclusion">
      <xsl:call-template name="lang-attrs"/>
      <xsl:apply-templates select="a:heading"/>
      <xsl:apply-templates select="*[not(self::a:heading)]"/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Suggestions as the source prints them: numbered (with the printed
       numbers), bulleted, or plain paragraphs; each with its addressees,
       the encoder's reading, marked. -->
  <xsl:template match="a:suggestions">
    <section id="suggestions">
      <xsl:call-template name="lang-attrs"/>
      <xsl:apply-templates select="a:heading"/>
      <xsl:apply-templates select="a:p"/>
      <xsl:variable name="numbered" select="@type = 'numbered' or (not(@type) and a:suggestion/@n)"/>
      <xsl:choose>
        <xsl:when test="@type = 'plain'">
          <div class="suggestions-plain">
            <xsl:for-each select="a:suggestion">
              <p class="suggestion"><xsl:copy-of select="@id"/><xsl:call-template name="lang-attrs"/>
                <xsl:apply-templates/>
                <xsl:call-template name="addressees"/>
              </p>
            </xsl:for-each>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <xsl:element name="{substring('ulol', 1 + 2 * $numbered, 2)}">
            <xsl:attribute name="class">suggestions</xsl:attribute>
            <xsl:for-each select="a:suggestion">
              <li class="suggestion">
                <xsl:copy-of select="@id"/>
                <xsl:if test="$numbered and @n"><xsl:attribute name="value"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
                <xsl:call-template name="lang-attrs"/>
                <xsl:apply-templates/>
                <xsl:call-template name="addressees"/>
              </li>
            </xsl:for-each>
          </xsl:element>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="addressees">
    <xsl:if test="normalize-space(@to) != ''">
      <span class="ox-add addressees">
        <xsl:call-template name="html-label-lang"/>
        <xsl:text> [</xsl:text>
        <xsl:call-template name="html-label"><xsl:with-param name="k" select="'to'"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="actor-names"><xsl:with-param name="ids" select="concat(normalize-space(@to), ' ')"/></xsl:call-template>
        <xsl:text>]</xsl:text>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- Actors' names (their first name), linked to the list of actors,
       comma-separated, for a list of ids ending with a space. -->
  <xsl:template name="actor-names">
    <xsl:param name="ids"/>
    <xsl:param name="first" select="true()"/>
    <xsl:if test="$ids != ''">
      <xsl:variable name="id" select="substring-before($ids, ' ')"/>
      <xsl:if test="not($first)"><xsl:text>, </xsl:text></xsl:if>
      <xsl:variable name="actor" select="key('actor', $id)"/>
      <xsl:choose>
        <xsl:when test="$actor">
          <a href="#actor-{$id}"><bdi><xsl:call-template name="actor-name"><xsl:with-param name="actor" select="$actor"/></xsl:call-template></bdi></a>
        </xsl:when>
        <xsl:otherwise><bdi><xsl:value-of select="$id"/></bdi></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="actor-names">
        <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
        <xsl:with-param name="first" select="false()"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- An actor's name in the document's language if it has one, else its
       first name. -->
  <xsl:template name="actor-name">
    <xsl:param name="actor"/>
    <xsl:variable name="own" select="$actor/a:name[not(@type) or @type = 'full'][string(ancestor-or-self::*[@xml:lang][1]/@xml:lang) = $doc-lang][1]"/>
    <xsl:choose>
      <xsl:when test="$own"><xsl:value-of select="normalize-space($own)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($actor/a:name[1])"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- References                                                    -->
  <!-- ============================================================ -->

  <!-- Each reference as printed, in its language and direction, after its
       number [N] (the number its citations show), with links back to where
       it is cited. -->
  <xsl:template match="a:references">
    <section id="references">
      <xsl:call-template name="lang-attrs"/>
      <xsl:apply-templates select="a:heading"/>
      <ol class="references">
        <xsl:for-each select="a:reference">
          <li class="reference">
            <xsl:if test="@id"><xsl:attribute name="id">ref-<xsl:value-of select="@id"/></xsl:attribute></xsl:if>
            <xsl:call-template name="lang-attrs"/>
            <span class="refno"><xsl:value-of select="concat('[', position(), ']')"/></span>
            <xsl:text> </xsl:text>
            <xsl:apply-templates/>
            <xsl:call-template name="backlinks"/>
          </li>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </ol>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:key name="cite" match="a:cite" use="@ref"/>

  <xsl:template name="backlinks">
    <xsl:variable name="cites" select="key('cite', @id)"/>
    <xsl:if test="@id and $cites">
      <span class="ox-add backlinks">
        <xsl:call-template name="html-label-lang"/>
        <xsl:text> [</xsl:text>
        <xsl:call-template name="html-label"><xsl:with-param name="k" select="'cited-at'"/></xsl:call-template>
        <xsl:for-each select="$cites">
          <xsl:variable name="n"><xsl:call-template name="node-number"><xsl:with-param name="kind" select="'cite'"/></xsl:call-template></xsl:variable>
          <xsl:text> </xsl:text>
          <a href="#cite-{$n}"><xsl:value-of select="concat('↩', position())"/></a>
        </xsl:for-each>
        <xsl:text>]</xsl:text>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- The encoder's translation or transliteration of the title before it:
       in brackets, marked, in its own language. -->
  <xsl:template match="a:translation">
    <span class="ox-add translation">
      <xsl:call-template name="lang-attrs"/>
      <xsl:text> [</xsl:text>
      <xsl:call-template name="html-label">
        <xsl:with-param name="k" select="substring('translationtransliteration', 1 + 11 * (@type = 'transliteration'), 11 + 4 * (@type = 'transliteration'))"/>
      </xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:apply-templates/>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="a:url">
    <xsl:call-template name="url"><xsl:with-param name="url" select="."/></xsl:call-template>
  </xsl:template>

  <xsl:template match="a:title | a:outlet | a:author | a:organization | a:scope | a:medium | a:available">
    <span class="{local-name()}"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline                                                        -->
  <!-- ============================================================ -->

  <xsl:template match="text()">
    <xsl:choose>
      <xsl:when test="$native-space"><xsl:value-of select="ox:space(., $blocks)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="text-xslt"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()"/>

  <xsl:template match="a:emph"><em><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></em></xsl:template>

  <xsl:template match="a:foreign">
    <i class="foreign"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></i>
  </xsl:template>

  <!-- q: the printed quotation marks are outside it, in the text; the
       type is a class (the page adds no marks). -->
  <xsl:template match="a:q">
    <span class="q q-{@type}{substring('quotation', 1, 9 * not(@type))}"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="a:cite">
    <xsl:variable name="n"><xsl:call-template name="node-number"><xsl:with-param name="kind" select="'cite'"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="cite-link">
      <xsl:with-param name="ref" select="@ref"/>
      <xsl:with-param name="id" select="concat('cite-', $n)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cite-link">
    <xsl:param name="ref"/>
    <xsl:param name="id"/>
    <xsl:variable name="num"><xsl:call-template name="reference-number"><xsl:with-param name="id" select="$ref"/></xsl:call-template></xsl:variable>
    <a class="cite" href="#ref-{$ref}" dir="ltr">
      <xsl:if test="$id"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:value-of select="concat('[', $num, substring('?', 1, number($num = '')), ']')"/>
    </a>
  </xsl:template>

  <xsl:template match="a:quantity">
    <span class="quantity">
      <xsl:call-template name="lang-attrs"/>
      <xsl:attribute name="title">
        <xsl:if test="@approximate = 'true' or @approximate = '1'">≈ </xsl:if>
        <xsl:value-of select="normalize-space(concat(@value, ' ', @unit, ' ', @currency))"/>
      </xsl:attribute>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- A mention of an actor: the words as printed, isolated, linked to the
       actor. -->
  <xsl:template match="a:mention">
    <bdi class="mention"><xsl:call-template name="lang-attrs"/>
      <xsl:choose>
        <xsl:when test="key('actor', @actor)"><a href="#actor-{@actor}"><xsl:apply-templates/></a></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </bdi>
  </xsl:template>

  <!-- An inline claim: the words, marked by status, with its number. -->
  <xsl:template match="a:claim">
    <xsl:variable name="n"><xsl:call-template name="node-number"><xsl:with-param name="kind" select="'claim'"/></xsl:call-template></xsl:variable>
    <span class="claim claim-{@status}{substring('asserted', 1, 8 * not(@status))}">
      <xsl:copy-of select="@id"/>
      <xsl:call-template name="lang-attrs"/>
      <xsl:attribute name="title"><xsl:call-template name="claim-summary"/></xsl:attribute>
      <xsl:apply-templates/>
    </span>
    <sup class="ox-add claim-no"><xsl:value-of select="concat('C', $n)"/></sup>
  </xsl:template>

  <xsl:template match="a:response">
    <span class="response response-{@type}"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The claim notes of a block: one per claim, after the block (beside
       it on a wide screen). -->
  <xsl:template name="claim-notes">
    <xsl:param name="claims"/>
    <aside class="ox-add notes">
      <xsl:call-template name="html-label-lang"/>
      <ul>
        <xsl:for-each select="$claims">
          <xsl:variable name="n"><xsl:call-template name="node-number"><xsl:with-param name="kind" select="'claim'"/></xsl:call-template></xsl:variable>
          <li class="note claim-{@status}{substring('asserted', 1, 8 * not(@status))}">
            <b><xsl:value-of select="concat('C', $n)"/></b>
            <xsl:text> </xsl:text>
            <xsl:call-template name="claim-summary"><xsl:with-param name="html" select="true()"/></xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
    </aside>
  </xsl:template>

  <!-- "claim by X, quoted, disputed; denied by Y; confirmed by Z" for the
       current claim; with links ($html) or as plain text (a title). -->
  <xsl:template name="claim-summary">
    <xsl:param name="html" select="false()"/>
    <xsl:call-template name="html-label"><xsl:with-param name="k" select="'claim'"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:call-template name="html-label"><xsl:with-param name="k" select="'claimant'"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:call-template name="ids-names">
      <xsl:with-param name="ids" select="@by"/>
      <xsl:with-param name="html" select="$html"/>
    </xsl:call-template>
    <xsl:text>, </xsl:text>
    <xsl:call-template name="html-label"><xsl:with-param name="k" select="concat(@form, substring('reported', 1, 8 * not(@form)))"/></xsl:call-template>
    <xsl:text>, </xsl:text>
    <xsl:call-template name="html-label"><xsl:with-param name="k" select="concat(@status, substring('asserted', 1, 8 * not(@status)))"/></xsl:call-template>
    <xsl:if test="@disputedBy">
      <xsl:text>; </xsl:text>
      <xsl:call-template name="html-label"><xsl:with-param name="k" select="'dispute'"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:call-template name="ids-names"><xsl:with-param name="ids" select="@disputedBy"/><xsl:with-param name="html" select="$html"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="@id">
      <xsl:variable name="id" select="string(@id)"/>
      <xsl:choose>
        <xsl:when test="$has-node-set">
          <xsl:for-each select="exsl:node-set($response-table)">
            <xsl:for-each select="key('number', $id)">
              <xsl:call-template name="response-summary"><xsl:with-param name="html" select="$html"/></xsl:call-template>
            </xsl:for-each>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$root//a:response[contains(concat(' ', normalize-space(@to), ' '), concat(' ', $id, ' '))]">
            <xsl:call-template name="response-summary"><xsl:with-param name="html" select="$html"/></xsl:call-template>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:if test="@evidence">
      <xsl:text>; </xsl:text>
      <xsl:call-template name="html-label"><xsl:with-param name="k" select="'evidence'"/></xsl:call-template>
      <xsl:text>:</xsl:text>
      <xsl:call-template name="evidence">
        <xsl:with-param name="ids" select="concat(normalize-space(@evidence), ' ')"/>
        <xsl:with-param name="html" select="$html"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- "; denied by Y" for a response (a k:t entry or a response). -->
  <xsl:template name="response-summary">
    <xsl:param name="html"/>
    <xsl:variable name="by" select="string(@by)"/>
    <xsl:text>; </xsl:text>
    <xsl:call-template name="html-label"><xsl:with-param name="k" select="string(@type)"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:for-each select="$root">
      <xsl:call-template name="ids-names"><xsl:with-param name="ids" select="$by"/><xsl:with-param name="html" select="$html"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="ids-names">
    <xsl:param name="ids"/>
    <xsl:param name="html"/>
    <xsl:choose>
      <xsl:when test="$html">
        <xsl:call-template name="actor-names"><xsl:with-param name="ids" select="concat(normalize-space($ids), ' ')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="names">
          <xsl:call-template name="actor-names"><xsl:with-param name="ids" select="concat(normalize-space($ids), ' ')"/></xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="$names"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="evidence">
    <xsl:param name="ids"/>
    <xsl:param name="html"/>
    <xsl:if test="$ids != ''">
      <xsl:variable name="id" select="substring-before($ids, ' ')"/>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$html and key('reference', $id)">
          <xsl:call-template name="cite-link"><xsl:with-param name="ref" select="$id"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="num"><xsl:call-template name="reference-number"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:variable>
          <xsl:value-of select="concat('[', $num, substring($id, 1, string-length($id) * ($num = '')), ']')"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="evidence">
        <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
        <xsl:with-param name="html" select="$html"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A link: live only for http, https, ftp and mailto (link-safe);
       otherwise its text, and the address as text, marked, and a note. -->
  <xsl:template match="a:link">
    <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="@href"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$safe = 'yes'">
        <a href="{normalize-space(@href)}" rel="noopener noreferrer"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="link-text"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></span>
        <xsl:call-template name="not-a-link"><xsl:with-param name="url" select="@href"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An address: a link if link-safe, else text (marked, and noted). -->
  <xsl:template name="url">
    <xsl:param name="url"/>
    <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$safe = 'yes'">
        <a class="url" dir="ltr" href="{normalize-space($url)}" rel="noopener noreferrer"><xsl:value-of select="normalize-space($url)"/></a>
      </xsl:when>
      <xsl:otherwise>
        <bdi class="url" dir="ltr"><xsl:value-of select="normalize-space($url)"/></bdi>
        <xsl:call-template name="not-a-link">
          <xsl:with-param name="url" select="$url"/>
          <xsl:with-param name="shown" select="true()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "[not a link: URL]" ("[not a link]" where the address is $shown
       already), and a note. -->
  <xsl:template name="not-a-link">
    <xsl:param name="url"/>
    <xsl:param name="shown" select="false()"/>
    <span class="ox-add unsafe">
      <xsl:call-template name="html-label-lang"/>
      <xsl:text> [</xsl:text>
      <xsl:call-template name="html-label"><xsl:with-param name="k" select="'not-a-link'"/></xsl:call-template>
      <xsl:if test="not($shown)">
        <xsl:text>: </xsl:text>
        <bdi dir="ltr"><xsl:value-of select="normalize-space($url)"/></bdi>
      </xsl:if>
      <xsl:text>]</xsl:text>
    </span>
    <xsl:message>html: not an http, https, ftp or mailto address, so shown as text, not as a link: <xsl:value-of select="substring(normalize-space($url), 1, 80)"/></xsl:message>
  </xsl:template>

  <!-- A date: as printed, then the Gregorian equivalent in brackets when
       the calendar is another one, and the encoder's bounds. -->
  <xsl:template match="a:date | a:published">
    <xsl:variable name="g" select="string(@gregorian)"/>
    <xsl:choose>
      <xsl:when test="$g != '' and not(contains($g, '/'))">
        <time datetime="{$g}" dir="auto"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:when test="node()">
        <span class="date" dir="auto"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></span>
      </xsl:when>
    </xsl:choose>
    <xsl:variable name="gloss" select="$g != '' and @calendar and @calendar != 'gregorian'"/>
    <xsl:if test="$gloss or @notBefore or @notAfter">
      <span class="ox-add gregorian" dir="ltr">
        <xsl:if test="node()"><xsl:text>&#160;</xsl:text></xsl:if>
        <xsl:text>[</xsl:text>
        <xsl:if test="$gloss">
          <xsl:choose>
            <xsl:when test="contains($g, '/')"><xsl:value-of select="concat(substring-before($g, '/'), ' – ', substring-after($g, '/'))"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$g"/></xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <xsl:if test="@notBefore">
          <xsl:if test="$gloss"><xsl:text>; </xsl:text></xsl:if>
          <bdi><xsl:call-template name="html-label-lang"/><xsl:call-template name="html-label"><xsl:with-param name="k" select="'not-before'"/></xsl:call-template></bdi>
          <xsl:value-of select="concat(' ', @notBefore)"/>
        </xsl:if>
        <xsl:if test="@notAfter">
          <xsl:if test="$gloss or @notBefore"><xsl:text>; </xsl:text></xsl:if>
          <bdi><xsl:call-template name="html-label-lang"/><xsl:call-template name="html-label"><xsl:with-param name="k" select="'not-after'"/></xsl:call-template></bdi>
          <xsl:value-of select="concat(' ', @notAfter)"/>
        </xsl:if>
        <xsl:text>]</xsl:text>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- A misprint as printed, then the correction, the encoder's. -->
  <xsl:template match="a:sic">
    <span class="sic">
      <xsl:if test="@reason"><xsl:attribute name="title"><xsl:value-of select="@reason"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </span>
    <span class="ox-add corr">
      <xsl:text> [</xsl:text>
      <bdi><xsl:call-template name="html-label-lang"/>
        <xsl:call-template name="html-label"><xsl:with-param name="k" select="'sic-mark'"/></xsl:call-template>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="html-label"><xsl:with-param name="k" select="'read'"/></xsl:call-template>
        <xsl:text>:</xsl:text>
      </bdi>
      <xsl:text> </xsl:text>
      <bdi><xsl:value-of select="@corr"/></bdi>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <!-- Words the encoder supplies: in brackets, marked, the reason on
       hover. -->
  <xsl:template match="a:supplied">
    <span class="ox-add supplied">
      <xsl:attribute name="title">
        <xsl:call-template name="html-label"><xsl:with-param name="k" select="'supplied'"/></xsl:call-template>
        <xsl:if test="@reason"><xsl:value-of select="concat(': ', @reason)"/></xsl:if>
      </xsl:attribute>
      <xsl:text>[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="a:gap">
    <xsl:call-template name="gap-text"/>
  </xsl:template>

  <!-- "[text not captured: two words — damaged on page 3]" -->
  <xsl:template name="gap-text">
    <span class="ox-add gap">
      <xsl:call-template name="html-label-lang"/>
      <xsl:text>[</xsl:text>
      <xsl:call-template name="html-label"><xsl:with-param name="k" select="concat('gap-', @what)"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:call-template name="html-label"><xsl:with-param name="k" select="concat(@reason, substring('not-captured', 1, 12 * not(@reason)))"/></xsl:call-template>
      <xsl:if test="@extent"><xsl:text>: </xsl:text><bdi><xsl:value-of select="@extent"/></bdi></xsl:if>
      <xsl:if test="@desc"><xsl:text> — </xsl:text><bdi><xsl:value-of select="@desc"/></bdi></xsl:if>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="a:forename | a:surname | a:honorific | a:pseudonym">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="a:*">
    <span class="{local-name()}"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Actors and provenance                                         -->
  <!-- ============================================================ -->

  <xsl:template match="a:actors">
    <section class="actors" id="actors">
      <h2 class="label"><xsl:call-template name="html-label"><xsl:with-param name="k" select="'actors'"/></xsl:call-template></h2>
      <dl>
        <xsl:for-each select="a:actor">
          <dt id="actor-{@id}">
            <bdi><xsl:call-template name="actor-name"><xsl:with-param name="actor" select="."/></xsl:call-template></bdi>
            <xsl:text> </xsl:text>
            <span class="kind"><xsl:text>(</xsl:text><xsl:call-template name="html-label"><xsl:with-param name="k" select="@kind"/></xsl:call-template>
            <xsl:if test="@of and key('actor', @of)">
              <xsl:text>, </xsl:text>
              <xsl:call-template name="actor-names"><xsl:with-param name="ids" select="concat(@of, ' ')"/></xsl:call-template>
            </xsl:if>
            <xsl:text>)</xsl:text></span>
          </dt>
          <dd>
            <xsl:for-each select="a:name">
              <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
              <bdi class="name"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></bdi>
              <xsl:if test="@type or @from or @to">
                <small><xsl:value-of select="concat(' (', normalize-space(concat(@type, ' ', @from, substring('–', 1, number(boolean(@from or @to))), @to)), ')')"/></small>
              </xsl:if>
            </xsl:for-each>
            <xsl:for-each select="a:idno">
              <xsl:text> · </xsl:text>
              <small class="idno"><xsl:value-of select="concat(@type, ': ')"/><bdi><xsl:value-of select="."/></bdi></small>
            </xsl:for-each>
            <xsl:for-each select="a:note">
              <br/><span class="actor-note"><xsl:call-template name="lang-attrs"/><xsl:apply-templates/></span>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
      </dl>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="a:provenance">
    <footer class="provenance ox-add">
      <h2 class="label"><xsl:call-template name="html-label"><xsl:with-param name="k" select="'encoding'"/></xsl:call-template></h2>
      <dl>
        <xsl:for-each select="a:capture">
          <dt><xsl:call-template name="html-label"><xsl:with-param name="k" select="'capture'"/></xsl:call-template><xsl:value-of select="concat(' (', @form, ')')"/></dt>
          <dd>
            <bdi><xsl:apply-templates/></bdi>
            <xsl:if test="@url"><xsl:text> </xsl:text><xsl:call-template name="url"><xsl:with-param name="url" select="@url"/></xsl:call-template></xsl:if>
            <xsl:if test="@date or @checksum">
              <small><xsl:value-of select="concat(' ', @date, ' ', @checksum)"/></small>
            </xsl:if>
          </dd>
        </xsl:for-each>
        <xsl:for-each select="a:encoder">
          <dt><xsl:call-template name="html-label"><xsl:with-param name="k" select="concat(@role, substring('encoder', 1, 7 * not(@role)))"/></xsl:call-template></dt>
          <dd><bdi><xsl:apply-templates/></bdi></dd>
        </xsl:for-each>
        <xsl:for-each select="a:tool">
          <dt><xsl:call-template name="html-label"><xsl:with-param name="k" select="'tool'"/></xsl:call-template></dt>
          <dd><bdi><xsl:apply-templates/></bdi><xsl:value-of select="concat(' ', @version)"/></dd>
        </xsl:for-each>
        <xsl:if test="a:change">
          <dt><xsl:call-template name="html-label"><xsl:with-param name="k" select="'changes'"/></xsl:call-template></dt>
          <dd>
            <ul>
              <xsl:for-each select="a:change">
                <li><xsl:value-of select="@when"/><xsl:if test="@who"><xsl:text> </xsl:text><bdi><xsl:value-of select="@who"/></bdi></xsl:if><xsl:text>: </xsl:text><bdi><xsl:apply-templates/></bdi></li>
              </xsl:for-each>
            </ul>
          </dd>
        </xsl:if>
      </dl>
    </footer>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Style                                                         -->
  <!-- ============================================================ -->

  <!-- Fonts: Debian's fonts-noto-core (Noto Serif, Noto Sans, Noto Naskh
       Arabic, Noto Sans Arabic) and fonts-vazirmatn, where installed; the
       generic families otherwise. Logical properties (inline-start/end)
       so that the layout follows the direction. -->
  <xsl:variable name="css">
:root { --add: #6a3d9a; --rule: #ccc; }
body { font-family: "Noto Serif", "Noto Naskh Arabic", "Vazirmatn", serif; line-height: 1.6; margin: 0 auto; max-width: 48rem; padding: 1rem 1.5rem; color: #111; background: #fff; }
:lang(fa), :lang(prs), :lang(ps), :lang(ar), :lang(ur) { font-family: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Serif", serif; }
:lang(fa-Latn) { font-family: "Noto Serif", serif; }
h1, h2, h3, h4, h5, h6 { line-height: 1.3; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
.subtitle { font-size: 1.2rem; margin-top: 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.toc ul { list-style: none; padding-inline-start: 1.2rem; }
.ox-add { color: var(--add); font-family: "Noto Sans", "Noto Sans Arabic", sans-serif; font-size: .85em; }
.ox-add .ox-add { font-size: 1em; }
.heading-supplied, .heading-toc { color: var(--add); }
.heading-run-in { font-size: 1em; margin-bottom: 0; }
.heading-run-in:has(+ p) { float: inline-start; margin: 1em 0 0; margin-inline-end: .5em; }
.heading-run-in::after { content: " \2014"; color: var(--add); font-weight: normal; }
.gap-block { border: 1px dashed var(--add); padding: .3rem .6rem; margin: 1rem 0; }
.gap, .unsafe { background: #f3eefa; }
time, .date, .gregorian { white-space: nowrap; }
.sic { text-decoration: underline wavy #c33; }
.claim { border-bottom: 2px solid #3a7; }
.claim-disputed { border-bottom-color: #e90; border-bottom-style: dashed; }
.claim-denied { border-bottom-color: #c33; border-bottom-style: double; }
.claim-confirmed { border-bottom-color: #27c; }
div.claim { border-bottom: none; border-inline-start: 3px solid #3a7; padding-inline-start: .6rem; }
div.claim-disputed { border-inline-start-color: #e90; }
div.claim-denied { border-inline-start-color: #c33; }
.claim-no { font-size: .7em; }
.response { background: #f5f5e8; }
.notes { margin: 0 0 1rem; padding-inline-start: .8rem; border-inline-start: 2px solid var(--rule); }
.notes ul { list-style: none; margin: 0; padding: 0; }
.notes li { margin: 0 0 .3rem; }
.notes li.claim-disputed, .notes li.claim-denied, .notes li.claim-confirmed, .notes li.claim-asserted { border: none; }
blockquote { margin-inline: 2rem 0; padding-inline-start: 1rem; border-inline-start: 3px solid var(--rule); }
.bq-source { margin-top: 0; }
ol.references { list-style: none; padding-inline-start: 0; }
li.reference { margin-bottom: .5rem; padding-inline-start: 2.5rem; text-indent: -2.5rem; }
.refno { display: inline-block; min-width: 2.5rem; text-indent: 0; unicode-bidi: isolate; }
a.cite { text-decoration: none; unicode-bidi: isolate; }
a.url, bdi.url { overflow-wrap: anywhere; }
.title { font-style: normal; }
[dir=rtl] i, i[dir=rtl], [dir=rtl] em, em[dir=rtl] { font-style: normal; }
i[dir=rtl], em[dir=rtl] { text-decoration: underline dotted #999; }
.actors dt { font-weight: bold; }
.actors dd { margin-inline-start: 1.5rem; margin-bottom: .4rem; }
.provenance { border-top: 1px solid var(--rule); margin-top: 2rem; }
a { color: #1a4f9c; }
li:target, span:target, a:target, dt:target { background: #fff6bf; }
@media screen and (min-width: 70rem) {
  body { max-width: 66rem; }
  .with-notes { display: grid; grid-template-columns: minmax(0, 1fr) 17rem; column-gap: 1.5rem; align-items: start; }
  .with-notes > .notes { margin-top: 1rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .toc { display: none; }
  a { color: inherit; text-decoration: none; }
  a.url::after { content: ""; }
  .with-notes { display: block; }
  .notes { break-inside: avoid; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  li.reference { break-inside: avoid; }
}
</xsl:variable>

</xsl:stylesheet>
