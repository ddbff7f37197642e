package credit.platform.sanctions.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubjectKeyTest {

    @Test
    void residentIdsThatDifferOnlyInTheCheckCharacterGetDifferentKeys() {
        long x = SubjectKey.residentId("11010519491231002X").exact();
        long nine = SubjectKey.residentId("110105194912310029").exact();

        assertThat(x).isNotZero().isNotEqualTo(nine);
        assertThat(SubjectKey.residentId("11010519491231002x").exact()).isEqualTo(x);
    }

    @Test
    void passportKeysTellCountryLengthAndLeadingZerosApart() {
        assertThat(SubjectKey.passport("CHN", "E12345678").exact())
                .isNotEqualTo(SubjectKey.passport("USA", "E12345678").exact())
                .isNotEqualTo(SubjectKey.passport("CHN", "E1234567").exact());
        assertThat(SubjectKey.passport("CHN", "0123").exact()).isNotEqualTo(SubjectKey.passport("CHN", "123").exact());
        assertThat(SubjectKey.passport("CHN", "E12345678").exact())
                .isNotEqualTo(SubjectKey.residentId("11010519491231002X").exact());
    }

    @Test
    void identifiersWithoutAnExactEncodingAreKeyedByTheirFullText() {
        assertThat(SubjectKey.uscc("91350200776049653A").exact()).isZero();
        assertThat(SubjectKey.passport("CHN", "E1234567890").exact()).isZero();
        assertThat(SubjectKey.uscc("91350200776049653A").text()).isEqualTo("USCC::91350200776049653A");
    }

    /** Injective, not a hash: a million random distinct identifiers, a million distinct keys. */
    @Test
    void noTwoDifferentIdentifiersShareAKey() {
        Random random = new Random(7);
        Map<Long, String> seen = new HashMap<>();
        for (int i = 0; i < 1_000_000; i++) {
            SubjectKey key;
            if (random.nextBoolean()) {
                StringBuilder b = new StringBuilder();
                for (int d = 0; d < 17; d++) {
                    b.append((char) ('0' + random.nextInt(10)));
                }
                int check = random.nextInt(11);
                b.append(check == 10 ? 'X' : (char) ('0' + check));
                key = SubjectKey.residentId(b.toString());
            } else {
                String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                StringBuilder b = new StringBuilder();
                for (int d = 0, n = 1 + random.nextInt(9); d < n; d++) {
                    b.append(alphabet.charAt(random.nextInt(36)));
                }
                key = SubjectKey.passport(random.nextBoolean() ? "CHN" : "HKG", b.toString());
            }
            String previous = seen.putIfAbsent(key.exact(), key.text());
            assertThat(previous == null || previous.equals(key.text())).as("collision %s / %s", previous, key.text()).isTrue();
        }
    }
}
