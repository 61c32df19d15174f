"""Text: bytes decoded, the document with its prose view and regions, and the readers (one per
input format). Knows nothing of analysis or rules."""
