"""Reporting: the figure style, figures, tables, the codebook appendix, and running notebooks."""
