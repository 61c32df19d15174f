"""Rule packs: finding, reading and validating the YAML that defines rules."""
