"""The recipe: load → contexts → decide what is stale → render → check → write; batch and manifest."""
