package org.reach.linkage;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes people and the corrupted second registrations field work produces, with a fixed seed: one wrong letter, two
 * letters swapped, day and month swapped, birth year off by one, a parent's name missing (the worker wrote "unknown"),
 * and transliteration or hearing variants of Urdu and Swahili names (Muhammad/Mohammed/Mohamad/MHMD from Urdu
 * script, Hussain/Husain, Wanjiku heard as Wanjiru). Different people who look alike are made too: siblings with the
 * same mother, and Ochieng and Otieno, two different names that must not be taken for one another.
 */
final class FieldDuplicates {

    enum Corruption { EXACT, ONE_WRONG_LETTER, SWAPPED_LETTERS, DAY_MONTH_SWAPPED, BIRTH_YEAR_OFF_BY_ONE,
        PARENT_MISSING, TRANSLITERATION }

    record Person(String mother, String father, String ownFirst, String ownLast, String sex, int year, int month,
                  int day) {
        EncodingInput input() {
            return EncodingInput.full(mother, father, ownFirst, ownLast, sex, year, month, day);
        }
    }

    /** Spellings of one name seen in the field (Latin and transliterated from Urdu script). */
    static final List<List<String>> VARIANTS = List.of(
            List.of("MUHAMMAD", "MOHAMMED", "MOHAMAD", "MUHAMMED", "MHMD"),
            List.of("HUSSAIN", "HUSAIN", "HUSSEIN", "HSYN"),
            List.of("AYESHA", "AISHA", "AYSHA", "AYSH"),
            List.of("FATIMA", "FATMA", "FATUMA", "FATMH"),
            List.of("ABDULLAH", "ABDALLA", "ABDULLA"),
            List.of("YOUSUF", "YUSUF", "YOUSAF", "YWSF"),
            List.of("KHADIJA", "KHADIJAH", "KHDYJH"),
            List.of("WANJIKU", "WANJIRU"),
            List.of("MWANAISHA", "MWANAHAWA"),
            List.of("ATHUMANI", "OTHMAN", "USMAN"),
            List.of("RASHIDI", "RASHID", "RASHEED"),
            List.of("HAMISI", "HAMIS", "KHAMIS"),
            List.of("ZAINAB", "ZEINAB", "ZYNB"),
            List.of("SALIM", "SALEEM", "SELEMANI"));

    private static final List<String> WOMEN = List.of("FATIMA", "AYESHA", "ZAINAB", "RUKHSANA", "SHABANA", "NASREEN",
            "PARVEEN", "KULSOOM", "BUSHRA", "SAMINA", "RAZIA", "NARGIS", "YASMEEN", "HAJRA", "SAIRA", "GULNAZ",
            "MWANAISHA", "ZAWADI", "HALIMA", "REHEMA", "AMINA", "MWAJUMA", "SAIDA", "KHADIJA", "NEEMA", "TATU",
            "ASHA", "WANJIKU", "ACHIENG", "MARIAMU", "SALMA", "NJERI", "WAMBUI", "AKINYI", "NAFULA", "SHAMIM");
    private static final List<String> MEN = List.of("MUHAMMAD", "ABDUL", "GHULAM", "RASHIDI", "BASHIR", "IQBAL",
            "SALIM", "ASLAM", "KARIM", "NAWAZ", "YOUSUF", "HANIF", "TARIQ", "JAMEEL", "QADIR", "SULTAN", "JUMA",
            "OMARI", "BAKARI", "HAMISI", "SWALEH", "KAZUNGU", "BARAKA", "OCHIENG", "KAHINDI", "SAID", "ATHUMANI",
            "MWINYI", "OTIENO", "CHARO", "HUSSAIN", "ABDULLAH", "KAMAU", "MWANGI", "ODHIAMBO", "IMRAN", "BILAL");
    private static final List<String> FAMILY = List.of("KHAN", "AHMED", "BALOCH", "SHAIKH", "QURESHI", "MALIK",
            "BUTT", "CHAUDHRY", "SIDDIQUI", "RAJPUT", "MEMON", "ABBASI", "MWANGI", "OTIENO", "KAMAU", "WANJALA",
            "MOHAMED", "HASSAN", "OMONDI", "KIPROTICH", "CHEBET", "NJOROGE", "MAINA", "KARIUKI", "BARASA", "OUMA");
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SplittableRandom random;

    FieldDuplicates(long seed) {
        random = new SplittableRandom(seed);
    }

