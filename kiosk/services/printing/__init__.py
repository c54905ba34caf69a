"""Slips, certificates and learner cards on the default printer, else as a PDF."""
