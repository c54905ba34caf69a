"""The trainer's desk on disk: anonymous daily counts and the settings file."""
