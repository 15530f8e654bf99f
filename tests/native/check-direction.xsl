<?xml version="1.0" encoding="UTF-8"?>
<!-- tests/native/check-direction.xsl: for each tag of direction-cases.py,
     its direction by ox:direction (oxus's native function) and by the
     template language-direction (common.xsl, the XSLT 1.0 steps other
     processors run); prints "same N" or "DIFFERENT N" per tag, and
     "native: no" if ox:direction is not available, in which case nothing
     was compared. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:ox="urn:oxus:xslt:1"
                exclude-result-prefixes="ox">
  <xsl:import href="../../transforms/text.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:value-of select="concat('native: ', substring('noyes', 1 + 2 * function-available('ox:direction'), 2 + function-available('ox:direction')), $NL)"/>
    <xsl:for-each select="cases/case">
      <xsl:variable name="xslt">
        <xsl:call-template name="language-direction">
          <xsl:with-param name="code" select="@tag"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="function-available('ox:direction') and ox:direction(@tag) = string($xslt)">same </xsl:when>
        <xsl:otherwise>DIFFERENT </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat(position(), $NL)"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
