"""Input: YAML plan and status files → validated, versioned records; every problem at once, located."""
