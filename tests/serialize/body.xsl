<?xml version="1.0" encoding="UTF-8"?>
<!-- tests/serialize/body.xsl: a result tree with what XML serialization
     has rules for, included by the three stylesheets beside it (each with
     its own xsl:output); tests/suites/70-convert.sh checks that oxus writes
     each byte for byte as xsltproc does (src/serialize.c against libxml2's
     serializer). The input does not matter. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:p="urn:example:prefixed"
                xmlns:q="urn:example:q&quot;uoted"
                exclude-result-prefixes="">
  <xsl:template match="/">
    <xsl:comment> a comment before the root </xsl:comment>
    <xsl:processing-instruction name="xml-model">href="x.rng" type="application/xml"</xsl:processing-instruction>
    <root xmlns="urn:example:default" xml:lang="fa">
      <empty/>
      <empty-with-attributes a="1" b="" p:c="prefixed"/>
      <text>plain</text>
      <escapes>&lt; &gt; &amp; " ' &#13; &#9; tab and
newline</escapes>
      <attributes quote='"' apos="'" lt="&lt;" gt="&gt;" amp="&amp;" nl="a&#10;b" cr="a&#13;b" tab="a&#9;b" fa="۲۰ عقرب ۱۴۰۰" astral="&#x1D11E;"/>
      <p:prefixed p:x="y"><p:child/></p:prefixed>
      <q:odd/>
      <xsl:element name="other" namespace="urn:example:other"><inner/></xsl:element>
      <mixed>text <b>bold <i>deep <u>deeper</u></i></b> tail<empty/>
        <block><nested>formatted again?</nested></block>
      </mixed>
      <elements-only>
        <a><b><c/></b></a>
        <xsl:comment>inside</xsl:comment>
        <xsl:processing-instruction name="pi">with content</xsl:processing-instruction>
        <xsl:processing-instruction name="empty-pi"/>
        <xsl:comment/>
      </elements-only>
      <noescape><xsl:text disable-output-escaping="yes">&lt;raw&gt; &amp;amp;</xsl:text></noescape>
      <persian xml:lang="fa">متن فارسی با &lt;نشانه&gt;</persian>
      <xsl:call-template name="deep"><xsl:with-param name="n" select="40"/></xsl:call-template>
      <xsl:copy-of select="/*/*[1]"/>
    </root>
    <xsl:comment> a comment after the root </xsl:comment>
  </xsl:template>

  <xsl:template name="deep">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <level n="{$n}">
        <xsl:call-template name="deep"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
      </level>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
