package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reach.platform.IdentifyingText.Kind;

/** The one rule every capability asks before it stores free text. */
class IdentifyingTextTest {

    @Test
    void phoneAndIdentityCardNumbersAreFoundWithSpacesAndDashes() {
        assertThat(IdentifyingText.find("call 0300 1234567 after dark")).containsExactly(Kind.NUMBER);
        assertThat(IdentifyingText.find("+254 722-123-456")).containsExactly(Kind.NUMBER);
        assertThat(IdentifyingText.find("CNIC 42101-1234567-1")).contains(Kind.NUMBER, Kind.NAME_CUE);
    }

    @Test
    void countsDosesAndDatesAreNotNumbersThatIdentify() {
        assertThat(IdentifyingText.find("gave 20 syringes and 2 naloxone kits, 40 mg methadone on 2026-03-01")).isEmpty();
        assertThat(IdentifyingText.looksIdentifying("about 150 people at 3 hotspots")).isFalse();
    }

    @Test
    void cuesThatANameFollowsInEnglishUrduAndSwahili() {
        assertThat(IdentifyingText.looksIdentifying("his name is Ali")).isTrue();
        assertThat(IdentifyingText.looksIdentifying("uska naam Bilal hai")).isTrue();
        assertThat(IdentifyingText.looksIdentifying("jina lake ni Juma")).isTrue();
        assertThat(IdentifyingText.looksIdentifying("Mr. Khan sells at the bridge")).isTrue();
        assertThat(IdentifyingText.looksIdentifying("Naseem bhai runs the den")).isTrue();
    }

    @Test
    void twoCapitalisedWordsAreReportedApartBecauseAPlaceLooksTheSame() {
        assertThat(IdentifyingText.find("met near Lyari Expressway")).containsExactly(Kind.CAPITALISED_PAIR);
        assertThat(IdentifyingText.looksIdentifying("met near Lyari Expressway")).isFalse();
        assertThat(IdentifyingText.find(null)).isEmpty();
        assertThat(IdentifyingText.find("   ")).isEmpty();
    }
}
