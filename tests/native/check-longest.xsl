<?xml version="1.0" encoding="UTF-8"?>
<!-- tests/native/check-longest.xsl: for each case of isolate-cases.py (lines
     of Latin and Persian words with bidi marks, which text.xsl counts as
     taking no column), the width of the widest line as text.xsl's underline
     measures it, by ox:longest (oxus's native function) and by the template
     longest (the XSLT 1.0 steps other processors run); prints "same N" or
     "DIFFERENT N" per case, and "native: no" if ox:longest is not
     available, in which case nothing was compared. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:ox="urn:oxus:xslt:1"
                exclude-result-prefixes="ox">
  <xsl:import href="../../transforms/text.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:value-of select="concat('native: ', substring('noyes', 1 + 2 * function-available('ox:longest'), 2 + function-available('ox:longest')), $NL)"/>
    <xsl:for-each select="cases/case">
      <xsl:variable name="xslt">
        <xsl:call-template name="longest">
          <xsl:with-param name="lines" select="string(@lines)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="function-available('ox:longest') and ox:longest(string(@lines), $zw) = number($xslt)">same </xsl:when>
        <xsl:otherwise>DIFFERENT </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat(position(), $NL)"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
