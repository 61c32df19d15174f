"""The commands: click's command line (check, baseline, rules, explain, test-rules, lsp), and
where a report goes. The top layer: it may use every other."""
