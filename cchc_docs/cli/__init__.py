"""The command line: click commands in Vietnamese over the library, and their progress display."""
