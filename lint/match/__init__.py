"""Matching primitives, behind one interface: kinds and analyses build finders
(:mod:`copydesk.match.finder`) and ask them where a pattern or a term list matches a document;
anchors, openers, case traps, time budgets and the compiled-regex caches stay in here. This
layer knows no kind, no document analysis and no pack."""
