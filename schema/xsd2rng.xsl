<?xml version="1.0" encoding="UTF-8"?>
<!--
  xsd2rng.xsl - writes schema/analysis.rng, the RELAX NG form of
  schema/analysis.xsd, from the XSD itself:

      xsltproc schema/xsd2rng.xsl schema/analysis.xsd > schema/analysis.rng

  (`make schemas` does it, with trang for the compact syntax;
  tests/suites/86-rng.sh checks that the committed files are this
  stylesheet's output, and that jing with the RNG and xmllint with the XSD
  give every document under tests/ and samples/ the same verdict.)

  The XSD is the one definition of the vocabulary; the RNG is derived so
  that the two cannot drift. The stylesheet knows exactly the XSD
  constructs analysis.xsd uses (named and anonymous simple and complex
  types, groups, attribute groups, enumerations, patterns and length
  facets, lists, a union, simple and mixed content, the occurrence
  counts 0, 1 and unbounded, the imported xml:lang) and stops with a
  message at anything else, so that a schema change it does not
  understand fails here instead of giving a wrong RNG.

  Mappings (RELAX NG 1.0 with the XSD datatype library and the DTD
  compatibility annotations):
  - a named type is a define of its name; a group "group.NAME"; an
    attribute group "attributes.NAME"; the global element the start;
  - an enumeration is a choice of values of the base type (the XSD
    collapses a token's whitespace before comparing; so does RELAX NG's
    token value);
  - xs:string content is text; other simple content is data of its type;
  - XSD's empty content allows no character at all, not even whitespace,
    where RELAX NG's empty would allow whitespace: it becomes a value ""
    of type string, which only an element with no text matches;
  - xs:ID stays xsd:ID, which jing checks as the DTD compatibility
    specification says (unique values, one ID attribute per element name);
  - xs:documentation becomes a:documentation, which editors show; a
    default value stays in the documentation (a:defaultValue would be
    wrong for the metadata title, which shares its name with a reference's
    title that has a default level).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns="http://relaxng.org/ns/structure/1.0"
                xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
                exclude-result-prefixes="xs">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="xs" select="'http://www.w3.org/2001/XMLSchema'"/>
  <xsl:variable name="xmlns" select="'http://www.w3.org/XML/1998/namespace'"/>
  <!-- The imported schemas (xml.xsd), for attributes referred to by name. -->
  <xsl:variable name="imported" select="document(/xs:schema/xs:import/@schemaLocation, /)/xs:schema"/>

  <xsl:template match="/xs:schema">
    <xsl:if test="@elementFormDefault != 'qualified' or (@attributeFormDefault and @attributeFormDefault != 'unqualified')">
      <xsl:message terminate="yes">xsd2rng: only elementFormDefault="qualified" with unqualified attributes</xsl:message>
    </xsl:if>
    <xsl:comment>
  The oxus analysis vocabulary in RELAX NG (XML syntax), generated from
  analysis.xsd by xsd2rng.xsl: do not edit; change the XSD and run
  `make schemas`. analysis.rnc is the same schema in the compact syntax
  (trang). Every element and attribute is documented as in the XSD.

  It accepts exactly the documents analysis.xsd accepts (the test suite
  checks both on every sample and test document); the rules neither can
  express are checked by `oxus validate` and, those XPath can express, by
  analysis.sch.
