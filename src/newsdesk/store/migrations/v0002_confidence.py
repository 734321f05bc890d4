"""Version 2: how sure the extractors are of each place and claim, and which claims are table figures."""

DESCRIPTION = "confidence of places and claims; claims' statistic (sports | market)"

# NULL confidence: a row written before version 2 (its extractor gave none); re-ingesting fills it.
PORTABLE = """
ALTER TABLE places ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE claims ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE claims ADD COLUMN statistic TEXT;
"""
