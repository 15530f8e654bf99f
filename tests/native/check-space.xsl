<?xml version="1.0" encoding="UTF-8"?>
<!-- tests/native/check-space.xsl: for every text node of the input (and,
     for stylesheets that call ox:space on other nodes, every attribute,
     namespace node and leaf element, and the root), the
     whitespace rule of tei.xsl computed by ox:space (oxus's native
     function) and by text-xslt (the XSLT 1.0 fallback other processors
     run); prints "native: yes|no", then "same N" or "DIFFERENT N" per text
     node. The test suite makes a copy importing jats.xsl instead. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:ox="urn:oxus:xslt:1"
                exclude-result-prefixes="ox">
  <xsl:import href="../../transforms/tei.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:value-of select="concat('native: ', substring('noyes', 1 + 2 * function-available('ox:space'), 2 + function-available('ox:space')), '&#10;')"/>
    <xsl:for-each select="//text() | //@* | //namespace::* | //*[not(*)] | /">
      <xsl:variable name="native" select="ox:space(., $blocks)"/>
      <xsl:variable name="xslt"><xsl:call-template name="text-xslt"/></xsl:variable>
      <xsl:choose>
        <xsl:when test="string($native) = string($xslt)">same </xsl:when>
        <xsl:otherwise>DIFFERENT </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat(position(), '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
