-- Indicator units grow with the capabilities that define indicators (mortality per 1,000 person-years first). The
-- list is checked by the code that writes definitions (IndicatorUnit), so the constraint V22 named
-- indicator_definitions_unit is dropped by that name, and nothing else; the column grows to hold the longer names
-- (PER_1000_PERSON_YEARS has 21 characters).
ALTER TABLE indicator_definitions DROP CONSTRAINT indicator_definitions_unit;
ALTER TABLE indicator_definitions ALTER COLUMN unit SET DATA TYPE VARCHAR(40);
