package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reach.audit.AuditAction;
import org.reach.clients.CareStage;
import org.reach.clients.ClientStatus;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.SiteType;

/**
 * Every language must offer every message, and every message the code or the templates ask for must
 * exist. A missing key shows the raw key (or "??key_xx??") to a person in the field, so this fails first.
 */
class MessageBundlesAreCompleteTest {

    private static final Path BUNDLES = Path.of("src", "main", "resources", "i18n");
    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    private static final Path SOURCES = Path.of("src", "main", "java");

    private static final Pattern BASE_FILE = Pattern.compile("([A-Za-z0-9-]+)\\.properties");
    private static final Pattern TRANSLATION_FILE = Pattern.compile("([A-Za-z0-9-]+)_([A-Za-z]{2,3})\\.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,[^}]*)?}");

    /** A message expression with a literal key: #{some.key} or #{some.key(...)}; #{${...}} and #{'...' + ...} do not match. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*[(}]");

    /** The label key handed to the form fragments: forms :: input('field', 'label.key', ...). */
    private static final Pattern FRAGMENT_LABEL =
            Pattern.compile("forms\\s*::\\s*(?:input|textarea|select)\\(\\s*'[^']*'\\s*,\\s*'([^']+)'");

    /** A Java string literal that names a validation or error message; a prefix ending in a dot is not a key. */
    private static final Pattern JAVA_KEY =
            Pattern.compile("(?:error|account|organisation|site|token|uic|login|password)\\.[A-Za-z0-9_.]*[A-Za-z0-9_]");

    /** Keys that code puts together at run time rather than writing out. */
    private static final List<String> COMPOSED_KEYS = List.of(
            "error.unauthorized", "error.unauthorized.title", "error.forbidden", "error.forbidden.title",
            "typeMismatch");

    private static final double MINIMUM_URDU_SHARE = 0.8;
    private static final double MINIMUM_TRANSLATED_SHARE = 0.5;

    private static List<String> translations;
    private static Map<String, Bundle> base;
    private static Map<String, Map<String, Bundle>> translated;
    private static Set<String> allKeys;

