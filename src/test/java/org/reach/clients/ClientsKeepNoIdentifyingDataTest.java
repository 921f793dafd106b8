package org.reach.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * THE PRIVACY TEST. Clients are registered through the API and the page with distinctive names as code
 * components; afterwards no column of any table, no response and no log line may contain those names.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ClientsKeepNoIdentifyingDataTest {

    private static final List<String> API_NAMES = List.of("Zubeydazqx", "Quorthanxx", "Yelmorvinq", "Kavastrumx");
    private static final List<String> PAGE_NAMES = List.of("Wexolindaq", "Pharquostu", "Vintrelloz", "Drummelsky");
    private static final List<String> ALL_NAMES = List.of("Zubeydazqx", "Quorthanxx", "Yelmorvinq", "Kavastrumx",
            "Wexolindaq", "Pharquostu", "Vintrelloz", "Drummelsky");

    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired DataSource dataSource;

    @Test
    void componentNamesAreNeverStoredLoggedOrEchoed(CapturedOutput output) throws Exception {
        ProgrammeFixture world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        List<String> responses = new ArrayList<>();
        String today = LocalDate.now(clock).toString();

        // API: a registration with a problem first (nothing is written), then the real one, then the same again.
        String invalid = apiBody(world, API_NAMES, "2999-01-01", 13);
        responses.add(expect(api(world, invalid), 400));
        String valid = apiBody(world, API_NAMES, today, 7);
        MvcResult created = api(world, valid);
        responses.add(expect(created, 201));
        assertThat(created.getResponse().getContentAsString()).contains("\"code\":\"" + org.reach.clients.uic.UicCodes.withCheckCharacter("ZUQUM88") + "\"");
        responses.add(expect(api(world, valid), 200));

        // Page: a field error, the code preview, a near-match decision and the registration.
        responses.add(expect(page(world, PAGE_NAMES, today, "13", false), 200));
        MvcResult preview = page(world, PAGE_NAMES, today, "5", true);
        responses.add(expect(preview, 200));
        assertThat(preview.getResponse().getContentAsString()).contains("WEPHM88");
        MvcResult registered = page(world, PAGE_NAMES, today, "5", false);
        assertThat(registered.getResponse().getRedirectedUrl()).matches("/clients/\\d+\\?created");
        List<String> near = List.of("Zubeydazqx", "Quorthanxx", "Yelmorvinq", "Kavastrumx");
        MvcResult decision = mvc.perform(post("/clients/new").with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                        .param("motherFirstName", near.get(0)).param("fatherFirstName", near.get(1))
                        .param("ownFirstName", near.get(2)).param("ownLastName", near.get(3))
                        .param("gender", "MALE").param("birthYear", "1989")
                        .param("enrolmentSiteId", String.valueOf(world.homeSite.id())).param("firstContact", today))
                .andReturn();
        responses.add(expect(decision, 200));
        assertThat(decision.getResponse().getContentAsString()).contains("ZUQUM89", "ZUQUM88", "name=\"decision\"");

        for (String body : responses) {
            for (String name : ALL_NAMES) {
                assertThat(body.toLowerCase(Locale.ROOT)).as("a response echoes %s", name).doesNotContain(name.toLowerCase(Locale.ROOT));
            }
        }
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("tables of schema %s", connection.getSchema())
                    .anyMatch(t -> t.equalsIgnoreCase("clients"))
                    .anyMatch(t -> t.equalsIgnoreCase("audit_events"))
                    .anyMatch(t -> t.equalsIgnoreCase("duplicate_decisions"));
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            String text = value instanceof byte[] bytes ? new String(bytes) : String.valueOf(value);
                            for (String name : ALL_NAMES) {
                                if (text.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                                    found.add(table + "." + meta.getColumnName(column) + " holds " + name);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("component names in the database").isEmpty();
        for (String name : ALL_NAMES) {
            assertThat(output.getAll().toLowerCase(Locale.ROOT)).as("log output mentions %s", name)
                    .doesNotContain(name.toLowerCase(Locale.ROOT));
        }
    }

    private static String expect(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }

    private MvcResult api(ProgrammeFixture world, String body) throws Exception {
        return mvc.perform(post("/api/clients").header("Authorization", "Bearer " + world.token(Role.OUTREACH_WORKER))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private static String apiBody(ProgrammeFixture world, List<String> names, String firstContact, int month) {
        return """
                {"components":{"motherFirstName":"%s","fatherFirstName":"%s","ownFirstName":"%s","ownLastName":"%s",
                  "gender":"MALE","birthYear":1988,"birthMonth":%d,"birthDay":4},
                 "keyPopulations":["PEOPLE_WHO_INJECT_DRUGS"],"primaryDrug":"HEROIN","route":"INJECTING",
                 "enrolmentSiteId":%d,"firstContact":"%s"}""".formatted(names.get(0), names.get(1), names.get(2),
                names.get(3), month, world.homeSite.id(), firstContact);
    }

    private MvcResult page(ProgrammeFixture world, List<String> names, String firstContact, String month, boolean preview)
            throws Exception {
        var request = post("/clients/new").with(user(world.user(Role.OUTREACH_WORKER))).with(csrf())
                .param("motherFirstName", names.get(0)).param("fatherFirstName", names.get(1))
                .param("ownFirstName", names.get(2)).param("ownLastName", names.get(3))
                .param("birthMonth", month).param("gender", "MALE").param("birthYear", "1988")
                .param("keyPopulations", "PEOPLE_WHO_USE_DRUGS_NOT_INJECTING").param("primaryDrug", "METHAMPHETAMINE")
                .param("route", "SMOKING").param("enrolmentSiteId", String.valueOf(world.homeSite.id()))
                .param("firstContact", firstContact);
        if (preview) {
            request.param("preview", "1");
        }
        return mvc.perform(request).andReturn();
    }
}
