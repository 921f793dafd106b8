package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes every operation of the API as its OpenAPI document at /v3/api-docs describes it, signed in as an
 * organisation manager: path and query parameters and JSON bodies are generated from the schemas, then
 * spoiled (odd and long strings, control characters, right-to-left text, huge, negative and fractional numbers,
 * numbers in quotes, missing fields, wrong types, unknown enum values, impossible dates, absurd pages, broken
 * JSON). Whatever arrives, the answer is never a server error, and every 4xx is RFC 9457 problem JSON; that
 * includes path variables holding percent-encoded characters ({@code %2F}, {@code %00}, {@code %20} and others),
 * which are sent over real HTTP so the container and the request firewall judge them as they would in service.
 *
 * <p>One dynamic test per operation. Values come from a {@link Random} seeded from a fixed seed, the operation and
 * the try number, so every run sends the same requests and one failing request can be replayed alone: the
 * failure names the seed, the operation, the try and the exact request. {@code -Dreach.fuzz.seed=} tries other
 * values, {@code -Dreach.fuzz.tries=} sets the tries per operation (12), {@code -Dreach.fuzz.operation=} keeps
 * only operations whose name contains the text and {@code -Dreach.fuzz.try=} sends only that try.
 */
class ApiFuzzingTest {

    private static final long SEED = Long.getLong("reach.fuzz.seed", 20261205L);
    private static final int TRIES = Integer.getInteger("reach.fuzz.tries", 12);
    private static final String ONLY_OPERATION = System.getProperty("reach.fuzz.operation", "");
    private static final int ONLY_TRY = Integer.getInteger("reach.fuzz.try", 0);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Non-empty segments without percent-encoded characters. */
    private static final Pattern PLAIN_PATH = Pattern.compile("(/[^/%]+)+");
    /** Operations left out of the run: none; every operation in the document is fuzzed. */
    private static final Set<String> NOT_FUZZED = Set.of();
    /**
     * Sent as every path variable of every operation after the generated tries: ids nobody has, and characters
     * already percent-encoded (a slash, NUL, spaces, dots, a backslash, a percent sign, a right-to-left override,
     * a byte that is not UTF-8).
     */
    private static final List<String> FIXED_SEGMENTS = List.of("999999999", "no-such-id", "a%2Fb", "%2F", "%00",
            "1%00", "%20", "%20%201", "%2e%2e", "%5C1", "%251", "%E2%80%AE1", "%FF");

    private static ConfigurableApplicationContext context;
    private static MockMvc mvc;
    private static HttpClient http;
    private static String base;
    private static ReachUser manager;
    private static String managerToken;
    private static JsonNode document;
    private static List<Operation> operations;

    record Operation(HttpMethod method, String path, List<Parameter> parameters, JsonNode body, boolean multipart) {

        String name() {
            return method + " " + path;
        }
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One generated request: the method, the path with its variables filled in (percent-encoded), query parameters
     * and body. A path with encoded characters or an empty segment travels over real HTTP, as the container and
     * its error page answer those before any controller; every other request goes through MockMvc.
     */
    record Request(HttpMethod method, String path, Map<String, String> query, String body, boolean multipart) {

        boolean overHttp() {
            return !PLAIN_PATH.matcher(path).matches();
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : " query " + JSON.writeValueAsString(query))
                    + (body == null ? "" : " body " + JSON.writeValueAsString(body))
                    + (multipart ? " (multipart, no parts)" : "") + (overHttp() ? " (over HTTP)" : "");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        context = new SpringApplicationBuilder(ReachApplication.class).web(WebApplicationType.SERVLET)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN").run();
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ProgrammeFixture world = new ProgrammeFixture(context.getBean(OrganisationDirectory.class),
                context.getBean(Accounts.class), context.getBean(SignIn.class), context.getBean(ApiTokens.class));
        manager = world.user(Role.ORG_MANAGER);
        managerToken = world.token(Role.ORG_MANAGER);
        String docs = mvc.perform(request(HttpMethod.GET, "/v3/api-docs").with(user(manager)))
                .andReturn().getResponse().getContentAsString();
        document = JSON.readTree(docs);
        operations = operations(document);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> noGeneratedRequestGetsAServerErrorAndEvery4xxIsProblemJson() {
        assertThat(operations).as("operations read from /v3/api-docs").hasSizeGreaterThan(80);
        List<Operation> chosen = operations.stream().filter(op -> op.name().contains(ONLY_OPERATION)).toList();
        assertThat(chosen).as("operations named like -Dreach.fuzz.operation=" + ONLY_OPERATION).isNotEmpty();
        return chosen.stream().map(op -> DynamicTest.dynamicTest(op.name(), () -> fuzz(op)));
    }

