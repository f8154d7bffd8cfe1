"""Inference: findings corrected for the machine's measurement error with the hand coding.

The machine measures every unit (sentence or article); people code a sample of
them, drawn with known probabilities. The functions here combine the two into
estimates whose intervals hold whatever the machine's accuracy: shares per
group (:func:`analysis.prevalence`), differences between groups
(:func:`analysis.group_differences`) and regressions
(:func:`analysis.regression`), by design-based supervised learning (DSL) or
prediction-powered inference (PPI++), beside the machine alone and hand coding
alone. :func:`analysis.coding_sample` draws a coding sample with known
probabilities, :func:`analysis.coding_size` says how many units to code, and
:func:`analysis.cross_fit` gives predictions from models that never saw the unit
when the classifier learns from the same coding.
"""
