<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what tei.xsl, jats.xsl and text.xsl share. Each includes it
  (xsl:include href="common.xsl"), so what is here is part of each of them,
  at the same import precedence, and `xsltproc transforms/tei.xsl doc.xml`
  still runs one file: the processor finds this one beside it.

  What belongs here: keys, variables, named templates and templates in modes
  of their own that more than one output needs, whatever the output
  vocabulary. Nothing here writes an element of TEI, JATS or text layout;
  and no template here matches a node in the default mode other than the
  root, so that an including stylesheet never meets two rules for one node.
  Each section below starts with a comment saying what it offers; a new
  shared piece (for example a table of labels in the document's language,
  beside the language names) gets a section of its own.

  Sections
  - Input: the root rule (the document must be an analysis); $root, $md.
  - Look-ups: the keys "reference" and "actor"; reference numbers
    (template reference-number) and the key "number" for such tables.
  - Whitespace: the whitespace rule of text nodes (template text, the XSLT
    form text-xslt; variables $blocks, $native-space).
  - Links: which URLs may become links readers follow (template
    link-safe).
  - Languages: the English names of language tags (template
    language-name).
  - Portable EXSLT: str:padding (template padding). Each EXSLT or oxus
    function a stylesheet calls has a fallback in XSLT 1.0, chosen with
    function-available(), so every XSLT 1.0 processor (Saxon-HE too, which
    has exsl:node-set but neither set: nor str: functions) gives the same
    result tree.

  Cost: everything here is linear in the document. Numbers come from one
  pass over the list and a key, never from counting what precedes a node
  (xsl:number and preceding-sibling:: walk the siblings before a node every
  time they are used, which over a list of N references costs N * N / 2);
  only the fallback for a processor without exsl:node-set counts. A key
  belongs here only if more than one stylesheet uses it: libxslt indexes
  every key of a stylesheet, used or not, with a walk of the document.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:oxus:analysis:1"
                xmlns:k="urn:oxus:xslt:keys"
                xmlns:ox="urn:oxus:xslt:1"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="a k ox exsl str">

  <!-- The extension functions the processor has: tested once here, since
       function-available() costs libxslt more at every call than a
       variable. -->
  <xsl:variable name="has-node-set" select="function-available('exsl:node-set')"/>
  <xsl:variable name="has-padding" select="function-available('str:padding')"/>

  <!-- ============================================================ -->
  <!-- Input                                                         -->
  <!-- ============================================================ -->

  <!-- Every stylesheet starts at the analysis; anything else is refused
       rather than converted to an empty shell. -->
  <xsl:template match="/">
    <xsl:if test="not(a:analysis)">
      <xsl:message terminate="yes">the document element is not analysis in urn:oxus:analysis:1</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="a:analysis"/>
  </xsl:template>

  <xsl:variable name="root" select="/a:analysis"/>
  <xsl:variable name="md" select="/a:analysis/a:metadata"/>

  <!-- ============================================================ -->
  <!-- Look-ups                                                      -->
  <!-- ============================================================ -->

  <!-- References and actors by id (keys on one element name each: libxslt
       indexes a key by walking the document with its pattern). -->
  <xsl:key name="reference" match="a:reference" use="@id"/>
  <xsl:key name="actor" match="a:actor" use="@id"/>

  <!-- The number of each reference ([N], the number the reader sees): its
       position in the list, as the lists print it, as k:r elements keyed by
       id. Built in one pass over the list, so that a citation costs one
       look-up, where counting the references before the cited one would
       walk the list for every citation. -->
  <xsl:variable name="reference-numbers">
    <xsl:for-each select="/a:analysis/a:references/a:reference">
      <xsl:if test="@id">
        <k:r id="{@id}"><xsl:value-of select="position()"/></k:r>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <!-- One key for every such table of numbers (k:r here, k:s and k:n in
       the stylesheets), each a tree of its own, keyed by the @id of its
       entries: one key, one walk of the document. -->
  <xsl:key name="number" match="k:*" use="@id"/>

  <!-- The number of the reference whose id is $id (nothing if there is
       none). -->
  <xsl:template name="reference-number">
    <xsl:param name="id"/>
    <xsl:variable name="s" select="string($id)"/>
    <xsl:choose>
      <xsl:when test="$has-node-set">
        <xsl:for-each select="exsl:node-set($reference-numbers)">
          <xsl:value-of select="key('number', $s)"/>
        </xsl:for-each>
      </xsl:when>
      <!-- a processor without exsl:node-set: the references before this one,
           counted (time quadratic in the number of references) -->
      <xsl:otherwise>
        <xsl:for-each select="key('reference', $s)[parent::a:references][1]">
          <xsl:value-of select="count(preceding-sibling::a:reference) + 1"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Whitespace                                                    -->
  <!-- ============================================================ -->

  <!-- The elements whose text is trimmed at their edges (see text-xslt). -->
  <xsl:variable name="blocks"
                select="'|p|heading|item|suggestion|reference|note|title|subtitle|available|person|author|'"/>
  <xsl:variable name="native-space" select="function-available('ox:space')"/>

  <!-- The text of a text node after the whitespace rule of text-xslt. oxus
       computes it natively (ox:space, src/extensions.c), with the same
       result as text-xslt, which any other XSLT processor runs. (The
       stylesheets' text() rules repeat these four lines to spare a call for
       every text node.) -->
  <xsl:template name="text">
    <xsl:choose>
      <xsl:when test="$native-space"><xsl:value-of select="ox:space(., $blocks)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="text-xslt"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Collapses whitespace runs to one space. Leading (trailing) whitespace is
       kept as one space when something precedes (follows) inside the same
       element, and dropped at the edge of a block (p, head, item, ...), so
       that no paragraph starts or ends with a space. -->
  <xsl:template name="text-xslt">
    <xsl:variable name="s" select="string(.)"/>
    <xsl:variable name="n" select="normalize-space($s)"/>
    <xsl:choose>
      <!-- most text nodes: nothing to collapse or trim -->
      <xsl:when test="$n = $s"><xsl:value-of select="$n"/></xsl:when>
      <xsl:otherwise>
        <!-- "inside" unless the text is at the start (end) of a block -->
        <xsl:variable name="inline"
                      select="not(contains($blocks, concat('|', local-name(..), '|')))
                              or namespace-uri(..) != 'urn:oxus:analysis:1'"/>
        <xsl:variable name="before" select="$inline or preceding-sibling::node()[1]"/>
        <xsl:variable name="after" select="$inline or following-sibling::node()[1]"/>
        <xsl:choose>
          <xsl:when test="$n = ''">
            <xsl:if test="$before and $after"><xsl:text> </xsl:text></xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="$before and translate(substring($s, 1, 1), '&#9;&#10;&#13;', '   ') = ' '">
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:value-of select="$n"/>
            <xsl:if test="$after and translate(substring($s, string-length($s)), '&#9;&#10;&#13;', '   ') = ' '">
              <xsl:text> </xsl:text>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Links                                                         -->
  <!-- ============================================================ -->

  <!-- "yes" if $url may be written as a link readers follow (TEI ref
       target, JATS ext-link and xlink:href, HTML a href): its scheme, read
       as a browser reads it (WHATWG URL Standard, basic URL parser: tabs
       and newlines removed anywhere, C0 controls and spaces stripped at the
       ends, the scheme compared without case), is http, https, ftp or
       mailto. A javascript:, vbscript: or data: link runs code when
       followed and a file: link reads the reader's disk; doi: and urn: name
       a publication but are no address a reader's software follows, and a
       relative reference resolves against wherever the output happens to
       be opened: all of these stay text. `oxus validate` reports the
       dangerous schemes (rule url-scheme); this guard is what protects the
       outputs that xsltproc or Saxon make from a document nobody
       validated. -->
  <xsl:template name="link-safe">
    <xsl:param name="url"/>
    <xsl:variable name="u" select="normalize-space(translate($url, '&#9;&#10;&#13;', ''))"/>
    <xsl:variable name="scheme" select="translate(substring-before($u, ':'),
                                        'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:if test="$scheme = 'http' or $scheme = 'https' or $scheme = 'ftp' or $scheme = 'mailto'">yes</xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Languages                                                     -->
  <!-- ============================================================ -->

  <!-- English names of the languages oxus documents usually contain; an
       unknown tag gets no name rather than a guess. -->
  <xsl:template name="language-name">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'en'">English</xsl:when>
      <xsl:when test="$code = 'fa'">Persian</xsl:when>
      <xsl:when test="$code = 'fa-AF' or $code = 'prs'">Dari</xsl:when>
      <xsl:when test="$code = 'fa-IR'">Persian (Iran)</xsl:when>
      <xsl:when test="$code = 'ps'">Pashto</xsl:when>
      <xsl:when test="$code = 'tg'">Tajik</xsl:when>
      <xsl:when test="$code = 'uz'">Uzbek</xsl:when>
      <xsl:when test="$code = 'tk'">Turkmen</xsl:when>
      <xsl:when test="$code = 'ru'">Russian</xsl:when>
      <xsl:when test="$code = 'ar'">Arabic</xsl:when>
      <xsl:when test="$code = 'ur'">Urdu</xsl:when>
      <xsl:when test="$code = 'zh'">Chinese</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Portable EXSLT                                                -->
  <!-- ============================================================ -->

  <!-- floor($n) times the character $c (EXSLT str:padding($n, $c)); in
       XSLT 1.0 by halving, so a call takes log2($n) steps. A template's
       result is a tree fragment, which costs libxslt a document: where
       $has-padding, call str:padding in an expression instead. -->
  <xsl:template name="padding">
    <xsl:param name="n"/>
    <xsl:param name="c" select="' '"/>
    <xsl:variable name="m" select="floor($n)"/>
    <xsl:choose>
      <xsl:when test="not($m &gt;= 1)"/>
      <xsl:when test="$has-padding">
        <xsl:value-of select="str:padding($m, $c)"/>
      </xsl:when>
      <xsl:when test="$m = 1"><xsl:value-of select="$c"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="half">
          <xsl:call-template name="padding">
            <xsl:with-param name="n" select="$m div 2"/>
            <xsl:with-param name="c" select="$c"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="concat($half, $half, substring($c, 1, $m mod 2))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
