"""Case bundles (.claimdesk files): the format, its records, moving them in and out of a db."""
