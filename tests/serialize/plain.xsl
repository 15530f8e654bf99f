<?xml version="1.0" encoding="UTF-8"?>
<!-- body.xsl with indent not given, and no XML declaration (see body.xsl) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="body.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" standalone="no"/>
</xsl:stylesheet>