    Person person() {
        String sex = random.nextInt(100) < 15 ? "FEMALE" : "MALE";
        String own = sex.equals("FEMALE") ? pick(WOMEN) : pick(MEN);
        return new Person(pick(WOMEN), pick(MEN), own, pick(FAMILY), sex, 1965 + random.nextInt(40),
                1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private static final List<String> SYLLABLES = List.of("MA", "NA", "SA", "RA", "KA", "HA", "JA", "WA", "ZA",
            "BA", "TA", "LA", "DA", "FA", "GA", "YA", "MI", "NI", "SI", "RI", "KI", "JI", "WI", "ZI", "BI", "TI",
            "MU", "NU", "SU", "RU", "KU", "HU", "JU", "DU", "BU", "TU", "MO", "NO", "SO", "RO", "KO", "HO", "JO",
            "AL", "AM", "AN", "AR", "AS", "AZ", "IM", "IN", "IR", "UM", "UN", "ASH", "ISH", "SH", "CH", "NG", "NJ");

    /**
     * A person with names made of syllables (30,000 names per field), for benchmarks of a million
     * people: the small lists of common names above would make a million people far more alike than any country's
     * registry is.
     */
    Person diversePerson() {
        if (diverseNames == null) {
            diverseNames = new String[DIVERSE_NAMES];
            for (int i = 0; i < DIVERSE_NAMES; i++) {
                diverseNames[i] = syllables();
            }
        }
        String sex = random.nextInt(100) < 15 ? "FEMALE" : "MALE";
        return new Person(diverse(), diverse(), diverse(), diverse(), sex, 1965 + random.nextInt(40),
                1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    /** Names per field in the diverse population: 30,000⁴ combinations, few enough to encode each name once. */
    private static final int DIVERSE_NAMES = 30_000;
    private String[] diverseNames;

    private String diverse() {
        return diverseNames[random.nextInt(DIVERSE_NAMES)];
    }

    private String syllables() {
        StringBuilder name = new StringBuilder();
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            name.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
        }
        return name.toString();
    }

    /** A different person who shares the mother, sex and birth year (a sibling or a cousin). */
    Person lookAlike(Person of) {
        String father = of.father().equals("OCHIENG") ? "OTIENO" : of.father().equals("OTIENO") ? "OCHIENG"
                : pick(MEN);
        String own = of.sex().equals("FEMALE") ? pick(WOMEN) : pick(MEN);
        return new Person(of.mother(), father, own, pick(FAMILY), of.sex(), of.year(), 1 + random.nextInt(12),
                1 + random.nextInt(28));
    }

    Person corrupt(Person p, Corruption corruption) {
        return switch (corruption) {
            case EXACT -> p;
            case ONE_WRONG_LETTER -> withName(p, random.nextInt(4), name -> {
                int at = random.nextInt(name.length());
                char replacement;
                do {
                    replacement = LETTERS.charAt(random.nextInt(LETTERS.length()));
                } while (replacement == name.charAt(at));
                return name.substring(0, at) + replacement + name.substring(at + 1);
            });
            case SWAPPED_LETTERS -> withName(p, random.nextInt(4), name -> {
                int at = random.nextInt(name.length() - 1);
                return name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
            });
            case DAY_MONTH_SWAPPED -> new Person(p.mother(), p.father(), p.ownFirst(), p.ownLast(), p.sex(), p.year(),
                    Math.min(p.day(), 12), p.month());
            case BIRTH_YEAR_OFF_BY_ONE -> new Person(p.mother(), p.father(), p.ownFirst(), p.ownLast(), p.sex(),
                    p.year() + (random.nextBoolean() ? 1 : -1), p.month(), p.day());
            case PARENT_MISSING -> random.nextBoolean()
                    ? new Person("", p.father(), p.ownFirst(), p.ownLast(), p.sex(), p.year(), p.month(), p.day())
                    : new Person(p.mother(), "", p.ownFirst(), p.ownLast(), p.sex(), p.year(), p.month(), p.day());
            case TRANSLITERATION -> transliterated(p);
        };
    }

    /** The original with its day and month such that swapping them gives a real date (day 12 or less). */
    Person swappable(Person p) {
        return new Person(p.mother(), p.father(), p.ownFirst(), p.ownLast(), p.sex(), p.year(), p.month(),
                1 + random.nextInt(12));
    }

    /** A person whose names include one with known variants, and the same person with another spelling. */
    Person[] transliterationPair(Person base) {
        List<String> variants = VARIANTS.get(random.nextInt(VARIANTS.size()));
        int field = random.nextInt(3);
        String first = variants.get(0);
        String other = variants.get(1 + random.nextInt(variants.size() - 1));
        Person original = withName(base, field, name -> first);
        return new Person[] {original, withName(original, field, name -> other)};
    }

    private Person transliterated(Person p) {
        for (int field = 0; field < 4; field++) {
            String name = nameOf(p, field);
            for (List<String> variants : VARIANTS) {
                if (variants.contains(name)) {
                    String other = variants.get(random.nextInt(variants.size()));
                    if (!other.equals(name)) {
                        return withName(p, field, n -> other);
                    }
                }
            }
        }
        return p;
    }

    private static String nameOf(Person p, int field) {
        return switch (field) {
            case 0 -> p.mother();
            case 1 -> p.father();
            case 2 -> p.ownFirst();
            default -> p.ownLast();
        };
    }

    private static Person withName(Person p, int field, java.util.function.UnaryOperator<String> change) {
        return switch (field) {
            case 0 -> new Person(change.apply(p.mother()), p.father(), p.ownFirst(), p.ownLast(), p.sex(), p.year(),
                    p.month(), p.day());
            case 1 -> new Person(p.mother(), change.apply(p.father()), p.ownFirst(), p.ownLast(), p.sex(), p.year(),
                    p.month(), p.day());
            case 2 -> new Person(p.mother(), p.father(), change.apply(p.ownFirst()), p.ownLast(), p.sex(), p.year(),
                    p.month(), p.day());
            default -> new Person(p.mother(), p.father(), p.ownFirst(), change.apply(p.ownLast()), p.sex(), p.year(),
                    p.month(), p.day());
        };
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size())).toUpperCase(Locale.ROOT);
    }

}
