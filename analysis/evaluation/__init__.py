"""Evaluation: coding sheets, agreement between coders, and the machine against hand coding."""
