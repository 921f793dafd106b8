-- V65 let units be checked in code, but the column still held 20 characters: PER_1000_PERSON_YEARS has 21, so a
-- capability's mortality indicator could not be stored. The column grows; nothing else changes.
ALTER TABLE indicator_definitions ALTER COLUMN unit SET DATA TYPE VARCHAR(40);
