// guidelint catalog import: an official decision's annex table (HTML or CSV) to a catalog YAML.
