-- How often an organisation aims to see its clients (owned by followup): every so many days for people who inject,
-- every so many for everybody else. An organisation without a row uses the installation's defaults
-- (reach.followup.contact-every-days.*). Checked 1-365 in code as well, so a refused value never reaches here.
CREATE TABLE followup_contact_rhythms (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
    injecting_days  INTEGER NOT NULL CHECK (injecting_days BETWEEN 1 AND 365),
    other_days      INTEGER NOT NULL CHECK (other_days BETWEEN 1 AND 365),
    changed_by      BIGINT NOT NULL REFERENCES user_accounts (id),
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
