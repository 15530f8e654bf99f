<?xml version="1.0" encoding="UTF-8"?>
<!-- tests/native/check-ids.xsl: for each case of ids-cases.py, jats.xsl's
     @rid list made by rids (ox:ids, oxus's native function) and by
     rids-xslt (the XSLT 1.0 steps other processors run); prints "same N"
     or "DIFFERENT N: native [..] xslt [..]" per case, and "native: no" if
     ox:ids is not available, in which case nothing was compared. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:oxus:analysis:1"
                xmlns:ox="urn:oxus:xslt:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="a ox exsl">
  <xsl:import href="../../transforms/jats.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="NL" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:value-of select="concat('native: ', substring('noyes', 1 + 2 * function-available('ox:ids'), 2 + function-available('ox:ids')), $NL)"/>
    <xsl:for-each select="a:analysis/cases/case">
      <xsl:variable name="native">
        <e><xsl:call-template name="rids"><xsl:with-param name="ids" select="string(@ids)"/></xsl:call-template></e>
      </xsl:variable>
      <xsl:variable name="xslt">
        <e><xsl:call-template name="rids-xslt"><xsl:with-param name="ids" select="string(@ids)"/></xsl:call-template></e>
      </xsl:variable>
      <!-- with and without @rid told apart: [] is an empty @rid -->
      <xsl:variable name="n" select="exsl:node-set($native)/e/@rid"/>
      <xsl:variable name="x" select="exsl:node-set($xslt)/e/@rid"/>
      <xsl:choose>
        <xsl:when test="count($n) = count($x) and string($n) = string($x)">same </xsl:when>
        <xsl:otherwise>DIFFERENT </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="position()"/>
      <xsl:if test="not(count($n) = count($x) and string($n) = string($x))">
        <xsl:value-of select="concat(': native [', $n, '] (', count($n), ') xslt [', $x, '] (', count($x), ')')"/>
      </xsl:if>
      <xsl:value-of select="$NL"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
