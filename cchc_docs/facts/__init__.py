"""DOCX bytes → facts (sections, paragraphs with effective formatting, tables): the only OOXML reader."""
