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
    language-name); the direction a language is written in (template
    language-direction).
  - Labels: the fixed words the outputs add ("By:", "In this issue",
    "[link not captured]"), in the document's language (template label,
    $label-lang): one table for text.xsl and html.xsl.
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
    <xsl:choose>
      <!-- most addresses: what the steps below make of them is plain -->
      <xsl:when test="starts-with($url, 'http:') or starts-with($url, 'https:')">yes</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="u" select="normalize-space(translate($url, '&#9;&#10;&#13;', ''))"/>
        <xsl:variable name="scheme" select="translate(substring-before($u, ':'),
                                            'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        <xsl:if test="$scheme = 'http' or $scheme = 'https' or $scheme = 'ftp' or $scheme = 'mailto'">yes</xsl:if>
      </xsl:otherwise>
    </xsl:choose>
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

  <!-- "rtl" if the language tag $code is written right to left, else
       "ltr". A script subtag decides first (fa-Latn, a transliteration, is
       left to right; ku-Arab right to left); else the primary language:
       Arabic, Persian and Dari, Pashto, Urdu, Sindhi, Uyghur, Central
       Kurdish, Dhivehi, Syriac, Hebrew, Yiddish (the languages whose
       default script, in CLDR's likely subtags, is Arabic, Hebrew, Syriac
       or Thaana). Case is ignored (BCP 47). -->
  <xsl:template name="language-direction">
    <xsl:param name="code"/>
    <xsl:variable name="c" select="concat('-', translate($code, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), '-')"/>
    <xsl:variable name="primary" select="substring-before(substring($c, 2), '-')"/>
    <xsl:choose>
      <xsl:when test="contains($c, '-arab-') or contains($c, '-hebr-') or contains($c, '-syrc-')
                      or contains($c, '-thaa-') or contains($c, '-nkoo-') or contains($c, '-adlm-')">rtl</xsl:when>
      <xsl:when test="string-length(substring-before(substring-after(substring($c, 2), '-'), '-')) = 4">ltr</xsl:when>
      <xsl:when test="contains('|ar|fa|prs|pes|ps|pbt|pus|ur|sd|ug|ckb|dv|syr|he|yi|', concat('|', $primary, '|'))">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Labels                                                        -->
  <!-- ============================================================ -->

  <!-- The language of the fixed labels: "fa" for Persian and Dari (one
       set of labels: the words are the same in Afghanistan and Iran), "ps"
       for Pashto, "en" for every other language (the document's language
       is its root xml:lang). -->
  <xsl:variable name="label-lang">
    <xsl:variable name="p" select="translate(substring-before(concat(/*/@xml:lang, '-'), '-'),
                                   'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="$p = 'fa' or $p = 'prs' or $p = 'pes'">fa</xsl:when>
      <xsl:when test="$p = 'ps' or $p = 'pbt' or $p = 'pus'">ps</xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The label $key in the language $lang ("en", "fa" or "ps"; default
       $label-lang): the one table of the words oxus adds to a document,
       shared by tei.xsl, text.xsl and html.xsl (html.xsl drops the colon a
       label ends with where it lays the label out itself). A key without a word in $lang gets
       the English one, so that nothing is left unlabelled; a key not in
       the table gives nothing. Labels that introduce a value end with
       their colon (the colon of the language: ":" also in Persian and
       Pashto); the caller adds the space. "comma" is the separator of a
       list of names (Arabic comma in Persian and Pashto). The Persian and Pashto words
       are the ones such publications print (تاریخ نشر, منابع) or plain
       equivalents. -->
  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:param name="lang" select="$label-lang"/>
    <xsl:variable name="w">
      <xsl:choose>
        <xsl:when test="$lang = 'fa'">
          <xsl:choose>
            <xsl:when test="$key = 'by'">نویسنده:</xsl:when>
            <xsl:when test="$key = 'publisher'">ناشر:</xsl:when>
            <xsl:when test="$key = 'published'">تاریخ نشر:</xsl:when>
            <xsl:when test="$key = 'series'">سلسله:</xsl:when>
            <xsl:when test="$key = 'issue'">شماره</xsl:when>
            <xsl:when test="$key = 'issn'">ISSN</xsl:when>
            <xsl:when test="$key = 'source'">منبع:</xsl:when>
            <xsl:when test="$key = 'edition'">نسخه</xsl:when>
            <xsl:when test="$key = 'license'">مجوز:</xsl:when>
            <xsl:when test="$key = 'rights'">حقوق:</xsl:when>
            <xsl:when test="$key = 'rights-not-stated'">منبع حقوقی را ذکر نمی‌کند</xsl:when>
            <xsl:when test="$key = 'keywords'">کلیدواژه‌ها:</xsl:when>
            <xsl:when test="$key = 'abstract'">چکیده</xsl:when>
            <xsl:when test="$key = 'contents'">در این شماره</xsl:when>
            <xsl:when test="$key = 'conclusion'">نتیجه‌گیری</xsl:when>
            <xsl:when test="$key = 'suggestions'">پیشنهادها</xsl:when>
            <xsl:when test="$key = 'references'">منابع</xsl:when>
            <xsl:when test="$key = 'quoted-from'">منبع:</xsl:when>
            <xsl:when test="$key = 'to'">خطاب به:</xsl:when>
            <xsl:when test="$key = 'link-not-captured'">پیوند ثبت نشده</xsl:when>
            <xsl:when test="$key = 'not-captured'">ثبت نشده</xsl:when>
            <xsl:when test="$key = 'illegible'">ناخوانا</xsl:when>
            <xsl:when test="$key = 'omitted'">حذف‌شده</xsl:when>
            <xsl:when test="$key = 'translation'">ترجمه:</xsl:when>
            <xsl:when test="$key = 'transliteration'">آوانویسی:</xsl:when>
            <xsl:when test="$key = 'sic'">کذا؛ درست:</xsl:when>
            <xsl:when test="$key = 'comma'">،</xsl:when>
            <xsl:when test="$key = 'genre'">نوع</xsl:when>
            <xsl:when test="$key = 'actors'">اشخاص و نهادها</xsl:when>
            <xsl:when test="$key = 'encoding'">دربارهٔ این رمزگذاری</xsl:when>
            <xsl:when test="$key = 'capture'">برگرفته از</xsl:when>
            <xsl:when test="$key = 'encoder'">رمزگذار</xsl:when>
            <xsl:when test="$key = 'reviewer'">بازبین</xsl:when>
            <xsl:when test="$key = 'tool'">ابزار</xsl:when>
            <xsl:when test="$key = 'changes'">تغییرات</xsl:when>
            <xsl:when test="$key = 'source-of'">منبع</xsl:when>
            <xsl:when test="$key = 'claim'">ادعا</xsl:when>
            <xsl:when test="$key = 'claimant'">از</xsl:when>
            <xsl:when test="$key = 'reported'">نقل غیرمستقیم</xsl:when>
            <xsl:when test="$key = 'quoted'">نقل قول مستقیم</xsl:when>
            <xsl:when test="$key = 'asserted'">مطرح‌شده</xsl:when>
            <xsl:when test="$key = 'disputed'">مورد مناقشه</xsl:when>
            <xsl:when test="$key = 'denied'">ردشده</xsl:when>
            <xsl:when test="$key = 'confirmed'">تأییدشده</xsl:when>
            <xsl:when test="$key = 'deny'">رد از سوی</xsl:when>
            <xsl:when test="$key = 'dispute'">اعتراض از سوی</xsl:when>
            <xsl:when test="$key = 'confirm'">تأیید از سوی</xsl:when>
            <xsl:when test="$key = 'evidence'">سند</xsl:when>
            <xsl:when test="$key = 'sic-mark'">کذا</xsl:when>
            <xsl:when test="$key = 'read'">درست</xsl:when>
            <xsl:when test="$key = 'supplied'">افزودهٔ رمزگذار</xsl:when>
            <xsl:when test="$key = 'not-before'">نه پیش از</xsl:when>
            <xsl:when test="$key = 'not-after'">نه پس از</xsl:when>
            <xsl:when test="$key = 'not-a-link'">پیوند نیست</xsl:when>
            <xsl:when test="$key = 'gap-text'">متن</xsl:when>
            <xsl:when test="$key = 'gap-link'">پیوند</xsl:when>
            <xsl:when test="$key = 'gap-image'">تصویر</xsl:when>
            <xsl:when test="$key = 'gap-table'">جدول</xsl:when>
            <xsl:when test="$key = 'gap-other'">مطلب</xsl:when>
            <xsl:when test="$key = 'cited-at'">ارجاع در</xsl:when>
            <xsl:when test="$key = 'state'">کشور</xsl:when>
            <xsl:when test="$key = 'government'">حکومت</xsl:when>
            <xsl:when test="$key = 'organization'">نهاد</xsl:when>
            <xsl:when test="$key = 'group'">گروه</xsl:when>
            <xsl:when test="$key = 'person'">شخص</xsl:when>
            <xsl:when test="$key = 'media'">رسانه</xsl:when>
            <xsl:when test="$key = 'party'">حزب</xsl:when>
            <xsl:when test="$key = 'other'">دیگر</xsl:when>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="$lang = 'ps'">
          <xsl:choose>
            <xsl:when test="$key = 'by'">لیکوال:</xsl:when>
            <xsl:when test="$key = 'publisher'">خپرونکی:</xsl:when>
            <xsl:when test="$key = 'published'">د خپرېدو نېټه:</xsl:when>
            <xsl:when test="$key = 'series'">لړۍ:</xsl:when>
            <xsl:when test="$key = 'issue'">ګڼه</xsl:when>
            <xsl:when test="$key = 'issn'">ISSN</xsl:when>
            <xsl:when test="$key = 'source'">سرچینه:</xsl:when>
            <xsl:when test="$key = 'edition'">نسخه</xsl:when>
            <xsl:when test="$key = 'license'">جواز:</xsl:when>
            <xsl:when test="$key = 'rights'">حقونه:</xsl:when>
            <xsl:when test="$key = 'rights-not-stated'">سرچینه حقونه نه یادوي</xsl:when>
            <xsl:when test="$key = 'keywords'">کلیدي کلمې:</xsl:when>
            <xsl:when test="$key = 'abstract'">لنډیز</xsl:when>
            <xsl:when test="$key = 'contents'">په دې ګڼه کې</xsl:when>
            <xsl:when test="$key = 'conclusion'">پایله</xsl:when>
            <xsl:when test="$key = 'suggestions'">وړاندیزونه</xsl:when>
            <xsl:when test="$key = 'references'">سرچینې</xsl:when>
            <xsl:when test="$key = 'quoted-from'">سرچینه:</xsl:when>
            <xsl:when test="$key = 'to'">مخاطب:</xsl:when>
            <xsl:when test="$key = 'link-not-captured'">لینک نه دی ثبت شوی</xsl:when>
            <xsl:when test="$key = 'not-captured'">نه دی ثبت شوی</xsl:when>
            <xsl:when test="$key = 'illegible'">نه لوستل کېږي</xsl:when>
            <xsl:when test="$key = 'omitted'">پرېښودل شوی</xsl:when>
            <xsl:when test="$key = 'translation'">ژباړه:</xsl:when>
            <xsl:when test="$key = 'transliteration'">لاتیني لیکدود:</xsl:when>
            <xsl:when test="$key = 'sic'">همداسې؛ سم:</xsl:when>
            <xsl:when test="$key = 'comma'">،</xsl:when>
            <xsl:when test="$key = 'genre'">ډول</xsl:when>
            <xsl:when test="$key = 'actors'">کسان او بنسټونه</xsl:when>
            <xsl:when test="$key = 'encoding'">د دې کوډ کولو په اړه</xsl:when>
            <xsl:when test="$key = 'capture'">اخیستل شوی له</xsl:when>
            <xsl:when test="$key = 'encoder'">کوډ کوونکی</xsl:when>
            <xsl:when test="$key = 'reviewer'">بیاکتونکی</xsl:when>
            <xsl:when test="$key = 'tool'">وسیله</xsl:when>
            <xsl:when test="$key = 'changes'">بدلونونه</xsl:when>
            <xsl:when test="$key = 'source-of'">سرچینه</xsl:when>
            <xsl:when test="$key = 'claim'">ادعا</xsl:when>
            <xsl:when test="$key = 'claimant'">د</xsl:when>
            <xsl:when test="$key = 'reported'">نامستقیم نقل</xsl:when>
            <xsl:when test="$key = 'quoted'">مستقیم نقل قول</xsl:when>
            <xsl:when test="$key = 'asserted'">وړاندې شوې</xsl:when>
            <xsl:when test="$key = 'disputed'">پرې شخړه</xsl:when>
            <xsl:when test="$key = 'denied'">رد شوې</xsl:when>
            <xsl:when test="$key = 'confirmed'">تایید شوې</xsl:when>
            <xsl:when test="$key = 'deny'">رد د</xsl:when>
            <xsl:when test="$key = 'dispute'">اعتراض د</xsl:when>
            <xsl:when test="$key = 'confirm'">تایید د</xsl:when>
            <xsl:when test="$key = 'evidence'">سند</xsl:when>
            <xsl:when test="$key = 'sic-mark'">کذا</xsl:when>
            <xsl:when test="$key = 'read'">سم</xsl:when>
            <xsl:when test="$key = 'supplied'">د کوډ کوونکي زیات شوی</xsl:when>
            <xsl:when test="$key = 'not-before'">نه مخکې له</xsl:when>
            <xsl:when test="$key = 'not-after'">نه وروسته له</xsl:when>
            <xsl:when test="$key = 'not-a-link'">لینک نه دی</xsl:when>
            <xsl:when test="$key = 'gap-text'">متن</xsl:when>
            <xsl:when test="$key = 'gap-link'">لینک</xsl:when>
            <xsl:when test="$key = 'gap-image'">انځور</xsl:when>
            <xsl:when test="$key = 'gap-table'">جدول</xsl:when>
            <xsl:when test="$key = 'gap-other'">مطلب</xsl:when>
            <xsl:when test="$key = 'cited-at'">حواله په</xsl:when>
            <xsl:when test="$key = 'state'">هېواد</xsl:when>
            <xsl:when test="$key = 'government'">حکومت</xsl:when>
            <xsl:when test="$key = 'organization'">بنسټ</xsl:when>
            <xsl:when test="$key = 'group'">ډله</xsl:when>
            <xsl:when test="$key = 'person'">کس</xsl:when>
            <xsl:when test="$key = 'media'">رسنۍ</xsl:when>
            <xsl:when test="$key = 'party'">ګوند</xsl:when>
            <xsl:when test="$key = 'other'">نور</xsl:when>
          </xsl:choose>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($w) != ''"><xsl:value-of select="$w"/></xsl:when>
      <xsl:when test="$key = 'by'">By:</xsl:when>
      <xsl:when test="$key = 'publisher'">Publisher:</xsl:when>
      <xsl:when test="$key = 'published'">Published:</xsl:when>
      <xsl:when test="$key = 'series'">Series:</xsl:when>
      <xsl:when test="$key = 'issue'">issue</xsl:when>
      <xsl:when test="$key = 'issn'">ISSN</xsl:when>
      <xsl:when test="$key = 'source'">Source:</xsl:when>
      <xsl:when test="$key = 'edition'">Edition</xsl:when>
      <xsl:when test="$key = 'license'">License:</xsl:when>
      <xsl:when test="$key = 'rights'">Rights:</xsl:when>
      <xsl:when test="$key = 'rights-not-stated'">not stated by the source</xsl:when>
      <xsl:when test="$key = 'keywords'">Keywords:</xsl:when>
      <xsl:when test="$key = 'abstract'">Abstract</xsl:when>
      <xsl:when test="$key = 'contents'">In this issue</xsl:when>
      <xsl:when test="$key = 'conclusion'">Conclusion</xsl:when>
      <xsl:when test="$key = 'suggestions'">Suggestions</xsl:when>
      <xsl:when test="$key = 'references'">References</xsl:when>
      <xsl:when test="$key = 'quoted-from'">Source:</xsl:when>
      <xsl:when test="$key = 'to'">to:</xsl:when>
      <xsl:when test="$key = 'link-not-captured'">link not captured</xsl:when>
      <xsl:when test="$key = 'not-captured'">not captured</xsl:when>
      <xsl:when test="$key = 'illegible'">illegible</xsl:when>
      <xsl:when test="$key = 'omitted'">omitted</xsl:when>
      <xsl:when test="$key = 'translation'">translation:</xsl:when>
      <xsl:when test="$key = 'transliteration'">transliteration:</xsl:when>
      <xsl:when test="$key = 'sic'">sic; read:</xsl:when>
      <xsl:when test="$key = 'comma'">,</xsl:when>
      <xsl:when test="$key = 'genre'">Genre</xsl:when>
      <xsl:when test="$key = 'actors'">Actors</xsl:when>
      <xsl:when test="$key = 'encoding'">About this encoding</xsl:when>
      <xsl:when test="$key = 'capture'">Captured from</xsl:when>
      <xsl:when test="$key = 'encoder'">Encoder</xsl:when>
      <xsl:when test="$key = 'reviewer'">Reviewer</xsl:when>
      <xsl:when test="$key = 'tool'">Tool</xsl:when>
      <xsl:when test="$key = 'changes'">Changes</xsl:when>
      <xsl:when test="$key = 'source-of'">Source</xsl:when>
      <xsl:when test="$key = 'claim'">claim</xsl:when>
      <xsl:when test="$key = 'claimant'">by</xsl:when>
      <xsl:when test="$key = 'reported'">reported</xsl:when>
      <xsl:when test="$key = 'quoted'">quoted</xsl:when>
      <xsl:when test="$key = 'asserted'">asserted</xsl:when>
      <xsl:when test="$key = 'disputed'">disputed</xsl:when>
      <xsl:when test="$key = 'denied'">denied</xsl:when>
      <xsl:when test="$key = 'confirmed'">confirmed</xsl:when>
      <xsl:when test="$key = 'deny'">denied by</xsl:when>
      <xsl:when test="$key = 'dispute'">disputed by</xsl:when>
      <xsl:when test="$key = 'confirm'">confirmed by</xsl:when>
      <xsl:when test="$key = 'evidence'">evidence</xsl:when>
      <xsl:when test="$key = 'sic-mark'">sic</xsl:when>
      <xsl:when test="$key = 'read'">read</xsl:when>
      <xsl:when test="$key = 'supplied'">supplied by the encoder</xsl:when>
      <xsl:when test="$key = 'not-before'">not before</xsl:when>
      <xsl:when test="$key = 'not-after'">not after</xsl:when>
      <xsl:when test="$key = 'not-a-link'">not a link</xsl:when>
      <xsl:when test="$key = 'gap-text'">text</xsl:when>
      <xsl:when test="$key = 'gap-link'">link</xsl:when>
      <xsl:when test="$key = 'gap-image'">image</xsl:when>
      <xsl:when test="$key = 'gap-table'">table</xsl:when>
      <xsl:when test="$key = 'gap-other'">material</xsl:when>
      <xsl:when test="$key = 'cited-at'">cited at</xsl:when>
      <xsl:when test="$key = 'state'">state</xsl:when>
      <xsl:when test="$key = 'government'">government</xsl:when>
      <xsl:when test="$key = 'organization'">organization</xsl:when>
      <xsl:when test="$key = 'group'">group</xsl:when>
      <xsl:when test="$key = 'person'">person</xsl:when>
      <xsl:when test="$key = 'media'">media</xsl:when>
      <xsl:when test="$key = 'party'">party</xsl:when>
      <xsl:when test="$key = 'other'">other</xsl:when>
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
