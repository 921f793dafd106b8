-- The baseline of IndicatorScaleBenchmark: the numerator and denominator of every built-in indicator for one period
-- and scope, for every disaggregation and category, in one PostgreSQL statement that follows IndicatorEngine's
-- rules. Placeholders: {{start}} and {{end}} (the period, both days included), {{organisations}} (ids of the
-- organisations in scope) and {{city}} (a site's city from the alias st, or NULL where sites have no city).
-- Answers (indicator, disaggregation, category, numerator, denominator) with categories keyed as the engine keys
-- them: TOTAL under NONE, UNKNOWN for a missing attribute or an anonymous contact, site and organisation ids as text.
-- People are counted by their own attributes and enrolment site; contacts (quantities and services given) by the
-- encounter's site, city and organisation, falling back to the client's site where the encounter has none; the
-- hotspot of a contact is the encounter's own (none recorded: unknown).
WITH
site_city AS (
    SELECT st.id, {{city}} AS city FROM sites st
),
-- the clients the engine knows at the period's end: in scope and enrolled by then
cl AS NOT MATERIALIZED (
    SELECT c.id,
           c.organisation_id,
           c.first_contact,
           c.gender AS sex,
           CASE WHEN c.birth_year IS NULL THEN 'UNKNOWN'
                WHEN EXTRACT(YEAR FROM DATE '{{end}}') - c.birth_year < 25 THEN 'UNDER_25'
                ELSE '25_PLUS' END AS age_25,
           CASE WHEN c.birth_year IS NULL THEN 'UNKNOWN'
                WHEN EXTRACT(YEAR FROM DATE '{{end}}') - c.birth_year < 15 THEN 'UNDER_15'
                WHEN EXTRACT(YEAR FROM DATE '{{end}}') - c.birth_year < 20 THEN '15_19'
                WHEN EXTRACT(YEAR FROM DATE '{{end}}') - c.birth_year < 25 THEN '20_24'
                WHEN EXTRACT(YEAR FROM DATE '{{end}}') - c.birth_year < 50 THEN '25_49'
                ELSE '50_PLUS' END AS age_bands,
           COALESCE(c.primary_drug, 'UNKNOWN') AS drug,
           COALESCE(c.route, 'UNKNOWN') AS route,
           c.enrolment_site_id AS site_id,
           c.enrolment_hotspot AS hotspot,
           sc.city,
           c.route IS NOT DISTINCT FROM 'INJECTING' AS injecting_route,
           c.route IN ('SMOKING', 'INHALING') IS TRUE AS smokes_or_inhales,
           c.gender IN ('FEMALE', 'TRANSGENDER_WOMAN') AS woman,
           (c.explicit_status IN ('DETAINED', 'TRANSFERRED', 'DECEASED', 'EXITED')
               AND c.explicit_status_date <= DATE '{{end}}') IS TRUE AS discontinued,
           (DATE '{{end}}' - make_interval(months => COALESCE(cs.lost_after_months, 9)))::date AS lost_before
    FROM clients c
    JOIN site_city sc ON sc.id = c.enrolment_site_id
    LEFT JOIN client_settings cs ON cs.organisation_id = c.organisation_id
    WHERE c.organisation_id IN ({{organisations}}) AND c.first_contact <= DATE '{{end}}'
),
-- each service of each package as one bit: a client has a package whole when the bits of what they received cover
-- the package's bits (at most 63 package services in all)
package AS (
    SELECT key_population, service_code,
           1::bigint << (ROW_NUMBER() OVER (ORDER BY key_population, service_code) - 1)::int AS bit
    FROM indicator_packages
),
package_whole AS (
    SELECT key_population, BIT_OR(bit) AS whole FROM package GROUP BY key_population
),
kp AS (
    SELECT k.client_id,
           BOOL_OR(k.key_population = 'PEOPLE_WHO_INJECT_DRUGS') AS pwid,
           ARRAY_AGG(w.whole) FILTER (WHERE w.whole IS NOT NULL) AS packages
    FROM client_key_populations k
    LEFT JOIN package_whole w ON w.key_population = k.key_population
    GROUP BY k.client_id
),
-- per client, from encounters up to the end: reached in the period and in which of its months (one bit per
-- calendar month), seen in the three months up to the end, latest contact
enc AS (
    SELECT e.client_id,
           BOOL_OR(e.encounter_date >= DATE '{{start}}') AS reached,
           BIT_OR(1::bigint << ((EXTRACT(YEAR FROM e.encounter_date) * 12 + EXTRACT(MONTH FROM e.encounter_date))
                   - (EXTRACT(YEAR FROM DATE '{{start}}') * 12 + EXTRACT(MONTH FROM DATE '{{start}}')))::int)
               FILTER (WHERE e.encounter_date >= DATE '{{start}}') AS months,
           BOOL_OR(e.encounter_date >= (DATE '{{end}}' - INTERVAL '3 months')::date + 1) AS recent,
           MAX(e.encounter_date) AS last_encounter
    FROM encounters e
    WHERE e.organisation_id IN ({{organisations}}) AND e.client_id IS NOT NULL AND e.encounter_date <= DATE '{{end}}'
    GROUP BY e.client_id
),
-- every service line of the period, anonymous ones included
line AS MATERIALIZED (
    SELECT e.client_id, e.organisation_id, e.site_id, e.hotspot, sv.code, es.quantity, es.result
    FROM encounters e
    JOIN encounter_services es ON es.encounter_id = e.id
    JOIN services sv ON sv.id = es.service_id
    WHERE e.organisation_id IN ({{organisations}})
      AND e.encounter_date BETWEEN DATE '{{start}}' AND DATE '{{end}}'
),
got AS (
    SELECT l.client_id,
           BOOL_OR(l.code = 'NEEDLES_SYRINGES') AS needles,
           BOOL_OR(l.code = 'HIV_TEST') AS tested,
           BOOL_OR(l.code = 'HIV_TEST' AND l.result IN ('NEGATIVE', 'POSITIVE')) AS knows_result,
           BIT_OR(p.bit) AS package_bits
    FROM line l
    LEFT JOIN package p ON p.service_code = l.code
    WHERE l.client_id IS NOT NULL
    GROUP BY l.client_id
),
-- OAT dispensations up to the end; one on day d with q dose days covers d .. d + q - 1
oat AS MATERIALIZED (
    SELECT e.client_id, e.encounter_date AS day, es.quantity AS dose_days,
           MIN(e.encounter_date) OVER (PARTITION BY e.client_id) AS first_dose
    FROM encounters e
    JOIN encounter_services es ON es.encounter_id = e.id
    JOIN services sv ON sv.id = es.service_id
    WHERE sv.code IN ('OAT_METHADONE', 'OAT_BUPRENORPHINE')
      AND e.organisation_id IN ({{organisations}}) AND e.client_id IS NOT NULL AND e.encounter_date <= DATE '{{end}}'
),
on_oat AS (
    SELECT client_id,
           MIN(first_dose) AS first_dose,
           BOOL_OR(day <= DATE '{{end}}' AND day + dose_days > DATE '{{end}}') AS at_end,
           BOOL_OR(day <= (first_dose + INTERVAL '6 months')::date
                   AND day + dose_days > (first_dose + INTERVAL '6 months')::date) AS six_months_on
    FROM oat
    GROUP BY client_id
),
-- days of the period covered by OAT, a day covered twice counted once: intervals in order, each adding what
-- lies beyond the furthest day covered before it
oat_days AS (
    SELECT client_id, SUM(GREATEST(0, last_day - GREATEST(first_day, COALESCE(covered_to + 1, first_day)) + 1)) AS days
    FROM (SELECT client_id, first_day, last_day,
                 MAX(last_day) OVER (PARTITION BY client_id ORDER BY first_day, last_day
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_to
          FROM (SELECT client_id, GREATEST(day, DATE '{{start}}') AS first_day,
                       LEAST(day + dose_days - 1, DATE '{{end}}') AS last_day
                FROM oat) clipped
          WHERE first_day <= last_day) ordered
    GROUP BY client_id
),
hiv AS (
    SELECT e.client_id,
           MIN(e.encounter_date) FILTER (WHERE sv.code = 'PREP') AS first_prep,
           MIN(e.encounter_date) FILTER (WHERE sv.code = 'HIV_TEST' AND es.result = 'POSITIVE') AS first_positive,
           BOOL_OR(sv.code = 'ART_INITIATION') AS art
    FROM encounters e
    JOIN encounter_services es ON es.encounter_id = e.id
    JOIN services sv ON sv.id = es.service_id
    WHERE sv.code IN ('PREP', 'HIV_TEST', 'ART_INITIATION')
      AND e.organisation_id IN ({{organisations}}) AND e.client_id IS NOT NULL AND e.encounter_date <= DATE '{{end}}'
    GROUP BY e.client_id
),
-- ART started at a clinic the client was referred to: the referral completed by the end of the period
art_referral AS (
    SELECT DISTINCT r.client_id
    FROM referrals r
    WHERE r.organisation_id IN ({{organisations}}) AND r.provider_type = 'ART_CLINIC' AND r.status = 'COMPLETED'
      AND r.closed_on <= DATE '{{end}}'
),
progressed AS (
    SELECT DISTINCT g.client_id
    FROM client_stage_changes g
    WHERE g.stage_date BETWEEN DATE '{{start}}' AND DATE '{{end}}' AND g.stage <> 'HARM_REDUCTION'
),
referred AS (
    SELECT r.client_id, COUNT(*) AS made, COUNT(*) FILTER (WHERE r.status = 'COMPLETED') AS completed
    FROM referrals r
    WHERE r.organisation_id IN ({{organisations}}) AND r.made_on BETWEEN DATE '{{start}}' AND DATE '{{end}}'
    GROUP BY r.client_id
),
-- one row per client: its categories and what it adds to each numerator and denominator
person AS MATERIALIZED (
    SELECT cl.id,
           cl.sex, cl.age_25, cl.age_bands, cl.drug, cl.route,
           cl.site_id::text AS site,
           COALESCE(cl.hotspot, 'UNKNOWN') AS hotspot,
           COALESCE(cl.city, 'UNKNOWN') AS city,
           cl.organisation_id::text AS organisation,
           (got.needles IS TRUE)::int AS needle_people,
           (got.needles IS TRUE AND (cl.injecting_route OR kp.pwid IS TRUE))::int AS injecting_with_needles,
           (enc.reached IS TRUE AND (cl.injecting_route OR kp.pwid IS TRUE))::int AS injecting_reached,
           (enc.reached IS TRUE)::int AS reached,
           (enc.months IS NOT DISTINCT FROM (1::bigint << ((EXTRACT(YEAR FROM DATE '{{end}}') * 12 + EXTRACT(MONTH FROM DATE '{{end}}'))
               - (EXTRACT(YEAR FROM DATE '{{start}}') * 12 + EXTRACT(MONTH FROM DATE '{{start}}')) + 1)::int) - 1)::int AS every_month,
           (on_oat.at_end IS TRUE)::int AS on_oat,
           (on_oat.first_dose BETWEEN (DATE '{{start}}' - INTERVAL '6 months')::date
                                  AND (DATE '{{end}}' - INTERVAL '6 months')::date IS TRUE)::int AS oat_cohort,
           (on_oat.first_dose BETWEEN (DATE '{{start}}' - INTERVAL '6 months')::date
                                  AND (DATE '{{end}}' - INTERVAL '6 months')::date IS TRUE
               AND on_oat.six_months_on)::int AS oat_retained,
           (got.tested IS TRUE)::int AS tested,
           (got.knows_result IS TRUE)::int AS knows_result,
           (hiv.first_prep BETWEEN DATE '{{start}}' AND DATE '{{end}}' IS TRUE
               AND (hiv.first_positive IS NULL OR hiv.first_positive > hiv.first_prep))::int AS prep_initiated,
           (enc.recent IS TRUE AND NOT cl.discontinued)::int AS active,
           (enc.reached IS TRUE AND kp.packages IS NOT NULL)::int AS with_package,
           (enc.reached IS TRUE AND EXISTS (SELECT 1 FROM UNNEST(kp.packages) AS whole
                                            WHERE got.package_bits & whole = whole))::int AS full_package,
           COALESCE(referred.completed, 0) AS referrals_completed,
           COALESCE(referred.made, 0) AS referrals_made,
           (NOT cl.discontinued)::int AS enrolled,
           (NOT cl.discontinued AND GREATEST(cl.first_contact, enc.last_encounter) < cl.lost_before)::int AS lost,
           (progressed.client_id IS NOT NULL)::int AS progressed,
           (enc.reached IS TRUE AND cl.smokes_or_inhales)::int AS non_injecting,
           (enc.reached IS TRUE AND cl.woman)::int AS women,
           COALESCE(oat_days.days, 0) AS oat_days,
           (COALESCE(oat_days.days, 0) > 0)::int AS oat_people,
           (hiv.first_positive IS NOT NULL)::int AS diagnosed,
           (hiv.first_positive IS NOT NULL AND (hiv.art IS TRUE OR art_referral.client_id IS NOT NULL))::int AS on_art
    FROM cl
    LEFT JOIN kp ON kp.client_id = cl.id
    LEFT JOIN enc ON enc.client_id = cl.id
    LEFT JOIN got ON got.client_id = cl.id
    LEFT JOIN on_oat ON on_oat.client_id = cl.id
    LEFT JOIN oat_days ON oat_days.client_id = cl.id
    LEFT JOIN hiv ON hiv.client_id = cl.id
    LEFT JOIN art_referral ON art_referral.client_id = cl.id
    LEFT JOIN progressed ON progressed.client_id = cl.id
    LEFT JOIN referred ON referred.client_id = cl.id
),
person_cells AS (
    SELECT CASE WHEN GROUPING(sex) = 0 THEN 'SEX' WHEN GROUPING(age_25) = 0 THEN 'AGE_25'
                WHEN GROUPING(age_bands) = 0 THEN 'AGE_BANDS' WHEN GROUPING(drug) = 0 THEN 'DRUG'
                WHEN GROUPING(route) = 0 THEN 'ROUTE' WHEN GROUPING(site) = 0 THEN 'SITE'
                WHEN GROUPING(hotspot) = 0 THEN 'HOTSPOT' WHEN GROUPING(city) = 0 THEN 'CITY'
                WHEN GROUPING(organisation) = 0 THEN 'ORGANISATION' ELSE 'NONE' END AS disaggregation,
           COALESCE(sex, age_25, age_bands, drug, route, site, hotspot, city, organisation, 'TOTAL') AS category,
           SUM(needle_people) AS needle_people, SUM(injecting_with_needles) AS injecting_with_needles,
           SUM(injecting_reached) AS injecting_reached, SUM(reached) AS reached, SUM(every_month) AS every_month,
           SUM(on_oat) AS on_oat, SUM(oat_cohort) AS oat_cohort, SUM(oat_retained) AS oat_retained,
           SUM(tested) AS tested, SUM(knows_result) AS knows_result, SUM(prep_initiated) AS prep_initiated,
           SUM(active) AS active, SUM(with_package) AS with_package, SUM(full_package) AS full_package,
           SUM(referrals_completed) AS referrals_completed, SUM(referrals_made) AS referrals_made,
           SUM(enrolled) AS enrolled, SUM(lost) AS lost, SUM(progressed) AS progressed,
           SUM(non_injecting) AS non_injecting, SUM(women) AS women, SUM(oat_days) AS oat_days,
           SUM(oat_people) AS oat_people, SUM(diagnosed) AS diagnosed, SUM(on_art) AS on_art
    FROM person
    GROUP BY GROUPING SETS ((), (sex), (age_25), (age_bands), (drug), (route), (site), (hotspot), (city), (organisation))
    UNION ALL
    -- a person in two key populations counts in both
    SELECT 'KEY_POPULATION', COALESCE(k.key_population, 'UNKNOWN'),
           SUM(needle_people), SUM(injecting_with_needles), SUM(injecting_reached), SUM(reached), SUM(every_month),
           SUM(on_oat), SUM(oat_cohort), SUM(oat_retained), SUM(tested), SUM(knows_result), SUM(prep_initiated),
           SUM(active), SUM(with_package), SUM(full_package), SUM(referrals_completed), SUM(referrals_made),
           SUM(enrolled), SUM(lost), SUM(progressed), SUM(non_injecting), SUM(women), SUM(oat_days),
           SUM(oat_people), SUM(diagnosed), SUM(on_art)
    FROM person p
    LEFT JOIN client_key_populations k ON k.client_id = p.id
    GROUP BY COALESCE(k.key_population, 'UNKNOWN')
),
-- contacts: quantities and services given in the period, anonymous ones included
contact AS MATERIALIZED (
    SELECT l.code, l.quantity, cl.id AS client_id,
           COALESCE(cl.sex, 'UNKNOWN') AS sex,
           COALESCE(cl.age_25, 'UNKNOWN') AS age_25,
           COALESCE(cl.age_bands, 'UNKNOWN') AS age_bands,
           COALESCE(cl.drug, 'UNKNOWN') AS drug,
           COALESCE(cl.route, 'UNKNOWN') AS route,
           COALESCE(l.site_id, cl.site_id)::text AS site,
           l.hotspot AS hotspot,
           CASE WHEN l.site_id IS NOT NULL THEN sc.city ELSE cl.city END AS city,
           l.organisation_id::text AS organisation
    FROM line l
    LEFT JOIN cl ON cl.id = l.client_id
    LEFT JOIN site_city sc ON sc.id = l.site_id
    WHERE l.code IN ('NEEDLES_SYRINGES', 'NALOXONE_KIT', 'WOUND_CARE', 'DENTAL_CARE', 'MENTAL_HEALTH_SUPPORT', 'SHOWER',
                     'LAUNDRY', 'FOOD')
),
contact_rows AS (
    SELECT code, quantity, client_id, sex, age_25, age_bands, drug, route,
           COALESCE(site, 'UNKNOWN') AS site, COALESCE(hotspot, 'UNKNOWN') AS hotspot,
           COALESCE(city, 'UNKNOWN') AS city, organisation
    FROM contact
),
contact_cells AS (
    SELECT CASE WHEN GROUPING(sex) = 0 THEN 'SEX' WHEN GROUPING(age_25) = 0 THEN 'AGE_25'
                WHEN GROUPING(age_bands) = 0 THEN 'AGE_BANDS' WHEN GROUPING(drug) = 0 THEN 'DRUG'
                WHEN GROUPING(route) = 0 THEN 'ROUTE' WHEN GROUPING(site) = 0 THEN 'SITE'
                WHEN GROUPING(hotspot) = 0 THEN 'HOTSPOT' WHEN GROUPING(city) = 0 THEN 'CITY'
                WHEN GROUPING(organisation) = 0 THEN 'ORGANISATION' ELSE 'NONE' END AS disaggregation,
           COALESCE(sex, age_25, age_bands, drug, route, site, hotspot, city, organisation, 'TOTAL') AS category,
           SUM(quantity) FILTER (WHERE code = 'NEEDLES_SYRINGES') AS needles,
           SUM(quantity) FILTER (WHERE code = 'NALOXONE_KIT') AS naloxone,
           COUNT(*) FILTER (WHERE code = 'WOUND_CARE') AS wound_care,
           COUNT(*) FILTER (WHERE code = 'DENTAL_CARE') AS dental_care,
           COUNT(*) FILTER (WHERE code = 'MENTAL_HEALTH_SUPPORT') AS mental_health,
           COUNT(*) FILTER (WHERE code IN ('SHOWER', 'LAUNDRY', 'FOOD')) AS basic_needs
    FROM contact_rows
    GROUP BY GROUPING SETS ((), (sex), (age_25), (age_bands), (drug), (route), (site), (hotspot), (city), (organisation))
    UNION ALL
    SELECT 'KEY_POPULATION', COALESCE(k.key_population, 'UNKNOWN'),
           SUM(quantity) FILTER (WHERE code = 'NEEDLES_SYRINGES'),
           SUM(quantity) FILTER (WHERE code = 'NALOXONE_KIT'),
           COUNT(*) FILTER (WHERE code = 'WOUND_CARE'),
           COUNT(*) FILTER (WHERE code = 'DENTAL_CARE'),
           COUNT(*) FILTER (WHERE code = 'MENTAL_HEALTH_SUPPORT'),
           COUNT(*) FILTER (WHERE code IN ('SHOWER', 'LAUNDRY', 'FOOD'))
    FROM contact c
    LEFT JOIN client_key_populations k ON k.client_id = c.client_id
    GROUP BY COALESCE(k.key_population, 'UNKNOWN')
),
-- size estimates of the period's year, denominators of the total only
estimate AS (
    SELECT SUM(estimate) FILTER (WHERE population = 'PEOPLE_WHO_INJECT_DRUGS') AS people_who_inject,
           SUM(estimate) FILTER (WHERE population = 'OPIOID_DEPENDENT') AS opioid_dependent
    FROM indicator_denominators
    WHERE organisation_id IN ({{organisations}}) AND estimate_year = EXTRACT(YEAR FROM DATE '{{end}}')
),
cells AS (
    SELECT * FROM person_cells FULL JOIN contact_cells USING (disaggregation, category)
)
SELECT v.indicator, x.disaggregation, x.category, v.numerator, v.denominator
FROM cells x
CROSS JOIN estimate
CROSS JOIN LATERAL (VALUES
    ('NSP_NEEDLES_PER_PWID', x.needles,
        CASE WHEN x.disaggregation = 'NONE' THEN estimate.people_who_inject END),
    ('NSP_REACHED_ESTIMATE', x.needle_people,
        CASE WHEN x.disaggregation = 'NONE' THEN estimate.people_who_inject END),
    ('NSP_REACHED_CLIENTS', x.injecting_with_needles, x.injecting_reached),
    ('REGULAR_ACCESS', x.every_month, x.reached),
    ('OAT_PER_100', x.on_oat, CASE WHEN x.disaggregation = 'NONE' THEN estimate.opioid_dependent END),
    ('OAT_RETAINED_6M', x.oat_retained, x.oat_cohort),
    ('HIV_KNOW_RESULT', x.knows_result, x.tested),
    ('PREP_INITIATIONS', x.prep_initiated, NULL),
    ('ACTIVE_CLIENTS', x.active, NULL),
    ('PACKAGE_REACH', x.full_package, x.with_package),
    ('WOUND_CARE_PER_100', x.wound_care, x.active),
    ('DENTAL_CARE_PER_100', x.dental_care, x.active),
    ('MENTAL_HEALTH_PER_100', x.mental_health, x.active),
    ('BASIC_NEEDS_PER_100', x.basic_needs, x.active),
    ('NALOXONE_KITS', x.naloxone, NULL),
    ('REFERRAL_COMPLETION', x.referrals_completed, x.referrals_made),
    ('LOSS_TO_FOLLOW_UP', x.lost, x.enrolled),
    ('PROGRESSED', x.progressed, NULL),
    ('NON_INJECTING_SHARE', x.non_injecting, x.reached),
    ('WOMEN_REACHED', x.women, NULL),
    ('OAT_PERSON_YEARS', x.oat_days, x.oat_people),
    ('ART_COVERAGE', x.on_art, x.diagnosed)
) AS v (indicator, numerator, denominator)
