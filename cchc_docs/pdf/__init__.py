"""DOCX → PDF with LibreOffice, read back with poppler: PDF layout checks and page previews."""
