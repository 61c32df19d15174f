"""What kinds share: the Rule and Hit every kind builds on, and the helpers of one family of
kinds (legal, privacy, safety, editorial, term syntax, spelling)."""