    private static void fuzz(Operation op) throws Exception {
        List<String> failures = new ArrayList<>();
        int first = ONLY_TRY > 0 ? ONLY_TRY : 1;
        int last = ONLY_TRY > 0 ? ONLY_TRY : TRIES;
        for (int attempt = first; attempt <= last; attempt++) {
            Request generated = requestFor(op, new Random(seedOf(op, attempt)));
            judge(generated, "try " + attempt + " of " + op.name() + " (replay: -Dreach.fuzz.seed=" + SEED
                    + " -Dreach.fuzz.operation='" + op.name() + "' -Dreach.fuzz.try=" + attempt + ")", failures);
        }
        if (ONLY_TRY == 0 && op.body() != null) {
            Request nulls = new Request(op.method(), PATH_VARIABLE.matcher(op.path()).replaceAll("1"), Map.of(),
                    withNullItems(resolve(op.body()), 0), op.multipart());
            judge(nulls, "a body whose every list holds a null, for " + op.name(), failures);
        }
        if (ONLY_TRY == 0 && PATH_VARIABLE.matcher(op.path()).find()) {
            for (String segment : FIXED_SEGMENTS) {
                Request fixed = new Request(op.method(), PATH_VARIABLE.matcher(op.path()).replaceAll(segment),
                        Map.of(), op.body() == null ? null : "{}", op.multipart());
                judge(fixed, "path variable " + segment + " in " + op.name(), failures);
            }
        }
        assertThat(failures).as("requests answered with a server error or without problem JSON").isEmpty();
    }

    /** The same operation, seed and try always give the same request, whatever else runs. */
    private static long seedOf(Operation op, int attempt) {
        return (SEED * 1_000_003L + op.name().hashCode()) * 1_000_003L + attempt;
    }

    private static void judge(Request generated, String which, List<String> failures) throws Exception {
        Answer answer;
        try {
            answer = generated.overHttp() ? sendOverHttp(generated) : send(generated);
        } catch (Exception e) {
            failures.add(which + ": " + generated + " failed to send: " + e);
            return;
        }
        String wrong = null;
        if (answer.status() >= 500) {
            wrong = "server error";
        } else if (answer.status() >= 400) {
            wrong = notProblemJson(answer);
        }
        if (wrong != null) {
            failures.add(answer.status() + " " + answer.contentType() + " (" + wrong + ") for " + which + ":\n    "
                    + generated + "\n    answered: " + abbreviate(answer.body()));
        }
    }

