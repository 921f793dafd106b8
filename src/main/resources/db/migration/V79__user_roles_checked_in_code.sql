-- Roles grow with the capabilities (PROTECTION_OFFICER first), so the role list is checked by the code that grants
-- roles (platform.Role, accounts), as for indicator units in V65. The CHECK of V3 has no name to drop it by on both
-- databases, so user_roles is rebuilt without it, with the same columns, key and reference.
CREATE TABLE user_roles_v80 (
    user_id BIGINT      NOT NULL REFERENCES user_accounts (id),
    role    VARCHAR(30) NOT NULL,
    CONSTRAINT user_roles_v80_key PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_v80 (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_v80 RENAME TO user_roles;
