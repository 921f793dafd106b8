package org.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A capability reads and writes only the tables it created; what it needs of another capability it asks that
 * capability's facade (docs/adding-a-capability.md, step 2). A table belongs to the capability whose migration
 * creates it; every SQL literal under {@code org/reach/<capability>/} is scanned for a table it names after FROM,
 * JOIN, INTO, UPDATE or TABLE. There are no exceptions: demo data goes through the facades, and platform touches
 * only its own jobs and uploads.
 */
class EachCapabilityReadsOnlyItsOwnTablesTest {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "reach");

    /** The capability each migration that creates tables belongs to, by version. A new one must be added here. */
    private static final Map<String, String> MIGRATION_OWNERS = Map.ofEntries(
            Map.entry("V1", "audit"), Map.entry("V2", "organisations"), Map.entry("V3", "accounts"),
            Map.entry("V4", "clients"), Map.entry("V5", "services"), Map.entry("V10", "partners"),
            Map.entry("V11", "partners"), Map.entry("V12", "partners"), Map.entry("V13", "partners"),
            Map.entry("V15", "rar"), Map.entry("V16", "rar"), Map.entry("V20", "indicators"),
            Map.entry("V30", "accounts"), Map.entry("V46", "platform"), Map.entry("V50", "audit"),
            Map.entry("V60", "partners"), Map.entry("V66", "indicators"), Map.entry("V70", "safety"),
            Map.entry("V75", "infections"), Map.entry("V79", "accounts"), Map.entry("V80", "rights"),
            Map.entry("V85", "followup"), Map.entry("V95", "earlywarning"), Map.entry("V100", "linkage"),
            Map.entry("V105", "outreach"), Map.entry("V106", "outreach"), Map.entry("V107", "clients"),
            Map.entry("V120", "field"), Map.entry("V140", "services"), Map.entry("V141", "outreach"),
            Map.entry("V145", "organisations"), Map.entry("V150", "followup"));

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
    private static final Pattern TABLE_REFERENCE = Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+(\\w+)");

    @Test
    void everyTableHasAnOwningCapability() throws IOException {
        Map<String, String> owners = tableOwners();
        assertThat(owners).as("tables found in the migrations").containsKeys("clients", "encounters", "user_accounts");
        for (String capability : owners.values()) {
            assertThat(SOURCES.resolve(capability)).as("the package of capability " + capability).isDirectory();
        }
    }

    @Test
    void noCapabilityNamesAnotherCapabilitysTable() throws IOException {
        Map<String, String> owners = tableOwners();
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = SOURCES.relativize(file);
                String capability = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                for (String reference : foreignTables(capability, Files.readString(file), owners)) {
                    foreign.add(relative + ": " + reference);
                }
            }
        }
        assertThat(foreign).as("SQL naming another capability's table; ask that capability's facade instead")
                .isEmpty();
    }

    @Test
    void theScannerFindsForeignTablesInTextBlocksAndJoinedLiteralsButNotInComments() {
        Map<String, String> owners = Map.of("clients", "clients", "client_stage_changes", "clients",
                "user_accounts", "accounts", "sites", "organisations", "user_roles", "accounts");
        String quotes = "\"\"\"";
        String planted = "class Planted {\n"
                + "    String history = " + quotes + "\n"
                + "            SELECT c.id, u.display_name FROM client_stage_changes c\n"
                + "            LEFT JOIN user_accounts u ON u.id = c.recorded_by" + quotes + ";\n"
                + "    String names = \"SELECT id, name FROM \" +\n        \"sites WHERE organisation_id = ?\";\n"
                + "    String own = \"UPDATE clients SET stage = ?\";\n"
                + "    // SELECT 1 FROM user_roles is only a comment\n"
                + "    String escaped = \"see \\\"FROM user_roles\\\" below\".substring(0, 3);\n"
                + "}\n";
        assertThat(foreignTables("clients", planted, owners)).containsExactly(
                "JOIN user_accounts (owned by accounts)", "FROM sites (owned by organisations)",
                "FROM user_roles (owned by accounts)");
        assertThat(foreignTables("accounts", planted, owners)).containsExactly(
                "FROM client_stage_changes (owned by clients)", "FROM sites (owned by organisations)",
                "UPDATE clients (owned by clients)");
    }

    /** Each table created by a migration, with the capability that owns it. */
    private static Map<String, String> tableOwners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        List<String> unowned = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String version = file.getFileName().toString().split("__")[0];
                Matcher created = CREATE_TABLE.matcher(withoutSqlComments(Files.readString(file)));
                while (created.find()) {
                    String owner = MIGRATION_OWNERS.get(version);
                    if (owner == null) {
                        unowned.add(file.getFileName() + " creates " + created.group(1));
                    } else {
                        owners.putIfAbsent(created.group(1).toLowerCase(), owner);
                    }
                }
            }
        }
        assertThat(unowned).as("migrations creating tables without an owner in MIGRATION_OWNERS").isEmpty();
        return owners;
    }

    /** The tables of other capabilities that the SQL literals of one source file name. */
    static List<String> foreignTables(String capability, String source, Map<String, String> owners) {
        List<String> foreign = new ArrayList<>();
        for (String literal : stringLiterals(source)) {
            Matcher reference = TABLE_REFERENCE.matcher(literal);
            while (reference.find()) {
                String table = reference.group(2).toLowerCase();
                String owner = owners.get(table);
                if (owner != null && !owner.equals(capability)) {
                    foreign.add(reference.group(1).toUpperCase() + " " + table + " (owned by " + owner + ")");
                }
            }
        }
        return foreign;
    }

    /**
     * The string literals and text blocks of a Java source, comments and character literals skipped. Literals joined
     * only by {@code +} are one string, so a table name on the next line of a concatenation is still seen.
     */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        StringBuilder current = null;
        boolean joinable = false;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (c == '"') {
                boolean block = source.startsWith("\"\"\"", i);
                int end = block ? source.indexOf("\"\"\"", i + 3) : skipQuoted(source, i, '"') - 1;
                if (end < 0) {
                    end = source.length();
                }
                String text = source.substring(i + (block ? 3 : 1), Math.min(end, source.length()));
                if (current != null && joinable) {
                    current.append(text);
                } else {
                    if (current != null) {
                        literals.add(current.toString());
                    }
                    current = new StringBuilder(text);
                }
                joinable = false;
                i = block ? Math.min(end + 3, source.length()) : end + 1;
            } else {
                if (c == '+' && current != null) {
                    joinable = true;
                } else if (!Character.isWhitespace(c)) {
                    joinable = false;
                }
                i++;
            }
        }
        if (current != null) {
            literals.add(current.toString());
        }
        return literals;
    }

    /** The index just after the quoted literal starting at {@code start}, escapes included. */
    private static int skipQuoted(String source, int start, char quote) {
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}
