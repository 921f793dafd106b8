-- The city a site is in, so indicators can be disaggregated by city. Sites created before this stay NULL
-- ("city not recorded") until someone edits them; the application requires a city on every create and edit.
-- No extra index: an organisation has a handful of sites and sites_by_organisation already narrows to them.

ALTER TABLE sites ADD COLUMN city VARCHAR(100);
