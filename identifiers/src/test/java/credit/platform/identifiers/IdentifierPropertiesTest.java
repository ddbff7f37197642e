package credit.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the check algorithms and the canonical key over generated identifiers. */
class IdentifierPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String RESIDENT_ALPHABET = "0123456789X";

    @Provide
    Arbitrary<String> residentIds() {
        return Arbitraries.longs().map(seed -> SyntheticIdentifiers.residentId(new SplittableRandom(seed), TODAY));
    }

    @Provide
    Arbitrary<String> usccs() {
        return Arbitraries.longs().map(seed -> SyntheticIdentifiers.uscc(new SplittableRandom(seed)));
    }

    @Property
    void generatedResidentIdsAlwaysPass(@ForAll("residentIds") String id) {
        assertThat(Identifiers.parse(IdentifierScheme.RESIDENT_ID, id, null, TODAY).value()).isEqualTo(id);
    }

    @Property
    void generatedUsccsAlwaysPass(@ForAll("usccs") String code) {
        assertThat(Identifiers.parse(IdentifierScheme.USCC, code, null, TODAY).value()).isEqualTo(code);
    }

    @Property
    void generatedLegacyResidentIdsConvertToValidEighteenCharacterIds(@ForAll long seed) {
        String legacy = SyntheticIdentifiers.legacyResidentId(new SplittableRandom(seed));
        String converted = Identifiers.parse(IdentifierScheme.RESIDENT_ID, legacy, null, TODAY).value();
        assertThat(converted).hasSize(18).startsWith(legacy.substring(0, 6) + "19" + legacy.substring(6, 12));
        assertThat(Identifiers.parse(IdentifierScheme.RESIDENT_ID, converted, null, TODAY).value()).isEqualTo(converted);
    }

    @Property
    void anySingleCharacterChangeOfAResidentIdIsCaught(@ForAll("residentIds") String id,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 10) int shift) {
        char original = id.charAt(position);
        char replacement = RESIDENT_ALPHABET.charAt((RESIDENT_ALPHABET.indexOf(original) + shift) % 11);
        String changed = id.substring(0, position) + replacement + id.substring(position + 1);
        assertThatThrownBy(() -> Identifiers.parse(IdentifierScheme.RESIDENT_ID, changed, null, TODAY))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Property
    void anySingleCharacterChangeOfAUsccIsCaught(@ForAll("usccs") String code,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 35) int shift) {
        // Replacements from 0-9A-Z: inside the USCC set (caught by a check) or outside it (caught by the set).
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        char replacement = alphabet.charAt((alphabet.indexOf(code.charAt(position)) + shift) % 36);
        String changed = code.substring(0, position) + replacement + code.substring(position + 1);
        assertThatThrownBy(() -> Identifiers.parse(IdentifierScheme.USCC, changed, null, TODAY))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Property
    void normalisationIsIdempotent(@ForAll String raw) {
        String once = Identifiers.normalise(raw);
        assertThat(Identifiers.normalise(once)).isEqualTo(once);
    }

    @Property
    void decoratedValidIdentifiersNormaliseToTheSameValue(@ForAll("residentIds") String id, @ForAll boolean fullWidth,
            @ForAll @IntRange(min = 0, max = 17) int hyphenAt) {
        String decorated = "  " + id.substring(0, hyphenAt) + "-" + id.substring(hyphenAt).toLowerCase() + " ";
        if (fullWidth) {
            decorated = decorated.chars().mapToObj(c -> c > 0x20 && c < 0x7F ? String.valueOf((char) (c + 0xFEE0))
                    : String.valueOf((char) c)).reduce("", String::concat);
        }
        assertThat(Identifiers.parse(IdentifierScheme.RESIDENT_ID, decorated, null, TODAY).value()).isEqualTo(id);
    }

    @Provide
    Arbitrary<String> historicalCodes() {
        return Arbitraries.of(java.util.List.copyOf(new java.util.TreeSet<>(Divisions.gbt2260().historicalCodes())));
    }

    @Property
    void everyCodeThatEverExistedIsAValidAddressCode(@ForAll("historicalCodes") String code,
            @ForAll @IntRange(min = 0, max = 999) int sequence) {
        String first17 = code + "19850615" + "%03d".formatted(sequence);
        String id = first17 + Identifiers.residentCheckCharacter(first17);
        assertThat(Identifiers.parse(IdentifierScheme.RESIDENT_ID, id, null, TODAY).value()).isEqualTo(id);
    }

    @Property
    void canonicalKeyIgnoresEveryWayOfWritingTheSameNumber(@ForAll("residentIds") String id, @ForAll boolean fullWidth,
            @ForAll boolean lowerCase, @ForAll @IntRange(min = 0, max = 17) int separatorAt, @ForAll boolean space) {
        String body = lowerCase ? id.toLowerCase() : id;
        String written = body.substring(0, separatorAt) + (space ? " " : "-") + body.substring(separatorAt);
        if (fullWidth) {
            written = written.chars().mapToObj(c -> c > 0x20 && c < 0x7F ? String.valueOf((char) (c + 0xFEE0))
                    : String.valueOf((char) c)).reduce("", String::concat);
        }
        assertThat(Identifiers.parse(IdentifierScheme.RESIDENT_ID, written, null, TODAY).key())
                .isEqualTo("RESIDENT_ID:" + id);
    }

    @Property
    void legacyAndConvertedNumbersHaveOneKey(@ForAll long seed) {
        String legacy = SyntheticIdentifiers.legacyResidentId(new SplittableRandom(seed));
        Identifier fromLegacy = Identifiers.parse(IdentifierScheme.RESIDENT_ID, legacy, null, TODAY);
        assertThat(Identifiers.parse(IdentifierScheme.RESIDENT_ID, fromLegacy.value(), null, TODAY).key())
                .isEqualTo(fromLegacy.key());
    }
}
