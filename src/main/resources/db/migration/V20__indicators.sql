-- Indicator definitions as data, the size estimates that serve as denominators, the configurable service
-- package per key population and the mapping of indicators to DHIS2 data elements. Only aggregates are
-- ever derived from these; no table here holds a client-level row.

CREATE TABLE indicator_definitions (
    code            VARCHAR(40) PRIMARY KEY,
    name_key        VARCHAR(100) NOT NULL,
    numerator       VARCHAR(500) NOT NULL,
    denominator     VARCHAR(500),
    unit            VARCHAR(20) NOT NULL CHECK (unit IN ('COUNT', 'PERCENT', 'PER_100', 'PER_PERSON_YEAR')),
    period_type     VARCHAR(20) NOT NULL CHECK (period_type IN ('ANY', 'CENSUS')),
    disaggregations VARCHAR(200) NOT NULL,
    band_low        DOUBLE PRECISION,
    band_high       DOUBLE PRECISION,
    target          DOUBLE PRECISION,
    source          VARCHAR(300) NOT NULL,
    sort_order      INTEGER NOT NULL,
    CONSTRAINT indicator_bands_ordered CHECK (band_low IS NULL OR band_high IS NULL OR band_high > band_low)
);

-- band_low: values below it are "low"; band_high: values at or above it are "high"; between is "medium".
INSERT INTO indicator_definitions (code, name_key, numerator, denominator, unit, period_type, disaggregations, band_low, band_high, target, source, sort_order) VALUES
 ('NSP_NEEDLES_PER_PWID', 'indicator.NSP_NEEDLES_PER_PWID', 'Needles and syringes distributed in the period, annualised', 'Estimated people who inject drugs (size estimate)', 'PER_PERSON_YEAR', 'ANY', 'SITE', 100, 200, 200, 'WHO/UNODC/UNAIDS Technical Guide 2012, indicator NSP-2', 10),
 ('NSP_REACHED_ESTIMATE', 'indicator.NSP_REACHED_ESTIMATE', 'Unique people who received needles or syringes in the period', 'Estimated people who inject drugs (size estimate)', 'PERCENT', 'ANY', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,ROUTE,SITE', 20, 60, 60, 'WHO/UNODC/UNAIDS Technical Guide 2012, indicator NSP-1', 20),
 ('NSP_REACHED_CLIENTS', 'indicator.NSP_REACHED_CLIENTS', 'Unique people who inject drugs who received needles or syringes in the period', 'Unique people who inject drugs reached with any service in the period', 'PERCENT', 'ANY', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,ROUTE,SITE', NULL, NULL, NULL, 'WHO/UNODC/UNAIDS Technical Guide 2012 (programme variant of NSP-1)', 30),
 ('REGULAR_ACCESS', 'indicator.REGULAR_ACCESS', 'Unique people reached at least once in every calendar month of the period', 'Unique people reached in the period', 'PERCENT', 'ANY', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,ROUTE,SITE', NULL, NULL, NULL, 'Global Fund Modular Framework, KP reached regularly', 40),
 ('OAT_PER_100', 'indicator.OAT_PER_100', 'People on opioid agonist therapy on the census date (last day of the period)', 'Estimated opioid-dependent people (size estimate), per 100', 'PER_100', 'CENSUS', 'SEX,AGE_25,AGE_BANDS,SITE', 20, 40, 40, 'WHO/UNODC/UNAIDS Technical Guide 2012, indicator OST-1', 50),
 ('OAT_RETAINED_6M', 'indicator.OAT_RETAINED_6M', 'People who started OAT six months before the period and were on OAT six months after starting', 'People whose first OAT dose fell in the period shifted back six months', 'PERCENT', 'ANY', 'SEX,AGE_25,AGE_BANDS,SITE', NULL, NULL, NULL, 'WHO/UNODC/UNAIDS Technical Guide 2012, indicator OST-3', 60),
 ('HIV_KNOW_RESULT', 'indicator.HIV_KNOW_RESULT', 'Unique people tested for HIV in the period with a negative or positive result recorded', 'Unique people tested for HIV in the period', 'PERCENT', 'ANY', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,ROUTE,SITE', 40, 75, 75, 'WHO/UNODC/UNAIDS Technical Guide 2012, indicator HTC-1; Global Fund HTS-3', 70),
 ('PREP_INITIATIONS', 'indicator.PREP_INITIATIONS', 'Unique people whose first PrEP service fell in the period and who had no positive HIV test before it', NULL, 'COUNT', 'ANY', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,SITE', NULL, NULL, NULL, 'Global Fund Modular Framework, KP-6', 80),
 ('ACTIVE_CLIENTS', 'indicator.ACTIVE_CLIENTS', 'Clients with at least one encounter in the three months up to the end of the period and no recorded exit', NULL, 'COUNT', 'CENSUS', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,ROUTE,SITE', NULL, NULL, NULL, 'Global Fund M&E framework, people currently in care', 90),
 ('PACKAGE_REACH', 'indicator.PACKAGE_REACH', 'Unique people who received every service of the package defined for their key population in the period', 'Unique people with a defined package reached in the period', 'PERCENT', 'ANY', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,ROUTE,SITE', NULL, NULL, NULL, 'Global Fund Modular Framework, KP reached with a defined package', 100),
 ('WOUND_CARE_PER_100', 'indicator.WOUND_CARE_PER_100', 'Wound and abscess care services given in the period', 'Active clients at the end of the period, per 100', 'PER_100', 'ANY', 'SEX,AGE_25,AGE_BANDS,SITE', NULL, NULL, NULL, 'WHO consolidated guidelines for key populations 2022 (beyond HIV)', 110),
 ('DENTAL_CARE_PER_100', 'indicator.DENTAL_CARE_PER_100', 'Dental care services given in the period', 'Active clients at the end of the period, per 100', 'PER_100', 'ANY', 'SEX,AGE_25,AGE_BANDS,SITE', NULL, NULL, NULL, 'WHO consolidated guidelines for key populations 2022 (beyond HIV)', 120),
 ('MENTAL_HEALTH_PER_100', 'indicator.MENTAL_HEALTH_PER_100', 'Mental-health support services given in the period', 'Active clients at the end of the period, per 100', 'PER_100', 'ANY', 'SEX,AGE_25,AGE_BANDS,SITE', NULL, NULL, NULL, 'WHO consolidated guidelines for key populations 2022 (beyond HIV)', 130),
 ('BASIC_NEEDS_PER_100', 'indicator.BASIC_NEEDS_PER_100', 'Hygiene and basic-needs services (shower, laundry, food) given in the period', 'Active clients at the end of the period, per 100', 'PER_100', 'ANY', 'SEX,AGE_25,AGE_BANDS,SITE', NULL, NULL, NULL, 'WHO consolidated guidelines for key populations 2022 (beyond HIV)', 140),
 ('NALOXONE_KITS', 'indicator.NALOXONE_KITS', 'Naloxone kits distributed in the period', NULL, 'COUNT', 'ANY', 'SITE', NULL, NULL, NULL, 'WHO guidelines on community management of opioid overdose 2014', 150),
 ('REFERRAL_COMPLETION', 'indicator.REFERRAL_COMPLETION', 'Referrals made in the period that are completed', 'Referrals made in the period', 'PERCENT', 'ANY', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,SITE', NULL, NULL, NULL, 'Global Fund M&E framework, linkage to services', 160),
 ('LOSS_TO_FOLLOW_UP', 'indicator.LOSS_TO_FOLLOW_UP', 'Clients whose last contact is older than the organisation''s lost-to-follow-up threshold at the end of the period', 'Clients enrolled by the end of the period without a recorded exit', 'PERCENT', 'CENSUS', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,ROUTE,SITE', NULL, NULL, NULL, 'Global Fund M&E framework, retention', 170),
 ('PROGRESSED', 'indicator.PROGRESSED', 'Unique clients whose care stage moved to treatment or life stability in the period', NULL, 'COUNT', 'ANY', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,SITE', NULL, NULL, NULL, 'Karachi study: success beyond HIV care', 180),
 ('NON_INJECTING_SHARE', 'indicator.NON_INJECTING_SHARE', 'Unique people reached in the period who smoke or inhale rather than inject', 'Unique people reached in the period', 'PERCENT', 'ANY', 'SEX,AGE_25,AGE_BANDS,DRUG,SITE', NULL, NULL, NULL, 'UNODC/WHO 2022 update: services for people who use stimulants and smoke', 190),
 ('WOMEN_REACHED', 'indicator.WOMEN_REACHED', 'Unique women (including transgender women) reached in the period', NULL, 'COUNT', 'ANY', 'AGE_25,AGE_BANDS,KEY_POPULATION,DRUG,ROUTE,SITE', NULL, NULL, NULL, 'UNODC 2016: addressing the specific needs of women who use drugs', 200);

-- Size estimates entered per organisation, area and year until the size-estimation module provides them.
CREATE TABLE indicator_denominators (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    population      VARCHAR(30) NOT NULL CHECK (population IN ('PEOPLE_WHO_INJECT_DRUGS', 'OPIOID_DEPENDENT')),
    area            VARCHAR(200) NOT NULL,
    estimate_year   INTEGER NOT NULL CHECK (estimate_year BETWEEN 2000 AND 2100),
    estimate        INTEGER NOT NULL CHECK (estimate > 0),
    source          VARCHAR(300),
    updated_by      BIGINT REFERENCES user_accounts (id),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT indicator_denominators_unique UNIQUE (organisation_id, population, area, estimate_year)
);

-- The defined package per key-population type: a person is reached with the package when they received
-- every listed service in the period.
CREATE TABLE indicator_packages (
    key_population VARCHAR(40) NOT NULL,
    service_code   VARCHAR(40) NOT NULL,
    PRIMARY KEY (key_population, service_code)
);
INSERT INTO indicator_packages (key_population, service_code) VALUES
 ('PEOPLE_WHO_INJECT_DRUGS', 'NEEDLES_SYRINGES'),
 ('PEOPLE_WHO_INJECT_DRUGS', 'CONDOMS'),
 ('PEOPLE_WHO_INJECT_DRUGS', 'INFORMATION_MATERIAL'),
 ('PEOPLE_WHO_USE_DRUGS_NOT_INJECTING', 'CONDOMS'),
 ('PEOPLE_WHO_USE_DRUGS_NOT_INJECTING', 'INFORMATION_MATERIAL'),
 ('PEOPLE_WHO_USE_DRUGS_NOT_INJECTING', 'HIV_TEST');

-- Indicator (and one category of one disaggregation, or the total) to a DHIS2 data element.
CREATE TABLE indicator_dhis2_mappings (
    id                     BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    organisation_id        BIGINT NOT NULL REFERENCES organisations (id),
    indicator_code         VARCHAR(40) NOT NULL REFERENCES indicator_definitions (code),
    disaggregation         VARCHAR(20) NOT NULL,
    category               VARCHAR(60) NOT NULL,
    data_element           VARCHAR(11) NOT NULL,
    category_option_combo  VARCHAR(11) NOT NULL,
    org_unit               VARCHAR(11) NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT indicator_dhis2_mappings_unique UNIQUE (organisation_id, indicator_code, disaggregation, category)
);
