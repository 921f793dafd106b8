package org.reach.indicators.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.indicators.Denominator;
import org.reach.indicators.Dhis2Mapping;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.IndicatorDefinition;
import org.reach.indicators.IndicatorUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Indicator definitions, size estimates, packages and DHIS2 mappings. */
@Repository
public class IndicatorStore {

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IndicatorDefinition> definitions() {
        return jdbc.sql("SELECT code, name_key, numerator, denominator, unit, period_type, disaggregations, band_low, "
                + "band_high, target, source FROM indicator_definitions ORDER BY sort_order").query((rs, n) -> {
                    double low = rs.getDouble(8);
                    Double bandLow = rs.wasNull() ? null : low;
                    double high = rs.getDouble(9);
                    Double bandHigh = rs.wasNull() ? null : high;
                    double t = rs.getDouble(10);
                    Double target = rs.wasNull() ? null : t;
                    List<Disaggregation> ds = Arrays.stream(rs.getString(7).split(",")).map(String::trim)
                            .filter(s -> !s.isEmpty()).map(Disaggregation::valueOf).toList();
                    return new IndicatorDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            IndicatorUnit.valueOf(rs.getString(5)), rs.getString(6), ds, bandLow, bandHigh, target,
                            rs.getString(11));
                }).list();
    }

    /**
     * Stores (or brings up to date) the definition of an indicator another capability defines, so that it is listed,
     * mapped to DHIS2 and exported like a built-in one. Its bands and target are left as an organisation set them.
     */
    public void saveContributedDefinition(org.reach.indicators.ContributedIndicator indicator) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", indicator.code());
        p.put("nameKey", indicator.nameKey());
        p.put("numerator", indicator.numeratorText());
        p.put("denominator", indicator.denominatorText());
        p.put("unit", indicator.unit().name());
        p.put("periodType", indicator.periodType());
        p.put("disaggregations", String.join(",", indicator.disaggregations().stream().map(Enum::name).toList()));
        p.put("source", indicator.source());
        p.put("sortOrder", indicator.sortOrder());
        String update = "UPDATE indicator_definitions SET name_key = :nameKey, numerator = :numerator, "
                + "denominator = :denominator, unit = :unit, period_type = :periodType, disaggregations = :disaggregations, "
                + "source = :source, sort_order = :sortOrder WHERE code = :code";
        if (jdbc.sql(update).params(p).update() == 0) {
            try {
                jdbc.sql("INSERT INTO indicator_definitions (code, name_key, numerator, denominator, unit, period_type, "
                        + "disaggregations, source, sort_order) VALUES (:code, :nameKey, :numerator, :denominator, :unit, "
                        + ":periodType, :disaggregations, :source, :sortOrder)").params(p).update();
            } catch (org.springframework.dao.DuplicateKeyException startedAlongside) {
                jdbc.sql(update).params(p).update();
            }
        }
    }

    /** The own indicators in use by these organisations, oldest first. */
    public List<org.reach.indicators.OwnIndicator> ownIndicators(List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, organisation_id, name, service_code, counts, denominator FROM indicator_own_definitions "
                        + "WHERE organisation_id IN (:orgs) AND retired_at IS NULL ORDER BY id")
                .param("orgs", organisationIds)
                .query((rs, n) -> new org.reach.indicators.OwnIndicator(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), org.reach.indicators.OwnIndicator.Counts.valueOf(rs.getString(5)),
                        org.reach.indicators.OwnIndicator.Per.valueOf(rs.getString(6)))).list();
    }

    public long saveOwnIndicator(long organisationId, String name, String serviceCode,
                                 org.reach.indicators.OwnIndicator.Counts counts, org.reach.indicators.OwnIndicator.Per per,
                                 long userId, Instant now) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO indicator_own_definitions (organisation_id, name, service_code, counts, denominator, "
                        + "created_by, created_at) VALUES (:org, :name, :service, :counts, :per, :by, :at)")
                .param("org", organisationId).param("name", name).param("service", serviceCode)
                .param("counts", counts.name()).param("per", per.name()).param("by", userId > 0 ? userId : null)
                .param("at", java.sql.Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Retires an own indicator of this organisation; answers whether there was one to retire. */
    public boolean retireOwnIndicator(long organisationId, long id, Instant now) {
        return jdbc.sql("UPDATE indicator_own_definitions SET retired_at = :at WHERE id = :id AND organisation_id = :org "
                        + "AND retired_at IS NULL")
                .param("at", java.sql.Timestamp.from(now)).param("id", id).param("org", organisationId).update() == 1;
    }

    /** The sum of the estimates for a population and year over these organisations, or null when none. */
    public Long estimate(List<Long> organisationIds, Denominator.Population population, int year) {
        if (organisationIds.isEmpty()) {
            return null;
        }
        return jdbc.sql("SELECT SUM(estimate) FROM indicator_denominators WHERE organisation_id IN (:orgs) "
                        + "AND population = :population AND estimate_year = :year")
                .param("orgs", organisationIds).param("population", population.name()).param("year", year)
                .query(Long.class).optional().orElse(null);
    }

    public List<Denominator> denominators(List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, organisation_id, population, area, estimate_year, estimate, source FROM indicator_denominators "
                        + "WHERE organisation_id IN (:orgs) ORDER BY estimate_year DESC, population, area")
                .param("orgs", organisationIds)
                .query((rs, n) -> new Denominator(rs.getLong(1), rs.getLong(2),
                        Denominator.Population.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        rs.getString(7))).list();
    }

    /** Inserts or replaces the estimate for (organisation, population, area, year); answers its id. */
    public long saveDenominator(long organisationId, Denominator.Population population, String area, int year,
                                int estimate, String source, long userId, Instant now) {
        Long existing = jdbc.sql("SELECT id FROM indicator_denominators WHERE organisation_id = :org AND population = :p "
                        + "AND area = :area AND estimate_year = :year")
                .param("org", organisationId).param("p", population.name()).param("area", area).param("year", year)
                .query(Long.class).optional().orElse(null);
        Long by = userId > 0 ? userId : null;
        if (existing != null) {
            jdbc.sql("UPDATE indicator_denominators SET estimate = :e, source = :s, updated_by = :by, updated_at = :at "
                            + "WHERE id = :id")
                    .param("e", estimate).param("s", source).param("by", by).param("at", java.sql.Timestamp.from(now))
                    .param("id", existing).update();
            return existing;
        }
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO indicator_denominators (organisation_id, population, area, estimate_year, estimate, source, "
                        + "updated_by, updated_at) VALUES (:org, :p, :area, :year, :e, :s, :by, :at)")
                .param("org", organisationId).param("p", population.name()).param("area", area).param("year", year)
                .param("e", estimate).param("s", source).param("by", by).param("at", java.sql.Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Map<String, Set<String>> packages() {
        Map<String, Set<String>> packages = new HashMap<>();
        jdbc.sql("SELECT key_population, service_code FROM indicator_packages")
                .query((rs, n) -> packages.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        return packages;
    }

    public List<Dhis2Mapping> mappings(List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, organisation_id, indicator_code, disaggregation, category, data_element, "
                        + "category_option_combo, org_unit FROM indicator_dhis2_mappings WHERE organisation_id IN (:orgs) "
                        + "ORDER BY indicator_code, disaggregation, category")
                .param("orgs", organisationIds)
                .query((rs, n) -> new Dhis2Mapping(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Disaggregation.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8))).list();
    }

    public long saveMapping(long organisationId, String indicator, Disaggregation disaggregation, String category,
                            String dataElement, String combo, String orgUnit, Instant now) {
        jdbc.sql("DELETE FROM indicator_dhis2_mappings WHERE organisation_id = :org AND indicator_code = :i "
                        + "AND disaggregation = :d AND category = :c")
                .param("org", organisationId).param("i", indicator).param("d", disaggregation.name()).param("c", category)
                .update();
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO indicator_dhis2_mappings (organisation_id, indicator_code, disaggregation, category, "
                        + "data_element, category_option_combo, org_unit, updated_at) VALUES (:org, :i, :d, :c, :de, :coc, "
                        + ":ou, :at)")
                .param("org", organisationId).param("i", indicator).param("d", disaggregation.name()).param("c", category)
                .param("de", dataElement).param("coc", combo).param("ou", orgUnit)
                .param("at", java.sql.Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }
}
