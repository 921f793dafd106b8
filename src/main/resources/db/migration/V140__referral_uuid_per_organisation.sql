-- A referral may carry the uuid the device made when it was recorded (the field app queues referrals offline), so that
-- sending it again stores nothing new. Referrals made on the web pages have none. Unique within the organisation only,
-- like encounters: another organisation's uuid is simply new here. NULLs do not clash in a unique constraint.
ALTER TABLE referrals ADD COLUMN uuid VARCHAR(36);
ALTER TABLE referrals ADD CONSTRAINT referrals_uuid_unique_per_organisation UNIQUE (organisation_id, uuid);
