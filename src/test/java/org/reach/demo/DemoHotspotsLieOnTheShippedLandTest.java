package org.reach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.ReachUser;
import org.reach.rar.Assessment;
import org.reach.rar.Hotspot;
import org.reach.rar.RapidAssessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's places are drawn over the map background Reach ships (Natural Earth land at 1:50m), whose coast is
 * coarse: a harbour hotspot placed true to life can fall in its sea. Every demo hotspot and site must lie on that
 * land, tested with the shipped file itself (TopoJSON, decoded here: quantised, delta-encoded arcs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reach.demo.enabled=true")
class DemoHotspotsLieOnTheShippedLandTest {

    @Autowired SignIn signIn;
    @Autowired RapidAssessments rar;
    @Autowired OrganisationDirectory directory;

    @Test
    void everyDemoHotspotAndSiteIsOnLand() throws IOException {
        List<double[][]> land = land();
        assertThat(land).as("rings of the shipped land").hasSizeGreaterThan(100);
        assertThat(onLand(land, 67.03, 24.86)).as("Karachi, Saddar").isTrue();
        assertThat(onLand(land, 66.80, 24.70)).as("the Arabian Sea off Karachi").isFalse();

        List<String> inTheSea = new ArrayList<>();
        int places = 0;
        for (String manager : List.of("karachi.manager", "mombasa.manager")) {
            ReachUser reader = signIn.loadUserByUsername(manager);
            for (Assessment assessment : rar.assessments(reader)) {
                for (Hotspot hotspot : rar.hotspots(reader, assessment.id())) {
                    places++;
                    if (!onLand(land, hotspot.longitude(), hotspot.latitude())) {
                        inTheSea.add(hotspot.name() + " " + hotspot.latitude() + "," + hotspot.longitude());
                    }
                }
            }
            for (Site site : directory.sites(reader, reader.organisationId())) {
                if (site.latitude() != null && site.longitude() != null) {
                    places++;
                    if (!onLand(land, site.longitude(), site.latitude())) {
                        inTheSea.add(site.name() + " " + site.latitude() + "," + site.longitude());
                    }
                }
            }
        }
        assertThat(places).as("demo places with a position").isGreaterThan(40);
        assertThat(inTheSea).as("demo places in the sea of the shipped map").isEmpty();
    }

    /** Every ring of every land polygon, as longitude/latitude pairs. */
    private static List<double[][]> land() throws IOException {
        JsonNode topology;
        try (InputStream in = DemoHotspotsLieOnTheShippedLandTest.class.getResourceAsStream("/static/geo/land-50m.json")) {
            topology = JsonMapper.builder().build().readTree(in);
        }
        double sx = topology.get("transform").get("scale").get(0).asDouble();
        double sy = topology.get("transform").get("scale").get(1).asDouble();
        double tx = topology.get("transform").get("translate").get(0).asDouble();
        double ty = topology.get("transform").get("translate").get(1).asDouble();
        List<double[][]> arcs = new ArrayList<>();
        for (JsonNode arc : topology.get("arcs")) {
            double[][] points = new double[arc.size()][];
            long x = 0;
            long y = 0;
            for (int i = 0; i < arc.size(); i++) {
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                points[i] = new double[] {x * sx + tx, y * sy + ty};
            }
            arcs.add(points);
        }
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode geometry : topology.get("objects").get("land").get("geometries")) {
            boolean multi = geometry.get("type").asString().equals("MultiPolygon");
            List<JsonNode> polygons = new ArrayList<>();
            if (multi) {
                geometry.get("arcs").forEach(polygons::add);
            } else {
                polygons.add(geometry.get("arcs"));
            }
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    List<double[]> points = new ArrayList<>();
                    for (JsonNode index : ring) {
                        int i = index.asInt();
                        double[][] arc = arcs.get(i >= 0 ? i : ~i);
                        for (int k = 0; k < arc.length; k++) {
                            double[] point = arc[i >= 0 ? k : arc.length - 1 - k];
                            if (k > 0 || points.isEmpty()) {
                                points.add(point);
                            }
                        }
                    }
                    rings.add(points.toArray(double[][]::new));
                }
            }
        }
        return rings;
    }

    /** Even-odd rule over all rings: holes (lakes) count as water. */
    private static boolean onLand(List<double[][]> rings, double lon, double lat) {
        boolean inside = false;
        for (double[][] ring : rings) {
            for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                double x1 = ring[j][0], y1 = ring[j][1], x2 = ring[i][0], y2 = ring[i][1];
                if ((y1 > lat) != (y2 > lat) && lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }
}
