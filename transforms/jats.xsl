<?xml version="1.0" encoding="UTF-8"?>
<!--
  jats.xsl: oxus analysis (urn:oxus:analysis:1) to JATS 1.4 Journal Publishing,
  valid against JATS-journalpublishing1-4-mathml3.xsd.

  Run:  xsltproc transforms/jats.xsl doc.xml > doc.jats.xml
        xsltproc -stringparam article-type policy-brief transforms/jats.xsl doc.xml
        java -jar saxon9he.jar -s:doc.xml -xsl:transforms/jats.xsl -o:doc.jats.xml
  Processors: XSLT 1.0, with common.xsl beside this file (xsl:include).
  Where it calls an extension function it asks function-available() first
  and otherwise runs XSLT 1.0 that gives the same result tree: EXSLT
  exsl:node-set (libxslt, Saxon and Xalan have it) for look-ups in constant
  time, else counting; oxus's ox:space (src/extensions.c), else the
  template text-xslt. xsltproc, Saxon-HE and oxus give the same result
  (tests/suites/70-convert.sh and 75-portable.sh compare them).

  From common.xsl: the root rule, $root and $md, the keys "reference",
  "actor" and "number", reference numbers (template reference-number), the
  whitespace rule (templates text and text-xslt, $blocks, $native-space).

  Parameters
  - article-type  the value of article/@article-type. Default "research-article",
                  the JATS value closest to a policy analysis; set it to what
                  the receiving archive expects. An empty value falls back to
                  the default.

  The output depends only on the input (no dates of "now", no generated ids).
  Input dates should be normalized (@calendar, @iso, @gregorian, as `oxus
  normalize` leaves them); a date without them is still converted with what it
  has.

  Mapping decisions
  =================
  Front matter
  - JATS Journal Publishing requires front/journal-meta. An analysis has no
    journal, so journal-meta describes the publisher's series: journal-id
    (publisher-id) = the publisher's abbreviation, else its name;
    journal-title = the series name, else the publisher's name;
    publisher/publisher-name = the publisher.  The model also requires at
    least one issn; none is known and none is invented, so an empty <issn/> is
    written (the only way to satisfy the schema without making one up).
  - Names: an abbreviation (@abbrev) and the actor a name stands for
    (@actor) are not printed, so collab/name/string-name carry them in
    specific-use: "abbrev: CSRS; actor: csrs".
  - article-meta: article-id (publisher-id) = the document's id if it has one;
    title-group/article-title + subtitle; contrib-group with one
    contrib contrib-type="author" per author: an organization as collab, a
    person as name/surname, given-names, prefix (honorific), or as
    string-name when the name has no surname.
  - pub-date: required unless pub-date-not-available is given.  With a
    published date: pub-date date-type="pub" publication-format="electronic"
    calendar=<calendar of the printed date> iso-8601-date=<Gregorian ISO>,
    and day/month/year in the printed calendar (the JATS Tag Library: the
    element content is in the named calendar, @iso-8601-date holds the
    Gregorian equivalent).  Without one: pub-date-not-available, rather than
    an invented date.  The printed text of the date goes into
    custom-meta "printed publication date".
  - series/@issue -> article-meta/issue.
  - license -> permissions/license (xlink:href) with ali:license_ref (the
    JATS4R recommendation) and license-p = the stated terms.
  - source -> self-uri content-type="html" xlink:href=url, text = the
    description; each edition -> self-uri content-type=format, with xlink:href
    when the address is known, text = the printed note (an edition with no
    address is still recorded).
  - abstract -> abstract/p; keywords -> kwd-group/kwd, one group per language
    (kwd has no xml:lang).
  - actors have no JATS element; they are kept as
    custom-meta-group content-type="actors" / custom-meta id=actor-id
    vocab="oxus-actor-kind" vocab-term=kind, meta-name "actor", meta-value
    = the names, the actor it belongs to ("of", a named-content whose rid
    points at that actor) and the note.  Because they carry the actors' ids,
    every @rid below that names an actor resolves inside the document.
  Body
  - section -> sec id=@id, heading -> title, nested.  conclusion ->
    sec sec-type="conclusions", suggestions -> sec sec-type="suggestions",
    both at the end of body: they are the analysis's own argument, and JATS
    back is for ancillary matter (reference list, appendices); the JATS
    sec-type "conclusions" is a body section.
  - p -> p; list -> list list-type="bullet|order"/list-item/p;
    blockquote -> disp-quote (its reference in specific-use "source: id",
    since disp-quote has no rid); emph -> italic (JATS has no semantic
    emphasis; italic is its conventional rendering); link -> ext-link.
  - cite -> [<xref ref-type="bibr" rid="id">N</xref>]: N = the reference's
    position, the brackets printed outside the link as the source prints them.
  - Phrases with no JATS element become named-content, whose content-type
    is the oxus element name and whose specific-use keeps the oxus
    attributes as "name: value; name: value":
      foreign  content-type="foreign" xml:lang
      q        content-type="quotation"
      quantity content-type="quantity" specific-use="value: 1357; unit: km"
               (or "currency: USD")
      date     content-type="date"
               specific-use="calendar: solar-hijri; iso: 1400-08-20; gregorian: 2021-11-11"
      mention  content-type="mention" rid=actor
      claim    content-type="claim" rid=<claimants> vocab="oxus-claim-status"
               vocab-term=<status, "asserted" when absent>
               specific-use="by: a b; status: s; disputedBy: c; evidence: r1 r2"
    A block claim (whole paragraphs) marks each of its paragraphs that way;
    the first carries the claim's id.
  - suggestion -> list-item id=@id in list list-type="order", its text in a
    named-content content-type="suggestion" rid=<addressees>
    specific-use="to: a b": the addressees stay attached and resolvable.
  Back
  - references -> back/ref-list id=@id (title = heading);
    reference -> ref id=@id, label = N, and citation-alternatives holding
      * element-citation publication-type=... xml:lang: the structured form a
        JATS deposit expects: person-group person-group-type="author" with
        name / string-name (persons) and collab (organizations);
        article-title xml:lang (a title of level "a"; chapter-title when it is
        part of a book, level "m"); source (a title of level "j" or "m", else
        the outlet); publisher-name (the outlet when there is a source
        title); series (level "s"); volume, issue (content-type="number" for a
        number), fpage/lpage (from the scope's from/to); year/month/day of the
        publication date in the Gregorian calendar; date-in-citation for every
        date with content-type publication-date|access-date|update-date|
        event-date, @calendar, @iso-8601-date (Gregorian) and the printed text;
        ext-link ext-link-type="uri" xlink:href for each address;
        comment content-type="medium" for the medium; and for an "available
        at" label with no address, comment content-type="no-address" with the
        printed label.
      * mixed-citation: the entry exactly as printed (punctuation, labels
        such as "تاریخ نشر") with the same parts tagged inline, so the printed
        text survives: a person as string-name (printed order, parts tagged),
        scopes as volume / issue / page-range with their printed text.
    publication-type: news -> newspaper, article -> journal, report, book,
    web, and poem, video, other kept as they are; no type -> other.
  - Whitespace inside text is collapsed to single spaces and trimmed at the
    edges of paragraphs and other blocks.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:oxus:analysis:1"
                xmlns:ox="urn:oxus:xslt:1"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:ali="http://www.niso.org/schemas/ali/1.0/"
                exclude-result-prefixes="a ali ox">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="article-type" select="'research-article'"/>

  <!-- The root rule, $root, $md, the keys "reference" and "actor",
       reference numbers, the whitespace rule, languages, padding. -->
  <xsl:include href="common.xsl"/>

  <xsl:key name="kwd-lang" match="a:keyword" use="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>

  <!-- ============================================================ -->
  <!-- Document                                                      -->
  <!-- ============================================================ -->

  <xsl:template match="a:analysis">
    <article dtd-version="1.4">
      <xsl:attribute name="article-type">
        <xsl:choose>
          <xsl:when test="normalize-space($article-type) != ''">
            <xsl:value-of select="normalize-space($article-type)"/>
          </xsl:when>
          <xsl:otherwise>research-article</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:copy-of select="@xml:lang"/>
      <front>
        <xsl:call-template name="journal-meta"/>
        <xsl:call-template name="article-meta"/>
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

  <!-- ============================================================ -->
  <!-- front                                                         -->
  <!-- ============================================================ -->

  <xsl:template name="journal-meta">
    <journal-meta>
      <journal-id journal-id-type="publisher-id">
        <xsl:choose>
          <xsl:when test="$md/a:publisher/@abbrev"><xsl:value-of select="$md/a:publisher/@abbrev"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space($md/a:publisher)"/></xsl:otherwise>
        </xsl:choose>
      </journal-id>
      <journal-title-group>
        <journal-title>
          <xsl:choose>
            <xsl:when test="normalize-space($md/a:series) != ''">
              <xsl:value-of select="normalize-space($md/a:series)"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($md/a:publisher)"/></xsl:otherwise>
          </xsl:choose>
        </journal-title>
      </journal-title-group>
      <xsl:comment> No ISSN is known for this publication; the Journal Publishing model requires an issn element, so it is left empty rather than invented. </xsl:comment>
      <issn/>
      <publisher>
        <publisher-name>
          <xsl:copy-of select="$md/a:publisher/@xml:lang"/>
          <xsl:value-of select="normalize-space($md/a:publisher)"/>
        </publisher-name>
      </publisher>
    </journal-meta>
  </xsl:template>

  <xsl:template name="article-meta">
    <article-meta>
      <xsl:if test="$root/@id">
        <article-id pub-id-type="publisher-id"><xsl:value-of select="$root/@id"/></article-id>
      </xsl:if>
      <title-group>
        <article-title>
          <xsl:copy-of select="$md/a:title/@xml:lang"/>
          <xsl:apply-templates select="$md/a:title/node()"/>
        </article-title>
        <xsl:if test="$md/a:subtitle">
          <subtitle>
            <xsl:copy-of select="$md/a:subtitle/@xml:lang"/>
            <xsl:apply-templates select="$md/a:subtitle/node()"/>
          </subtitle>
        </xsl:if>
      </title-group>
      <contrib-group>
        <xsl:for-each select="$md/a:authors/*">
          <contrib contrib-type="author">
            <xsl:apply-templates select="." mode="name"/>
          </contrib>
        </xsl:for-each>
      </contrib-group>
      <xsl:variable name="pub" select="$md/a:published"/>
      <xsl:choose>
        <xsl:when test="$pub/@iso or ($pub/@calendar = 'gregorian' and $pub/@gregorian)">
          <pub-date publication-format="electronic" date-type="pub">
            <xsl:copy-of select="$pub/@calendar"/>
            <xsl:if test="$pub/@gregorian">
              <xsl:attribute name="iso-8601-date"><xsl:value-of select="$pub/@gregorian"/></xsl:attribute>
            </xsl:if>
            <xsl:call-template name="date-parts">
              <xsl:with-param name="iso">
                <xsl:choose>
                  <xsl:when test="$pub/@iso"><xsl:value-of select="$pub/@iso"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$pub/@gregorian"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </pub-date>
        </xsl:when>
        <xsl:otherwise>
          <pub-date-not-available/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$md/a:series/@issue">
        <issue><xsl:value-of select="$md/a:series/@issue"/></issue>
      </xsl:if>
      <xsl:if test="$md/a:license">
        <permissions>
          <license>
            <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="$md/a:license/@url"/></xsl:call-template></xsl:variable>
            <xsl:if test="$safe = 'yes'">
              <xsl:attribute name="xlink:href"><xsl:value-of select="$md/a:license/@url"/></xsl:attribute>
              <ali:license_ref><xsl:value-of select="$md/a:license/@url"/></ali:license_ref>
            </xsl:if>
            <license-p><xsl:value-of select="normalize-space($md/a:license)"/></license-p>
          </license>
        </permissions>
      </xsl:if>
      <xsl:for-each select="$md/a:source">
        <self-uri content-type="html">
          <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="@url"/></xsl:call-template></xsl:variable>
          <xsl:if test="$safe = 'yes'">
            <xsl:attribute name="xlink:href"><xsl:value-of select="@url"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </self-uri>
      </xsl:for-each>
      <xsl:for-each select="$md/a:edition">
        <self-uri content-type="{@format}">
          <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="@url"/></xsl:call-template></xsl:variable>
          <xsl:if test="$safe = 'yes'">
            <xsl:attribute name="xlink:href"><xsl:value-of select="@url"/></xsl:attribute>
          </xsl:if>
          <xsl:copy-of select="@xml:lang"/>
          <xsl:value-of select="normalize-space(.)"/>
        </self-uri>
      </xsl:for-each>
      <xsl:if test="$md/a:abstract">
        <abstract>
          <xsl:copy-of select="$md/a:abstract/@xml:lang"/>
          <xsl:apply-templates select="$md/a:abstract/a:p"/>
        </abstract>
      </xsl:if>
      <xsl:for-each select="$md/a:keywords/a:keyword[generate-id() = generate-id(key('kwd-lang', ancestor-or-self::*[@xml:lang][1]/@xml:lang)[1])]">
        <xsl:variable name="lang" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
        <kwd-group kwd-group-type="author" xml:lang="{$lang}">
          <xsl:for-each select="key('kwd-lang', $lang)">
            <kwd><xsl:value-of select="normalize-space(.)"/></kwd>
          </xsl:for-each>
        </kwd-group>
      </xsl:for-each>
      <xsl:if test="$pub or $root/a:actors/a:actor">
        <custom-meta-group>
          <xsl:if test="$pub">
            <custom-meta specific-use="printed-date">
              <meta-name>printed publication date</meta-name>
              <meta-value>
                <xsl:copy-of select="$pub/@xml:lang"/>
                <xsl:value-of select="normalize-space($pub)"/>
              </meta-value>
            </custom-meta>
          </xsl:if>
          <xsl:apply-templates select="$root/a:actors/a:actor"/>
        </custom-meta-group>
      </xsl:if>
    </article-meta>
  </xsl:template>

  <!-- day/month/year from an ISO date YYYY[-MM[-DD]] -->
  <xsl:template name="date-parts">
    <xsl:param name="iso"/>
    <xsl:if test="string-length($iso) &gt;= 10">
      <day><xsl:value-of select="substring($iso, 9, 2)"/></day>
    </xsl:if>
    <xsl:if test="string-length($iso) &gt;= 7">
      <month><xsl:value-of select="substring($iso, 6, 2)"/></month>
    </xsl:if>
    <year><xsl:value-of select="substring($iso, 1, 4)"/></year>
  </xsl:template>

  <!-- Actors as custom-meta (see the header comment). -->
  <xsl:template match="a:actor">
    <custom-meta id="{@id}" specific-use="actor" vocab="oxus-actor-kind" vocab-term="{@kind}">
      <meta-name>actor</meta-name>
      <meta-value>
        <xsl:for-each select="a:name">
          <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
          <named-content content-type="name">
            <xsl:copy-of select="@xml:lang"/>
            <xsl:value-of select="normalize-space(.)"/>
          </named-content>
        </xsl:for-each>
        <xsl:text> (</xsl:text>
        <xsl:value-of select="@kind"/>
        <xsl:if test="@of">
          <xsl:text> of </xsl:text>
          <named-content content-type="of">
            <xsl:if test="key('actor', @of)">
              <xsl:attribute name="rid"><xsl:value-of select="@of"/></xsl:attribute>
            </xsl:if>
            <xsl:value-of select="normalize-space(key('actor', @of)/a:name[1])"/>
            <xsl:if test="not(key('actor', @of))"><xsl:value-of select="@of"/></xsl:if>
          </named-content>
        </xsl:if>
        <xsl:text>)</xsl:text>
        <xsl:if test="a:note">
          <xsl:text>. </xsl:text>
          <named-content content-type="note">
            <xsl:copy-of select="a:note/@xml:lang"/>
            <xsl:apply-templates select="a:note/node()"/>
          </named-content>
        </xsl:if>
      </meta-value>
    </custom-meta>
  </xsl:template>

  <!-- Authors in contrib -->
  <xsl:template match="a:organization | a:publisher | a:outlet" mode="name">
    <collab>
      <xsl:call-template name="name-spec"/>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:value-of select="normalize-space(.)"/>
    </collab>
  </xsl:template>

  <!-- An abbreviation and the actor a name stands for are not printed, so
       they go into specific-use: "abbrev: AVA; actor: csrs". -->
  <xsl:template name="name-spec">
    <xsl:if test="@abbrev or @actor">
      <xsl:attribute name="specific-use">
        <xsl:if test="@abbrev"><xsl:value-of select="concat('abbrev: ', @abbrev)"/></xsl:if>
        <xsl:if test="@abbrev and @actor"><xsl:text>; </xsl:text></xsl:if>
        <xsl:if test="@actor"><xsl:value-of select="concat('actor: ', @actor)"/></xsl:if>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:person | a:author" mode="name">
    <xsl:choose>
      <xsl:when test="a:surname">
        <name>
          <xsl:call-template name="name-spec"/>
          <xsl:copy-of select="@xml:lang"/>
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
          <xsl:call-template name="name-spec"/>
          <xsl:copy-of select="@xml:lang"/>
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
  <xsl:template match="text()" mode="string-name">
    <xsl:call-template name="text"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                        -->
  <!-- ============================================================ -->

  <xsl:template match="a:section">
    <sec id="{@id}">
      <xsl:copy-of select="@xml:lang"/>
      <xsl:apply-templates select="*"/>
    </sec>
  </xsl:template>

  <!-- title has no xml:lang in JATS; a heading in another language keeps its
       tag on a named-content inside. -->
  <xsl:template match="a:heading">
    <title>
      <xsl:choose>
        <xsl:when test="@xml:lang">
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
            <xsl:copy-of select="@xml:lang"/>
            <xsl:apply-templates/>
          </p>
        </list-item>
      </xsl:for-each>
    </list>
  </xsl:template>

  <xsl:template match="a:blockquote">
    <disp-quote>
      <xsl:call-template name="id-lang"/>
      <xsl:if test="@source">
        <xsl:attribute name="specific-use">source: <xsl:value-of select="@source"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="a:p"/>
    </disp-quote>
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

  <xsl:template match="a:claim">
    <xsl:call-template name="claim-content">
      <xsl:with-param name="content" select="node()"/>
      <xsl:with-param name="with-id" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- context: the claim -->
  <xsl:template name="claim-content">
    <xsl:param name="content"/>
    <xsl:param name="with-id"/>
    <named-content content-type="claim" vocab="oxus-claim-status">
      <xsl:if test="$with-id and @id">
        <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="actor-rid">
        <xsl:with-param name="ids" select="@by"/>
      </xsl:call-template>
      <xsl:attribute name="vocab-term">
        <xsl:choose>
          <xsl:when test="@status"><xsl:value-of select="@status"/></xsl:when>
          <xsl:otherwise>asserted</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:attribute name="specific-use">
        <xsl:value-of select="concat('by: ', normalize-space(@by))"/>
        <xsl:if test="@status"><xsl:value-of select="concat('; status: ', @status)"/></xsl:if>
        <xsl:if test="@disputedBy"><xsl:value-of select="concat('; disputedBy: ', normalize-space(@disputedBy))"/></xsl:if>
        <xsl:if test="@evidence"><xsl:value-of select="concat('; evidence: ', normalize-space(@evidence))"/></xsl:if>
      </xsl:attribute>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:apply-templates select="$content"/>
    </named-content>
  </xsl:template>

  <!-- @rid listing actors, only when every one is declared (an IDREF to a
       missing id would make the file invalid; specific-use keeps them anyway). -->
  <xsl:template name="actor-rid">
    <xsl:param name="ids"/>
    <xsl:variable name="ok">
      <xsl:call-template name="all-actors">
        <xsl:with-param name="ids" select="normalize-space($ids)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="normalize-space($ids) != '' and $ok = ''">
      <xsl:attribute name="rid"><xsl:value-of select="normalize-space($ids)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Outputs "x" for every id that is not a declared actor. -->
  <xsl:template name="all-actors">
    <xsl:param name="ids"/>
    <xsl:if test="$ids != ''">
      <xsl:variable name="first">
        <xsl:choose>
          <xsl:when test="contains($ids, ' ')"><xsl:value-of select="substring-before($ids, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$ids"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="not(key('actor', $first))">x</xsl:if>
      <xsl:call-template name="all-actors">
        <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:conclusion">
    <sec sec-type="conclusions">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:heading"/>
      <xsl:if test="not(a:heading)"><title/></xsl:if>
      <xsl:apply-templates select="*[not(self::a:heading)]"/>
    </sec>
  </xsl:template>

  <xsl:template match="a:suggestions">
    <sec sec-type="suggestions">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:heading"/>
      <xsl:if test="not(a:heading)"><title/></xsl:if>
      <xsl:apply-templates select="a:p"/>
      <list list-type="order">
        <xsl:for-each select="a:suggestion">
          <list-item>
            <xsl:call-template name="id-lang"/>
            <p>
              <named-content content-type="suggestion">
                <xsl:call-template name="actor-rid">
                  <xsl:with-param name="ids" select="@to"/>
                </xsl:call-template>
                <xsl:attribute name="specific-use">
                  <xsl:value-of select="concat('to: ', normalize-space(@to))"/>
                </xsl:attribute>
                <xsl:apply-templates/>
              </named-content>
            </p>
          </list-item>
        </xsl:for-each>
      </list>
    </sec>
  </xsl:template>

  <xsl:template name="id-lang">
    <xsl:if test="@id">
      <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
    </xsl:if>
    <xsl:copy-of select="@xml:lang"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline content                                                -->
  <!-- ============================================================ -->

  <xsl:template match="a:emph">
    <italic><xsl:copy-of select="@xml:lang"/><xsl:apply-templates/></italic>
  </xsl:template>

  <xsl:template match="a:foreign">
    <named-content content-type="foreign" xml:lang="{@xml:lang}"><xsl:apply-templates/></named-content>
  </xsl:template>

  <xsl:template match="a:q">
    <named-content content-type="quotation"><xsl:copy-of select="@xml:lang"/><xsl:apply-templates/></named-content>
  </xsl:template>

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
    <xsl:variable name="r" select="key('reference', @ref)"/>
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="$r">
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
    <named-content content-type="quantity">
      <xsl:attribute name="specific-use">
        <xsl:value-of select="concat('value: ', @value)"/>
        <xsl:if test="@unit"><xsl:value-of select="concat('; unit: ', @unit)"/></xsl:if>
        <xsl:if test="@currency"><xsl:value-of select="concat('; currency: ', @currency)"/></xsl:if>
      </xsl:attribute>
      <xsl:value-of select="normalize-space(.)"/>
    </named-content>
  </xsl:template>

  <xsl:template match="a:date">
    <named-content content-type="date">
      <xsl:if test="@calendar or @iso or @gregorian or @type">
        <xsl:attribute name="specific-use">
          <xsl:call-template name="date-spec"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:value-of select="normalize-space(.)"/>
    </named-content>
  </xsl:template>

  <xsl:template name="date-spec">
    <xsl:variable name="s">
      <xsl:if test="@calendar"><xsl:value-of select="concat('; calendar: ', @calendar)"/></xsl:if>
      <xsl:if test="@iso"><xsl:value-of select="concat('; iso: ', @iso)"/></xsl:if>
      <xsl:if test="@gregorian"><xsl:value-of select="concat('; gregorian: ', @gregorian)"/></xsl:if>
      <xsl:if test="@type"><xsl:value-of select="concat('; type: ', @type)"/></xsl:if>
    </xsl:variable>
    <xsl:value-of select="substring($s, 3)"/>
  </xsl:template>

  <xsl:template match="a:mention">
    <named-content content-type="mention">
      <xsl:choose>
        <xsl:when test="key('actor', @actor)">
          <xsl:attribute name="rid"><xsl:value-of select="@actor"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="specific-use">actor: <xsl:value-of select="@actor"/></xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
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
        <xsl:when test="@type">
          <xsl:value-of select="@type"/>
        </xsl:when>
        <xsl:otherwise>other</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <ref id="{@id}">
      <!-- applied to the references alone (a:references): their position is
           their number, where xsl:number would count the references before
           each one -->
      <label><xsl:value-of select="position()"/></label>
      <citation-alternatives>
        <element-citation publication-type="{$pubtype}">
          <xsl:copy-of select="@xml:lang"/>
          <xsl:call-template name="element-citation"/>
        </element-citation>
        <mixed-citation publication-type="{$pubtype}">
          <xsl:copy-of select="@xml:lang"/>
          <xsl:apply-templates mode="mixed"/>
        </mixed-citation>
      </citation-alternatives>
    </ref>
  </xsl:template>

  <!-- The structured citation, parts in the conventional order. -->
  <xsl:template name="element-citation">
    <xsl:variable name="has-source" select="a:title[@level = 'j' or @level = 'm']"/>
    <xsl:if test="a:author | a:organization">
      <person-group person-group-type="author">
        <xsl:apply-templates select="a:author | a:organization" mode="name"/>
      </person-group>
    </xsl:if>
    <xsl:for-each select="a:title[not(@level) or @level = 'a']">
      <xsl:call-template name="citation-title"/>
    </xsl:for-each>
    <xsl:for-each select="a:title[@level = 'j' or @level = 'm']">
      <xsl:call-template name="citation-title"/>
    </xsl:for-each>
    <xsl:for-each select="a:outlet">
      <xsl:choose>
        <xsl:when test="$has-source">
          <publisher-name><xsl:value-of select="normalize-space(.)"/></publisher-name>
        </xsl:when>
        <xsl:otherwise>
          <source>
            <xsl:attribute name="xml:lang"><xsl:value-of select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/></xsl:attribute>
            <xsl:value-of select="normalize-space(.)"/>
          </source>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:for-each select="a:title[@level = 's']">
      <xsl:call-template name="citation-title"/>
    </xsl:for-each>
    <!-- Gregorian year/month/day of the publication date -->
    <xsl:variable name="pub" select="a:date[not(@type) or @type = 'published'][@gregorian][1]"/>
    <xsl:if test="$pub">
      <xsl:call-template name="date-parts-citation">
        <xsl:with-param name="iso" select="$pub/@gregorian"/>
      </xsl:call-template>
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
    <xsl:apply-templates select="a:date" mode="mixed"/>
    <xsl:for-each select="a:medium">
      <comment content-type="medium">
        <xsl:copy-of select="@xml:lang"/>
        <xsl:value-of select="normalize-space(.)"/>
      </comment>
    </xsl:for-each>
    <xsl:for-each select="a:url | a:available/a:url">
      <xsl:call-template name="url"><xsl:with-param name="url" select="normalize-space(.)"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="a:available[not(a:url)]">
      <comment content-type="no-address">
        <xsl:copy-of select="@xml:lang"/>
        <xsl:value-of select="normalize-space(.)"/>
      </comment>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="scope-value">
    <xsl:choose>
      <xsl:when test="@from and @to"><xsl:value-of select="concat(@from, '-', @to)"/></xsl:when>
      <xsl:when test="@from"><xsl:value-of select="@from"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="date-parts-citation">
    <xsl:param name="iso"/>
    <year><xsl:value-of select="substring($iso, 1, 4)"/></year>
    <xsl:if test="string-length($iso) &gt;= 7">
      <month><xsl:value-of select="substring($iso, 6, 2)"/></month>
    </xsl:if>
    <xsl:if test="string-length($iso) &gt;= 10">
      <day><xsl:value-of select="substring($iso, 9, 2)"/></day>
    </xsl:if>
  </xsl:template>

  <!-- A title in a citation; context: the title. A level "a" title that is
       part of a book (level "m" title present) is a chapter-title. -->
  <xsl:template name="citation-title">
    <xsl:variable name="lang" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
    <xsl:choose>
      <xsl:when test="@level = 'j' or @level = 'm'">
        <source xml:lang="{$lang}"><xsl:apply-templates/></source>
      </xsl:when>
      <xsl:when test="@level = 's'">
        <series xml:lang="{$lang}"><xsl:apply-templates/></series>
      </xsl:when>
      <xsl:when test="../a:title[@level = 'm'] and not(../a:title[@level = 'j'])">
        <chapter-title xml:lang="{$lang}"><xsl:apply-templates/></chapter-title>
      </xsl:when>
      <xsl:otherwise>
        <article-title xml:lang="{$lang}"><xsl:apply-templates/></article-title>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- mixed-citation: the printed entry with its parts tagged. -->
  <!-- A person's name as printed ("رئیسی، دکتر بهروز"): string-name keeps the
       printed order and punctuation, with the parts tagged inside. -->
  <xsl:template match="a:author" mode="mixed">
    <string-name>
      <xsl:call-template name="name-spec"/>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:apply-templates mode="string-name"/>
    </string-name>
  </xsl:template>

  <xsl:template match="a:organization" mode="mixed">
    <xsl:apply-templates select="." mode="name"/>
  </xsl:template>

  <xsl:template match="a:title" mode="mixed">
    <xsl:call-template name="citation-title"/>
  </xsl:template>

  <xsl:template match="a:outlet" mode="mixed">
    <xsl:choose>
      <xsl:when test="../a:title[@level = 'j' or @level = 'm']">
        <publisher-name><xsl:value-of select="normalize-space(.)"/></publisher-name>
      </xsl:when>
      <xsl:otherwise>
        <source xml:lang="{ancestor-or-self::*[@xml:lang][1]/@xml:lang}"><xsl:value-of select="normalize-space(.)"/></source>
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
    <comment content-type="medium"><xsl:copy-of select="@xml:lang"/><xsl:value-of select="normalize-space(.)"/></comment>
  </xsl:template>

  <xsl:template match="a:date" mode="mixed">
    <date-in-citation>
      <xsl:attribute name="content-type">
        <xsl:choose>
          <xsl:when test="@type = 'accessed'">access-date</xsl:when>
          <xsl:when test="@type = 'updated'">update-date</xsl:when>
          <xsl:when test="@type = 'event'">event-date</xsl:when>
          <xsl:otherwise>publication-date</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:copy-of select="@calendar"/>
      <xsl:if test="@gregorian">
        <xsl:attribute name="iso-8601-date"><xsl:value-of select="@gregorian"/></xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:value-of select="normalize-space(.)"/>
    </date-in-citation>
  </xsl:template>

  <xsl:template match="a:available" mode="mixed">
    <xsl:apply-templates mode="mixed"/>
  </xsl:template>

  <xsl:template match="a:url" mode="mixed">
    <xsl:call-template name="url"><xsl:with-param name="url" select="normalize-space(.)"/></xsl:call-template>
  </xsl:template>

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
       allows it, else the address as text (Tag Library, ext-link: a link
       to an external file or resource that a reader follows). -->
  <xsl:template name="url">
    <xsl:param name="url"/>
    <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$safe = 'yes'">
        <ext-link ext-link-type="uri" xlink:href="{$url}"><xsl:value-of select="$url"/></ext-link>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
