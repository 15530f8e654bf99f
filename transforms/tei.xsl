<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei.xsl: oxus analysis (urn:oxus:analysis:1) to TEI P5, valid against tei_all (P5 4.x).

  Run:  xsltproc transforms/tei.xsl doc.xml > doc.tei.xml
        java -jar saxon9he.jar -s:doc.xml -xsl:transforms/tei.xsl -o:doc.tei.xml
  Processors: XSLT 1.0, with common.xsl beside this file (xsl:include).
  Where it calls an extension function it asks function-available() first
  and otherwise runs XSLT 1.0 that gives the same result tree: EXSLT
  exsl:node-set (libxslt, Saxon and Xalan have it) for look-ups in constant
  time, else counting; EXSLT set:distinct, else a sort, else a scan
  (template distinct-languages); oxus's ox:space (src/extensions.c), else
  the template text-xslt. xsltproc, Saxon-HE and oxus give the same result
  (tests/suites/70-convert.sh and 75-portable.sh compare them).

  From common.xsl: the root rule, $root and $md, the keys "reference",
  "actor" and "number", reference numbers (template reference-number), the
  whitespace rule (templates text and text-xslt, $blocks, $native-space),
  language names (template language-name), $has-node-set.

  Parameters: none. The output depends only on the input document (no dates of
  "now", no generated ids), so converting the same document twice gives the
  same bytes.

  Input: a document whose dates are normalized (each date has @calendar, @iso
  and @gregorian; `oxus normalize` or the oxus driver fills them in). A date
  that lacks them is still converted, with only the attributes it has.

  Mapping decisions
  =================
  Header
  - metadata/title, subtitle -> titleStmt/title type="main", title type="sub".
  - authors: an organization -> author/orgName, a person -> author/persName
    (surname, forename, roleName type="honorific").  @actor -> @ref="#id".
  - An @abbrev is not printed text, so it cannot go into the running text;
    it becomes <choice><expan>full name</expan><abbr>ABBR</abbr></choice>,
    the TEI way of recording an abbreviation beside its expansion.
  - publicationStmt: publisher, date (the published date), availability/licence.
  - series -> seriesStmt/title level="s" + biblScope unit="issue".
  - sourceDesc: one bibl type="original" describing the analysis as its
    publisher issued it (title, authors, publisher, date, series, the page's
    address as ref target, the source description as note), and one bibl
    type="edition" per edition (subtype = format; ref target when the address
    is known, a note saying so when it is not; the printed note kept).
  - encodingDesc/projectDesc + editorialDecl say that oxus made this file and
    explain the encoding of claims, suggestions and dates below.
  - profileDesc: abstract; calendarDesc with one calendar per calendar used by
    a date (xml:id gregorian, solar-hijri, lunar-hijri; in P5 4.x calendarDesc
    belongs in profileDesc, not encodingDesc); langUsage from
    metadata/languages (or the root xml:lang) plus every other xml:lang the
    document uses, so each language tag in the file is declared; textClass/
    keywords/term; particDesc with listPerson (actors of kind "person":
    person/persName) and listOrg (all other actors: org type="kind"/orgName),
    each name in its own persName/orgName, the actor note as note.
  - An actor's "of" (the state a government rules, the government a spokesman
    speaks for) -> standOff/listRelation type="actors",
    relation name="belongsTo" active="#actor" passive="#of".  TEI has
    affiliation only for persons; a relation works for persons and
    organizations alike, so one mechanism serves all actors.

  Text
  - body/section -> div type="section" xml:id=@id, heading -> head, nested.
  - conclusion -> div type="conclusion", suggestions -> div type="suggestions",
    both at the end of body: they are the analysis's own argument, and TEI
    back is for appendixes and other matter after the main text.
  - references -> back/div type="bibliography"/listBibl/bibl xml:id=@id n=N.
  - p -> p; list -> list rend="bulleted|numbered"/item (the Guidelines now
    put the appearance of a list in @rend, not @type); blockquote -> quote
    (source="#ref" for its reference); emph -> emph; foreign -> foreign;
    q -> q; link -> ref target=url.
  - cite -> ref type="citation" target="#id" with the text "[N]", N being the
    position of the reference in the list (what the reader sees).
  - quantity -> measure quantity=value unit=unit; a currency amount ->
    measure type="currency" unit="USD" (the ISO 4217 code is the unit in which
    a sum of money is measured; @commodity would name the goods measured,
    which the vocabulary does not record); no unit, no currency ->
    num value=value.  A unit containing spaces (not allowed in @unit) has
    them replaced by "_".
  - mention -> rs ref="#actor" type=kind (a referring string: "the government
    of Tajikistan" is a reference to an actor, not always a proper name).
  - date -> date when=Gregorian ISO, calendar="#cal" (the calendar the printed
    text is in), and for a non-Gregorian date when-custom=ISO in that calendar
    with datingMethod="#cal"; @type kept.  Text = the date as printed.
  - claim (inline or block) -> said who="#claimant ..." direct="false"
    ana="#status-S" source="#evidence ..." xml:id.  Why said and not
    seg resp=: in TEI @resp names who is responsible for the *encoding*
    (an editor, a transcriber), while said/@who is the Guidelines' way of
    ascribing reported speech or thought to a person or group, "whether
    directly or indirectly reported"; direct="false" because the analysis
    reports the claim in its own words (quoted words inside stay q).  The
    status is an interpretation of the passage, so it goes in @ana pointing
    to an interp of standOff/interpGrp type="claim-status" (asserted,
    disputed, denied, confirmed; absent status = asserted).  Who disputes,
    denies or confirms it -> standOff/listRelation type="claims",
    relation name="disputes|denies|confirms" active="#actor" passive="#claim".
    Evidence (references) -> @source, which points to where something is
    drawn from.  A claim with no id gets xml:id "claim-N" (N = its position
    among all claims) when a relation has to point at it.
  - suggestion -> item n=N xml:id=@id containing said toWhom="#a #b": a
    suggestion is the analysis speaking to its addressees, and @toWhom
    ("to whom a speech act is directed") is exactly that.  The list is
    list rend="numbered" type="suggestions".
  - reference -> bibl, keeping the printed text and punctuation as it is, with
    author/persName, author/orgName (organization), publisher (outlet),
    title level="a|m|j|s" xml:lang (always stated, inherited if needed),
    biblScope unit from to, seg type="medium", date (as above), ref target=url
    for every printed address.  An "available at" label without an address
    is kept as printed, followed by note type="missing-address".
  - Whitespace: runs of spaces and line breaks inside text are collapsed to
    one space and trimmed at the start and end of paragraphs, headings and
    other blocks; nothing else of the text is changed.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:oxus:analysis:1"
                xmlns:exsl="http://exslt.org/common"
                xmlns:set="http://exslt.org/sets"
                xmlns:k="urn:oxus:xslt:keys"
                xmlns:ox="urn:oxus:xslt:1"
                xmlns="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="a exsl set k ox">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- The root rule, $root, $md, the keys "reference" and "actor",
       reference numbers, the whitespace rule, languages, padding. -->
  <xsl:include href="common.xsl"/>

  <xsl:variable name="claims" select="//a:claim"/>

  <!-- The number, in document order, of each claim that gets a "claim-N"
       xml:id (one with no id that others dispute), as k:n elements keyed
       (key "number", common.xsl) by generate-id(): a look-up in constant
       time, where counting the claims before each one would walk the whole
       document before it. -->
  <xsl:variable name="claim-numbers">
    <xsl:for-each select="$claims">
      <xsl:if test="not(@id) and @disputedBy">
        <k:n id="{generate-id()}"><xsl:value-of select="position()"/></k:n>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>

  <!-- ============================================================ -->
  <!-- Document                                                      -->
  <!-- ============================================================ -->

  <xsl:template match="a:analysis">
    <TEI>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:if test="@id">
        <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="teiHeader"/>
      <xsl:call-template name="standOff"/>
      <text>
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
      </text>
    </TEI>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- teiHeader                                                     -->
  <!-- ============================================================ -->

  <xsl:template name="teiHeader">
    <teiHeader>
      <fileDesc>
        <titleStmt>
          <title type="main">
            <xsl:copy-of select="$md/a:title/@xml:lang"/>
            <xsl:apply-templates select="$md/a:title/node()"/>
          </title>
          <xsl:if test="$md/a:subtitle">
            <title type="sub">
              <xsl:copy-of select="$md/a:subtitle/@xml:lang"/>
              <xsl:apply-templates select="$md/a:subtitle/node()"/>
            </title>
          </xsl:if>
          <xsl:for-each select="$md/a:authors/*">
            <author>
              <xsl:apply-templates select="." mode="name"/>
            </author>
          </xsl:for-each>
        </titleStmt>
        <publicationStmt>
          <publisher>
            <xsl:apply-templates select="$md/a:publisher" mode="name"/>
          </publisher>
          <xsl:apply-templates select="$md/a:published"/>
          <xsl:if test="$md/a:license">
            <availability>
              <licence>
                <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="$md/a:license/@url"/></xsl:call-template></xsl:variable>
                <xsl:if test="$safe = 'yes'">
                  <xsl:attribute name="target"><xsl:value-of select="$md/a:license/@url"/></xsl:attribute>
                </xsl:if>
                <xsl:value-of select="normalize-space($md/a:license)"/>
              </licence>
            </availability>
          </xsl:if>
        </publicationStmt>
        <xsl:if test="$md/a:series">
          <seriesStmt>
            <title level="s"><xsl:value-of select="normalize-space($md/a:series)"/></title>
            <xsl:if test="$md/a:series/@issue">
              <biblScope unit="issue"><xsl:value-of select="$md/a:series/@issue"/></biblScope>
            </xsl:if>
          </seriesStmt>
        </xsl:if>
        <sourceDesc>
          <bibl type="original">
            <title level="m">
              <xsl:copy-of select="$md/a:title/@xml:lang"/>
              <xsl:value-of select="normalize-space($md/a:title)"/>
            </title>
            <xsl:if test="$md/a:subtitle">
              <title type="sub">
                <xsl:copy-of select="$md/a:subtitle/@xml:lang"/>
                <xsl:value-of select="normalize-space($md/a:subtitle)"/>
              </title>
            </xsl:if>
            <xsl:for-each select="$md/a:authors/*">
              <author><xsl:apply-templates select="." mode="name"/></author>
            </xsl:for-each>
            <publisher><xsl:apply-templates select="$md/a:publisher" mode="name"/></publisher>
            <xsl:apply-templates select="$md/a:published"/>
            <xsl:if test="$md/a:series">
              <series>
                <title level="s"><xsl:value-of select="normalize-space($md/a:series)"/></title>
                <xsl:if test="$md/a:series/@issue">
                  <biblScope unit="issue"><xsl:value-of select="$md/a:series/@issue"/></biblScope>
                </xsl:if>
              </series>
            </xsl:if>
            <xsl:if test="$md/a:source/@url">
              <xsl:call-template name="url">
                <xsl:with-param name="url" select="$md/a:source/@url"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="normalize-space($md/a:source) != ''">
              <note type="source"><xsl:value-of select="normalize-space($md/a:source)"/></note>
            </xsl:if>
            <xsl:if test="$md/a:source and not($md/a:source/@url)">
              <note type="missing-address" xml:lang="en">The address of the page is not recorded.</note>
            </xsl:if>
          </bibl>
          <xsl:for-each select="$md/a:edition">
            <bibl type="edition" subtype="{@format}">
              <xsl:copy-of select="@xml:lang"/>
              <title level="m">
                <xsl:copy-of select="$md/a:title/@xml:lang"/>
                <xsl:value-of select="normalize-space($md/a:title)"/>
              </title>
              <xsl:if test="@url">
                <xsl:call-template name="url">
                  <xsl:with-param name="url" select="@url"/>
                </xsl:call-template>
              </xsl:if>
              <xsl:if test="normalize-space(.) != ''">
                <note type="edition"><xsl:value-of select="normalize-space(.)"/></note>
              </xsl:if>
              <xsl:if test="not(@url)">
                <note type="missing-address" xml:lang="en">
                  <xsl:text>The source mentions this edition (</xsl:text>
                  <xsl:value-of select="@format"/>
                  <xsl:text>) but gives no address for it.</xsl:text>
                </note>
              </xsl:if>
            </bibl>
          </xsl:for-each>
        </sourceDesc>
      </fileDesc>
      <encodingDesc>
        <projectDesc>
          <p xml:lang="en">Converted by oxus (transforms/tei.xsl) from its policy-analysis vocabulary
            (namespace urn:oxus:analysis:1).
            The text, its headings, suggestions and references are those of the source as printed.</p>
        </projectDesc>
        <editorialDecl>
          <p xml:lang="en">Claims reported by the analysis are encoded as said, ascribed with @who to the
            actors (listed in particDesc) who make them; @ana gives the claim's status (an interp
            in standOff), @source the references given as evidence, and the relations in standOff
            say who disputes, denies or confirms a claim. Suggestions are said elements whose
            @toWhom names the actors they are addressed to. Dates keep their printed text; @when
            gives the Gregorian date, @calendar the calendar of the printed text, and @when-custom
            with @datingMethod the date in that calendar. Citation markers are ref elements
            pointing to the bibl they cite. Whitespace in the text has been normalized.</p>
        </editorialDecl>
      </encodingDesc>
      <profileDesc>
        <xsl:if test="$md/a:abstract">
          <abstract>
            <xsl:copy-of select="$md/a:abstract/@xml:lang"/>
            <xsl:apply-templates select="$md/a:abstract/a:p"/>
          </abstract>
        </xsl:if>
        <xsl:call-template name="calendarDesc"/>
        <xsl:call-template name="langUsage"/>
        <xsl:if test="$md/a:keywords">
          <textClass>
            <keywords>
              <xsl:for-each select="$md/a:keywords/a:keyword">
                <term>
                  <xsl:copy-of select="@xml:lang"/>
                  <xsl:value-of select="normalize-space(.)"/>
                </term>
              </xsl:for-each>
            </keywords>
          </textClass>
        </xsl:if>
        <xsl:if test="a:actors/a:actor">
          <particDesc>
            <xsl:if test="a:actors/a:actor[@kind = 'person']">
              <listPerson>
                <xsl:apply-templates select="a:actors/a:actor[@kind = 'person']"/>
              </listPerson>
            </xsl:if>
            <xsl:if test="a:actors/a:actor[@kind != 'person']">
              <listOrg>
                <xsl:apply-templates select="a:actors/a:actor[@kind != 'person']"/>
              </listOrg>
            </xsl:if>
          </particDesc>
        </xsl:if>
      </profileDesc>
    </teiHeader>
  </xsl:template>

  <!-- Declares only the calendars that dates of this document use: a
       declaration nobody points to would only puzzle a reader. -->
  <xsl:template name="calendarDesc">
    <xsl:variable name="dates" select="//a:date | $md/a:published"/>
    <xsl:if test="$dates[@calendar]">
      <calendarDesc>
        <xsl:if test="$dates[@calendar = 'gregorian']">
          <calendar xml:id="gregorian">
            <p xml:lang="en">The Gregorian calendar (proleptic before 1582). Dates printed in it
              have @calendar="#gregorian"; @when always gives dates in this calendar.</p>
          </calendar>
        </xsl:if>
        <xsl:if test="$dates[@calendar = 'solar-hijri']">
          <calendar xml:id="solar-hijri">
            <p xml:lang="en">The Solar Hijri calendar of Afghanistan and Iran: solar years counted from
              the Hijra (622 CE), beginning at the March equinox, with the months Hamal/Farvardin
              to Hut/Esfand. @when-custom gives such dates in ISO form in this calendar
              (1400-08-20 is 20 Aqrab 1400); @when gives the same day in the Gregorian
              calendar.</p>
          </calendar>
        </xsl:if>
        <xsl:if test="$dates[@calendar = 'lunar-hijri']">
          <calendar xml:id="lunar-hijri">
            <p xml:lang="en">The lunar Hijri (Islamic) calendar, in its tabular form: lunar years
              counted from the Hijra (622 CE). @when-custom gives such dates in ISO form in this
              calendar; @when gives the same day in the Gregorian calendar.</p>
          </calendar>
        </xsl:if>
      </calendarDesc>
    </xsl:if>
  </xsl:template>

  <!-- langUsage: the languages metadata lists (main language first), then
       any other language tag used in the document, so that every xml:lang
       value in the output is declared. -->
  <xsl:template name="langUsage">
    <xsl:variable name="listed" select="$md/a:languages/a:language"/>
    <langUsage>
      <xsl:choose>
        <xsl:when test="$listed">
          <xsl:for-each select="$listed">
            <language ident="{@code}">
              <xsl:value-of select="normalize-space(.)"/>
            </language>
          </xsl:for-each>
          <xsl:if test="not($listed[@code = $root/@xml:lang])">
            <language ident="{$root/@xml:lang}">
              <xsl:call-template name="language-name">
                <xsl:with-param name="code" select="$root/@xml:lang"/>
              </xsl:call-template>
            </language>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <language ident="{$root/@xml:lang}">
            <xsl:call-template name="language-name">
              <xsl:with-param name="code" select="$root/@xml:lang"/>
            </xsl:call-template>
          </language>
        </xsl:otherwise>
      </xsl:choose>
      <!-- each distinct tag once, where it first occurs -->
      <xsl:call-template name="distinct-languages"/>
    </langUsage>
  </xsl:template>

  <!-- Applies the templates of mode "language" to each distinct xml:lang
       value, in the order of first occurrence: to the first attribute of
       each value with EXSLT set:distinct (a hash table); without it
       (Saxon-HE), to k:lang elements holding the values: every value with
       its place in the document, sorted by value (a stable sort: a value's
       first place comes first), the first of each value, sorted back by
       place. Not a key: libxslt indexes every key of a stylesheet, used or
       not, with a walk of the document. -->
  <xsl:template name="distinct-languages">
    <xsl:choose>
      <xsl:when test="function-available('set:distinct')">
        <xsl:apply-templates select="set:distinct(//*[@xml:lang]/@xml:lang)" mode="language"/>
      </xsl:when>
      <xsl:when test="$has-node-set">
        <xsl:variable name="all">
          <xsl:for-each select="//*/@xml:lang">
            <k:lang p="{position()}"><xsl:value-of select="."/></k:lang>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="sorted">
          <xsl:for-each select="exsl:node-set($all)/k:lang">
            <xsl:sort select="."/>
            <xsl:copy-of select="."/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:apply-templates select="exsl:node-set($sorted)/k:lang[not(. = preceding-sibling::k:lang[1])]"
                             mode="language">
          <xsl:sort select="@p" data-type="number"/>
        </xsl:apply-templates>
      </xsl:when>
      <!-- neither: each value not used before it (time quadratic in the
           number of xml:lang attributes) -->
      <xsl:otherwise>
        <xsl:apply-templates select="//*/@xml:lang[not(. = ../ancestor::*/@xml:lang)
                                                   and not(. = ../preceding::*/@xml:lang)]"
                             mode="language"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A language used in the document (from distinct-languages: an
       attribute or a k:lang), unless langUsage has already declared it. -->
  <xsl:template match="@xml:lang | k:lang" mode="language">
    <xsl:variable name="code" select="string(.)"/>
    <xsl:if test="not($md/a:languages/a:language[@code = $code]) and $code != $root/@xml:lang">
      <language ident="{$code}">
        <xsl:call-template name="language-name">
          <xsl:with-param name="code" select="$code"/>
        </xsl:call-template>
      </language>
    </xsl:if>
  </xsl:template>

  <!-- Actors -->
  <xsl:template match="a:actor[@kind = 'person']">
    <person>
      <xsl:call-template name="id-lang"/>
      <xsl:for-each select="a:name">
        <persName>
          <xsl:copy-of select="@xml:lang"/>
          <xsl:value-of select="normalize-space(.)"/>
        </persName>
      </xsl:for-each>
      <xsl:apply-templates select="a:note"/>
    </person>
  </xsl:template>

  <xsl:template match="a:actor">
    <org type="{@kind}">
      <xsl:call-template name="id-lang"/>
      <xsl:for-each select="a:name">
        <orgName>
          <xsl:copy-of select="@xml:lang"/>
          <xsl:value-of select="normalize-space(.)"/>
        </orgName>
      </xsl:for-each>
      <xsl:apply-templates select="a:note"/>
    </org>
  </xsl:template>

  <xsl:template match="a:actor/a:note">
    <note>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:apply-templates/>
    </note>
  </xsl:template>

  <!-- Names of authors and organizations (header and references) -->
  <xsl:template match="a:person | a:author" mode="name">
    <persName>
      <xsl:call-template name="actor-ref"/>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:apply-templates mode="name-part"/>
    </persName>
  </xsl:template>

  <xsl:template match="a:surname" mode="name-part">
    <surname><xsl:value-of select="normalize-space(.)"/></surname>
  </xsl:template>
  <xsl:template match="a:forename" mode="name-part">
    <forename><xsl:value-of select="normalize-space(.)"/></forename>
  </xsl:template>
  <xsl:template match="a:honorific" mode="name-part">
    <roleName type="honorific"><xsl:value-of select="normalize-space(.)"/></roleName>
  </xsl:template>
  <xsl:template match="text()" mode="name-part">
    <xsl:call-template name="text"/>
  </xsl:template>

  <xsl:template match="a:organization | a:publisher | a:outlet" mode="name">
    <orgName>
      <xsl:call-template name="actor-ref"/>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:call-template name="org-text"/>
    </orgName>
  </xsl:template>

  <!-- The printed name; with an abbreviation, choice/expan + abbr. -->
  <xsl:template name="org-text">
    <xsl:choose>
      <xsl:when test="@abbrev">
        <choice>
          <expan><xsl:value-of select="normalize-space(.)"/></expan>
          <abbr><xsl:value-of select="@abbrev"/></abbr>
        </choice>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="actor-ref">
    <xsl:if test="@actor">
      <xsl:attribute name="ref">#<xsl:value-of select="@actor"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- standOff: claim statuses and relations                        -->
  <!-- ============================================================ -->

  <xsl:template name="standOff">
    <xsl:variable name="of" select="a:actors/a:actor[@of]"/>
    <xsl:variable name="disputed" select="$claims[@disputedBy]"/>
    <xsl:if test="$claims or $of">
      <standOff>
        <xsl:if test="$claims">
          <interpGrp type="claim-status">
            <desc xml:lang="en">Where a claim stands, as the analysis reports it.</desc>
            <interp xml:id="status-asserted">asserted: made, and nobody is reported to contest it</interp>
            <interp xml:id="status-disputed">disputed: contested by the actors named in the relations below</interp>
            <interp xml:id="status-denied">denied: denied by the actors named in the relations below</interp>
            <interp xml:id="status-confirmed">confirmed: confirmed by the actors named in the relations below</interp>
          </interpGrp>
        </xsl:if>
        <xsl:if test="$of">
          <listRelation type="actors">
            <desc xml:lang="en">Which actor each actor belongs to or acts for.</desc>
            <xsl:for-each select="$of">
              <relation name="belongsTo" active="#{@id}" passive="#{@of}"/>
            </xsl:for-each>
          </listRelation>
        </xsl:if>
        <xsl:if test="$disputed">
          <listRelation type="claims">
            <desc xml:lang="en">Who disputes, denies or confirms the claims.</desc>
            <xsl:for-each select="$disputed">
              <relation>
                <xsl:attribute name="name">
                  <xsl:choose>
                    <xsl:when test="@status = 'denied'">denies</xsl:when>
                    <xsl:when test="@status = 'confirmed'">confirms</xsl:when>
                    <xsl:otherwise>disputes</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:attribute name="active">
                  <xsl:call-template name="pointers">
                    <xsl:with-param name="ids" select="@disputedBy"/>
                  </xsl:call-template>
                </xsl:attribute>
                <xsl:attribute name="passive">#<xsl:call-template name="claim-id"/></xsl:attribute>
              </relation>
            </xsl:for-each>
          </listRelation>
        </xsl:if>
      </standOff>
    </xsl:if>
  </xsl:template>

  <!-- The xml:id of a claim: its own id, or "claim-N" by document order. -->
  <xsl:template name="claim-id">
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="g" select="generate-id()"/>
        <xsl:text>claim-</xsl:text>
        <xsl:choose>
          <xsl:when test="$has-node-set">
            <xsl:for-each select="exsl:node-set($claim-numbers)">
              <xsl:value-of select="key('number', $g)"/>
            </xsl:for-each>
          </xsl:when>
          <!-- a processor without exsl:node-set: the claims before this one,
               counted (time quadratic in the number of claims) -->
          <xsl:otherwise>
            <xsl:value-of select="count(preceding::a:claim | ancestor::a:claim) + 1"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "a b c" -> "#a #b #c" -->
  <xsl:template name="pointers">
    <xsl:param name="ids"/>
    <xsl:variable name="s" select="normalize-space($ids)"/>
    <xsl:if test="$s != ''">
      <xsl:choose>
        <xsl:when test="contains($s, ' ')">
          <xsl:value-of select="concat('#', substring-before($s, ' '), ' ')"/>
          <xsl:call-template name="pointers">
            <xsl:with-param name="ids" select="substring-after($s, ' ')"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('#', $s)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                        -->
  <!-- ============================================================ -->

  <xsl:template match="a:section">
    <div type="section">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="*"/>
    </div>
  </xsl:template>

  <xsl:template match="a:heading">
    <head>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:apply-templates/>
    </head>
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
      <xsl:attribute name="rend">
        <xsl:choose>
          <xsl:when test="@type = 'numbered'">numbered</xsl:when>
          <xsl:otherwise>bulleted</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="a:item"/>
    </list>
  </xsl:template>

  <xsl:template match="a:item">
    <item>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:apply-templates/>
    </item>
  </xsl:template>

  <xsl:template match="a:blockquote">
    <quote>
      <xsl:call-template name="id-lang"/>
      <xsl:if test="@source">
        <xsl:attribute name="source">#<xsl:value-of select="@source"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="a:p"/>
    </quote>
  </xsl:template>

  <!-- A claim, block (with p children) or inline: see the header comment. -->
  <xsl:template match="a:claim">
    <said direct="false">
      <xsl:attribute name="who">
        <xsl:call-template name="pointers">
          <xsl:with-param name="ids" select="@by"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:attribute name="ana">
        <xsl:text>#status-</xsl:text>
        <xsl:choose>
          <xsl:when test="@status"><xsl:value-of select="@status"/></xsl:when>
          <xsl:otherwise>asserted</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="@evidence">
        <xsl:attribute name="source">
          <xsl:call-template name="pointers">
            <xsl:with-param name="ids" select="@evidence"/>
          </xsl:call-template>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@id or @disputedBy">
        <xsl:attribute name="xml:id"><xsl:call-template name="claim-id"/></xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:choose>
        <xsl:when test="a:p"><xsl:apply-templates select="a:p"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </said>
  </xsl:template>

  <xsl:template match="a:conclusion">
    <div type="conclusion">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="*"/>
    </div>
  </xsl:template>

  <xsl:template match="a:suggestions">
    <div type="suggestions">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:heading | a:p"/>
      <list rend="numbered" type="suggestions">
        <xsl:apply-templates select="a:suggestion"/>
      </list>
    </div>
  </xsl:template>

  <xsl:template match="a:suggestion">
    <item>
      <!-- applied to the suggestions alone: their position is their number -->
      <xsl:attribute name="n"><xsl:value-of select="position()"/></xsl:attribute>
      <xsl:call-template name="id-lang"/>
      <said>
        <xsl:attribute name="toWhom">
          <xsl:call-template name="pointers">
            <xsl:with-param name="ids" select="@to"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:apply-templates/>
      </said>
    </item>
  </xsl:template>

  <xsl:template name="id-lang">
    <xsl:if test="@id">
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
    </xsl:if>
    <xsl:copy-of select="@xml:lang"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline content                                                -->
  <!-- ============================================================ -->

  <xsl:template match="a:emph">
    <emph><xsl:copy-of select="@xml:lang"/><xsl:apply-templates/></emph>
  </xsl:template>

  <xsl:template match="a:foreign">
    <foreign><xsl:copy-of select="@xml:lang"/><xsl:apply-templates/></foreign>
  </xsl:template>

  <xsl:template match="a:q">
    <q><xsl:copy-of select="@xml:lang"/><xsl:apply-templates/></q>
  </xsl:template>

  <!-- Only a URL common.xsl's link-safe allows becomes a ref; any other
       is kept as the text it is (Guidelines 3.7, Simple Links and
       Cross-References: ref/@target is a link a reader follows). -->
  <xsl:template match="a:link">
    <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="@href"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$safe = 'yes'"><ref target="{@href}"><xsl:apply-templates/></ref></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:cite">
    <xsl:variable name="r" select="key('reference', @ref)"/>
    <ref type="citation" target="#{@ref}">
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="$r">
          <xsl:call-template name="reference-number">
            <xsl:with-param name="id" select="@ref"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>?</xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
    </ref>
  </xsl:template>

  <xsl:template match="a:quantity">
    <xsl:choose>
      <xsl:when test="@currency">
        <measure type="currency" quantity="{@value}" unit="{@currency}">
          <xsl:value-of select="normalize-space(.)"/>
        </measure>
      </xsl:when>
      <xsl:when test="@unit">
        <measure quantity="{@value}" unit="{translate(normalize-space(@unit), ' ', '_')}">
          <xsl:value-of select="normalize-space(.)"/>
        </measure>
      </xsl:when>
      <xsl:otherwise>
        <num value="{@value}"><xsl:value-of select="normalize-space(.)"/></num>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:date | a:published">
    <date>
      <xsl:if test="@gregorian or (@calendar = 'gregorian' and @iso)">
        <xsl:attribute name="when">
          <xsl:choose>
            <xsl:when test="@gregorian"><xsl:value-of select="@gregorian"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@iso"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@calendar">
        <xsl:attribute name="calendar">#<xsl:value-of select="@calendar"/></xsl:attribute>
        <xsl:if test="@iso and @calendar != 'gregorian'">
          <xsl:attribute name="when-custom"><xsl:value-of select="@iso"/></xsl:attribute>
          <xsl:attribute name="datingMethod">#<xsl:value-of select="@calendar"/></xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:copy-of select="@type | @xml:lang"/>
      <xsl:value-of select="normalize-space(.)"/>
    </date>
  </xsl:template>

  <xsl:template match="a:mention">
    <xsl:variable name="actor" select="key('actor', @actor)"/>
    <rs ref="#{@actor}">
      <xsl:if test="$actor">
        <xsl:attribute name="type"><xsl:value-of select="$actor/@kind"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </rs>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- References                                                    -->
  <!-- ============================================================ -->

  <xsl:template match="a:references">
    <div type="bibliography">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:heading"/>
      <listBibl>
        <xsl:apply-templates select="a:reference"/>
      </listBibl>
    </div>
  </xsl:template>

  <xsl:template match="a:reference">
    <bibl>
      <!-- applied to the references alone (a:references): their position is
           their number, where xsl:number would count the references before
           each one -->
      <xsl:attribute name="n"><xsl:value-of select="position()"/></xsl:attribute>
      <xsl:call-template name="id-lang"/>
      <xsl:copy-of select="@type"/>
      <xsl:apply-templates/>
    </bibl>
  </xsl:template>

  <xsl:template match="a:reference/a:author">
    <author><xsl:apply-templates select="." mode="name"/></author>
  </xsl:template>

  <xsl:template match="a:reference/a:organization">
    <author><xsl:apply-templates select="." mode="name"/></author>
  </xsl:template>

  <xsl:template match="a:reference/a:outlet">
    <publisher><xsl:apply-templates select="." mode="name"/></publisher>
  </xsl:template>

  <xsl:template match="a:reference/a:title">
    <title>
      <xsl:attribute name="level">
        <xsl:choose>
          <xsl:when test="@level"><xsl:value-of select="@level"/></xsl:when>
          <xsl:otherwise>a</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:attribute name="xml:lang">
        <xsl:value-of select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
      </xsl:attribute>
      <xsl:apply-templates/>
    </title>
  </xsl:template>

  <xsl:template match="a:reference/a:scope">
    <biblScope unit="{@unit}">
      <xsl:copy-of select="@from | @to"/>
      <xsl:value-of select="normalize-space(.)"/>
    </biblScope>
  </xsl:template>

  <xsl:template match="a:reference/a:medium">
    <seg type="medium"><xsl:copy-of select="@xml:lang"/><xsl:value-of select="normalize-space(.)"/></seg>
  </xsl:template>

  <xsl:template match="a:available">
    <xsl:apply-templates/>
    <xsl:if test="not(a:url)">
      <note type="missing-address" xml:lang="en">The source prints this label but gives no address.</note>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:url">
    <xsl:call-template name="url">
      <xsl:with-param name="url" select="normalize-space(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A printed address: a ref to it if common.xsl's link-safe allows it,
       else the address as text. -->
  <xsl:template name="url">
    <xsl:param name="url"/>
    <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$safe = 'yes'"><ref target="{$url}"><xsl:value-of select="$url"/></ref></xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
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

</xsl:stylesheet>
