<?xml version="1.0" encoding="UTF-8"?>
<!-- body.xsl not indented, standalone, a DOCTYPE with a system id only (see body.xsl) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="body.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no" standalone="yes" doctype-system="test.dtd"/>
</xsl:stylesheet>
