"""Demo district data and its generator."""