</xsl:comment>
    <grammar ns="{@targetNamespace}" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <start>
        <xsl:choose>
          <xsl:when test="count(xs:element) = 1">
            <ref name="{xs:element/@name}.element"/>
          </xsl:when>
          <xsl:otherwise>
            <choice>
              <xsl:for-each select="xs:element">
                <ref name="{@name}.element"/>
              </xsl:for-each>
            </choice>
          </xsl:otherwise>
        </xsl:choose>
      </start>
      <xsl:for-each select="xs:element">
        <define name="{@name}.element">
          <xsl:apply-templates select="." mode="particle-body"/>
        </define>
      </xsl:for-each>
      <xsl:apply-templates select="xs:simpleType | xs:complexType | xs:group | xs:attributeGroup"/>
      <xsl:apply-templates select="$imported/xs:attribute" mode="imported"/>
      <xsl:apply-templates select="*[not(self::xs:element or self::xs:simpleType or self::xs:complexType or
                                   self::xs:group or self::xs:attributeGroup or self::xs:import or
                                   self::xs:annotation)]" mode="unknown"/>
    </grammar>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Names                                                         -->
  <!-- ============================================================ -->

  <!-- The local part of a QName-valued attribute. -->
  <xsl:template name="local">
    <xsl:param name="qname"/>
    <xsl:choose>
      <xsl:when test="contains($qname, ':')"><xsl:value-of select="substring-after($qname, ':')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$qname"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The namespace URI of a QName-valued attribute, from the in-scope
       namespaces of its element. -->
  <xsl:template name="ns">
    <xsl:param name="qname"/>
    <xsl:variable name="prefix" select="substring-before($qname, ':')"/>
    <xsl:value-of select="namespace::*[name() = $prefix]"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Documentation                                                 -->
  <!-- ============================================================ -->

  <xsl:template name="doc">
    <xsl:for-each select="xs:annotation/xs:documentation">
      <a:documentation><xsl:value-of select="normalize-space(.)"/></a:documentation>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Simple types                                                  -->
  <!-- ============================================================ -->

  <xsl:template match="xs:schema/xs:simpleType">
    <define name="{@name}">
      <xsl:call-template name="doc"/>
      <xsl:apply-templates select="xs:restriction | xs:list | xs:union" mode="simple"/>
    </define>
  </xsl:template>

  <!-- A reference to a simple type by name: a built-in is data of that
       type (xs:string as text where it is content), one of ours a ref. -->
  <xsl:template name="type-ref">
    <xsl:param name="qname"/>
    <xsl:param name="content" select="false()"/>
    <xsl:variable name="ns"><xsl:call-template name="ns"><xsl:with-param name="qname" select="$qname"/></xsl:call-template></xsl:variable>
    <xsl:variable name="local"><xsl:call-template name="local"><xsl:with-param name="qname" select="$qname"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$ns = $xs and $local = 'string' and $content"><text/></xsl:when>
      <xsl:when test="$ns = $xs"><data type="{$local}"/></xsl:when>
      <xsl:when test="$ns = /xs:schema/@targetNamespace"><ref name="{$local}"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">xsd2rng: unknown type <xsl:value-of select="$qname"/></xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="xs:restriction[xs:enumeration]" mode="simple">
    <xsl:variable name="ns"><xsl:call-template name="ns"><xsl:with-param name="qname" select="@base"/></xsl:call-template></xsl:variable>
    <xsl:variable name="local"><xsl:call-template name="local"><xsl:with-param name="qname" select="@base"/></xsl:call-template></xsl:variable>
    <xsl:if test="$ns != $xs or *[not(self::xs:enumeration or self::xs:annotation)]">
      <xsl:message terminate="yes">xsd2rng: an enumeration must restrict a built-in type and have no other facet</xsl:message>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="count(xs:enumeration) = 1">
        <value type="{$local}"><xsl:value-of select="xs:enumeration/@value"/></value>
      </xsl:when>
      <xsl:otherwise>
        <choice>
          <xsl:for-each select="xs:enumeration">
            <value type="{$local}"><xsl:value-of select="@value"/></value>
          </xsl:for-each>
        </choice>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list restricted to at least one item. -->
  <xsl:template match="xs:restriction[xs:simpleType/xs:list]" mode="simple">
    <xsl:if test="@base or not(xs:minLength/@value = 1) or *[not(self::xs:simpleType or self::xs:minLength or self::xs:annotation)]">
      <xsl:message terminate="yes">xsd2rng: a restricted list may only have minLength 1</xsl:message>
    </xsl:if>
    <list>
      <oneOrMore>
        <xsl:call-template name="type-ref"><xsl:with-param name="qname" select="xs:simpleType/xs:list/@itemType"/></xsl:call-template>
      </oneOrMore>
    </list>
  </xsl:template>

  <xsl:template match="xs:list" mode="simple">
    <list>
      <zeroOrMore>
        <xsl:call-template name="type-ref"><xsl:with-param name="qname" select="@itemType"/></xsl:call-template>
      </zeroOrMore>
    </list>
  </xsl:template>

  <!-- A built-in type with facets (pattern, length): data with params. -->
  <xsl:template match="xs:restriction" mode="simple">
    <xsl:variable name="ns"><xsl:call-template name="ns"><xsl:with-param name="qname" select="@base"/></xsl:call-template></xsl:variable>
    <xsl:variable name="local"><xsl:call-template name="local"><xsl:with-param name="qname" select="@base"/></xsl:call-template></xsl:variable>
    <xsl:if test="*[not(self::xs:pattern or self::xs:minLength or self::xs:maxLength or self::xs:length or self::xs:annotation)] or count(xs:pattern) &gt; 1">
      <xsl:message terminate="yes">xsd2rng: unsupported facet in a restriction of <xsl:value-of select="@base"/></xsl:message>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$ns = $xs">
        <data type="{$local}">
          <xsl:for-each select="xs:length | xs:minLength | xs:maxLength | xs:pattern">
            <param name="{local-name()}"><xsl:value-of select="@value"/></param>
          </xsl:for-each>
        </data>
      </xsl:when>
      <xsl:when test="*[not(self::xs:annotation)]">
        <xsl:message terminate="yes">xsd2rng: facets on a restriction of a user type (<xsl:value-of select="@base"/>)</xsl:message>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="type-ref"><xsl:with-param name="qname" select="@base"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="xs:union" mode="simple">
    <choice>
      <xsl:call-template name="member-types">
        <xsl:with-param name="list" select="normalize-space(@memberTypes)"/>
      </xsl:call-template>
      <xsl:apply-templates select="xs:simpleType/*" mode="simple"/>
    </choice>
  </xsl:template>

  <xsl:template name="member-types">
    <xsl:param name="list"/>
    <xsl:if test="$list">
      <xsl:variable name="first">
        <xsl:choose>
          <xsl:when test="contains($list, ' ')"><xsl:value-of select="substring-before($list, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$list"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:call-template name="type-ref"><xsl:with-param name="qname" select="$first"/></xsl:call-template>
      <xsl:call-template name="member-types">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="simple">
    <xsl:message terminate="yes">xsd2rng: unsupported simple type construct <xsl:value-of select="name()"/></xsl:message>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Complex types, groups, attribute groups                       -->
  <!-- ============================================================ -->

  <xsl:template match="xs:schema/xs:complexType">
    <define name="{@name}">
      <xsl:call-template name="doc"/>
      <xsl:call-template name="complex-body"/>
    </define>
  </xsl:template>

  <xsl:template match="xs:schema/xs:group">
    <define name="group.{@name}">
      <xsl:call-template name="doc"/>
      <xsl:apply-templates select="xs:sequence | xs:choice" mode="particle"/>
    </define>
  </xsl:template>

  <xsl:template match="xs:schema/xs:attributeGroup">
    <define name="attributes.{@name}">
      <xsl:call-template name="doc"/>
      <xsl:apply-templates select="xs:attribute | xs:attributeGroup" mode="attribute"/>
      <xsl:if test="not(xs:attribute | xs:attributeGroup)"><empty/></xsl:if>
    </define>
  </xsl:template>

  <!-- The attributes and content of a complex type (named or anonymous). -->
  <xsl:template name="complex-body">
    <xsl:variable name="particles" select="xs:sequence | xs:choice | xs:group"/>
    <xsl:if test="xs:complexContent | xs:anyAttribute | xs:all">
      <xsl:message terminate="yes">xsd2rng: complexContent, xs:all and wildcards are not supported</xsl:message>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="xs:simpleContent">
        <xsl:variable name="ext" select="xs:simpleContent/xs:extension"/>
        <xsl:if test="not($ext) or $ext/*[not(self::xs:attribute or self::xs:attributeGroup or self::xs:annotation)]">
          <xsl:message terminate="yes">xsd2rng: simple content must be an extension adding attributes</xsl:message>
        </xsl:if>
        <xsl:apply-templates select="$ext/xs:attribute | $ext/xs:attributeGroup" mode="attribute"/>
        <xsl:call-template name="type-ref">
          <xsl:with-param name="qname" select="$ext/@base"/>
          <xsl:with-param name="content" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="xs:attribute | xs:attributeGroup" mode="attribute"/>
        <xsl:choose>
          <xsl:when test="@mixed = 'true' and $particles">
            <mixed><xsl:apply-templates select="$particles" mode="particle"/></mixed>
          </xsl:when>
          <xsl:when test="@mixed = 'true'"><text/></xsl:when>
          <xsl:when test="$particles"><xsl:apply-templates select="$particles" mode="particle"/></xsl:when>
          <!-- XSD's empty content: no character, not even whitespace -->
          <xsl:otherwise><value type="string"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Particles: sequence, choice, group references, elements       -->
  <!-- ============================================================ -->

  <!-- Wraps the particle's pattern in its occurrence count. -->
  <xsl:template match="*" mode="particle">
    <xsl:variable name="min" select="concat(@minOccurs, substring('1', 1, 1 - boolean(@minOccurs)))"/>
    <xsl:variable name="max" select="concat(@maxOccurs, substring('1', 1, 1 - boolean(@maxOccurs)))"/>
    <xsl:choose>
      <xsl:when test="$min = '1' and $max = '1'"><xsl:apply-templates select="." mode="particle-body"/></xsl:when>
      <xsl:when test="$min = '0' and $max = '1'"><optional><xsl:apply-templates select="." mode="particle-body"/></optional></xsl:when>
      <xsl:when test="$min = '0' and $max = 'unbounded'"><zeroOrMore><xsl:apply-templates select="." mode="particle-body"/></zeroOrMore></xsl:when>
      <xsl:when test="$min = '1' and $max = 'unbounded'"><oneOrMore><xsl:apply-templates select="." mode="particle-body"/></oneOrMore></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">xsd2rng: occurrence <xsl:value-of select="$min"/>..<xsl:value-of select="$max"/> is not supported</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="xs:sequence" mode="particle-body">
    <xsl:choose>
      <xsl:when test="count(*[not(self::xs:annotation)]) = 1"><xsl:apply-templates select="*[not(self::xs:annotation)]" mode="particle"/></xsl:when>
      <xsl:otherwise><group><xsl:apply-templates select="*[not(self::xs:annotation)]" mode="particle"/></group></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="xs:choice" mode="particle-body">
    <xsl:choose>
      <xsl:when test="count(*[not(self::xs:annotation)]) = 1"><xsl:apply-templates select="*[not(self::xs:annotation)]" mode="particle"/></xsl:when>
      <xsl:otherwise><choice><xsl:apply-templates select="*[not(self::xs:annotation)]" mode="particle"/></choice></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="xs:group[@ref]" mode="particle-body">
    <xsl:variable name="local"><xsl:call-template name="local"><xsl:with-param name="qname" select="@ref"/></xsl:call-template></xsl:variable>
    <ref name="group.{$local}"/>
  </xsl:template>

  <xsl:template match="xs:element" mode="particle-body">
    <xsl:if test="@ref or @substitutionGroup or @abstract or @nillable or @fixed or @default">
      <xsl:message terminate="yes">xsd2rng: element <xsl:value-of select="@name"/>: ref, substitution groups, nil, fixed and default values are not supported</xsl:message>
    </xsl:if>
    <element name="{@name}">
      <xsl:call-template name="doc"/>
      <xsl:choose>
        <xsl:when test="@type">
          <xsl:call-template name="type-ref">
            <xsl:with-param name="qname" select="@type"/>
            <xsl:with-param name="content" select="true()"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="xs:complexType">
          <xsl:for-each select="xs:complexType"><xsl:call-template name="complex-body"/></xsl:for-each>
        </xsl:when>
        <xsl:when test="xs:simpleType">
          <xsl:apply-templates select="xs:simpleType/*" mode="simple"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:message terminate="yes">xsd2rng: element <xsl:value-of select="@name"/> has no type</xsl:message>
        </xsl:otherwise>
      </xsl:choose>
    </element>
  </xsl:template>

  <xsl:template match="*" mode="particle-body">
    <xsl:message terminate="yes">xsd2rng: unsupported particle <xsl:value-of select="name()"/></xsl:message>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Attributes                                                    -->
  <!-- ============================================================ -->

  <xsl:template match="xs:attributeGroup[@ref]" mode="attribute">
    <xsl:variable name="local"><xsl:call-template name="local"><xsl:with-param name="qname" select="@ref"/></xsl:call-template></xsl:variable>
    <ref name="attributes.{$local}"/>
  </xsl:template>

  <xsl:template match="xs:attribute" mode="attribute">
    <xsl:if test="@fixed or @form or (@use and @use != 'required' and @use != 'optional')">
      <xsl:message terminate="yes">xsd2rng: attribute <xsl:value-of select="@name | @ref"/>: fixed, form and prohibited are not supported</xsl:message>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@use = 'required'"><xsl:apply-templates select="." mode="attribute-body"/></xsl:when>
      <xsl:otherwise><optional><xsl:apply-templates select="." mode="attribute-body"/></optional></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="xs:attribute[@name]" mode="attribute-body">
    <attribute name="{@name}">
      <xsl:call-template name="doc"/>
      <xsl:call-template name="attribute-type"/>
    </attribute>
  </xsl:template>

  <!-- An attribute of an imported schema (xml:lang): its own documentation
       where the reference gives none, and the imported type. -->
  <xsl:template match="xs:attribute[@ref]" mode="attribute-body">
    <xsl:variable name="ns"><xsl:call-template name="ns"><xsl:with-param name="qname" select="@ref"/></xsl:call-template></xsl:variable>
    <xsl:variable name="local"><xsl:call-template name="local"><xsl:with-param name="qname" select="@ref"/></xsl:call-template></xsl:variable>
    <xsl:variable name="decl" select="$imported[@targetNamespace = $ns]/xs:attribute[@name = $local]"/>
    <xsl:if test="$ns != $xmlns or not($decl)">
      <xsl:message terminate="yes">xsd2rng: attribute <xsl:value-of select="@ref"/> is not declared in an imported schema</xsl:message>
    </xsl:if>
    <attribute name="xml:{$local}">
      <xsl:call-template name="doc"/>
      <xsl:if test="not(xs:annotation)">
        <xsl:for-each select="$decl"><xsl:call-template name="doc"/></xsl:for-each>
      </xsl:if>
      <ref name="xml.{$local}"/>
    </attribute>
  </xsl:template>

  <xsl:template match="xs:attribute" mode="imported">
    <define name="xml.{@name}">
      <xsl:call-template name="attribute-type"/>
    </define>
  </xsl:template>

  <xsl:template name="attribute-type">
    <xsl:choose>
      <xsl:when test="@type">
        <xsl:call-template name="type-ref"><xsl:with-param name="qname" select="@type"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="xs:simpleType">
        <xsl:apply-templates select="xs:simpleType/*" mode="simple"/>
      </xsl:when>
      <!-- no type: any simple value -->
      <xsl:otherwise><text/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="attribute">
    <xsl:message terminate="yes">xsd2rng: unsupported attribute construct <xsl:value-of select="name()"/></xsl:message>
  </xsl:template>

  <xsl:template match="*" mode="unknown">
    <xsl:message terminate="yes">xsd2rng: unsupported top-level <xsl:value-of select="name()"/></xsl:message>
  </xsl:template>
</xsl:stylesheet>