    /** Why this 4xx is not RFC 9457 problem JSON, or null when it is. */
    private static String notProblemJson(Answer answer) {
        if (answer.contentType() == null
                || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(answer.contentType()))) {
            return "not problem JSON";
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status() || !problem.path("type").isString()
                    || !problem.path("title").isString()) {
                return "problem JSON without its status, type or title";
            }
            return null;
        } catch (RuntimeException unreadable) {
            return "problem JSON that does not parse";
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    private static Answer send(Request generated) throws Exception {
        URI uri = URI.create(generated.path());
        AbstractMockHttpServletRequestBuilder<?> builder = generated.multipart()
                ? multipart(generated.method(), uri) : request(generated.method(), uri);
        builder.with(user(manager)).with(csrf()).header("Accept-Language", "en");
        generated.query().forEach(builder::queryParam);
        if (generated.body() != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(generated.body());
        }
        MockHttpServletResponse answer = mvc.perform(builder).andReturn().getResponse();
        return new Answer(answer.getStatus(), answer.getContentType(), answer.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Answer sendOverHttp(Request generated) throws Exception {
        String query = generated.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + generated.path()
                        + (query.isEmpty() ? "" : "?" + query))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + managerToken).header("Accept-Language", "en");
        String body = generated.body();
        if (generated.multipart()) {
            builder.header("Content-Type", "multipart/form-data; boundary=fuzz");
            body = "--fuzz--\r\n";
        } else if (body != null) {
            builder.header("Content-Type", MediaType.APPLICATION_JSON_VALUE);
        }
        builder.method(generated.method().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null), answer.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- reading the OpenAPI document

    private static List<Operation> operations(JsonNode document) {
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                HttpMethod verb = HttpMethod.valueOf(method.getKey().toUpperCase(Locale.ROOT));
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : operation.path("parameters")) {
                    parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(),
                            p.path("required").asBoolean(false), resolve(p.path("schema"))));
                }
                JsonNode content = operation.path("requestBody").path("content");
                boolean multipart = content.has(MediaType.MULTIPART_FORM_DATA_VALUE);
                JsonNode body = content.path(MediaType.APPLICATION_JSON_VALUE).path("schema");
                Operation op = new Operation(verb, path.getKey(), parameters, body.isMissingNode() ? null : body, multipart);
                if (!NOT_FUZZED.contains(op.name())) {
                    found.add(op);
                }
            }
        }
        return found;
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current != null && current.has("$ref") && depth < 10; depth++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    // ---- generating requests

    private static Request requestFor(Operation op, Random random) {
        String path = op.path();
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", pathSegment(scalarText(p.schema(), random)));
            } else if (p.in().equals("query") && random.nextInt(4) != 0) {
                query.put(p.name(), scalarText(p.schema(), random));
            }
        }
        path = PATH_VARIABLE.matcher(path).replaceAll("1");
        String body = null;
        if (op.body() != null) {
            body = random.nextInt(9) != 0 ? json(resolve(op.body()), 0, random)
                    : pick(random, "", "null", "[]", "{", "\"text\"", "12", "{\"a\":", "{\"a\":1,}", "\u0000");
        }
        return new Request(op.method(), path, query, body, op.multipart());
    }

    /**
     * A path variable as it travels: percent-encoded, so a slash, a NUL or a space arrives encoded ({@code %2F},
     * {@code %00}, {@code %20}) and the request goes over real HTTP. A lone {@code .} or {@code ..} is encoded too.
     */
    private static String pathSegment(String value) {
        String encoded = encode(value);
        return value.equals(".") || value.equals("..") ? encoded.replace(".", "%2E") : encoded;
    }

    /** Text for a parameter of this schema: usually plausible, often spoiled. */
    private static String scalarText(JsonNode schema, Random random) {
        JsonNode s = schema == null ? JSON.missingNode() : schema;
        String type = s.path("type").asString("string");
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            String value = s.get("enum").get(random.nextInt(s.get("enum").size())).asString();
            return switch (random.nextInt(3)) {
                case 0 -> value;
                case 1 -> value.toLowerCase(Locale.ROOT);
                default -> oddString(random);
            };
        }
        return switch (type) {
            case "integer" -> random.nextBoolean() ? String.valueOf(between(random, -3, 300))
                    : pick(random, "2147483647", "2147483648", "-2147483648", "9223372036854775807",
                    "99999999999999999999", "1e12", "50.7", "-1", "0", "0x10", "1_000", " 7 ", "NaN", "", "abc");
            case "number" -> random.nextBoolean() ? String.valueOf(-1000 + 2000 * random.nextDouble())
                    : pick(random, "1e308", "-1e308", "1e400", "NaN", "Infinity", "95.0", "", "abc");
            case "boolean" -> pick(random, "true", "false", "yes", "1", "", "TRUE");
            default -> s.path("format").asString("").equals("date") ? date(random) : oddString(random);
        };
    }

    private static String date(Random random) {
        return random.nextBoolean() ? LocalDate.of(2026, 6, 1).plusDays(between(random, -800, 400)).toString()
                : pick(random, "2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01",
                "20260101", "yesterday", "");
    }

    private static String oddString(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> text(random, between(random, 0, 20), r -> (char) between(r, ' ', '~'));
            case 1 -> anyCharacters(random, between(random, 0, 12));
            case 2 -> pick(random, "", " ", "SAKAF92", "sakaf92", "Lyari", "کراچی", "مرکز\u200f", "Mombasa", "😀🧪",
                    "<img src=x onerror=alert(1)>", "'; DROP TABLE clients; --", "=HYPERLINK(\"x\")", "%s%n%x",
                    "${jndi:ldap://x}", "../../etc/passwd", "\\u0000", "null", "true", "-1", "1e12",
                    "2026Q2", "2026-04", "2026", "2026-01-01..2026-02-01", "HEROIN", "OPEN", "a/b", "a\u0000b",
                    "\u202eevil", ".", "..", "%2F", "a b", "\t", "\r\n");
            default -> text(random, between(random, 300, 6000), r -> (char) between(r, 'a', 'z'));
        };
    }

    /**
     * Characters from anywhere in the UTF-16 range, NUL, other controls and lone surrogates included, weighted
     * towards the troublesome: control characters, right-to-left marks and overrides, Arabic and Hebrew letters,
     * combining marks, zero-width characters, byte order marks, non-characters and emoji (surrogate pairs).
     */
    private static String anyCharacters(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> text.append((char) random.nextInt(0x10000));
                case 1 -> text.append((char) pickInt(random, 0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x1B,
                        0x1F, 0x7F, 0x85, 0xA0));
                case 2 -> text.append((char) pickInt(random, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                        0x2066, 0x2067, 0x2068, 0x2069, 0x061C));
                case 3 -> text.append((char) between(random, 0x0600, 0x06FF));
                case 4 -> text.append((char) between(random, 0x05D0, 0x05EA));
                case 5 -> text.append((char) pickInt(random, 0x0300, 0x0301, 0x200B, 0x200C, 0x200D, 0xFEFF, 0xFFFD,
                        0xFFFE, 0xFFFF, 0xD800, 0xDFFF));
                case 6 -> text.appendCodePoint(between(random, 0x1F300, 0x1FAFF));
                default -> text.append((char) between(random, ' ', '~'));
            }
        }
        return text.toString();
    }

    /** A JSON document for this schema: built field by field, with fields dropped, nulled or of the wrong kind. */
    private static String json(JsonNode schema, int depth, Random random) {
        if (schema == null || schema.isMissingNode() || depth > 4) {
            return pick(random, "null", "1", "\"x\"");
        }
        JsonNode s = resolve(schema);
        if (s.has("allOf") && !s.get("allOf").isEmpty()) {
            return json(s.get("allOf").get(0), depth, random);
        }
        if (s.has("oneOf") && !s.get("oneOf").isEmpty()) {
            return json(s.get("oneOf").get(0), depth, random);
        }
        if (random.nextInt(7) == 0) {
            return pick(random, "null", "\"text\"", "-1", "1e12", "2.5", "true", "[]", "{}", "\"50\"");
        }
        String type = s.path("type").asString(s.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(s, depth, random);
            case "array" -> {
                int size = between(random, 0, 3);
                List<String> items = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    items.add(json(s.path("items"), depth + 1, random));
                }
                yield "[" + String.join(",", items) + "]";
            }
            case "integer" -> random.nextBoolean() ? String.valueOf(between(random, -3, 300))
                    : pick(random, "2147483647", "2147483648", "9223372036854775807", "99999999999999999999", "1e12",
                    "1500000000", "50.7", "1990.5", "\"50\"", "-1", "0");
            case "number" -> random.nextBoolean() ? String.valueOf(-1000 + 2000 * random.nextDouble())
                    : pick(random, "1e308", "-1e308", "1e400", "\"1.5\"", "0.0", "-0.0", "95", "181");
            case "boolean" -> pick(random, "true", "false", "\"true\"", "1", "null");
            default -> quoted(scalarText(s, random));
        };
    }

    /** A plausible JSON document for this schema except that every list holds one null item. */
    private static String withNullItems(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s == null || s.isMissingNode() || depth > 4) {
            return "null";
        }
        if (s.has("allOf") && !s.get("allOf").isEmpty()) {
            return withNullItems(s.get("allOf").get(0), depth);
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return quoted(s.get("enum").get(0).asString());
        }
        return switch (s.path("type").asString(s.has("properties") ? "object" : "string")) {
            case "object" -> {
                List<String> fields = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : s.path("properties").properties()) {
                    fields.add(quoted(field.getKey()) + ":" + withNullItems(field.getValue(), depth + 1));
                }
                yield "{" + String.join(",", fields) + "}";
            }
            case "array" -> "[null]";
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> quoted(s.path("format").asString("").equals("date") ? "2026-06-01" : "x");
        };
    }

    private static String object(JsonNode schema, int depth, Random random) {
        JsonNode properties = schema.path("properties");
        if (properties.isMissingNode() || properties.isEmpty()) {
            JsonNode values = schema.path("additionalProperties");
            if (values.isObject()) { // a map, e.g. subgroup -> count
                return "{" + quoted(oddString(random)) + ":" + json(values, depth + 1, random) + "}";
            }
            return "{}";
        }
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            if (random.nextInt(9) != 0) { // now and then a field is missing
                fields.add(quoted(field.getKey()) + ":" + json(field.getValue(), depth + 1, random));
            }
        }
        return "{" + String.join(",", fields) + "}";
    }

    // ---- small helpers for the generators

    private static int between(Random random, int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static int pickInt(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }

    private static String text(Random random, int length, java.util.function.Function<Random, Character> character) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(character.apply(random));
        }
        return text.toString();
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
