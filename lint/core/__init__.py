"""The ground floor: results, findings and severities, rule specs and the schema, errors,
positions, the version, and safe file reading. Imports nothing of ours."""
