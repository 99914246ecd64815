"""The local web application for clerks: list, edit, validate, build, preview and download, without touching YAML."""
