<?xml version="1.0" encoding="UTF-8"?>
<!-- tests/native/check-isolate.xsl: for each case of isolate-cases.py,
     text.xsl's isolate-lines done by ox:isolate (oxus's native function) and
     by isolate-lines-xslt (the XSLT 1.0 steps other processors run), with
     and without the marks around each line; prints "same N" or
     "DIFFERENT N" per case and way, and "native: no" if ox:isolate is not
     available, in which case nothing was compared. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:ox="urn:oxus:xslt:1"
                exclude-result-prefixes="ox">
  <xsl:import href="../../transforms/text.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:value-of select="concat('native: ', substring('noyes', 1 + 2 * function-available('ox:isolate'), 2 + function-available('ox:isolate')), $NL)"/>
    <xsl:for-each select="cases/case">
      <xsl:variable name="case" select="."/>
      <xsl:for-each select="(/ | /cases)">
        <xsl:variable name="each-line" select="position() = 1"/>
        <xsl:variable name="native">
          <xsl:for-each select="$case">
            <xsl:call-template name="isolate-lines">
              <xsl:with-param name="lines" select="string(@lines)"/>
              <xsl:with-param name="skip" select="number(@skip)"/>
              <xsl:with-param name="line-isolate" select="$each-line"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="xslt">
          <xsl:for-each select="$case">
            <xsl:call-template name="isolate-lines-xslt">
              <xsl:with-param name="lines" select="string(@lines)"/>
              <xsl:with-param name="skip" select="number(@skip)"/>
              <xsl:with-param name="line-isolate" select="$each-line"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="string($native) = string($xslt)">same </xsl:when>
          <xsl:otherwise>DIFFERENT </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat(count($case/preceding-sibling::case) + 1, $NL)"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
