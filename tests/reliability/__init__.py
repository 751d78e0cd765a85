"""Reliability: many processes on one desk, and kills at random moments."""
