<?xml version="1.0" encoding="UTF-8"?>
<!--
  jats.xsl: oxus analysis (urn:oxus:analysis:1, vocabulary 1.0 and 1.1) to
  JATS 1.4, Journal Archiving and Interchange by default, Journal
  Publishing on request.

  Run:  xsltproc transforms/jats.xsl doc.xml > doc.jats.xml
        xsltproc -stringparam jats-tagset publishing transforms/jats.xsl doc.xml
        java -jar saxon9he.jar -s:doc.xml -xsl:transforms/jats.xsl -o:doc.jats.xml
  Processors: XSLT 1.0, with common.xsl beside this file (xsl:include).
  Where it calls an extension function it asks function-available() first
  and otherwise runs XSLT 1.0 that gives the same result tree: EXSLT
  exsl:node-set (libxslt, Saxon and Xalan have it) for look-ups in constant
  time, else counting; oxus's ox:space (src/extensions.c), else the
  template text-xslt, and ox:ids, else the template rids-xslt. xsltproc,
  Saxon-HE and oxus give the same result
  (tests/suites/70-convert.sh and 75-portable.sh compare them).

  From common.xsl: the root rule, $root and $md, the keys "reference",
  "actor" and "number", reference numbers (template reference-number), the
  whitespace rule (templates text and text-xslt, $blocks, $native-space),
  the link guard (template link-safe).

  Parameters
  - jats-tagset   "archiving" (default): JATS 1.4 Journal Archiving and
                  Interchange with MathML 3, where every part of journal-meta
                  is optional. "publishing": Journal Publishing, which
                  requires an ISSN (journal-meta/issn); a document whose
                  metadata/series states none is refused (xsl:message
                  terminate="yes": oxus reports it as an error, exit 1, no
                  output) rather than given an empty or made-up issn.
  - article-type  overrides article/@article-type (see "Kind" below).

  The output depends only on the input (no dates of "now", no generated ids).

  DOCTYPE. Each tag set's public identifier and system URL, written as
  text before the root element (disable-output-escaping), because XSLT 1.0
  fixes xsl:output's doctype-public when the stylesheet is compiled and the
  tag set is a parameter. libxslt and Saxon honour it; a processor that does
  not would write it escaped. Tools that use the DTD (xmllint with a DTD,
  the PMC Style Checker's id()) then work; nothing here or in oxus fetches
  the system URL (oxus parses with XML_PARSE_NONET and loads no DTD;
  the tests validate with xmllint (no network) and the local DTDs).

  Tag Library pages cited below are those of the JATS 1.4 Archiving Tag
  Library, https://jats.nlm.nih.gov/archiving/tag-library/1.4/ followed by
  element/NAME.html or attribute/NAME.html.

  Mapping decisions
  =================
  Front matter
  - journal-meta holds only what the document states: the series name
    (journal-title, a serial's title as printed), the series' ISSN
    (issn publication-format=electronic|print from series/@issnMedium) and the
    publisher (publisher/publisher-name). No journal-id or journal-title is
    made from the publisher's name. Archiving: journal-meta is written only
    if one of these is known. Publishing requires journal-id and issn: the
    ISSN is the journal-id (journal-id-type="issn").
  - Kind (attribute/article-type.html: "If the article is not one of the
    listed types or the type of article cannot be determined, the 'other'
    value may be used"): no suggested value names a policy analysis, so
      analysis (or no genre) -> other, report -> report,
      brief -> brief-report, commentary, interview, review, other -> other
    (the PMC Style Checker accepts all four), and the kind itself is always
    kept in article-categories: subj-group subj-group-type="genre", subject
    vocab="oxus-genre" vocab-term=<code> = = the label the source
    prints, else the English name of the code ("Policy analysis"); the
    keywords as subj-group subj-group-type="keywords" (one per language).
  - article-id (publisher-id) = the document's id if it has one; title-group
    (article-title, subtitle; trans-title-group for a title translation is
    not in the vocabulary); contrib-group: one contrib contrib-type="author"
    per author, rid = the actor the name stands for; an organization as
    collab, a person as name (surname, given-names, prefix) or string-name
    when there is no surname, a pen name as string-name
    content-type="pseudonym".
  - Dates (element/pub-date.html; element/string-date.html): a Gregorian
    pub-date date-type="pub" with day/month/year and @iso-8601-date (PMC:
    year 1700 to 2100), the printed text in string-date when the calendar is
    Gregorian; for another calendar a second pub-date calendar=<calendar>
    iso-8601-date=<Gregorian> holding the printed date in string-date (no
    year element: the Solar Hijri year 1402 is not a Gregorian year).
    @iso-8601-date only for a single date (an interval such as the Gregorian
    span of the year 1401 SH has year only when both ends share it). Where
    the source prints no date: the encoder's bound
    (metadata/published/@notBefore), else the latest Gregorian publication
    date of a work the analysis cites (it cannot be older), as pub-date
    date-type="pub" with the bound's year and a string-date saying it is a
    bound; pub-date-not-available only when neither exists.
  - permissions (element/permissions.html, JATS4R permissions): license ->
    license xlink:href + ali:license_ref (the same URL, JATS4R) + license-p;
    rights -> copyright-statement, copyright-year, copyright-holder (JATS4R
    wants year and holder with a statement, so a statement without both goes
    into license-p); rights status="not-stated", or no rights and no
    license: a license whose license-p says the rights are not stated (or not
    recorded) rather than a guessed licence.
  - self-uri only with an address (source, edition with @url); an edition
    whose link was not captured has none, and is not written.
  - abstract, kwd-group kwd-group-type="author" per language.
  - provenance -> front/notes notes-type="provenance": one p per capture,
    encoder, tool and change (the encoder's record, not the source's).
  - actors -> custom-meta-group content-type="actors", one custom-meta per
    actor (id = the actor's id, so every @rid naming an actor resolves),
    vocab="oxus-actor-kind" vocab-term=kind; names as named-content
    content-type="name" vocab="oxus-name-type" vocab-term=type with the
    years; identifiers as named-content content-type="idno" vocab=type.
  Body
  - section -> sec; heading -> title; a heading the source does not print
    above its section: title content-type="run-in" | "toc" | "supplied"
    (element/title.html: @content-type names the kind of title).
    conclusion -> sec sec-type="conclusions"; suggestions -> sec
    sec-type="suggestions" (list-type bullet, order with label = printed
    number, or one p per suggestion when printed as plain paragraphs).
  - p, list, emph -> italic, link -> ext-link (link text as printed).
  - blockquote -> disp-quote, its source in attrib with an xref
    (element/attrib.html).
  - cite -> [<xref ref-type="bibr">N</xref>].
  - Phrases: named-content (element/named-content.html) with content-type
    and, where the oxus attributes carry data, vocab/vocab-term
    (attribute/vocab.html, attribute/vocab-term.html) and rid:
      claim    content-type="claim" vocab="oxus-claim-status"
               vocab-term=<status, "asserted" if absent> rid=<claimants and
               evidence references>; specific-use="quoted" for a verbatim
               quotation (form="quoted")
      response content-type="response" vocab="oxus-response-type"
               vocab-term=deny|dispute|confirm rid=<responders, the claims
               responded to, evidence>
      mention  content-type="mention" rid=actor
      quantity content-type="quantity" vocab="oxus-quantity"
               vocab-term="<value> <unit or ISO 4217 currency>";
               specific-use="approximate" when approximate
      date     content-type="date" vocab="ISO 8601" vocab-term=<Gregorian
               date or interval; bounds as an interval notBefore/notAfter,
               ".." for an open end>; specific-use=<type>
      foreign  content-type="foreign" xml:lang
      q        content-type="quotation" | "mentioned" | "so-called" | "name"
      supplied content-type="supplied", the words in brackets
      sic      content-type="sic" (printed), then content-type="corr" with
               the correction in brackets
      gap      content-type="gap" vocab="oxus-gap" vocab-term=<what>, text
               "[link not captured]" etc.; a block gap is a p content-type="gap"
    No @specific-use holds "name: value" pairs: no JATS consumer reads them.
  Back
  - references -> ref-list; reference -> ref with label = N and, directly in
    ref (element/ref.html allows several citations; pandoc 2.17 reads only an
    element-citation that is a child of ref), two citations:
      * element-citation: the structured form: person-group
        person-group-type="author" (name / string-name / collab), titles
        (article-title or chapter-title, source, series; trans-title for the
        encoder's translation or transliteration, with xml:lang and
        content-type), publisher-name, volume, issue, fpage/lpage or
        page-range, the Gregorian year/month/day of the publication date
        (year with @iso-8601-date), the printed date in its own calendar as
        date calendar=.. iso-8601-date=.. with its year in that calendar
        and the printed string-date (not its day and month: the PMC Style
        Checker tests those as Gregorian) (element/date.html, the
        non-Gregorian example), date-in-citation only for other dates
        (access, update, event: element/date-in-citation.html), ext-link per
        address with xlink:title = the cited title, comments for the medium
        and for a link not captured.
      * mixed-citation: the entry exactly as printed, parts tagged, authors
        in one person-group, the published date as date/string-date;
        translations (not printed) left out.
    publication-type: news -> newspaper, article -> journal, web -> webpage,
    report, book, poem, video kept; no type: the attribute is left out.
  - xml:lang only where the language differs from the enclosing element's.
  - Whitespace inside text is collapsed to single spaces and trimmed at the
    edges of paragraphs and other blocks.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:oxus:analysis:1"
                xmlns:ox="urn:oxus:xslt:1"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:ali="http://www.niso.org/schemas/ali/1.0/"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="a ox exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="jats-tagset" select="'archiving'"/>
  <xsl:param name="article-type" select="''"/>

  <xsl:include href="common.xsl"/>

  <xsl:key name="kwd-lang" match="a:keyword" use="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>

  <xsl:variable name="publishing" select="$jats-tagset = 'publishing'"/>
  <xsl:variable name="article-lang" select="string($root/@xml:lang)"/>
  <xsl:variable name="issn" select="normalize-space($md/a:series/@issn)"/>
  <xsl:variable name="native-ids" select="function-available('ox:ids')"/>

  <!-- ============================================================ -->
  <!-- Document                                                      -->
  <!-- ============================================================ -->

  <xsl:template match="a:analysis">
    <xsl:if test="$jats-tagset != 'archiving' and $jats-tagset != 'publishing'">
      <xsl:message terminate="yes">jats-tagset must be "archiving" or "publishing", not "<xsl:value-of select="$jats-tagset"/>"</xsl:message>
    </xsl:if>
    <xsl:if test="$publishing and $issn = ''">
      <xsl:message terminate="yes">the JATS Journal Publishing tag set (jats-tagset=publishing) requires an ISSN, and this document states none (metadata/series/@issn); oxus does not invent one: convert without the parameter (Archiving and Interchange) or add the ISSN the publisher states</xsl:message>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$publishing">
        <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD with MathML3 v1.4 20241031//EN" "https://jats.nlm.nih.gov/publishing/1.4/JATS-journalpublishing1-4-mathml3.dtd"&gt;
</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.4 20241031//EN" "https://jats.nlm.nih.gov/archiving/1.4/JATS-archivearticle1-4-mathml3.dtd"&gt;
</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <article dtd-version="1.4">
      <xsl:attribute name="article-type">
        <xsl:choose>
          <xsl:when test="normalize-space($article-type) != ''">
            <xsl:value-of select="normalize-space($article-type)"/>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="genre-type"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:copy-of select="@xml:lang"/>
      <front>
        <xsl:call-template name="journal-meta"/>
        <xsl:call-template name="article-meta"/>
        <xsl:apply-templates select="$md/a:provenance"/>
      </front>
      <body>
        <xsl:apply-templates select="a:body/a:section"/>
        <xsl:apply-templates select="a:conclusion"/>
        <xsl:apply-templates select="a:suggestions"/>
      </body>
      <xsl:if test="a:references">
        <back>
          <xsl:apply-templates select="a:references"/>
        </back>
      </xsl:if>
    </article>
  </xsl:template>

  <!-- xml:lang of an element, only where it differs from the language of
       the element that encloses it. Applied to the element's @xml:lang
       (select="@xml:lang" mode="lang"), so that the many elements without
       one cost no template call. -->
  <xsl:template match="@xml:lang" mode="lang">
    <xsl:if test="string(.) != string(../../ancestor-or-self::*[@xml:lang][1]/@xml:lang)">
      <xsl:copy-of select="."/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- front                                                         -->
  <!-- ============================================================ -->

  <xsl:template name="genre-type">
    <xsl:variable name="code" select="string($md/a:genre/@code)"/>
    <xsl:choose>
      <xsl:when test="$code = 'brief'">brief-report</xsl:when>
      <xsl:when test="$code = 'report'">report</xsl:when>
      <xsl:otherwise>other</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="genre-name">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'brief'">Policy brief</xsl:when>
      <xsl:when test="$code = 'report'">Report</xsl:when>
      <xsl:when test="$code = 'commentary'">Commentary</xsl:when>
      <xsl:when test="$code = 'interview'">Interview</xsl:when>
      <xsl:when test="$code = 'review'">Review</xsl:when>
      <xsl:when test="$code = 'other'">Other</xsl:when>
      <xsl:otherwise>Policy analysis</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="journal-meta">
    <xsl:variable name="series" select="normalize-space($md/a:series)"/>
    <xsl:variable name="publisher" select="normalize-space($md/a:publisher)"/>
    <xsl:if test="$publishing or $series != '' or $issn != '' or $publisher != ''">
      <journal-meta>
        <xsl:if test="$publishing">
          <journal-id journal-id-type="issn"><xsl:value-of select="$issn"/></journal-id>
        </xsl:if>
        <xsl:if test="$series != ''">
          <journal-title-group>
            <journal-title>
              <xsl:apply-templates select="$md/a:series/@xml:lang" mode="lang"/>
              <xsl:value-of select="$series"/>
            </journal-title>
          </journal-title-group>
        </xsl:if>
        <xsl:if test="$issn != ''">
          <issn>
            <xsl:if test="$md/a:series/@issnMedium">
              <xsl:attribute name="pub-type">
                <xsl:choose>
                  <xsl:when test="$md/a:series/@issnMedium = 'print'">ppub</xsl:when>
                  <xsl:otherwise>epub</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:attribute name="publication-format"><xsl:value-of select="$md/a:series/@issnMedium"/></xsl:attribute>
            </xsl:if>
            <xsl:value-of select="$issn"/>
          </issn>
        </xsl:if>
        <xsl:if test="$publisher != ''">
          <publisher>
            <publisher-name>
              <xsl:apply-templates select="$md/a:publisher/@xml:lang" mode="lang"/>
              <xsl:apply-templates select="$md/a:publisher/node()"/>
            </publisher-name>
          </publisher>
        </xsl:if>
      </journal-meta>
    </xsl:if>
  </xsl:template>

  <xsl:template name="article-meta">
    <article-meta>
      <xsl:if test="$root/@id">
        <article-id pub-id-type="publisher-id"><xsl:value-of select="$root/@id"/></article-id>
      </xsl:if>
      <xsl:call-template name="article-categories"/>
      <title-group>
        <article-title>
          <xsl:apply-templates select="$md/a:title/@xml:lang" mode="lang"/>
          <xsl:apply-templates select="$md/a:title/node()"/>
        </article-title>
        <xsl:if test="$md/a:subtitle">
          <subtitle>
            <xsl:apply-templates select="$md/a:subtitle/@xml:lang" mode="lang"/>
            <xsl:apply-templates select="$md/a:subtitle/node()"/>
          </subtitle>
        </xsl:if>
      </title-group>
      <xsl:if test="$md/a:authors/*">
        <contrib-group>
          <xsl:for-each select="$md/a:authors/*">
            <contrib contrib-type="author">
              <xsl:if test="@actor and key('actor', @actor)">
                <xsl:attribute name="rid"><xsl:value-of select="@actor"/></xsl:attribute>
              </xsl:if>
              <xsl:apply-templates select="." mode="name"/>
            </contrib>
          </xsl:for-each>
        </contrib-group>
      </xsl:if>
      <xsl:call-template name="pub-dates"/>
      <xsl:if test="$md/a:series/@issue">
        <issue><xsl:value-of select="$md/a:series/@issue"/></issue>
      </xsl:if>
      <xsl:call-template name="permissions"/>
      <xsl:for-each select="$md/a:source | $md/a:edition">
        <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="@url"/></xsl:call-template></xsl:variable>
        <xsl:if test="$safe = 'yes'">
          <self-uri xlink:href="{@url}">
            <xsl:attribute name="content-type">
              <xsl:choose>
                <xsl:when test="self::a:source">html</xsl:when>
                <xsl:otherwise><xsl:value-of select="@format"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:apply-templates select="@xml:lang" mode="lang"/>
            <xsl:apply-templates select="node()[not(self::a:gap)]"/>
          </self-uri>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$md/a:abstract">
        <abstract>
          <xsl:apply-templates select="$md/a:abstract/@xml:lang" mode="lang"/>
          <xsl:apply-templates select="$md/a:abstract/a:p"/>
        </abstract>
      </xsl:if>
      <xsl:for-each select="$md/a:keywords/a:keyword[generate-id() = generate-id(key('kwd-lang', ancestor-or-self::*[@xml:lang][1]/@xml:lang)[1])]">
        <xsl:variable name="lang" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
        <kwd-group kwd-group-type="author">
          <xsl:if test="$lang != $article-lang">
            <xsl:attribute name="xml:lang"><xsl:value-of select="$lang"/></xsl:attribute>
          </xsl:if>
          <xsl:for-each select="key('kwd-lang', $lang)">
            <kwd><xsl:value-of select="normalize-space(.)"/></kwd>
          </xsl:for-each>
        </kwd-group>
      </xsl:for-each>
      <xsl:variable name="printed-date" select="$md/a:published[$publishing and normalize-space(.) != '']"/>
      <xsl:variable name="silent" select="$root//a:response[not(node())] | $root//a:claim[@disputedBy]"/>
      <xsl:if test="$root/a:actors/a:actor or $silent or $printed-date">
        <custom-meta-group>
          <!-- Journal Publishing's pub-date has no string-date, and a second
               pub-date in another calendar is one electronic publication
               date too many for PMC: the date as printed is kept here -->
          <xsl:for-each select="$printed-date">
            <custom-meta vocab="oxus-calendar" vocab-term="{@calendar}">
              <meta-name>publication date as printed</meta-name>
              <meta-value><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:value-of select="normalize-space(.)"/></meta-value>
            </custom-meta>
          </xsl:for-each>
          <xsl:apply-templates select="$root/a:actors/a:actor"/>
          <xsl:apply-templates select="$silent" mode="meta"/>
        </custom-meta-group>
      </xsl:if>
    </article-meta>
  </xsl:template>

  <xsl:template name="article-categories">
    <xsl:variable name="code">
      <xsl:choose>
        <xsl:when test="$md/a:genre/@code"><xsl:value-of select="$md/a:genre/@code"/></xsl:when>
        <xsl:otherwise>analysis</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <article-categories>
      <subj-group subj-group-type="heading">
        <xsl:choose>
          <xsl:when test="normalize-space($md/a:genre) != ''">
            <xsl:apply-templates select="$md/a:genre/@xml:lang" mode="lang"/>
          </xsl:when>
          <xsl:when test="$article-lang != 'en'"><xsl:attribute name="xml:lang">en</xsl:attribute></xsl:when>
        </xsl:choose>
        <subject vocab="oxus-genre" vocab-term="{$code}">
          <xsl:choose>
            <xsl:when test="normalize-space($md/a:genre) != ''">
              <xsl:value-of select="normalize-space($md/a:genre)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="genre-name"><xsl:with-param name="code" select="$code"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </subject>
      </subj-group>
      <xsl:for-each select="$md/a:keywords/a:keyword[generate-id() = generate-id(key('kwd-lang', ancestor-or-self::*[@xml:lang][1]/@xml:lang)[1])]">
        <xsl:variable name="lang" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
        <subj-group subj-group-type="keywords">
          <xsl:if test="$lang != $article-lang">
            <xsl:attribute name="xml:lang"><xsl:value-of select="$lang"/></xsl:attribute>
          </xsl:if>
          <xsl:for-each select="key('kwd-lang', $lang)">
            <subject><xsl:value-of select="normalize-space(.)"/></subject>
          </xsl:for-each>
        </subj-group>
      </xsl:for-each>
    </article-categories>
  </xsl:template>

  <!-- The article's publication dates (see the header). -->
  <xsl:template name="pub-dates">
    <xsl:variable name="pub" select="$md/a:published"/>
    <xsl:variable name="g" select="string($pub/@gregorian)"/>
    <xsl:choose>
      <xsl:when test="$g != ''">
        <pub-date date-type="pub">
          <xsl:call-template name="publication-format"/>
          <xsl:if test="not(contains($g, '/'))">
            <xsl:attribute name="iso-8601-date"><xsl:value-of select="$g"/></xsl:attribute>
          </xsl:if>
          <xsl:call-template name="gregorian-parts">
            <xsl:with-param name="g" select="$g"/>
            <xsl:with-param name="order" select="'dmy'"/>
          </xsl:call-template>
          <xsl:if test="normalize-space($pub) != '' and not($publishing)">
            <string-date>
              <xsl:copy-of select="$pub/@calendar"/>
              <xsl:if test="not(contains($g, '/'))">
                <xsl:attribute name="iso-8601-date"><xsl:value-of select="$g"/></xsl:attribute>
              </xsl:if>
              <xsl:apply-templates select="$pub/@xml:lang" mode="lang"/>
              <xsl:value-of select="normalize-space($pub)"/>
            </string-date>
          </xsl:if>
        </pub-date>
      </xsl:when>
      <xsl:when test="$pub/@notBefore">
        <xsl:call-template name="bound-pub-date">
          <xsl:with-param name="d" select="string($pub/@notBefore)"/>
          <xsl:with-param name="why" select="'the encoder&#8217;s bound'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- the latest publication date among the cited works: the analysis
             cannot be older than what it cites -->
        <xsl:variable name="latest">
          <xsl:for-each select="$root/a:references/a:reference/a:date[not(@type) or @type = 'published'][@gregorian]">
            <xsl:sort select="translate(substring-before(concat(@gregorian, '/'), '/'), '-', '')" data-type="text" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="substring-before(concat(@gregorian, '/'), '/')"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$latest != ''">
            <xsl:call-template name="bound-pub-date">
              <xsl:with-param name="d" select="$latest"/>
              <xsl:with-param name="why" select="'the latest publication date of a work it cites'"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><pub-date-not-available/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="bound-pub-date">
    <xsl:param name="d"/>
    <xsl:param name="why"/>
    <pub-date date-type="pub">
      <xsl:call-template name="publication-format"/>
      <year><xsl:value-of select="substring($d, 1, 4)"/></year>
      <xsl:if test="not($publishing)">
      <string-date>
        <xsl:if test="$article-lang != 'en'"><xsl:attribute name="xml:lang">en</xsl:attribute></xsl:if>
        <xsl:value-of select="concat('Not before ', $d, ' (', $why, '); the source prints no publication date.')"/>
      </string-date>
      </xsl:if>
    </pub-date>
  </xsl:template>

  <!-- pub-date/@publication-format: "electronic" when the document records
       an electronic form of the analysis (a web page or file it was taken
       from, an edition with an address, a capture of a web page, PDF or
       text), "print" when it records only a print capture; nothing when it
       records neither -->
  <xsl:template name="publication-format">
    <xsl:choose>
      <xsl:when test="$md/a:source or $md/a:edition or $md/a:provenance/a:capture[@form = 'html' or @form = 'pdf' or @form = 'text']">
        <xsl:attribute name="publication-format">electronic</xsl:attribute>
      </xsl:when>
      <xsl:when test="$md/a:provenance/a:capture[@form = 'print']">
        <xsl:attribute name="publication-format">print</xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- day, month, year (order "dmy", pub-date) or year, month, day
       (citations) of a Gregorian date YYYY[-MM[-DD]]; for an interval A/B
       the year alone, and only when A and B share it -->
  <xsl:template name="gregorian-parts">
    <xsl:param name="g"/>
    <xsl:param name="order"/>
    <xsl:choose>
      <xsl:when test="contains($g, '/')">
        <xsl:if test="substring($g, 1, 4) = substring(substring-after($g, '/'), 1, 4)">
          <year><xsl:value-of select="substring($g, 1, 4)"/></year>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$order = 'dmy'">
        <xsl:if test="string-length($g) &gt;= 10"><day><xsl:value-of select="substring($g, 9, 2)"/></day></xsl:if>
        <xsl:if test="string-length($g) &gt;= 7"><month><xsl:value-of select="substring($g, 6, 2)"/></month></xsl:if>
        <year><xsl:value-of select="substring($g, 1, 4)"/></year>
      </xsl:when>
      <xsl:otherwise>
        <year iso-8601-date="{$g}"><xsl:value-of select="substring($g, 1, 4)"/></year>
        <xsl:if test="string-length($g) &gt;= 7"><month><xsl:value-of select="substring($g, 6, 2)"/></month></xsl:if>
        <xsl:if test="string-length($g) &gt;= 10"><day><xsl:value-of select="substring($g, 9, 2)"/></day></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="permissions">
    <xsl:variable name="rights" select="$md/a:rights[not(@status = 'not-stated')][normalize-space(.) != '']"/>
    <permissions>
      <xsl:choose>
        <xsl:when test="$rights and $rights/@holder and $rights/@year">
          <copyright-statement>
            <xsl:apply-templates select="$rights/@xml:lang" mode="lang"/>
            <xsl:value-of select="normalize-space($rights)"/>
          </copyright-statement>
          <copyright-year><xsl:value-of select="$rights/@year"/></copyright-year>
          <copyright-holder><xsl:value-of select="normalize-space($rights/@holder)"/></copyright-holder>
        </xsl:when>
        <xsl:when test="$rights">
          <license license-type="rights-statement">
            <license-p>
              <xsl:apply-templates select="$rights/@xml:lang" mode="lang"/>
              <xsl:value-of select="normalize-space($rights)"/>
            </license-p>
          </license>
        </xsl:when>
      </xsl:choose>
      <xsl:for-each select="$md/a:license">
        <license>
          <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="@url"/></xsl:call-template></xsl:variable>
          <xsl:if test="$safe = 'yes'">
            <xsl:attribute name="xlink:href"><xsl:value-of select="@url"/></xsl:attribute>
            <ali:license_ref><xsl:value-of select="@url"/></ali:license_ref>
          </xsl:if>
          <license-p>
            <xsl:apply-templates select="@xml:lang" mode="lang"/>
            <xsl:value-of select="normalize-space(.)"/>
          </license-p>
        </license>
      </xsl:for-each>
      <xsl:if test="not($rights) and not($md/a:license)">
        <license license-type="rights-not-stated">
          <license-p>
            <xsl:if test="$article-lang != 'en'"><xsl:attribute name="xml:lang">en</xsl:attribute></xsl:if>
            <xsl:choose>
              <xsl:when test="$md/a:rights[@status = 'not-stated']">The source states no copyright or licence: the rights in this work are not stated.</xsl:when>
              <xsl:otherwise>No copyright or licence statement is recorded for this work: its rights are not stated here.</xsl:otherwise>
            </xsl:choose>
          </license-p>
        </license>
      </xsl:if>
    </permissions>
  </xsl:template>

  <!-- The encoder's record of where the text came from. -->
  <xsl:template match="a:provenance">
    <notes notes-type="provenance">
      <xsl:if test="$article-lang != 'en'"><xsl:attribute name="xml:lang">en</xsl:attribute></xsl:if>
      <title>Provenance of this encoding</title>
      <xsl:for-each select="a:capture">
        <p content-type="capture">
          <xsl:text>Captured</xsl:text>
          <xsl:if test="@form"><xsl:value-of select="concat(' (', @form, ')')"/></xsl:if>
          <xsl:if test="@id"><xsl:value-of select="concat(' as ', @id)"/></xsl:if>
          <xsl:if test="@date"><xsl:value-of select="concat(' on ', @date)"/></xsl:if>
          <xsl:if test="@url">
            <xsl:text> from </xsl:text>
            <xsl:call-template name="url"><xsl:with-param name="url" select="normalize-space(@url)"/><xsl:with-param name="title" select="'the captured source'"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="@checksum"><xsl:value-of select="concat(', checksum ', @checksum)"/></xsl:if>
          <xsl:if test="normalize-space(.) != ''"><xsl:value-of select="concat('. ', normalize-space(.))"/></xsl:if>
        </p>
      </xsl:for-each>
      <xsl:for-each select="a:encoder">
        <p content-type="encoder">
          <xsl:choose>
            <xsl:when test="@role = 'reviewer'">Reviewed by </xsl:when>
            <xsl:otherwise>Encoded by </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="normalize-space(.)"/>
        </p>
      </xsl:for-each>
      <xsl:for-each select="a:tool">
        <p content-type="tool">
          <xsl:value-of select="concat('Tool: ', normalize-space(.))"/>
          <xsl:if test="@version"><xsl:value-of select="concat(' ', @version)"/></xsl:if>
        </p>
      </xsl:for-each>
      <xsl:for-each select="a:change">
        <p content-type="change">
          <xsl:value-of select="concat(@when, ', ', normalize-space(@who), ': ', normalize-space(.))"/>
        </p>
      </xsl:for-each>
    </notes>
  </xsl:template>

  <!-- Actors as custom-meta (see the header comment). -->
  <xsl:template match="a:actor">
    <custom-meta id="{@id}" vocab="oxus-actor-kind" vocab-term="{@kind}">
      <meta-name>actor</meta-name>
      <meta-value>
        <xsl:for-each select="a:name">
          <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
          <named-content content-type="name">
            <xsl:if test="@type">
              <xsl:attribute name="vocab">oxus-name-type</xsl:attribute>
              <xsl:attribute name="vocab-term"><xsl:value-of select="@type"/></xsl:attribute>
            </xsl:if>
            <xsl:apply-templates select="@xml:lang" mode="lang"/>
            <xsl:apply-templates/>
          </named-content>
          <xsl:if test="@type or @from or @to">
            <xsl:if test="@type and @type != 'full'"><xsl:value-of select="concat(' (', @type)"/></xsl:if>
            <xsl:if test="@from or @to">
              <xsl:value-of select="concat(substring(', ', 1, 2 * (@type and @type != 'full')), substring(' (', 1, 2 * not(@type and @type != 'full')))"/>
              <xsl:value-of select="concat(@from, '&#8211;', @to)"/>
            </xsl:if>
            <xsl:if test="(@type and @type != 'full') or @from or @to"><xsl:text>)</xsl:text></xsl:if>
          </xsl:if>
        </xsl:for-each>
        <xsl:text> (</xsl:text>
        <xsl:value-of select="@kind"/>
        <xsl:if test="@of">
          <xsl:variable name="of" select="key('actor', @of)"/>
          <xsl:text> of </xsl:text>
          <named-content content-type="of">
            <xsl:choose>
              <xsl:when test="$of">
                <xsl:attribute name="rid"><xsl:value-of select="@of"/></xsl:attribute>
                <xsl:value-of select="normalize-space($of/a:name[1])"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="@of"/></xsl:otherwise>
            </xsl:choose>
          </named-content>
        </xsl:if>
        <xsl:text>)</xsl:text>
        <xsl:for-each select="a:idno">
          <xsl:text>; </xsl:text>
          <named-content content-type="idno" vocab="{@type}" vocab-term="{normalize-space(.)}"><xsl:value-of select="normalize-space(.)"/></named-content>
        </xsl:for-each>
        <xsl:if test="a:note">
          <xsl:text>. </xsl:text>
          <named-content content-type="note">
            <xsl:apply-templates select="a:note/@xml:lang" mode="lang"/>
            <xsl:apply-templates select="a:note/node()"/>
          </named-content>
        </xsl:if>
      </meta-value>
    </custom-meta>
  </xsl:template>

  <!-- Names: organizations as collab, persons as name or string-name -->
  <xsl:template match="a:organization | a:publisher | a:outlet" mode="name">
    <collab>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </collab>
  </xsl:template>

  <xsl:template match="a:person | a:author" mode="name">
    <xsl:choose>
      <xsl:when test="a:surname">
        <name>
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <surname><xsl:value-of select="normalize-space(a:surname[1])"/></surname>
          <xsl:if test="a:forename">
            <given-names>
              <xsl:for-each select="a:forename">
                <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </given-names>
          </xsl:if>
          <xsl:if test="a:honorific">
            <prefix>
              <xsl:for-each select="a:honorific">
                <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </prefix>
          </xsl:if>
        </name>
      </xsl:when>
      <xsl:otherwise>
        <string-name>
          <xsl:if test="a:pseudonym and not(a:forename)">
            <xsl:attribute name="content-type">pseudonym</xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <xsl:apply-templates mode="string-name"/>
        </string-name>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name as printed, parts tagged (string-name content). -->
  <xsl:template match="a:surname" mode="string-name">
    <surname><xsl:value-of select="normalize-space(.)"/></surname>
  </xsl:template>
  <xsl:template match="a:forename" mode="string-name">
    <given-names><xsl:value-of select="normalize-space(.)"/></given-names>
  </xsl:template>
  <xsl:template match="a:honorific" mode="string-name">
    <prefix><xsl:value-of select="normalize-space(.)"/></prefix>
  </xsl:template>
  <xsl:template match="a:pseudonym" mode="string-name">
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
  <xsl:template match="text()" mode="string-name">
    <xsl:call-template name="text"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                        -->
  <!-- ============================================================ -->

  <xsl:template match="a:section">
    <sec id="{@id}">
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates select="*"/>
    </sec>
  </xsl:template>

  <!-- title has no xml:lang in JATS; a heading in another language keeps its
       tag on a named-content inside. A heading not printed above its
       section says where it comes from in @content-type. -->
  <xsl:template match="a:heading">
    <title>
      <xsl:if test="@printed and @printed != 'above'">
        <xsl:attribute name="content-type"><xsl:value-of select="@printed"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@xml:lang and string(@xml:lang) != string(../ancestor-or-self::*[@xml:lang][1]/@xml:lang)">
          <named-content content-type="foreign" xml:lang="{@xml:lang}">
            <xsl:apply-templates/>
          </named-content>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </title>
  </xsl:template>

  <xsl:template match="a:p">
    <p>
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="a:list">
    <list>
      <xsl:call-template name="id-lang"/>
      <xsl:attribute name="list-type">
        <xsl:choose>
          <xsl:when test="@type = 'numbered'">order</xsl:when>
          <xsl:otherwise>bullet</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:for-each select="a:item">
        <list-item>
          <p>
            <xsl:apply-templates select="@xml:lang" mode="lang"/>
            <xsl:apply-templates/>
          </p>
        </list-item>
      </xsl:for-each>
    </list>
  </xsl:template>

  <xsl:template match="a:blockquote">
    <disp-quote>
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:p"/>
      <xsl:if test="@source and key('reference', @source)">
        <attrib>
          <xsl:text>[</xsl:text>
          <xref ref-type="bibr" rid="{@source}">
            <xsl:call-template name="reference-number">
              <xsl:with-param name="id" select="@source"/>
            </xsl:call-template>
          </xref>
          <xsl:text>]</xsl:text>
        </attrib>
      </xsl:if>
    </disp-quote>
  </xsl:template>

  <!-- A block gap: a paragraph saying what is missing. -->
  <xsl:template match="a:gap[not(parent::a:p or parent::a:item or parent::a:claim or parent::a:response or parent::a:suggestion or parent::a:available or parent::a:edition or parent::a:heading or parent::a:q)]">
    <p content-type="gap"><xsl:call-template name="gap-inline"/></p>
  </xsl:template>

  <xsl:template match="a:gap" name="gap-inline">
    <named-content content-type="gap" vocab="oxus-gap">
      <xsl:attribute name="vocab-term">
        <xsl:choose>
          <xsl:when test="@what"><xsl:value-of select="@what"/></xsl:when>
          <xsl:otherwise>other</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="$article-lang != 'en' and string(ancestor-or-self::*[@xml:lang][1]/@xml:lang) != 'en'">
        <xsl:attribute name="xml:lang">en</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="gap-text"/>
    </named-content>
  </xsl:template>

  <!-- "[link not captured]", "[two words illegible: damaged]" -->
  <xsl:template name="gap-text">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="@extent"><xsl:value-of select="normalize-space(@extent)"/></xsl:when>
      <xsl:when test="@what = 'link' or @what = 'text' or @what = 'image' or @what = 'table'"><xsl:value-of select="@what"/></xsl:when>
      <xsl:otherwise>material</xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="@reason = 'illegible'"> illegible</xsl:when>
      <xsl:when test="@reason = 'omitted'"> omitted by the encoder</xsl:when>
      <xsl:otherwise> not captured</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="normalize-space(@desc) != ''"><xsl:value-of select="concat(': ', normalize-space(@desc))"/></xsl:if>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Block claim: each paragraph's content is marked as the claim. -->
  <xsl:template match="a:claim[a:p]">
    <xsl:for-each select="a:p">
      <xsl:variable name="para" select="."/>
      <xsl:variable name="first" select="position() = 1"/>
      <p>
        <xsl:call-template name="id-lang"/>
        <xsl:for-each select="..">
          <xsl:call-template name="claim-content">
            <xsl:with-param name="content" select="$para/node()"/>
            <xsl:with-param name="with-id" select="$first"/>
          </xsl:call-template>
        </xsl:for-each>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- An inline claim; called by name (context: the claim) for each
       paragraph of a block claim. -->
  <xsl:template match="a:claim" name="claim-content">
    <xsl:param name="content" select="node()"/>
    <xsl:param name="with-id" select="true()"/>
    <named-content content-type="claim" vocab="oxus-claim-status">
      <xsl:if test="$with-id"><xsl:copy-of select="@id"/></xsl:if>
      <xsl:call-template name="rids">
        <xsl:with-param name="ids" select="concat(@by, ' ', @evidence)"/>
      </xsl:call-template>
      <xsl:attribute name="vocab-term">
        <xsl:choose>
          <xsl:when test="@status"><xsl:value-of select="@status"/></xsl:when>
          <xsl:otherwise>asserted</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="@form = 'quoted'">
        <xsl:attribute name="specific-use">quoted</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates select="$content"/>
    </named-content>
  </xsl:template>

  <!-- A response with no words in the text (one a 1.0 disputedBy became):
       nothing inline; it is listed with the actors (custom-meta). -->
  <xsl:template match="a:response[not(node())]"/>

  <!-- A 1.0 claim's disputedBy says what oxus upgrade makes an empty
       response of (the type its status names): the same custom-meta, so that
       a 1.0 document and its upgrade give the same JATS. -->
  <xsl:template match="a:claim" mode="meta">
    <xsl:variable name="type">
      <xsl:choose>
        <xsl:when test="@status = 'disputed'">dispute</xsl:when>
        <xsl:when test="@status = 'denied'">deny</xsl:when>
        <xsl:when test="@status = 'confirmed'">confirm</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$type != ''">
      <xsl:call-template name="response-meta">
        <xsl:with-param name="type" select="$type"/>
        <xsl:with-param name="by" select="@disputedBy"/>
        <xsl:with-param name="to" select="@id"/>
        <xsl:with-param name="evidence" select="''"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:response" mode="meta">
    <xsl:call-template name="response-meta">
      <xsl:with-param name="type" select="@type"/>
      <xsl:with-param name="by" select="@by"/>
      <xsl:with-param name="to" select="@to"/>
      <xsl:with-param name="evidence" select="@evidence"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="response-meta">
    <xsl:param name="type"/>
    <xsl:param name="by"/>
    <xsl:param name="to"/>
    <xsl:param name="evidence"/>
    <custom-meta vocab="oxus-response-type" vocab-term="{$type}">
      <meta-name>response</meta-name>
      <meta-value>
        <named-content content-type="by">
          <xsl:call-template name="rids"><xsl:with-param name="ids" select="$by"/></xsl:call-template>
          <xsl:value-of select="normalize-space($by)"/>
        </named-content>
        <xsl:value-of select="concat(' ', $type)"/>
        <!-- a 1.0 claim without an id has nothing to name -->
        <xsl:if test="normalize-space($to) != ''">
          <xsl:text> </xsl:text>
          <named-content content-type="to">
            <xsl:call-template name="rids"><xsl:with-param name="ids" select="concat($to, ' ', $evidence)"/></xsl:call-template>
            <xsl:value-of select="normalize-space($to)"/>
          </named-content>
        </xsl:if>
      </meta-value>
    </custom-meta>
  </xsl:template>

  <xsl:template match="a:response">
    <named-content content-type="response" vocab="oxus-response-type" vocab-term="{@type}">
      <xsl:call-template name="rids">
        <xsl:with-param name="ids" select="concat(@by, ' ', @to, ' ', @evidence)"/>
      </xsl:call-template>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </named-content>
  </xsl:template>

  <!-- @rid listing the ids in $ids that exist in the document (actors,
       claims, references), once each: an IDREF to a missing id would make the
       file invalid. oxus computes the list natively (ox:ids,
       src/extensions.c), with the same result as rids-xslt, which any other
       XSLT processor runs. -->
  <xsl:template name="rids">
    <xsl:param name="ids"/>
    <xsl:choose>
      <xsl:when test="$native-ids">
        <xsl:variable name="ok" select="ox:ids($ids, 'actor reference claim')"/>
        <xsl:if test="$ok != ''">
          <xsl:attribute name="rid"><xsl:value-of select="$ok"/></xsl:attribute>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="rids-xslt"><xsl:with-param name="ids" select="$ids"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="rids-xslt">
    <xsl:param name="ids"/>
    <xsl:variable name="ok">
      <xsl:call-template name="existing-ids">
        <xsl:with-param name="ids" select="normalize-space($ids)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="normalize-space($ok) != ''">
      <xsl:attribute name="rid"><xsl:value-of select="normalize-space($ok)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="existing-ids">
    <xsl:param name="ids"/>
    <xsl:param name="seen" select="' '"/>
    <xsl:if test="$ids != ''">
      <!-- strings made by expressions, not by instructions: a variable
           with content is a result tree fragment, which costs libxslt a
           document of its own at every step -->
      <xsl:variable name="first" select="substring-before(concat($ids, ' '), ' ')"/>
      <xsl:variable name="new" select="not(contains($seen, concat(' ', $first, ' '))) and
                                       (key('actor', $first) or key('reference', $first) or key('claim', $first))"/>
      <xsl:if test="$new"><xsl:value-of select="concat($first, ' ')"/></xsl:if>
      <xsl:call-template name="existing-ids">
        <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
        <xsl:with-param name="seen" select="concat($seen, substring(concat($first, ' '), 1, $new * (string-length($first) + 1)))"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:key name="claim" match="a:claim[@id]" use="@id"/>

  <xsl:template match="a:conclusion">
    <sec sec-type="conclusions">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:heading"/>
      <!-- no printed heading: none in Archiving (title is optional there);
           Journal Publishing requires one, so a supplied one, marked -->
      <xsl:if test="not(a:heading) and $publishing">
        <title content-type="supplied">
          <xsl:if test="$article-lang != 'en'"><named-content content-type="foreign" xml:lang="en">Conclusion</named-content></xsl:if>
          <xsl:if test="$article-lang = 'en'">Conclusion</xsl:if>
        </title>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::a:heading)]"/>
    </sec>
  </xsl:template>

  <xsl:template match="a:suggestions">
    <xsl:variable name="numbered" select="@type = 'numbered' or (not(@type) and a:suggestion/@n)"/>
    <!-- printed 1, 2, 3...: what list-type="order" numbers; other numbers
         are kept as labels (JATS4R warns of labels, which override the
         list type for assistive technology) -->
    <xsl:variable name="sequential" select="not(a:suggestion[not(number(@n) = position())])"/>
    <sec sec-type="suggestions">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:heading"/>
      <!-- no printed heading: none in Archiving (title is optional there);
           Journal Publishing requires one, so a supplied one, marked -->
      <xsl:if test="not(a:heading) and $publishing">
        <title content-type="supplied">
          <xsl:if test="$article-lang != 'en'"><named-content content-type="foreign" xml:lang="en">Suggestions</named-content></xsl:if>
          <xsl:if test="$article-lang = 'en'">Suggestions</xsl:if>
        </title>
      </xsl:if>
      <xsl:apply-templates select="a:p"/>
      <xsl:choose>
        <xsl:when test="@type = 'plain'">
          <xsl:for-each select="a:suggestion">
            <p>
              <xsl:call-template name="id-lang"/>
              <xsl:call-template name="suggestion"/>
            </p>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <list>
            <xsl:attribute name="list-type">
              <xsl:choose>
                <xsl:when test="$numbered and not($sequential)">simple</xsl:when>
                <xsl:when test="$numbered">order</xsl:when>
                <xsl:otherwise>bullet</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:for-each select="a:suggestion">
              <list-item>
                <xsl:call-template name="id-lang"/>
                <xsl:if test="$numbered and not($sequential) and @n"><label><xsl:value-of select="@n"/></label></xsl:if>
                <p><xsl:call-template name="suggestion"/></p>
              </list-item>
            </xsl:for-each>
          </list>
        </xsl:otherwise>
      </xsl:choose>
    </sec>
  </xsl:template>

  <xsl:template name="suggestion">
    <named-content content-type="suggestion">
      <xsl:call-template name="rids">
        <xsl:with-param name="ids" select="@to"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </named-content>
  </xsl:template>

  <xsl:template name="id-lang">
    <xsl:copy-of select="@id"/>
    <xsl:apply-templates select="@xml:lang" mode="lang"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline content                                                -->
  <!-- ============================================================ -->

  <xsl:template match="a:emph">
    <italic><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></italic>
  </xsl:template>

  <xsl:template match="a:foreign">
    <named-content content-type="foreign" xml:lang="{@xml:lang}"><xsl:apply-templates/></named-content>
  </xsl:template>

  <xsl:template match="a:q">
    <named-content>
      <xsl:attribute name="content-type">
        <xsl:choose>
          <xsl:when test="@type = 'mentioned' or @type = 'so-called' or @type = 'name'"><xsl:value-of select="@type"/></xsl:when>
          <xsl:otherwise>quotation</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </named-content>
  </xsl:template>

  <xsl:template match="a:supplied">
    <named-content content-type="supplied">
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:text>[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text>
    </named-content>
  </xsl:template>

  <xsl:template match="a:sic">
    <named-content content-type="sic"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></named-content>
    <xsl:if test="normalize-space(@corr) != ''">
      <xsl:text> </xsl:text>
      <named-content content-type="corr"><xsl:value-of select="concat('[', normalize-space(@corr), ']')"/></named-content>
    </xsl:if>
  </xsl:template>

  <!-- link text as printed describes the link (JATS4R, accessibility);
       without any, the address itself -->
  <xsl:template match="a:link">
    <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="@href"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$safe = 'yes'">
        <ext-link ext-link-type="uri" xlink:href="{@href}"><xsl:apply-templates/></ext-link>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:cite">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <!-- the body of reference-number, spared a call and its tests for
           every citation -->
      <xsl:when test="$has-node-set and key('reference', @ref)">
        <xsl:variable name="s" select="string(@ref)"/>
        <xref ref-type="bibr" rid="{@ref}">
          <xsl:for-each select="exsl:node-set($reference-numbers)">
            <xsl:value-of select="key('number', $s)"/>
          </xsl:for-each>
        </xref>
      </xsl:when>
      <xsl:when test="key('reference', @ref)">
        <xref ref-type="bibr" rid="{@ref}">
          <xsl:call-template name="reference-number">
            <xsl:with-param name="id" select="@ref"/>
          </xsl:call-template>
        </xref>
      </xsl:when>
      <!-- a citation of a missing reference: an xref would not be valid -->
      <xsl:otherwise>?</xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="a:quantity">
    <named-content content-type="quantity" vocab="oxus-quantity">
      <xsl:attribute name="vocab-term">
        <xsl:value-of select="@value"/>
        <xsl:if test="@unit"><xsl:value-of select="concat(' ', @unit)"/></xsl:if>
        <xsl:if test="@currency"><xsl:value-of select="concat(' ', @currency)"/></xsl:if>
      </xsl:attribute>
      <xsl:if test="@approximate = 'true' or @approximate = '1'">
        <xsl:attribute name="specific-use">approximate</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </named-content>
  </xsl:template>

  <xsl:template match="a:date">
    <xsl:variable name="term">
      <xsl:choose>
        <xsl:when test="@gregorian"><xsl:value-of select="@gregorian"/></xsl:when>
        <xsl:when test="@notBefore or @notAfter">
          <xsl:value-of select="concat(@notBefore, substring('..', 1, 2 * not(@notBefore)), '/',
                                       @notAfter, substring('..', 1, 2 * not(@notAfter)))"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space(.) = '' and $term = ''"/>
      <xsl:when test="normalize-space(.) = ''">
        <!-- not printed: an encoder's bound, kept as a bracketed note -->
        <named-content content-type="date" vocab="ISO 8601" vocab-term="{$term}">
          <xsl:value-of select="concat('[', $term, ']')"/>
        </named-content>
      </xsl:when>
      <xsl:otherwise>
        <named-content content-type="date">
          <xsl:if test="$term != ''">
            <xsl:attribute name="vocab">ISO 8601</xsl:attribute>
            <xsl:attribute name="vocab-term"><xsl:value-of select="$term"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="@type"><xsl:attribute name="specific-use"><xsl:value-of select="@type"/></xsl:attribute></xsl:if>
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <xsl:value-of select="normalize-space(.)"/>
        </named-content>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:mention">
    <named-content content-type="mention">
      <xsl:if test="key('actor', @actor)">
        <xsl:attribute name="rid"><xsl:value-of select="@actor"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </named-content>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- References                                                    -->
  <!-- ============================================================ -->

  <xsl:template match="a:references">
    <ref-list>
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:heading"/>
      <xsl:apply-templates select="a:reference"/>
    </ref-list>
  </xsl:template>

  <xsl:template match="a:reference">
    <xsl:variable name="pubtype">
      <xsl:choose>
        <xsl:when test="@type = 'news'">newspaper</xsl:when>
        <xsl:when test="@type = 'article'">journal</xsl:when>
        <xsl:when test="@type = 'web'">webpage</xsl:when>
        <xsl:when test="@type"><xsl:value-of select="@type"/></xsl:when>
        <xsl:otherwise>other</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <ref id="{@id}">
      <!-- applied to the references alone (a:references): their position is
           their number, where xsl:number would count the references before
           each one -->
      <label><xsl:value-of select="position()"/></label>
      <element-citation>
        <xsl:attribute name="publication-type"><xsl:value-of select="$pubtype"/></xsl:attribute>
        <xsl:apply-templates select="@xml:lang" mode="lang"/>
        <xsl:call-template name="element-citation"/>
      </element-citation>
      <mixed-citation>
        <xsl:attribute name="publication-type"><xsl:value-of select="$pubtype"/></xsl:attribute>
        <xsl:apply-templates select="@xml:lang" mode="lang"/>
        <xsl:call-template name="mixed-citation"/>
      </mixed-citation>
    </ref>
  </xsl:template>

  <!-- The title a link in this reference leads to (JATS4R: each link
       described); context: the reference -->
  <xsl:template name="ref-link-title">
    <xsl:choose>
      <xsl:when test="a:title"><xsl:value-of select="normalize-space(a:title[1])"/></xsl:when>
      <xsl:when test="a:outlet"><xsl:value-of select="normalize-space(a:outlet[1])"/></xsl:when>
      <xsl:otherwise>the cited work</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The structured citation, parts in the conventional order. -->
  <xsl:template name="element-citation">
    <xsl:variable name="has-source" select="a:title[@level = 'j' or @level = 'm']"/>
    <xsl:variable name="link-title"><xsl:call-template name="ref-link-title"/></xsl:variable>
    <xsl:if test="a:author | a:organization">
      <person-group person-group-type="author">
        <xsl:apply-templates select="a:author | a:organization" mode="name"/>
      </person-group>
    </xsl:if>
    <xsl:for-each select="a:title[not(@level) or @level = 'a']">
      <xsl:apply-templates select="." mode="mixed"/>
      <xsl:apply-templates select="following-sibling::*[1][self::a:translation]" mode="trans"/>
      <xsl:apply-templates select="following-sibling::*[1][self::a:translation]/following-sibling::*[1][self::a:translation]" mode="trans"/>
    </xsl:for-each>
    <xsl:apply-templates select="a:title[@level = 'j' or @level = 'm']" mode="mixed"/>
    <xsl:for-each select="a:outlet">
      <xsl:choose>
        <xsl:when test="$has-source">
          <publisher-name><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></publisher-name>
        </xsl:when>
        <xsl:otherwise>
          <source><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></source>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:apply-templates select="a:title[@level = 's']" mode="mixed"/>
    <!-- Gregorian year/month/day of the publication date: what citation
         software sorts and prints by (element/year.html, @iso-8601-date) -->
    <xsl:variable name="pub" select="a:date[not(@type) or @type = 'published'][1]"/>
    <xsl:if test="$pub/@gregorian">
      <xsl:call-template name="gregorian-parts">
        <xsl:with-param name="g" select="string($pub/@gregorian)"/>
        <xsl:with-param name="order" select="'ymd'"/>
      </xsl:call-template>
    </xsl:if>
    <!-- the date in its own calendar, as the Tag Library's non-Gregorian
         example (element/date.html): calendar, the Gregorian
         iso-8601-date, the parts in that calendar, and the printed form -->
    <xsl:if test="$pub and $pub/@calendar and $pub/@calendar != 'gregorian' and
                  ($pub/@iso and not(contains($pub/@iso, '/')) or not($publishing))">
      <date date-type="pub" calendar="{$pub/@calendar}">
        <xsl:if test="$pub/@gregorian and not(contains($pub/@gregorian, '/'))">
          <xsl:attribute name="iso-8601-date"><xsl:value-of select="$pub/@gregorian"/></xsl:attribute>
        </xsl:if>
        <!-- the year in that calendar; not its day and month, which the PMC
             Style Checker would test as Gregorian ones ("date is not
             valid" for 30 Hut) -->
        <xsl:if test="$pub/@iso and not(contains($pub/@iso, '/'))">
          <year><xsl:value-of select="substring($pub/@iso, 1, 4)"/></year>
        </xsl:if>
        <xsl:if test="normalize-space($pub) != '' and not($publishing)">
          <string-date><xsl:value-of select="normalize-space($pub)"/></string-date>
        </xsl:if>
      </date>
    </xsl:if>
    <xsl:for-each select="a:scope[@unit = 'volume']">
      <volume><xsl:call-template name="scope-value"/></volume>
    </xsl:for-each>
    <xsl:for-each select="a:scope[@unit = 'issue']">
      <issue><xsl:call-template name="scope-value"/></issue>
    </xsl:for-each>
    <xsl:for-each select="a:scope[@unit = 'number']">
      <issue content-type="number"><xsl:call-template name="scope-value"/></issue>
    </xsl:for-each>
    <xsl:for-each select="a:scope[@unit = 'page']">
      <xsl:choose>
        <xsl:when test="@from">
          <fpage><xsl:value-of select="@from"/></fpage>
          <xsl:if test="@to"><lpage><xsl:value-of select="@to"/></lpage></xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <page-range><xsl:value-of select="normalize-space(.)"/></page-range>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:apply-templates select="a:date[@type and @type != 'published']" mode="mixed"/>
    <xsl:for-each select="a:medium">
      <comment content-type="medium">
        <xsl:apply-templates select="@xml:lang" mode="lang"/>
        <xsl:value-of select="normalize-space(.)"/>
      </comment>
    </xsl:for-each>
    <xsl:for-each select="a:url | a:available/a:url">
      <xsl:call-template name="url">
        <xsl:with-param name="url" select="normalize-space(.)"/>
        <xsl:with-param name="title" select="$link-title"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="a:available[not(a:url)]">
      <comment>
        <xsl:choose>
          <xsl:when test="a:gap">
            <xsl:attribute name="content-type">link-not-captured</xsl:attribute>
            <xsl:if test="$article-lang != 'en' or string(ancestor-or-self::*[@xml:lang][1]/@xml:lang) != 'en'">
              <xsl:attribute name="xml:lang">en</xsl:attribute>
            </xsl:if>
            <xsl:for-each select="a:gap[1]"><xsl:call-template name="gap-text"/></xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="content-type">no-address</xsl:attribute>
            <xsl:apply-templates select="@xml:lang" mode="lang"/>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:otherwise>
        </xsl:choose>
      </comment>
    </xsl:for-each>
  </xsl:template>

  <!-- The encoder's translation or transliteration of the title before it
       (element/trans-title.html): not printed, so only in element-citation -->
  <xsl:template match="a:translation" mode="trans">
    <trans-title xml:lang="{@xml:lang}">
      <xsl:if test="@type = 'transliteration'">
        <xsl:attribute name="content-type">transliteration</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </trans-title>
  </xsl:template>

  <xsl:template name="scope-value">
    <xsl:choose>
      <xsl:when test="@from and @to"><xsl:value-of select="concat(@from, '-', @to)"/></xsl:when>
      <xsl:when test="@from"><xsl:value-of select="@from"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A title in a citation (element-citation and mixed-citation alike):
       source for a journal or book, series, and for any other a
       chapter-title when it is part of a book (a level "m" title present),
       else an article-title. One template for each, chosen by the
       priorities, where a name computed into a variable would cost a tree
       fragment per title. -->
  <xsl:template match="a:title[@level = 'j' or @level = 'm']" mode="mixed" priority="3">
    <source><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></source>
  </xsl:template>

  <xsl:template match="a:title[@level = 's']" mode="mixed" priority="2">
    <series><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></series>
  </xsl:template>

  <xsl:template match="a:title[../a:title[@level = 'm'] and not(../a:title[@level = 'j'])]" mode="mixed" priority="1">
    <chapter-title><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></chapter-title>
  </xsl:template>

  <xsl:template match="a:title" mode="mixed">
    <article-title><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></article-title>
  </xsl:template>

  <!-- mixed-citation: the printed entry with its parts tagged; the authors
       (with the text between them) in one person-group (JATS4R). -->
  <xsl:template name="mixed-citation">
    <xsl:variable name="names" select="a:author | a:organization"/>
    <!-- the positions, among the entry's child nodes, of its first and
         last name: a comparison of numbers per node, where a test of
         membership in the nodes between them (a union, count()) made
         each entry cost the square of its length -->
    <xsl:choose>
      <xsl:when test="$names">
        <xsl:variable name="from" select="count($names[1]/preceding-sibling::node()) + 1"/>
        <xsl:variable name="to" select="count($names[last()]/preceding-sibling::node()) + 1"/>
        <!-- three runs of nodes, each applied at once: a test per node
             (xsl:for-each, xsl:choose) cost libxslt more than the nodes'
             own templates -->
        <xsl:apply-templates select="node()[position() &lt; $from]" mode="mixed"/>
        <person-group person-group-type="author">
          <xsl:apply-templates select="node()[position() &gt;= $from and position() &lt;= $to]" mode="mixed"/>
        </person-group>
        <xsl:apply-templates select="node()[position() &gt; $to]" mode="mixed"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="mixed"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A person's name as printed ("رئیسی، دکتر بهروز"): string-name keeps the
       printed order and punctuation, with the parts tagged inside. -->
  <xsl:template match="a:author" mode="mixed">
    <string-name>
      <xsl:if test="a:pseudonym and not(a:forename)">
        <xsl:attribute name="content-type">pseudonym</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates mode="string-name"/>
    </string-name>
  </xsl:template>

  <xsl:template match="a:organization" mode="mixed">
    <xsl:apply-templates select="." mode="name"/>
  </xsl:template>

  <!-- translations are the encoder's, not printed: element-citation only -->
  <xsl:template match="a:translation" mode="mixed"/>

  <xsl:template match="a:outlet" mode="mixed">
    <xsl:choose>
      <xsl:when test="../a:title[@level = 'j' or @level = 'm']">
        <publisher-name><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></publisher-name>
      </xsl:when>
      <xsl:otherwise>
        <source><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></source>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:scope" mode="mixed">
    <xsl:choose>
      <xsl:when test="@unit = 'volume'"><volume><xsl:value-of select="normalize-space(.)"/></volume></xsl:when>
      <xsl:when test="@unit = 'page'"><page-range><xsl:value-of select="normalize-space(.)"/></page-range></xsl:when>
      <xsl:when test="@unit = 'number'"><issue content-type="number"><xsl:value-of select="normalize-space(.)"/></issue></xsl:when>
      <xsl:otherwise><issue><xsl:value-of select="normalize-space(.)"/></issue></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:medium" mode="mixed">
    <comment content-type="medium"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:value-of select="normalize-space(.)"/></comment>
  </xsl:template>

  <!-- A date in a citation. The publication date: date date-type="pub"
       (element/date.html) with the printed text in string-date; any other
       date (access, update, event): date-in-citation, which the Tag Library
       reserves for dates other than the cited work's publication date
       (element/date-in-citation.html). -->
  <xsl:template match="a:date" mode="mixed">
    <xsl:variable name="g" select="string(@gregorian)"/>
    <xsl:choose>
      <xsl:when test="not(@type) or @type = 'published'">
        <xsl:if test="normalize-space(.) != ''">
          <string-date content-type="publication-date">
            <xsl:copy-of select="@calendar"/>
            <xsl:if test="$g != '' and not(contains($g, '/'))">
              <xsl:attribute name="iso-8601-date"><xsl:value-of select="$g"/></xsl:attribute>
            </xsl:if>
            <xsl:apply-templates select="@xml:lang" mode="lang"/>
            <xsl:value-of select="normalize-space(.)"/>
          </string-date>
        </xsl:if>
      </xsl:when>
      <xsl:when test="normalize-space(.) != ''">
        <date-in-citation>
          <xsl:attribute name="content-type">
            <xsl:choose>
              <xsl:when test="@type = 'accessed'">access-date</xsl:when>
              <xsl:when test="@type = 'updated'">update-date</xsl:when>
              <xsl:otherwise>event-date</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:copy-of select="@calendar"/>
          <xsl:if test="$g != '' and not(contains($g, '/'))">
            <xsl:attribute name="iso-8601-date"><xsl:value-of select="$g"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <xsl:value-of select="normalize-space(.)"/>
        </date-in-citation>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:available" mode="mixed">
    <xsl:apply-templates mode="mixed"/>
  </xsl:template>

  <xsl:template match="a:url" mode="mixed">
    <xsl:variable name="link-title"><xsl:for-each select="ancestor::a:reference[1]"><xsl:call-template name="ref-link-title"/></xsl:for-each></xsl:variable>
    <xsl:call-template name="url">
      <xsl:with-param name="url" select="normalize-space(.)"/>
      <xsl:with-param name="title" select="$link-title"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a lost link in a printed entry: printed nothing, so nothing here (the
       element-citation's comment says it was not captured) -->
  <xsl:template match="a:gap" mode="mixed"/>

  <xsl:template match="text()" mode="mixed">
    <xsl:call-template name="text"/>
  </xsl:template>

  <xsl:template match="*" mode="mixed">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Text                                                          -->
  <!-- ============================================================ -->

  <xsl:template match="text()">
    <!-- the body of the "text" template, spared a call for every text node -->
    <xsl:choose>
      <xsl:when test="$native-space"><xsl:value-of select="ox:space(., $blocks)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="text-xslt"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()"/>
  <xsl:template match="comment() | processing-instruction()" mode="mixed"/>
  <xsl:template match="comment() | processing-instruction()" mode="string-name"/>

  <!-- A printed address: an ext-link to it if common.xsl's link-safe
       allows it, else the address as text (element/ext-link.html). The
       printed address is not a description of what it leads to, so
       @xlink:title names it (JATS4R: text that describes each link):
       $title, whitespace already normalized by the caller (ref-link-title
       gives it so). -->
  <xsl:template name="url">
    <xsl:param name="url"/>
    <xsl:param name="title" select="''"/>
    <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$safe = 'yes'">
        <ext-link ext-link-type="uri" xlink:href="{$url}">
          <xsl:if test="$title != ''">
            <xsl:attribute name="xlink:title"><xsl:value-of select="$title"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$url"/>
        </ext-link>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
