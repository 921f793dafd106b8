-- An encounter's uuid is unique within its organisation only: a uuid another organisation already used is
-- simply new here, so answering "already used" can no longer confirm that another organisation's record exists.
-- The new constraint's index (organisation_id, uuid) also serves the look-up of known uuids per organisation.
ALTER TABLE encounters DROP CONSTRAINT encounters_uuid_unique;
ALTER TABLE encounters ADD CONSTRAINT encounters_uuid_unique_per_organisation UNIQUE (organisation_id, uuid);
