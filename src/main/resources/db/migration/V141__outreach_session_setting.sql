-- The kind of work a session was (OutreachSetting: HOTSPOT_OUTREACH, DROP_IN, SAFE_SPACE, PRISON_OUTREACH), checked in
-- code like the other coded columns. Every session recorded before the setting existed was recorded as outreach at a
-- hotspot (the only kind the form knew), so old rows read as HOTSPOT_OUTREACH.
ALTER TABLE outreach_sessions ADD COLUMN setting VARCHAR(20) DEFAULT 'HOTSPOT_OUTREACH' NOT NULL;
CREATE INDEX outreach_sessions_by_setting ON outreach_sessions (organisation_id, setting, session_date);
