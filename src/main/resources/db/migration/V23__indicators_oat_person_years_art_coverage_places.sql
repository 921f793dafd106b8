-- Two more built-in indicators, and breakdowns by city, hotspot and organisation wherever a breakdown by
-- site was offered (the same people or contacts, grouped by a wider or a different place).

INSERT INTO indicator_definitions (code, name_key, numerator, denominator, unit, period_type, disaggregations, band_low, band_high, target, source, sort_order) VALUES
 ('OAT_PERSON_YEARS', 'indicator.OAT_PERSON_YEARS', 'Days of the period covered by opioid agonist therapy (a dispensation covers its dose days; overlapping days of one person count once), summed over people, in years of 365.25 days', 'People with at least one day on OAT in the period (shown for context; the value is not divided by it)', 'PERSON_YEARS', 'ANY', 'SEX,AGE_25,AGE_BANDS,SITE', NULL, NULL, NULL, 'WHO/UNODC/UNAIDS Technical Guide 2012, OST programme exposure; UNAIDS Global AIDS Monitoring', 55),
 ('ART_COVERAGE', 'indicator.ART_COVERAGE', 'People with a positive HIV test on or before the end of the period who have started antiretroviral therapy by then (an ART initiation recorded, or a referral to an ART clinic completed)', 'People with a positive HIV test on or before the end of the period', 'PERCENT', 'CENSUS', 'SEX,AGE_25,AGE_BANDS,KEY_POPULATION,SITE', 25, 75, 75, 'WHO/UNODC/UNAIDS Technical Guide 2012, indicator ART-1; UNAIDS Global AIDS Monitoring', 75);

UPDATE indicator_definitions SET disaggregations = disaggregations || ',CITY,HOTSPOT,ORGANISATION'
 WHERE disaggregations LIKE '%SITE%';
