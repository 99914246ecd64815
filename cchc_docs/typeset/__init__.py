"""The house page layout and text widths, shared by templates, contexts and checks."""
