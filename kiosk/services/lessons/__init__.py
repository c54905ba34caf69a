"""Lesson files (YAML with line numbers) read into the core's lesson model; learner progress."""