    @BeforeAll
    static void load() throws IOException {
        translations = Languages.SUPPORTED.stream().filter(tag -> !tag.equals(Languages.DEFAULT)).toList();
        base = new TreeMap<>();
        translated = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(BUNDLES)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            Matcher asBase = BASE_FILE.matcher(fileName);
            Matcher asTranslation = TRANSLATION_FILE.matcher(fileName);
            if (asBase.matches()) {
                base.put(asBase.group(1), Bundle.read(file));
            } else if (asTranslation.matches()) {
                translated.computeIfAbsent(asTranslation.group(1), name -> new TreeMap<>())
                        .put(asTranslation.group(2), Bundle.read(file));
            }
        }
        allKeys = new TreeSet<>();
        base.values().forEach(bundle -> allKeys.addAll(bundle.entries().keySet()));
        assertThat(base).as("base bundles in %s", BUNDLES.toAbsolutePath()).isNotEmpty();
        assertThat(translations).as("languages besides %s", Languages.DEFAULT).contains("nl", "ur", "sw");
    }

    @Test
    void everyBundleExistsInEveryLanguageWithTheSameKeys() {
        List<String> problems = new ArrayList<>();
        base.forEach((name, english) -> {
            for (String language : translations) {
                Bundle translation = translation(name, language);
                if (translation == null) {
                    problems.add(fileName(name, language) + ": file missing");
                    continue;
                }
                Set<String> missing = new LinkedHashSet<>(english.entries().keySet());
                missing.removeAll(translation.entries().keySet());
                Set<String> extra = new LinkedHashSet<>(translation.entries().keySet());
                extra.removeAll(english.entries().keySet());
                if (!missing.isEmpty()) {
                    problems.add(fileName(name, language) + ": missing " + missing);
                }
                if (!extra.isEmpty()) {
                    problems.add(fileName(name, language) + ": extra (not in " + name + ".properties) " + extra);
                }
            }
        });
        translated.forEach((name, byLanguage) -> byLanguage.keySet().forEach(language -> {
            if (!base.containsKey(name)) {
                problems.add(fileName(name, language) + ": no English " + name + ".properties");
            }
            if (!translations.contains(language)) {
                problems.add(fileName(name, language) + ": " + language + " is not in Languages.SUPPORTED");
            }
        }));
        assertNoProblems("Message bundles differ from English", problems);
    }

    @Test
    void translationsKeepTheKeysInTheEnglishOrder() {
        List<String> problems = new ArrayList<>();
        eachTranslation((name, language, english, translation) -> {
            List<String> expected = english.entries().keySet().stream()
                    .filter(translation.entries()::containsKey).toList();
            List<String> actual = translation.entries().keySet().stream()
                    .filter(english.entries()::containsKey).toList();
            for (int i = 0; i < expected.size(); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    problems.add(fileName(name, language) + ": line for " + actual.get(i) + " where English has "
                            + expected.get(i));
                    break;
                }
            }
        });
        assertNoProblems("Translations out of the English key order", problems);
    }

    @Test
    void noBlankValuesAndNoKeyTwice() {
        List<String> problems = new ArrayList<>();
        everyFile((fileName, bundle) -> {
            bundle.entries().forEach((key, value) -> {
                if (value.isBlank()) {
                    problems.add(fileName + ": " + key + " is blank");
                }
            });
            bundle.duplicates().forEach(key -> problems.add(fileName + ": " + key + " is given more than once"));
        });
        assertNoProblems("Blank or repeated messages", problems);
    }

    @Test
    void placeholdersMatchEnglishAndApostrophesSurviveMessageFormat() {
        List<String> problems = new ArrayList<>();
        eachTranslation((name, language, english, translation) -> english.entries().forEach((key, text) -> {
            String other = translation.entries().get(key);
            if (other != null && !placeholders(text).equals(placeholders(other))) {
                problems.add(fileName(name, language) + ": " + key + " has placeholders " + placeholders(other)
                        + ", English has " + placeholders(text));
            }
        }));
        everyFile((fileName, bundle) -> bundle.entries().forEach((key, value) -> {
            if (placeholders(value).isEmpty()) {
                return;
            }
            if (value.replace("''", "").indexOf('\'') >= 0) {
                problems.add(fileName + ": " + key + " takes arguments, so an apostrophe must be written ''");
            }
            try {
                new MessageFormat(value);
            } catch (IllegalArgumentException malformed) {
                problems.add(fileName + ": " + key + " is not a valid MessageFormat pattern: " + malformed.getMessage());
            }
        }));
        assertNoProblems("Placeholders or apostrophes wrong", problems);
    }

    @Test
    void languageNamesAreWrittenTheSameInEveryFile() {
        List<String> problems = new ArrayList<>();
        Bundle holder = base.values().stream()
                .filter(bundle -> bundle.entries().containsKey("language.name." + Languages.DEFAULT))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle holds the language names"));
        String holderName = base.entrySet().stream().filter(e -> e.getValue() == holder).findFirst().orElseThrow().getKey();
        for (String language : translations) {
            Bundle translation = translation(holderName, language);
            if (translation == null) {
                continue;
            }
            for (String tag : Languages.SUPPORTED) {
                String key = "language.name." + tag;
                String expected = holder.entries().get(key);
                String actual = translation.entries().get(key);
                if (actual != null && !actual.equals(expected)) {
                    problems.add(fileName(holderName, language) + ": " + key + "=" + actual + ", English file has " + expected);
                }
            }
        }
        assertNoProblems("Each language is named in its own words everywhere", problems);
    }

    @Test
    void urduIsWrittenInArabicScript() {
        List<String> problems = new ArrayList<>();
        translated.forEach((name, byLanguage) -> {
            Bundle urdu = byLanguage.get("ur");
            if (urdu == null || urdu.entries().isEmpty()) {
                return;
            }
            List<String> latin = urdu.entries().entrySet().stream()
                    .filter(e -> !mostlyArabic(e.getValue())).map(Map.Entry::getKey).toList();
            double share = 1.0 - (double) latin.size() / urdu.entries().size();
            if (share < MINIMUM_URDU_SHARE) {
                problems.add(String.format("%s: only %.0f%% of the values are in Arabic script; not: %s",
                        fileName(name, "ur"), share * 100, latin));
            }
        });
        assertNoProblems("Urdu bundles look untranslated", problems);
    }

    @Test
    void translationsAreNotCopiesOfEnglish() {
        List<String> problems = new ArrayList<>();
        eachTranslation((name, language, english, translation) -> {
            long same = english.entries().entrySet().stream()
                    .filter(e -> e.getValue().equals(translation.entries().get(e.getKey()))).count();
            double translatedShare = 1.0 - (double) same / Math.max(1, english.entries().size());
            if (translatedShare < MINIMUM_TRANSLATED_SHARE) {
                problems.add(String.format("%s: %d of %d values are the same as English", fileName(name, language),
                        same, english.entries().size()));
            }
        });
        assertNoProblems("Translations look like copies of English", problems);
    }

    @Test
    void everyKeyInTheTemplatesExists() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        List<Path> templates;
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            templates = walk.filter(path -> path.toString().endsWith(".html")).sorted().toList();
        }
        for (Path template : templates) {
            List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern pattern : List.of(TEMPLATE_KEY, FRAGMENT_LABEL)) {
                    Matcher matcher = pattern.matcher(lines.get(i));
                    while (matcher.find()) {
                        String key = matcher.group(1);
                        seen.add(key);
                        if (!allKeys.contains(key)) {
                            problems.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + key);
                        }
                    }
                }
            }
        }
        assertThat(seen).as("message keys found in %s", TEMPLATES).isNotEmpty();
        assertNoProblems("Templates ask for keys that no bundle has", problems);
    }

    @Test
    void everyKeyBuiltFromAnEnumOrALanguageExists() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("Role", Stream.of(Role.values()).map(Role::messageKey).toList());
        keys.put("SiteType", Stream.of(SiteType.values()).map(SiteType::messageKey).toList());
        keys.put("OpeningStatus", Stream.of(OpeningStatus.values()).map(OpeningStatus::messageKey).toList());
        keys.put("AuditAction", Stream.of(AuditAction.values()).map(AuditAction::messageKey).toList());
        keys.put("Gender", Stream.of(Gender.values()).map(Gender::messageKey).toList());
        keys.put("KeyPopulation", Stream.of(KeyPopulation.values()).map(KeyPopulation::messageKey).toList());
        keys.put("Drug", Stream.of(Drug.values()).map(Drug::messageKey).toList());
        keys.put("Route", Stream.of(Route.values()).map(Route::messageKey).toList());
        keys.put("ClientStatus", Stream.of(ClientStatus.values()).map(ClientStatus::messageKey).toList());
        keys.put("CareStage", Stream.of(CareStage.values()).map(CareStage::messageKey).toList());
        keys.put("DuplicateDecision", Stream.of(DuplicateDecision.values()).map(DuplicateDecision::messageKey).toList());
        keys.put("timeline", Stream.concat(Stream.of(ClientStatus.values()).map(s -> "timeline.status." + s.name()),
                Stream.of(CareStage.values()).map(s -> "timeline.stage." + s.name())).toList());
        keys.put("rar vocabularies", Stream.of(
                        Stream.of(org.reach.rar.AssessmentStatus.values()).map(org.reach.rar.AssessmentStatus::messageKey),
                        Stream.of(org.reach.rar.Typology.values()).map(org.reach.rar.Typology::messageKey),
                        Stream.of(org.reach.rar.UseType.values()).map(org.reach.rar.UseType::messageKey),
                        Stream.of(org.reach.rar.GatheringReason.values()).map(org.reach.rar.GatheringReason::messageKey),
                        Stream.of(org.reach.rar.TimeOfDay.values()).map(org.reach.rar.TimeOfDay::messageKey),
                        Stream.of(org.reach.rar.SafetyRisk.values()).map(org.reach.rar.SafetyRisk::messageKey),
                        Stream.of(org.reach.rar.Subgroup.values()).map(org.reach.rar.Subgroup::messageKey),
                        Stream.of(org.reach.rar.NoteKind.values()).map(org.reach.rar.NoteKind::messageKey),
                        Stream.of(org.reach.rar.FindingCode.values()).map(org.reach.rar.FindingCode::messageKey),
                        Stream.of(org.reach.rar.Priority.values()).map(org.reach.rar.Priority::messageKey),
                        Stream.of(org.reach.rar.RecommendationStatus.values()).map(org.reach.rar.RecommendationStatus::messageKey),
                        Stream.of(org.reach.rar.Estimate.Method.values()).map(org.reach.rar.Estimate.Method::messageKey),
                        org.reach.rar.FieldUpload.TARGETS.stream().map(t -> "rar.import.target." + t),
                        Stream.of("total", "injecting", "nonInjecting", "women", "youth", "transgender").map(f -> "rar.visit." + f))
                .flatMap(s -> s).toList());
        keys.put("map backgrounds", Stream.concat(
                Stream.of(org.reach.organisations.MapBackgroundKind.values()).map(k -> "organisation.map.kind." + k.name()),
                Stream.of(org.reach.organisations.tiles.PmTilesRefusal.Reason.values())
                        .map(org.reach.organisations.tiles.PmTilesRefusal.Reason::messageKey)).toList());
        keys.put("Languages.SUPPORTED", Languages.SUPPORTED.stream().map(tag -> "language.name." + tag).toList());
        keys.put("composed in code", COMPOSED_KEYS);
        List<String> problems = new ArrayList<>();
        keys.forEach((source, wanted) -> wanted.stream()
                .filter(key -> !allKeys.contains(key))
                .forEach(key -> problems.add(source + ": " + key)));
        assertNoProblems("Keys built at run time that no bundle has", problems);
    }

    @Test
    void everyMessageKeyWrittenInJavaExists() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            sources = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
        for (Path source : sources) {
            for (Literal literal : stringLiterals(Files.readString(source, StandardCharsets.UTF_8))) {
                if (JAVA_KEY.matcher(literal.text()).matches()) {
                    seen.add(literal.text());
                    if (!allKeys.contains(literal.text())) {
                        problems.add(SOURCES.relativize(source) + ":" + literal.line() + ": " + literal.text());
                    }
                }
            }
        }
        assertThat(seen).as("message keys found in %s", SOURCES).isNotEmpty();
        assertNoProblems("Java code names keys that no bundle has", problems);
    }

    private static void assertNoProblems(String what, List<String> problems) {
        assertThat(problems)
                .withFailMessage("%s (%d):%n  %s", what, problems.size(), String.join(System.lineSeparator() + "  ", problems))
                .isEmpty();
    }

    private static Bundle translation(String name, String language) {
        return translated.getOrDefault(name, Map.of()).get(language);
    }

    private static String fileName(String name, String language) {
        return name + "_" + language + ".properties";
    }

    private static void eachTranslation(TranslationCheck check) {
        base.forEach((name, english) -> {
            for (String language : translations) {
                Bundle translation = translation(name, language);
                if (translation != null) {
                    check.apply(name, language, english, translation);
                }
            }
        });
    }

    private static void everyFile(FileCheck check) {
        base.forEach((name, bundle) -> check.apply(name + ".properties", bundle));
        translated.forEach((name, byLanguage) ->
                byLanguage.forEach((language, bundle) -> check.apply(fileName(name, language), bundle)));
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add("{" + matcher.group(1) + "}");
        }
        return found;
    }

    private static boolean mostlyArabic(String value) {
        long arabic = value.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        long latin = value.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        return arabic > latin;
    }

    /** The string literals of a Java source, skipping comments, character literals and text blocks. */
    static List<Literal> stringLiterals(String source) {
        List<Literal> literals = new ArrayList<>();
        int length = source.length();
        int line = 1;
        int i = 0;
        while (i < length) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? length : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                int stop = end < 0 ? length : end + 2;
                line += count(source, i, stop);
                i = stop;
            } else if (source.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < length && !source.startsWith("\"\"\"", j)) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(length, j + 3);
                line += count(source, i, stop);
                i = stop;
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < length && source.charAt(j) != c && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < length) {
                        text.append(source, j, j + 2);
                        j += 2;
                    } else {
                        text.append(source.charAt(j));
                        j++;
                    }
                }
                if (c == '"') {
                    literals.add(new Literal(text.toString(), line));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(String source, int from, int to) {
        int newlines = 0;
        for (int k = from; k < to; k++) {
            if (source.charAt(k) == '\n') {
                newlines++;
            }
        }
        return newlines;
    }

    record Literal(String text, int line) {
    }

    @FunctionalInterface
    private interface TranslationCheck {
        void apply(String name, String language, Bundle english, Bundle translation);
    }

    @FunctionalInterface
    private interface FileCheck {
        void apply(String fileName, Bundle bundle);
    }

    /** One properties file, read as UTF-8, with its keys in file order and any key given twice. */
    record Bundle(Map<String, String> entries, List<String> duplicates) {

        static Bundle read(Path file) throws IOException {
            Map<String, String> entries = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            Properties recorder = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    String k = Objects.toString(key);
                    if (entries.put(k, Objects.toString(value)) != null) {
                        duplicates.add(k);
                    }
                    return super.put(key, value);
                }
            };
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                recorder.load(reader);
            }
            return new Bundle(entries, duplicates);
        }
    }
}
