<?xml version="1.0" encoding="UTF-8"?>
<!-- tests/native/check-wrap.xsl: for each case of wrap-cases.py, text.xsl's line
     filling done by ox:wrap (oxus's native function) and by wrap-xslt (the
     XSLT 1.0 fallback other processors run, then translate() of $keep, the
     unbreakable space, to a space, as the wrap template does); prints "same N" or
     "DIFFERENT N" per case, and "native: no" if ox:wrap is not available,
     in which case nothing was compared. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:ox="urn:oxus:xslt:1"
                exclude-result-prefixes="ox">
  <xsl:import href="../../transforms/text.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:value-of select="concat('native: ', substring('noyes', 1 + 2 * function-available('ox:wrap'), 2 + function-available('ox:wrap')), $NL)"/>
    <xsl:for-each select="cases/case">
      <xsl:variable name="native">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="string(.)"/>
          <xsl:with-param name="first" select="string(@first)"/>
          <xsl:with-param name="rest" select="string(@rest)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="xslt">
        <xsl:call-template name="wrap-xslt">
          <xsl:with-param name="text" select="string(.)"/>
          <xsl:with-param name="first" select="string(@first)"/>
          <xsl:with-param name="rest" select="string(@rest)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="string($native) = translate($xslt, $keep, ' ')">same </xsl:when>
        <xsl:otherwise>DIFFERENT </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat(position(), $NL)"/>
      <xsl:if test="position() = 1">
        <xsl:value-of select="$native"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
