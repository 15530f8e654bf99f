<?xml version="1.0" encoding="UTF-8"?>
<!-- body.xsl indented, with a DOCTYPE (see body.xsl) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="body.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"
              doctype-public="-//example//DTD Test//EN" doctype-system="https://example.org/test.dtd"/>
</xsl:stylesheet>
