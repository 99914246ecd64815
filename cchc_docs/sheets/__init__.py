"""Status collection through Excel: one workbook per unit out, returned workbooks merged into a status file."""
