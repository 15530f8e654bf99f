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
  the template text-xslt; ox:direction, else the table $directions.
  xsltproc, Saxon-HE and oxus give the same result
  (tests/suites/70-convert.sh and 75-portable.sh compare them).

  From common.xsl: the root rule, $root and $md, the keys "reference",
  "actor" and "number", reference numbers (template reference-number), the
  whitespace rule (templates text and text-xslt, $blocks, $native-space),
  language names (template language-name), $has-node-set.

  Parameters: oxus-version, the version named in encodingDesc/appInfo (oxus
  passes its own; the default is the version these stylesheets come with).
  The output depends only on the input document and that parameter (no
  dates of "now", no generated ids), so converting the same document twice
  gives the same bytes.

  Input: a document whose dates are normalized (each date has @calendar, @iso
  and @gregorian; `oxus normalize` or the oxus driver fills them in). A date
  that lacks them is still converted, with only the attributes it has.

  Mapping decisions (sections of the TEI P5 Guidelines)
  =================
  Header
  - metadata/title, subtitle -> titleStmt/title type="main", title type="sub".
  - authors: an organization -> author/orgName, a person -> author/persName
    (surname, forename, roleName type="honorific", a pen name addName
    type="pen-name": 13.2.1).  @actor -> @ref="#id".
  - provenance/encoder -> titleStmt/respStmt xml:id="encoder-N" (2.2.1),
    the @resp of everything the encoder adds (supplied, corr, gap, the
    translated titles).
  - publicationStmt describes this TEI file (2.2.4): oxus as distributor,
    the analysis id as idno, the last date of the provenance (latest change,
    else latest capture) as date, never the clock; metadata/rights (and
    license) as availability (status="unknown" when the source states none).
  - series -> seriesStmt/title level="s" + biblScope unit="issue" + idno
    type="ISSN" (2.2.5).
  - sourceDesc (2.2.7): one bibl type="original" describing the analysis as
    its publisher issued it (title, authors, publisher, date, series, the
    page's address as ref target, the source description and the printed
    genre label as notes, the rights as availability); one bibl
    type="edition" per edition (subtype = format; ref target when the
    address is known; its printed note, with a gap when the link was lost);
    one bibl type="capture" per provenance/capture (idno, address, date,
    checksum).
  - An @abbrev (1.0) is not printed text, so it cannot go into the running
    text; it becomes <choice><expan>full name</expan><abbr>ABBR</abbr></choice>.
  - encodingDesc: appInfo/application ident="oxus" (2.3.11), with the tools
    of the provenance that have a version; projectDesc; editorialDecl
    (2.3.3) with correction, quotation marks="all" and interpretation;
    tagsDecl (2.3.4) with the renditions #rtl and #ltr (CSS); classDecl
    (2.3.6) with the taxonomies claim-status and genre.
  - profileDesc: abstract; calendarDesc with one calendar per calendar used by
    a date (xml:id gregorian, solar-hijri, lunar-hijri); langUsage (2.4.2)
    with the languages the file uses and no other; textClass (2.4.3):
    keywords/term, catRef to the genre; particDesc (13.3.2) with listPerson
    (actors of kind "person": person/persName) and listOrg (all other
    actors: org type="kind"/orgName), each name with its @type and years
    (@from, @to), the actor's idno, the actor note as note.
  - revisionDesc (2.6): one change per provenance/change, @who pointing to
    the encoder or tool of that name.

  Direction (2.3.4; att.global.rendition, 1.3.1.1.3)
  - An element whose language is written in the other direction than the
    language around it (its parent's in the source) has rendition="#rtl"
    or "#ltr" beside its xml:lang; teiHeader and text have "#rtl" when the
    document's language is right to left. One CSS rule per rendition (or
    per lang) gives every paragraph, heading, item and reference its
    direction in a renderer such as CETEIcean.

  Quotation marks (2.3.3, 3.3.3)
  - Printed marks stay where printed, as text outside the element they
    enclose. An element right after a printed mark (q, said, soCalled,
    mentioned, name, title) has rend="printed-marks"; an article title
    without marks has rend="plain": the TEI Stylesheets' HTML makes a
    title level="a" without @rend an HTML q, which browsers quote, and
    quotes q and soCalled unless quotation marks="all" or @rend says
    otherwise.

  standOff (16.10): only empty relations (13.3.2.3): CETEIcean displays
  every element outside teiHeader, so nothing in it is text.
  - An actor's "of" -> listRelation type="actors", relation name="belongsTo"
    active="#actor" passive="#of" (a relation works for persons and
    organizations alike).
  - Responses to claims -> listRelation type="claims", relation
    name="denies|disputes|confirms" active="#responders" passive="#claims"
    corresp="#the seg reporting it" source="#evidence"; a 1.0 claim's
    disputedBy the same, by its status.
  - Suggestions' addressees -> listRelation type="suggestions", relation
    name="addressedTo" active="#suggestion" passive="#actors".

  Text
  - body/section -> div type="section" xml:id=@id, heading -> head, nested
    (4.1, 4.2.1). A heading printed run-in -> head rend="inline"; one the
    source prints only in its table of contents, or not at all -> its words
    in supplied reason="printed-in-table-of-contents" or "not-printed"
    (11.3.3.1).
  - conclusion -> div type="conclusion", suggestions -> div type="suggestions",
    both at the end of body: they are the analysis's own argument, and TEI
    back is for appendixes and other matter after the main text.
  - references -> back/div type="bibliography"/listBibl/bibl xml:id=@id n=N.
  - p -> p; list -> list rend="bulleted|numbered"/item (3.8; the Guidelines
    now put the appearance of a list in @rend, not @type); blockquote ->
    quote (source="#ref" for its reference); emph -> emph; foreign ->
    foreign; link -> ref target=url (3.7), only for a URL common.xsl's
    link-safe allows.
  - q by its @type (3.3.3): quotation -> q, mentioned -> mentioned,
    so-called -> soCalled, name -> name.
  - supplied -> supplied reason="not-printed"; sic -> choice/sic + corr
    (3.5.1); gap -> gap reason (not-captured, illegible, omitted) extent,
    with desc type="link|text|image|table|other" holding the encoder's
    description (3.5.3); the encoder's reason for a supplied text or a
    correction -> note type="reason" place="end" (an endnote in CETEIcean
    and the TEI Stylesheets, not running text).
  - cite -> ref type="citation" target="#id" with the text "[N]", N being the
    position of the reference in the list (what the reader sees).
  - quantity -> measure quantity=value unit=unit; a currency amount ->
    measure type="currency" unit="USD" (the ISO 4217 code is the unit in which
    a sum of money is measured; @commodity would name the goods measured,
    which the vocabulary does not record); no unit, no currency ->
    num value=value.  A unit containing spaces (not allowed in @unit) has
    them replaced by "_". An approximate quantity has cert="medium".
  - mention -> rs ref="#actor" type=kind (a referring string: "the government
    of Tajikistan" is a reference to an actor, not always a proper name).
  - date (3.6.4, 13.4) -> date when=Gregorian ISO, or from/to for a period
    (an interval A/B), notBefore/notAfter as given, calendar="#cal" (the
    calendar the printed text is in; only when there is text), and for a
    non-Gregorian date when-custom (or from-custom/to-custom) = ISO in that
    calendar with datingMethod="#cal"; @type kept.  Text = the date as
    printed.
  - claim (inline or block) -> said who="#claimant ..." ana="#status-S"
    source="#evidence ..." xml:id (3.3.3).  Why said and not seg resp=: in
    TEI @resp names who is responsible for the *encoding* (an editor, a
    transcriber), while said/@who is the Guidelines' way of ascribing
    speech or thought to a person or group, "whether directly or
    indirectly reported"; direct="true" for a verbatim quotation
    (form="quoted"), "false" for reported speech.  The status is an
    interpretation of the passage (17.2), so it goes in @ana pointing to a
    category of the taxonomy claim-status (asserted, disputed, denied,
    confirmed; absent status = asserted). Evidence (references) ->
    @source. A claim with no id gets xml:id "claim-N" (N = its position
    among all claims) when a relation has to point at it.
  - response -> seg type="response" subtype=deny|dispute|confirm xml:id
    (its id, else "response-N"), pointed to by its relation (16.3).
  - suggestion -> item xml:id (its id, else "suggestion-N"), n only when
    the list is printed numbered, in list type="suggestions"
    rend="bulleted|numbered|plain": the publisher's own recommendations;
    the addressees are relations in standOff.
  - reference -> bibl (3.12), keeping the printed text and punctuation as it
    is, with author/persName, publisher/orgName type="organization" (the
    agency or institute that issued the work) or type="outlet" (where it
    appeared): one role in a citation, one element; title level="a|m|j|s"
    xml:lang (always stated, inherited if needed), biblScope unit from to,
    seg type="medium", date (as above), ref target=url for every printed
    address. A translation or transliteration by the encoder -> title
    type="translated" or "transliterated" resp="#encoder-N" in its
    language. An "available at" label whose link was lost is followed by
    its gap.
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

  <!-- The version of oxus named in encodingDesc/appInfo. oxus passes its
       own (src/transform.c); the default is the version these stylesheets
       come with, for xsltproc and Saxon (70-convert.sh checks that they
       agree). -->
  <xsl:param name="oxus-version" select="'0.2.0'"/>

  <!-- The root rule, $root, $md, the keys "reference" and "actor",
       reference numbers, the whitespace rule, languages, padding. -->
  <xsl:include href="common.xsl"/>

  <xsl:variable name="claims" select="//a:claim"/>

  <!-- How the suggestions are printed: suggestions/@type; a 1.0 document
       without it prints them numbered if it gives numbers. -->
  <xsl:variable name="suggestions-type">
    <xsl:choose>
      <xsl:when test="/a:analysis/a:suggestions/@type"><xsl:value-of select="/a:analysis/a:suggestions/@type"/></xsl:when>
      <xsl:when test="/a:analysis/a:suggestions/a:suggestion/@n">numbered</xsl:when>
      <xsl:otherwise>bulleted</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="responses" select="//a:response"/>

  <!-- Every xml:lang attribute of the document, found in one walk for the
       direction table and langUsage (callgrind: a walk //@xml:lang costs
       tei.xsl 0.8 %, //*/@xml:lang 0.5 %, //*[@xml:lang]/@xml:lang 2.2 %:
       libxml2 walks //* without building the set of all nodes first, and
       a predicate is an expression evaluated at every element). -->
  <xsl:variable name="lang-attrs" select="//*/@xml:lang"/>

  <!-- The direction of the document's main language: right to left puts
       rendition="#rtl" on teiHeader and text, and left-to-right runs get
       "#ltr" (mode lang). -->
  <xsl:variable name="main-dir">
    <xsl:call-template name="language-direction">
      <xsl:with-param name="code" select="/*/@xml:lang"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:variable name="genre">
    <xsl:choose>
      <xsl:when test="$md/a:genre/@code"><xsl:value-of select="$md/a:genre/@code"/></xsl:when>
      <xsl:otherwise>analysis</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

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

  <xsl:variable name="response-numbers">
    <xsl:for-each select="$responses">
      <k:n id="{generate-id()}"><xsl:value-of select="position()"/></k:n>
    </xsl:for-each>
  </xsl:variable>

  <!-- ============================================================ -->
  <!-- Document                                                      -->
  <!-- ============================================================ -->

  <xsl:template match="a:analysis">
    <TEI>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:if test="@id">
        <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="teiHeader"/>
      <xsl:call-template name="standOff"/>
      <text>
        <xsl:if test="$main-dir = 'rtl'">
          <xsl:attribute name="rendition">#rtl</xsl:attribute>
        </xsl:if>
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
      <xsl:if test="$main-dir = 'rtl'">
        <xsl:attribute name="rendition">#rtl</xsl:attribute>
      </xsl:if>
      <fileDesc>
        <titleStmt>
          <title type="main">
            <xsl:apply-templates select="$md/a:title/@xml:lang" mode="lang"/>
            <xsl:apply-templates select="$md/a:title/node()"/>
          </title>
          <xsl:if test="$md/a:subtitle">
            <title type="sub">
              <xsl:apply-templates select="$md/a:subtitle/@xml:lang" mode="lang"/>
              <xsl:apply-templates select="$md/a:subtitle/node()"/>
            </title>
          </xsl:if>
          <xsl:for-each select="$md/a:authors/*">
            <author>
              <xsl:apply-templates select="." mode="name"/>
            </author>
          </xsl:for-each>
          <xsl:for-each select="$md/a:provenance/a:encoder">
            <respStmt>
              <xsl:attribute name="xml:id">encoder-<xsl:value-of select="position()"/></xsl:attribute>
              <resp xml:lang="en"><xsl:call-template name="en-rendition"/>
                <xsl:choose>
                  <xsl:when test="@role = 'reviewer'">reviewed the encoding</xsl:when>
                  <xsl:otherwise>encoded the text</xsl:otherwise>
                </xsl:choose>
              </resp>
              <name><xsl:value-of select="normalize-space(.)"/></name>
            </respStmt>
          </xsl:for-each>
        </titleStmt>
        <xsl:call-template name="publicationStmt"/>
        <xsl:if test="$md/a:series">
          <seriesStmt>
            <title level="s"><xsl:value-of select="normalize-space($md/a:series)"/></title>
            <xsl:if test="$md/a:series/@issue">
              <biblScope unit="issue"><xsl:value-of select="$md/a:series/@issue"/></biblScope>
            </xsl:if>
            <xsl:if test="$md/a:series/@issn">
              <idno type="ISSN">
                <xsl:if test="$md/a:series/@issnMedium">
                  <xsl:attribute name="subtype"><xsl:value-of select="$md/a:series/@issnMedium"/></xsl:attribute>
                </xsl:if>
                <xsl:value-of select="$md/a:series/@issn"/>
              </idno>
            </xsl:if>
          </seriesStmt>
        </xsl:if>
        <sourceDesc>
          <bibl type="original">
            <title level="m">
              <xsl:apply-templates select="$md/a:title/@xml:lang" mode="lang"/>
              <xsl:value-of select="normalize-space($md/a:title)"/>
            </title>
            <xsl:if test="$md/a:subtitle">
              <title type="sub">
                <xsl:apply-templates select="$md/a:subtitle/@xml:lang" mode="lang"/>
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
              <note type="missing-address" xml:lang="en"><xsl:call-template name="en-rendition"/>The address of the page is not recorded.</note>
            </xsl:if>
            <xsl:if test="normalize-space($md/a:genre) != ''">
              <note type="genre"><xsl:value-of select="normalize-space($md/a:genre)"/></note>
            </xsl:if>
            <xsl:call-template name="rights"/>
          </bibl>
          <xsl:for-each select="$md/a:edition">
            <bibl type="edition" subtype="{@format}">
              <xsl:apply-templates select="@xml:lang" mode="lang"/>
              <title level="m">
                <xsl:apply-templates select="$md/a:title/@xml:lang" mode="lang"/>
                <xsl:value-of select="normalize-space($md/a:title)"/>
              </title>
              <xsl:if test="@url">
                <xsl:call-template name="url">
                  <xsl:with-param name="url" select="@url"/>
                </xsl:call-template>
              </xsl:if>
              <xsl:if test="normalize-space(.) != '' or a:gap">
                <note type="edition"><xsl:apply-templates/></note>
              </xsl:if>
            </bibl>
          </xsl:for-each>
          <xsl:apply-templates select="$md/a:provenance/a:capture"/>
        </sourceDesc>
      </fileDesc>
      <encodingDesc>
        <appInfo>
          <application ident="oxus" version="{$oxus-version}" xml:id="oxus">
            <label>oxus</label>
            <desc xml:lang="en"><xsl:call-template name="en-rendition"/>made this TEI file from the oxus encoding (transforms/tei.xsl)</desc>
          </application>
          <xsl:for-each select="$md/a:provenance/a:tool[@version]">
            <application ident="{translate(normalize-space(.), ' ', '-')}" version="{@version}">
              <xsl:attribute name="xml:id">tool-<xsl:value-of select="position()"/></xsl:attribute>
              <label><xsl:value-of select="normalize-space(.)"/></label>
              <desc xml:lang="en"><xsl:call-template name="en-rendition"/>used in encoding the source</desc>
            </application>
          </xsl:for-each>
        </appInfo>
        <projectDesc>
          <p xml:lang="en"><xsl:call-template name="en-rendition"/>Converted by oxus (transforms/tei.xsl) from its policy-analysis vocabulary
            (namespace urn:oxus:analysis:1).
            The text, its headings, suggestions and references are those of the source as printed;
            what the encoder added is marked as such (supplied, corr, gap, titles of type
            translated).</p>
        </projectDesc>
        <editorialDecl>
          <correction>
            <p xml:lang="en"><xsl:call-template name="en-rendition"/>Errors of the source are kept as printed in sic, with the encoder's
              correction beside them in corr (choice).</p>
          </correction>
          <quotation marks="all">
            <p xml:lang="en"><xsl:call-template name="en-rendition"/>Quotation marks are kept where the source prints them, as text outside
              the element they enclose (q, said, soCalled, mentioned, name, title). An element
              whose marks are printed just before it has rend="printed-marks", so that a
              renderer adds none of its own.</p>
          </quotation>
          <interpretation>
            <p xml:lang="en"><xsl:call-template name="en-rendition"/>Claims reported by the analysis are encoded as said, ascribed with @who to the
              actors (listed in particDesc) who make them, direct="true" for a verbatim quotation and
              "false" for reported speech; @ana gives the claim's status (a category of the
              taxonomy claim-status), @source the references given as evidence. The words that
              report a response to a claim are a seg of type response, and the relations in
              standOff say who denies, disputes or confirms which claim. The suggestions are the
              publisher's own items; relations of type suggestions name the actors each is
              addressed to. Dates keep their printed text; @when (or @from and @to for a period)
              gives the Gregorian date, @notBefore and @notAfter the encoder's bounds for a date
              the text does not pin down, @calendar the calendar of the printed text, and
              @when-custom (or @from-custom and @to-custom) with @datingMethod the date in that
              calendar. Citation markers are ref elements pointing to the bibl they cite.
              Whitespace in the text has been normalized.</p>
          </interpretation>
        </editorialDecl>
        <tagsDecl>
          <rendition xml:id="rtl" scheme="css">direction: rtl; unicode-bidi: isolate;</rendition>
          <rendition xml:id="ltr" scheme="css">direction: ltr; unicode-bidi: isolate;</rendition>
        </tagsDecl>
        <xsl:if test="$claims or $md/a:genre">
          <classDecl>
            <xsl:if test="$claims">
              <taxonomy xml:id="claim-status">
                <desc xml:lang="en"><xsl:call-template name="en-rendition"/>Where a claim stands, as the analysis reports it.</desc>
                <category xml:id="status-asserted"><catDesc xml:lang="en"><xsl:call-template name="en-rendition"/>asserted: made, and nobody is reported to contest it</catDesc></category>
                <category xml:id="status-disputed"><catDesc xml:lang="en"><xsl:call-template name="en-rendition"/>disputed: contested by the actors named in the relations</catDesc></category>
                <category xml:id="status-denied"><catDesc xml:lang="en"><xsl:call-template name="en-rendition"/>denied: denied by the actors named in the relations</catDesc></category>
                <category xml:id="status-confirmed"><catDesc xml:lang="en"><xsl:call-template name="en-rendition"/>confirmed: confirmed by the actors named in the relations</catDesc></category>
              </taxonomy>
            </xsl:if>
            <xsl:if test="$md/a:genre">
              <taxonomy xml:id="genre">
                <desc xml:lang="en"><xsl:call-template name="en-rendition"/>The kind of publication (the oxus vocabulary's genre codes).</desc>
                <category><xsl:attribute name="xml:id">genre-<xsl:value-of select="$genre"/></xsl:attribute><catDesc><xsl:value-of select="$genre"/></catDesc></category>
              </taxonomy>
            </xsl:if>
          </classDecl>
        </xsl:if>
      </encodingDesc>
      <profileDesc>
        <xsl:if test="$md/a:abstract">
          <abstract>
            <xsl:apply-templates select="$md/a:abstract/@xml:lang" mode="lang"/>
            <xsl:apply-templates select="$md/a:abstract/a:p"/>
          </abstract>
        </xsl:if>
        <xsl:call-template name="calendarDesc"/>
        <xsl:call-template name="langUsage"/>
        <xsl:if test="$md/a:keywords or $md/a:genre">
          <textClass>
            <xsl:if test="$md/a:keywords">
              <keywords>
                <xsl:for-each select="$md/a:keywords/a:keyword">
                  <term>
                    <xsl:apply-templates select="@xml:lang" mode="lang"/>
                    <xsl:value-of select="normalize-space(.)"/>
                  </term>
                </xsl:for-each>
              </keywords>
            </xsl:if>
            <xsl:if test="$md/a:genre">
              <catRef scheme="#genre" target="#genre-{$genre}"/>
            </xsl:if>
          </textClass>
        </xsl:if>
        <xsl:if test="a:actors/a:actor">
          <particDesc>
            <!-- tests on the kinds ("=" stops at the first equal one), not
                 filters of the actors: a predicate is evaluated per actor -->
            <xsl:if test="a:actors/a:actor/@kind = 'person'">
              <listPerson>
                <xsl:apply-templates select="a:actors/a:actor[@kind = 'person']"/>
              </listPerson>
            </xsl:if>
            <xsl:if test="a:actors/a:actor/@kind != 'person'">
              <listOrg>
                <xsl:apply-templates select="a:actors/a:actor[@kind != 'person']"/>
              </listOrg>
            </xsl:if>
          </particDesc>
        </xsl:if>
      </profileDesc>
      <xsl:if test="$md/a:provenance/a:change">
        <revisionDesc>
          <xsl:apply-templates select="$md/a:provenance/a:change"/>
        </revisionDesc>
      </xsl:if>
    </teiHeader>
  </xsl:template>

  <!-- publicationStmt describes this TEI file (Guidelines 2.2.4): oxus's
       conversion distributes it; its identifier is the analysis's id; its
       date is the last date the provenance records (the latest change,
       else the latest capture), never the clock, so that the same document
       gives the same file; its availability is the source's rights. The
       analysis's own publication is the bibl of sourceDesc. -->
  <xsl:template name="publicationStmt">
    <publicationStmt>
      <distributor xml:lang="en"><xsl:call-template name="en-rendition"/>oxus (encodingDesc/appInfo), converting an encoding in the
        oxus analysis vocabulary</distributor>
      <xsl:if test="$root/@id">
        <idno type="oxus"><xsl:value-of select="$root/@id"/></idno>
      </xsl:if>
      <xsl:variable name="when">
        <xsl:for-each select="$md/a:provenance/a:change/@when | $md/a:provenance/a:capture/@date">
          <xsl:sort select="count(parent::a:change)" data-type="number" order="descending"/>
          <xsl:sort select="." order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="$when != ''">
        <date when="{$when}"><xsl:value-of select="$when"/></date>
      </xsl:if>
      <xsl:call-template name="rights"/>
    </publicationStmt>
  </xsl:template>

  <!-- The rights the source states (metadata/rights) and its licence, as
       availability (Guidelines 2.2.4): status "unknown" when the source
       states none; nothing when the encoding does not say. -->
  <xsl:template name="rights">
    <xsl:if test="$md/a:rights or $md/a:license">
      <availability>
        <xsl:if test="$md/a:rights/@status = 'not-stated'">
          <xsl:attribute name="status">unknown</xsl:attribute>
        </xsl:if>
        <xsl:if test="$md/a:license">
          <licence>
            <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="$md/a:license/@url"/></xsl:call-template></xsl:variable>
            <xsl:if test="$safe = 'yes'">
              <xsl:attribute name="target"><xsl:value-of select="$md/a:license/@url"/></xsl:attribute>
            </xsl:if>
            <xsl:value-of select="normalize-space($md/a:license)"/>
          </licence>
        </xsl:if>
        <xsl:for-each select="$md/a:rights">
          <xsl:choose>
            <xsl:when test="@status = 'not-stated'">
              <p xml:lang="en"><xsl:call-template name="en-rendition"/>The source states no rights.</p>
            </xsl:when>
            <xsl:otherwise>
              <p>
                <xsl:apply-templates select="@xml:lang" mode="lang"/>
                <xsl:value-of select="normalize-space(.)"/>
              </p>
              <xsl:if test="@holder or @year">
                <p xml:lang="en"><xsl:call-template name="en-rendition"/>
                  <xsl:text>Rights holder: </xsl:text>
                  <xsl:value-of select="normalize-space(@holder)"/>
                  <xsl:if test="@holder and @year">, </xsl:if>
                  <xsl:value-of select="@year"/>
                </p>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </availability>
    </xsl:if>
  </xsl:template>

  <!-- A capture of the source (provenance/capture): a bibl of sourceDesc,
       subtype its form; its identifier, address, date and checksum. -->
  <xsl:template match="a:capture">
    <bibl type="capture" subtype="{@form}">
      <xsl:if test="@id">
        <idno type="capture"><xsl:value-of select="@id"/></idno>
      </xsl:if>
      <xsl:if test="@url">
        <xsl:call-template name="url">
          <xsl:with-param name="url" select="@url"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="@date">
        <date type="captured" when="{@date}"><xsl:value-of select="@date"/></date>
      </xsl:if>
      <xsl:if test="@checksum">
        <idno type="checksum"><xsl:value-of select="@checksum"/></idno>
      </xsl:if>
      <xsl:if test="normalize-space(.) != ''">
        <note>
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <xsl:value-of select="normalize-space(.)"/>
        </note>
      </xsl:if>
    </bibl>
  </xsl:template>

  <!-- A change of the encoding (provenance/change) -> revisionDesc/change
       (Guidelines 2.6): @who points to the encoder or tool of that name,
       else the name is given in the change. -->
  <xsl:template match="a:change">
    <xsl:variable name="who" select="normalize-space(@who)"/>
    <xsl:variable name="enc" select="$md/a:provenance/a:encoder[normalize-space(.) = $who][1]"/>
    <xsl:variable name="tool" select="$md/a:provenance/a:tool[@version][normalize-space(.) = $who][1]"/>
    <change>
      <xsl:if test="@when"><xsl:attribute name="when"><xsl:value-of select="@when"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$enc">
          <xsl:attribute name="who">#encoder-<xsl:value-of select="count($enc/preceding-sibling::a:encoder) + 1"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="$tool">
          <xsl:attribute name="who">#tool-<xsl:value-of select="count($tool/preceding-sibling::a:tool[@version]) + 1"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:if test="$who != '' and not($enc) and not($tool)">
        <name><xsl:value-of select="$who"/></name>
        <xsl:text>: </xsl:text>
      </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </change>
  </xsl:template>

  <!-- Declares only the calendars that dates of this document use: a
       declaration nobody points to would only puzzle a reader. The
       calendars are attributes compared with "=", which stops at the first
       equal one, where a predicate ($dates[@calendar = ...]) is an
       expression evaluated at every date. -->
  <xsl:template name="calendarDesc">
    <xsl:variable name="calendars" select="//a:date/@calendar | $md/a:published/@calendar"/>
    <xsl:if test="$calendars">
      <calendarDesc>
        <xsl:if test="$calendars = 'gregorian'">
          <calendar xml:id="gregorian">
            <p xml:lang="en"><xsl:call-template name="en-rendition"/>The Gregorian calendar (proleptic before 1582). Dates printed in it
              have @calendar="#gregorian"; @when always gives dates in this calendar.</p>
          </calendar>
        </xsl:if>
        <xsl:if test="$calendars = 'solar-hijri'">
          <calendar xml:id="solar-hijri">
            <p xml:lang="en"><xsl:call-template name="en-rendition"/>The Solar Hijri calendar of Afghanistan and Iran: solar years counted from
              the Hijra (622 CE), beginning at the March equinox, with the months Hamal/Farvardin
              to Hut/Esfand. @when-custom gives such dates in ISO form in this calendar
              (1400-08-20 is 20 Aqrab 1400); @when gives the same day in the Gregorian
              calendar.</p>
          </calendar>
        </xsl:if>
        <xsl:if test="$calendars = 'lunar-hijri'">
          <calendar xml:id="lunar-hijri">
            <p xml:lang="en"><xsl:call-template name="en-rendition"/>The lunar Hijri (Islamic) calendar, in its tabular form: lunar years
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
  <!-- langUsage (Guidelines 2.4.2): the languages used in this file, each
       once: the document's main language, then those metadata/languages
       lists that an element uses (a listed language nothing is written in
       is not declared), then any other language tag of the document, then
       English, the language of the notes this stylesheet writes (unless
       already declared). -->
  <xsl:template name="langUsage">
    <xsl:variable name="main" select="string($root/@xml:lang)"/>
    <xsl:variable name="used" select="$md/a:languages/a:language[@code != $main][@code = $lang-attrs]"/>
    <langUsage>
      <language ident="{$main}">
        <xsl:choose>
          <xsl:when test="$md/a:languages/a:language[@code = $main]">
            <xsl:value-of select="normalize-space($md/a:languages/a:language[@code = $main][1])"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="language-name">
              <xsl:with-param name="code" select="$main"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </language>
      <xsl:for-each select="$used">
        <language ident="{@code}">
          <xsl:value-of select="normalize-space(.)"/>
        </language>
      </xsl:for-each>
      <!-- each distinct tag once, where it first occurs -->
      <xsl:call-template name="distinct-languages"/>
      <xsl:if test="$main != 'en' and not($lang-attrs[. = 'en'])">
        <language ident="en">English</language>
      </xsl:if>
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
        <xsl:apply-templates select="set:distinct($lang-attrs)" mode="language"/>
      </xsl:when>
      <xsl:when test="$has-node-set">
        <xsl:variable name="all">
          <xsl:for-each select="$lang-attrs">
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
        <xsl:apply-templates select="$lang-attrs[not(. = ../ancestor::*/@xml:lang)
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
          <xsl:copy-of select="@type | @from | @to"/>
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <xsl:value-of select="normalize-space(.)"/>
        </persName>
      </xsl:for-each>
      <xsl:for-each select="a:idno">
        <idno type="{@type}"><xsl:value-of select="normalize-space(.)"/></idno>
      </xsl:for-each>
      <xsl:apply-templates select="a:note"/>
    </person>
  </xsl:template>

  <xsl:template match="a:actor">
    <org type="{@kind}">
      <xsl:call-template name="id-lang"/>
      <xsl:for-each select="a:name">
        <orgName>
          <xsl:copy-of select="@type | @from | @to"/>
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <xsl:value-of select="normalize-space(.)"/>
        </orgName>
      </xsl:for-each>
      <xsl:for-each select="a:idno">
        <idno type="{@type}"><xsl:value-of select="normalize-space(.)"/></idno>
      </xsl:for-each>
      <xsl:apply-templates select="a:note"/>
    </org>
  </xsl:template>

  <xsl:template match="a:actor/a:note">
    <note>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </note>
  </xsl:template>

  <!-- Names of authors and organizations (header and references) -->
  <xsl:template match="a:person | a:author" mode="name">
    <persName>
      <xsl:call-template name="actor-ref"/>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates mode="name-part"/>
    </persName>
  </xsl:template>

  <xsl:template match="a:surname" mode="name-part">
    <surname><xsl:value-of select="normalize-space(.)"/></surname>
  </xsl:template>
  <xsl:template match="a:forename" mode="name-part">
    <forename><xsl:value-of select="normalize-space(.)"/></forename>
  </xsl:template>
  <xsl:template match="a:pseudonym" mode="name-part">
    <addName type="pen-name"><xsl:value-of select="normalize-space(.)"/></addName>
  </xsl:template>
  <xsl:template match="a:honorific" mode="name-part">
    <roleName type="honorific"><xsl:value-of select="normalize-space(.)"/></roleName>
  </xsl:template>
  <xsl:template match="text()" mode="name-part">
    <xsl:call-template name="text"/>
  </xsl:template>

  <xsl:template match="a:organization | a:publisher | a:outlet" mode="name">
    <orgName>
      <xsl:if test="parent::a:reference">
        <xsl:attribute name="type"><xsl:value-of select="local-name()"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="actor-ref"/>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
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
      <xsl:when test="a:sic"><xsl:apply-templates/></xsl:when>
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

  <!-- standOff (Guidelines 16.10) holds only relations (13.3.2.3), which
       are empty: nothing of it is text a renderer such as CETEIcean, which
       shows every element outside teiHeader, would display in the body.
       The claim statuses are a taxonomy of classDecl (teiHeader). -->
  <xsl:template name="standOff">
    <xsl:variable name="of" select="a:actors/a:actor[@of]"/>
    <xsl:variable name="disputed" select="$claims[@disputedBy]"/>
    <xsl:variable name="addressed" select="a:suggestions/a:suggestion[normalize-space(@to) != '']"/>
    <xsl:if test="$of or $disputed or $responses or $addressed">
      <standOff>
        <xsl:if test="$of">
          <listRelation type="actors">
            <xsl:for-each select="$of">
              <relation name="belongsTo" active="#{@id}" passive="#{@of}"/>
            </xsl:for-each>
          </listRelation>
        </xsl:if>
        <xsl:if test="$disputed or $responses">
          <listRelation type="claims">
            <!-- vocabulary 1.0: one status and its actors per claim -->
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
            <!-- 1.1: each response, pointing with @corresp to the words that
                 report it (a seg in the text) -->
            <xsl:for-each select="$responses">
              <relation>
                <xsl:attribute name="name">
                  <xsl:choose>
                    <xsl:when test="@type = 'deny'">denies</xsl:when>
                    <xsl:when test="@type = 'confirm'">confirms</xsl:when>
                    <xsl:otherwise>disputes</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:attribute name="active">
                  <xsl:call-template name="pointers">
                    <xsl:with-param name="ids" select="@by"/>
                  </xsl:call-template>
                </xsl:attribute>
                <xsl:attribute name="passive">
                  <xsl:call-template name="pointers">
                    <xsl:with-param name="ids" select="@to"/>
                  </xsl:call-template>
                </xsl:attribute>
                <xsl:attribute name="corresp">#<xsl:call-template name="response-id"/></xsl:attribute>
                <xsl:if test="@evidence">
                  <xsl:attribute name="source">
                    <xsl:call-template name="pointers">
                      <xsl:with-param name="ids" select="@evidence"/>
                    </xsl:call-template>
                  </xsl:attribute>
                </xsl:if>
              </relation>
            </xsl:for-each>
          </listRelation>
        </xsl:if>
        <xsl:if test="$addressed">
          <listRelation type="suggestions">
            <xsl:for-each select="a:suggestions/a:suggestion">
              <xsl:if test="normalize-space(@to) != ''">
                <relation name="addressedTo">
                  <xsl:attribute name="active">#<xsl:call-template name="suggestion-id"/></xsl:attribute>
                  <xsl:attribute name="passive">
                    <xsl:call-template name="pointers">
                      <xsl:with-param name="ids" select="@to"/>
                    </xsl:call-template>
                  </xsl:attribute>
                </relation>
              </xsl:if>
            </xsl:for-each>
          </listRelation>
        </xsl:if>
      </standOff>
    </xsl:if>
  </xsl:template>

  <!-- The xml:id of a suggestion (applied or iterated over the
       suggestions alone, so position() is its place among them). -->
  <xsl:template name="suggestion-id">
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <xsl:otherwise>suggestion-<xsl:value-of select="position()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The xml:id of a response: its own id, or "response-N", N its
       position among all responses (a key on generate-id(), like the
       claims' numbers). -->
  <xsl:template name="response-id">
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="g" select="generate-id()"/>
        <xsl:text>response-</xsl:text>
        <xsl:choose>
          <xsl:when test="$has-node-set">
            <xsl:for-each select="exsl:node-set($response-numbers)">
              <xsl:value-of select="key('number', $g)"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="count(preceding::a:response | ancestor::a:response) + 1"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
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

  <!-- A heading (Guidelines 4.2.1): printed run-in (at the start of the
       paragraph, not above it) -> head rend="inline"; one the source does
       not print above the section (taken from the table of contents, or
       supplied by the encoder) -> its words in supplied (11.3.3.1) with the
       reason. -->
  <xsl:template match="a:heading">
    <head>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:if test="@printed = 'run-in'">
        <xsl:attribute name="rend">inline</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@printed = 'toc' or @printed = 'supplied'">
          <supplied>
            <xsl:attribute name="reason">
              <xsl:choose>
                <xsl:when test="@printed = 'toc'">printed-in-table-of-contents</xsl:when>
                <xsl:otherwise>not-printed</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:call-template name="resp"/>
            <xsl:apply-templates/>
          </supplied>
          <xsl:call-template name="reason-note"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </head>
  </xsl:template>

  <!-- @resp of what the encoder adds: the first encoder of the provenance
       (titleStmt/respStmt), when there is one. -->
  <xsl:template name="resp">
    <xsl:if test="$md/a:provenance/a:encoder[not(@role) or @role = 'encoder']">
      <xsl:attribute name="resp">#encoder-<xsl:value-of select="count($md/a:provenance/a:encoder[not(@role) or @role = 'encoder'][1]/preceding-sibling::a:encoder) + 1"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The encoder's reason for a supplied text or a correction, in their
       own words: a note placed at the end (CETEIcean and the TEI
       Stylesheets show it as an endnote, not in the running text). -->
  <xsl:template name="reason-note">
    <xsl:if test="normalize-space(@reason) != ''">
      <note type="reason" place="end">
        <xsl:call-template name="resp"/>
        <xsl:value-of select="normalize-space(@reason)"/>
      </note>
    </xsl:if>
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
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
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
    <!-- Guidelines 3.3.3: direct="true" for words quoted as spoken, "false"
         for reported speech (the boolean's string value: an attribute value
         template costs libxslt less than an xsl:attribute) -->
    <said direct="{@form = 'quoted'}">
      <xsl:call-template name="printed-marks"/>
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
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
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

  <!-- The suggestions are the publisher's own text: a list of items (3.8),
       as printed (rend bulleted, numbered or plain; @n only when the source
       numbers them), each addressed to actors by a relation in standOff. -->
  <xsl:template match="a:suggestions">
    <div type="suggestions">
      <xsl:call-template name="id-lang"/>
      <xsl:apply-templates select="a:heading | a:p"/>
      <list type="suggestions" rend="{$suggestions-type}">
        <xsl:apply-templates select="a:suggestion"/>
      </list>
    </div>
  </xsl:template>

  <xsl:template match="a:suggestion">
    <item>
      <!-- applied to the suggestions alone: position() is their place -->
      <xsl:if test="$suggestions-type = 'numbered'">
        <xsl:attribute name="n">
          <xsl:choose>
            <xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="position()"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:attribute name="xml:id"><xsl:call-template name="suggestion-id"/></xsl:attribute>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </item>
  </xsl:template>

  <xsl:template name="id-lang">
    <xsl:if test="@id">
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
    </xsl:if>
    <xsl:apply-templates select="@xml:lang" mode="lang"/>
  </xsl:template>

  <!-- rendition="#ltr" on the notes this stylesheet writes in English, in
       a document whose language is written right to left. -->
  <xsl:template name="en-rendition">
    <xsl:if test="$main-dir = 'rtl'">
      <xsl:attribute name="rendition">#ltr</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The direction of each language tag of the document, as the string
       "|=ltr|fa=rtl|en=ltr|...": the empty tag (no language) first, then
       each tag once (EXSLT set:distinct; without it, each occurrence).
       $directions is looked up with expressions, not templates:
         substring-before(substring-after($directions, concat('|', TAG, '=')), '|')
       since calling language-direction for every element with xml:lang
       (twice: its own language and the one around it) cost tei.xsl more in
       template calls and result tree fragments (callgrind: 3% of its
       instructions) than this table, built once. (Not in common.xsl:
       libxslt evaluates every global variable of a stylesheet, used or not,
       and the other outputs ask few directions.) A tag
       holding "|" or "=" (no valid one does) is left out, so that it cannot
       spoil the look-up of another; a stylesheet calls language-direction
       for such a tag itself. Where oxus's ox:direction (src/extensions.c,
       language-direction in one call) is there, mode lang asks it and the
       table stays empty (callgrind: 2.4 % of tei.xsl's instructions less
       than building and reading the table). -->
  <xsl:variable name="has-direction" select="function-available('ox:direction')"/>
  <xsl:variable name="direction-table">
    <xsl:if test="not($has-direction)">
      <xsl:text>|=</xsl:text>
      <xsl:call-template name="language-direction"><xsl:with-param name="code" select="''"/></xsl:call-template>
      <xsl:text>|</xsl:text>
      <xsl:variable name="tags" select="$lang-attrs[not(contains(., '|') or contains(., '='))]"/>
      <xsl:choose>
        <xsl:when test="function-available('set:distinct')">
          <xsl:apply-templates select="set:distinct($tags)" mode="direction-entry"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$tags" mode="direction-entry"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:variable>
  <xsl:template match="@xml:lang" mode="direction-entry">
    <xsl:value-of select="concat(., '=')"/>
    <xsl:call-template name="language-direction"><xsl:with-param name="code" select="."/></xsl:call-template>
    <xsl:text>|</xsl:text>
  </xsl:template>
  <xsl:variable name="directions" select="string($direction-table)"/>


  <!-- An element's xml:lang, copied, and rendition="#rtl" or "#ltr"
       (tagsDecl; Guidelines 2.3.4 and 1.3.1.1.3, att.global.rendition)
       where its language is written in the other direction than the
       language around it (its parent's in the source; for the document
       element, left to right): one CSS rule per direction then sets every
       run the right way in a renderer such as CETEIcean. Applied to the
       attribute (select="@xml:lang" mode="lang"), not called: most
       elements have none, and an empty selection costs libxslt less than
       a template call with its parameter and for-each (callgrind: 1.8 % of
       tei.xsl's instructions). -->
  <xsl:template match="@xml:lang" mode="lang">
    <xsl:copy-of select="."/>
    <xsl:variable name="code" select="string(.)"/>
    <xsl:variable name="outer-code" select="string(../../ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:choose>
      <!-- the same tag: the same direction -->
      <xsl:when test="$code = $outer-code"/>
      <!-- oxus: ox:direction, any tag in one call -->
      <xsl:when test="$has-direction">
        <xsl:variable name="own" select="ox:direction($code)"/>
        <xsl:if test="$own != ox:direction($outer-code)">
          <xsl:attribute name="rendition">#<xsl:value-of select="$own"/></xsl:attribute>
        </xsl:if>
      </xsl:when>
      <!-- otherwise $directions (see there) -->
      <xsl:when test="not(contains(concat($code, $outer-code), '|') or contains(concat($code, $outer-code), '='))">
        <xsl:variable name="own" select="substring-before(substring-after($directions, concat('|', $code, '=')), '|')"/>
        <xsl:if test="$own != substring-before(substring-after($directions, concat('|', $outer-code, '=')), '|')">
          <xsl:attribute name="rendition">#<xsl:value-of select="$own"/></xsl:attribute>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="own">
          <xsl:call-template name="language-direction">
            <xsl:with-param name="code" select="$code"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="outer">
          <xsl:call-template name="language-direction">
            <xsl:with-param name="code" select="$outer-code"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$own != $outer">
          <xsl:attribute name="rendition">#<xsl:value-of select="$own"/></xsl:attribute>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline content                                                -->
  <!-- ============================================================ -->

  <xsl:template match="a:emph">
    <emph><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></emph>
  </xsl:template>

  <xsl:template match="a:foreign">
    <foreign><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></foreign>
  </xsl:template>

  <!-- Words in quotation marks, by why they are quoted (Guidelines 3.3.3):
       a quotation -> q, words mentioned -> mentioned, a so-called ->
       soCalled, a name -> name. The printed marks stay outside as text
       (editorialDecl/quotation marks="all"). -->
  <xsl:template match="a:q">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="@type = 'mentioned'">mentioned</xsl:when>
        <xsl:when test="@type = 'so-called'">soCalled</xsl:when>
        <xsl:when test="@type = 'name'">name</xsl:when>
        <xsl:otherwise>q</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:call-template name="printed-marks"/>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- rend="printed-marks" when the source prints a quotation mark right
       before the element (the text before it ends with one): renderers
       that quote q, soCalled or title level="a" themselves (the TEI
       Stylesheets' HTML makes title level="a" an HTML q, which browsers
       quote again) then add none. (Two expressions where there were four:
       each costs libxslt an XPath context, whatever it computes.) -->
  <xsl:template name="printed-marks">
    <xsl:variable name="t" select="normalize-space(preceding-sibling::node()[1][self::text()])"/>
    <xsl:if test="$t != '' and contains('«“‘„‹&quot;”', substring($t, string-length($t)))">
      <xsl:attribute name="rend">printed-marks</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Encoder's additions and the capture's losses (Guidelines 3.5.1,
       3.5.3, 11.3.3.1) -->
  <xsl:template match="a:supplied">
    <supplied reason="not-printed">
      <xsl:call-template name="resp"/>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </supplied>
    <xsl:call-template name="reason-note"/>
  </xsl:template>

  <xsl:template match="a:sic">
    <choice>
      <sic><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:apply-templates/></sic>
      <corr><xsl:call-template name="resp"/><xsl:value-of select="@corr"/></corr>
    </choice>
    <xsl:call-template name="reason-note"/>
  </xsl:template>

  <!-- gap: reason as the vocabulary gives it (not-captured by default),
       extent, and a desc typed with what is missing (link, text, image,
       table, other) holding the encoder's description. -->
  <xsl:template match="a:gap">
    <gap>
      <xsl:attribute name="reason">
        <xsl:choose>
          <xsl:when test="@reason"><xsl:value-of select="@reason"/></xsl:when>
          <xsl:otherwise>not-captured</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="resp"/>
      <xsl:if test="@extent">
        <xsl:attribute name="extent"><xsl:value-of select="@extent"/></xsl:attribute>
      </xsl:if>
      <desc type="{@what}">
        <xsl:if test="normalize-space(@desc) != ''">
          <xsl:apply-templates select="@xml:lang" mode="lang"/>
          <xsl:value-of select="normalize-space(@desc)"/>
        </xsl:if>
      </desc>
    </gap>
  </xsl:template>

  <!-- The words that report a response to a claim: a seg (16.3), its type
       the response's; the relation in standOff points to it. -->
  <xsl:template match="a:response">
    <seg type="response" subtype="{@type}">
      <xsl:attribute name="xml:id"><xsl:call-template name="response-id"/></xsl:attribute>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </seg>
  </xsl:template>

  <!-- Only a URL common.xsl's link-safe allows becomes a ref; any other
       is kept as the text it is (Guidelines 3.7, Simple Links and
       Cross-References: ref/@target is a link a reader follows). An
       address starting "http:" or "https:" needs no call (template url). -->
  <xsl:template match="a:link">
    <xsl:choose>
      <xsl:when test="starts-with(@href, 'https:') or starts-with(@href, 'http:')">
        <ref target="{@href}"><xsl:apply-templates/></ref>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="@href"/></xsl:call-template></xsl:variable>
        <xsl:choose>
          <xsl:when test="$safe = 'yes'"><ref target="{@href}"><xsl:apply-templates/></ref></xsl:when>
          <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A citation: "[N]", N the number of the cited reference (common.xsl's
       $reference-numbers), or "[?]" when no reference has that id. One
       look-up in the table answers both (a reference is only ever in the
       list), where asking key "reference" first and then calling
       reference-number cost every citation a second key() and a template
       call (callgrind: 1.5 % of tei.xsl's instructions). Without
       exsl:node-set, as common.xsl counts. -->
  <xsl:template match="a:cite">
    <ref type="citation" target="#{@ref}">
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="$has-node-set">
          <xsl:variable name="id" select="string(@ref)"/>
          <xsl:for-each select="exsl:node-set($reference-numbers)">
            <xsl:variable name="n" select="key('number', $id)"/>
            <xsl:value-of select="$n"/>
            <xsl:if test="not($n)">?</xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="key('reference', @ref)">
          <xsl:call-template name="reference-number">
            <xsl:with-param name="id" select="@ref"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>?</xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
    </ref>
  </xsl:template>

  <!-- An approximate quantity ("about 37.2 million") has cert="medium":
       the value given is the encoder's reading of an approximation. -->
  <xsl:template match="a:quantity">
    <xsl:choose>
      <xsl:when test="@currency">
        <measure type="currency" quantity="{@value}" unit="{@currency}">
          <xsl:call-template name="approximate"/>
          <xsl:value-of select="normalize-space(.)"/>
        </measure>
      </xsl:when>
      <xsl:when test="@unit">
        <measure quantity="{@value}" unit="{translate(normalize-space(@unit), ' ', '_')}">
          <xsl:call-template name="approximate"/>
          <xsl:value-of select="normalize-space(.)"/>
        </measure>
      </xsl:when>
      <xsl:otherwise>
        <num value="{@value}">
          <xsl:call-template name="approximate"/>
          <xsl:value-of select="normalize-space(.)"/>
        </num>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="approximate">
    <xsl:if test="@approximate = 'true' or @approximate = '1'">
      <xsl:attribute name="cert">medium</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Dates (Guidelines 3.6.4, 13.4): the Gregorian date in @when, or for
       a period (a "/" in it) @from and @to; the encoder's bounds in
       @notBefore and @notAfter; for another calendar the printed date in
       that calendar in @when-custom (or @from-custom and @to-custom) with
       @datingMethod. @calendar only for a date with printed text (it says
       which calendar the text is in). -->
  <xsl:template match="a:date | a:published">
    <!-- @gregorian, else the @iso of a Gregorian date (a select, not a
         tree fragment: libxslt builds a document for each of those) -->
    <xsl:variable name="g" select="string(@gregorian | @iso[not(../@gregorian)][../@calendar = 'gregorian'])"/>
    <date>
      <xsl:choose>
        <xsl:when test="contains($g, '/')">
          <xsl:attribute name="from"><xsl:value-of select="substring-before($g, '/')"/></xsl:attribute>
          <xsl:attribute name="to"><xsl:value-of select="substring-after($g, '/')"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="$g != ''">
          <xsl:attribute name="when"><xsl:value-of select="$g"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:copy-of select="@notBefore | @notAfter"/>
      <xsl:if test="@calendar">
        <xsl:if test="normalize-space(.) != ''">
          <xsl:attribute name="calendar">#<xsl:value-of select="@calendar"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="@iso and @calendar != 'gregorian'">
          <xsl:choose>
            <xsl:when test="contains(@iso, '/')">
              <xsl:attribute name="from-custom"><xsl:value-of select="substring-before(@iso, '/')"/></xsl:attribute>
              <xsl:attribute name="to-custom"><xsl:value-of select="substring-after(@iso, '/')"/></xsl:attribute>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="when-custom"><xsl:value-of select="@iso"/></xsl:attribute>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:attribute name="datingMethod">#<xsl:value-of select="@calendar"/></xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:copy-of select="@type"/>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:value-of select="normalize-space(.)"/>
    </date>
  </xsl:template>

  <!-- A mention: rs pointing to its actor, typed with the actor's kind.
       The type as an attribute value template in one of two rs, not an
       xsl:attribute: one whose value is computed costs libxslt a
       temporary node and its text (callgrind: ~3,000 instructions, 0.3 %
       of tei.xsl over the mentions). -->
  <xsl:template match="a:mention">
    <xsl:variable name="actor" select="key('actor', @actor)"/>
    <xsl:choose>
      <xsl:when test="$actor"><rs ref="#{@actor}" type="{$actor/@kind}"><xsl:apply-templates/></rs></xsl:when>
      <xsl:otherwise><rs ref="#{@actor}"><xsl:apply-templates/></rs></xsl:otherwise>
    </xsl:choose>
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
    <!-- applied to the references alone (a:references): their position is
         their number, where xsl:number would count the references before
         each one -->
    <bibl n="{position()}">
      <xsl:call-template name="id-lang"/>
      <xsl:copy-of select="@type"/>
      <xsl:apply-templates/>
    </bibl>
  </xsl:template>

  <xsl:template match="a:reference/a:author">
    <author><xsl:apply-templates select="." mode="name"/></author>
  </xsl:template>

  <!-- The organization that issued a cited work under its name (a news
       agency, an institute) and the outlet it appeared in (a news site, a
       broadcaster) play one role in a citation: publisher (Guidelines
       3.12.2.4), each with orgName; the vocabulary's distinction stays in
       orgName/@type. -->
  <xsl:template match="a:reference/a:organization | a:reference/a:outlet">
    <publisher><xsl:apply-templates select="." mode="name"/></publisher>
  </xsl:template>

  <!-- A title of an article (level a) printed without quotation marks has
       rend="plain": renderers that quote such titles (the TEI
       Stylesheets' HTML makes them an HTML q) would otherwise add marks the
       source lacks. -->
  <xsl:template match="a:reference/a:title">
    <title>
      <xsl:if test="not(@level) or @level = 'a'">
        <xsl:attribute name="rend">plain</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="printed-marks"/>
      <!-- attributes copied or literal, where libxslt can: an xsl:attribute
           with a computed value costs it a temporary node and text -->
      <xsl:choose>
        <xsl:when test="@level"><xsl:copy-of select="@level"/></xsl:when>
        <xsl:otherwise><xsl:attribute name="level">a</xsl:attribute></xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="@xml:lang"><xsl:apply-templates select="@xml:lang" mode="lang"/></xsl:when>
        <xsl:otherwise>
          <!-- the analysis's xml:lang is required: some ancestor has one -->
          <xsl:copy-of select="ancestor::*[@xml:lang][1]/@xml:lang"/>
        </xsl:otherwise>
      </xsl:choose>
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
    <seg type="medium"><xsl:apply-templates select="@xml:lang" mode="lang"/><xsl:value-of select="normalize-space(.)"/></seg>
  </xsl:template>

  <!-- "available at" and what follows it, as printed; a lost link is the
       gap inside it. -->
  <xsl:template match="a:available">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The encoder's translation or transliteration of the title before it
       (Guidelines 3.12.2.2): title type="translated" or "transliterated",
       in its language, with the encoder as @resp. -->
  <xsl:template match="a:translation">
    <title>
      <xsl:attribute name="type">
        <xsl:choose>
          <xsl:when test="@type = 'transliteration'">transliterated</xsl:when>
          <xsl:otherwise>translated</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="resp"/>
      <xsl:apply-templates select="@xml:lang" mode="lang"/>
      <xsl:apply-templates/>
    </title>
  </xsl:template>

  <xsl:template match="a:url">
    <xsl:call-template name="url">
      <xsl:with-param name="url" select="normalize-space(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A printed address: a ref to it if common.xsl's link-safe allows it,
       else the address as text. An address starting "http:" or "https:"
       is one link-safe allows (its scheme, read as link-safe reads it, is
       that one): most are, and they are spared its call and tree fragment
       (callgrind: 2 % of tei.xsl's instructions). -->
  <xsl:template name="url">
    <xsl:param name="url"/>
    <xsl:choose>
      <xsl:when test="starts-with($url, 'https:') or starts-with($url, 'http:')">
        <ref target="{$url}"><xsl:value-of select="$url"/></ref>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="safe"><xsl:call-template name="link-safe"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
        <xsl:choose>
          <xsl:when test="$safe = 'yes'"><ref target="{$url}"><xsl:value-of select="$url"/></ref></xsl:when>
          <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
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
