-- Background jobs and uploads waiting for their column mapping outlive a restart (owned by platform).
-- Their files live under reach.files.dir: jobs/<id>.<extension> and uploads/<id>.
CREATE TABLE background_jobs (
    id           VARCHAR(36) PRIMARY KEY,
    owner_id     BIGINT NOT NULL,
    kind         VARCHAR(40) NOT NULL,
    state        VARCHAR(12) NOT NULL,
    done         BIGINT NOT NULL,
    total        BIGINT NOT NULL,
    error_key    VARCHAR(100),
    result_type  VARCHAR(200),
    result_json  TEXT,
    result_file  VARCHAR(100),
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    expires_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT background_jobs_state CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED'))
);
CREATE INDEX background_jobs_by_state ON background_jobs (state, heartbeat_at);
CREATE INDEX background_jobs_by_expiry ON background_jobs (expires_at);

CREATE TABLE uploads (
    id          VARCHAR(36) PRIMARY KEY,
    owner_id    BIGINT NOT NULL,
    purpose     VARCHAR(100) NOT NULL,
    filename    VARCHAR(255) NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX uploads_by_expiry ON uploads (expires_at);
