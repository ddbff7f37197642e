package credit.platform.gateway.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import credit.platform.gateway.audit.domain.TravelAnswer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of travel checks ({@link TravelCheckScanner}) against the whole-body reference
 * ({@link TravelCheckBodies}): the same documents and decisions, in order, for any well-formed single
 * check or batch cut into any chunks — including decoy {@code decision} and {@code document} fields
 * nested where they must not count.
 */
class TravelCheckScannerTest {

    record Check(String json, String scheme, String number) {
    }

    @Property(tries = 300)
    void readsWhatTheReferenceReadsWhateverTheChunks(@ForAll("checks") List<Check> checks,
            @ForAll("decisions") List<Boolean> denies, @ForAll boolean batch,
            @ForAll @Size(max = 10) List<@IntRange(min = 1, max = 300) Integer> cuts) {
        List<Check> asked = batch ? checks : checks.subList(0, 1);
        int answered = batch ? Math.min(asked.size(), denies.size()) : 1;
        String request = batch ? "{\"checks\":[" + String.join(",", asked.stream().map(Check::json).toList())
                + "],\"selfContainedReceipts\":false}" : asked.get(0).json();
        List<String> results = new ArrayList<>();
        for (int i = 0; i < answered; i++) {
            results.add(result(i, denies.get(i % denies.size())));
        }
        String answer = batch ? "{\"results\":[" + String.join(" , ", results) + "],\"receipt\":\"env\"}"
                : results.get(0);

        List<TravelAnswer> expected = TravelCheckBodies.answers(batch, bytes(request), bytes(answer));
        assertThat(scanned(request, answer, batch, cuts)).isEqualTo(expected);
        assertThat(expected).hasSize(answered);
    }

    /**
     * The batch's number of checks (what the client's budget is charged, read by the same scan as the
     * documents): the elements of the top-level {@code checks} array, whatever they are, the last array
     * when given twice; a {@code checks} nested elsewhere never counts.
     */
    @Property(tries = 200)
    void countsABatchsChecksAsTheReferenceDoesWhateverTheChunks(@ForAll("elements") List<String> elements,
            @ForAll boolean twice, @ForAll @Size(max = 10) List<@IntRange(min = 1, max = 300) Integer> cuts) {
        String list = "[" + String.join(",", elements) + "]";
        String request = "{\"note\":{\"checks\":[1,2]},\"checks\":" + list
                + (twice ? ",\"checks\":[" + String.join(",", elements.subList(0, elements.size() / 2)) + "]" : "")
                + ",\"selfContainedReceipts\":false}";
        TravelCheckScanner in = new TravelCheckScanner(TravelCheckScanner.Side.REQUEST, true);
        feed(in, bytes(request), cuts);
        assertThat(in.checks()).isEqualTo(TravelCheckBodies.checks(bytes(request)))
                .isEqualTo(twice ? elements.size() / 2 : elements.size());
    }

    @Provide
    Arbitrary<List<String>> elements() {
        return Arbitraries.of("{\"passengerRef\":\"P\",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"1\"}}",
                "{\"checks\":[{},{}]}", "1", "null", "\"x\"", "[1,[2]]", "true", "{}")
                .list().ofMaxSize(40);
    }

    @Test
    void aSingleCheckRouteIgnoresABatchShapedBodyItsServiceIgnoresToo() {
        String request = "{\"checks\":[{\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"A\"}}],"
                + "\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"B\"}}";
        String answer = "{\"decision\":\"DENY\",\"results\":[{\"decision\":\"ALLOW\"}]}";
        assertThat(scanned(request, answer, false, List.of()))
                .containsExactly(new TravelAnswer("RESIDENT_ID", "B", "", true));
    }

    /**
     * Regression (attack suite, body shapes): a second {@code document} in the first version's names after
     * a decoy in the current names was read as the decoy (the fields merged), while a service reading the
     * last value checks the second. The services now refuse a field given twice; read here, the last counts.
     */
    @Test
    void aDocumentGivenTwiceCountsAsTheLastOneNeverAMergeWithTheDecoy() {
        String request = "{\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"DECOY\",\"country\":\"CHN\"},"
                + "\"document\":{\"scheme\":\"RESIDENT_ID\",\"value\":\"REAL\"}}";
        assertThat(scanned(request, "{\"decision\":\"DENY\"}", false, List.of(7)))
                .containsExactly(new TravelAnswer("RESIDENT_ID", "REAL", "", true));
        String batch = "{\"checks\":[{\"document\":{\"type\":\"PASSPORT\",\"number\":\"DECOY\"},"
                + "\"document\":{\"scheme\":\"RESIDENT_ID\",\"value\":\"REAL\"}}]}";
        assertThat(scanned(batch, "{\"results\":[{\"decision\":\"DENY\"}]}", true, List.of()))
                .containsExactly(new TravelAnswer("RESIDENT_ID", "REAL", "", true));
    }

    @Test
    void aBatchWhoseChecksAreGivenTwiceIsReadAsTheLastList() {
        String request = "{\"checks\":[{\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"DECOY\"}}],"
                + "\"checks\":[{\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"REAL\"}}]}";
        assertThat(scanned(request, "{\"results\":[{\"decision\":\"DENY\"}]}", true, List.of(5)))
                .containsExactly(new TravelAnswer("RESIDENT_ID", "REAL", "", true));
    }

    /** A resident ID sent as a JSON number is bound as that number's text; a decoy in {@code value} never counts. */
    @Test
    void aNumberSentAsAJsonNumberIsThatNumberAndNullClearsAField() {
        String request = "{\"document\":{\"type\":\"RESIDENT_ID\",\"number\":110105198001011238,"
                + "\"value\":\"DECOY\"}}";
        assertThat(scanned(request, "{\"decision\":\"DENY\"}", false, List.of(3)))
                .containsExactly(new TravelAnswer("RESIDENT_ID", "110105198001011238", "", true));
        String cleared = "{\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"DECOY\",\"number\":null,"
                + "\"value\":\"REAL\"}}";
        assertThat(scanned(cleared, "{\"decision\":\"DENY\"}", false, List.of()))
                .containsExactly(new TravelAnswer("RESIDENT_ID", "REAL", "", true));
    }

    @Test
    void somethingThatIsNotJsonYieldsNoDecision() {
        assertThat(scanned("garbage", "{\"decision\":", false, List.of(3))).isEmpty();
    }

    private static List<TravelAnswer> scanned(String request, String answer, boolean batch, List<Integer> cuts) {
        TravelCheckScanner in = new TravelCheckScanner(TravelCheckScanner.Side.REQUEST, batch);
        TravelCheckScanner out = new TravelCheckScanner(TravelCheckScanner.Side.ANSWER, batch);
        feed(in, bytes(request), cuts);
        feed(out, bytes(answer), cuts);
        List<String[]> documents = in.documents();
        List<TravelAnswer> answers = new ArrayList<>();
        for (int i = 0; i < out.decisions(); i++) {
            String[] d = i < documents.size() ? documents.get(i) : new String[] {"", "", ""};
            answers.add(new TravelAnswer(d[0], d[1], d[2], out.deny(i)));
        }
        return answers;
    }

    private static void feed(TravelCheckScanner scanner, byte[] body, List<Integer> cuts) {
        int pos = 0;
        int i = 0;
        while (pos < body.length) {
            int n = Math.min(body.length - pos, cuts.isEmpty() ? body.length : cuts.get(i++ % cuts.size()));
            byte[] chunk = java.util.Arrays.copyOfRange(body, pos, pos + n);
            scanner.feed(chunk, 0, n);
            pos += n;
        }
        scanner.end();
    }

    private static String result(int i, boolean deny) {
        return "{\"passengerRef\":\"P" + i + "\",\"decision\":\"" + (deny ? "DENY" : "ALLOW")
                + "\",\"reasons\":[{\"code\":\"X\",\"decision\":\"DENY\",\"document\":{\"number\":\"decoy\"}}],"
                + "\"asOf\":{\"sequence\":5,\"decision\":\"DENY\"},\"receipt\":\"a.b.c~\\\"decision\\\":\\\"DENY\\\"\"}";
    }

    @Provide
    Arbitrary<List<Boolean>> decisions() {
        return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Check>> checks() {
        Arbitrary<String> number = Arbitraries.strings().withChars("0123456789X").ofMinLength(0).ofMaxLength(18);
        Arbitrary<String> scheme = Arbitraries.of("RESIDENT_ID", "PASSPORT", "FOREIGN_PERMANENT_RESIDENT_ID", "");
        Arbitrary<Integer> form = Arbitraries.integers().between(0, 3);
        Arbitrary<String> noise = Arbitraries.strings().withChars("ab \\\"{}[]:,decision").ofMaxLength(20)
                .map(s -> s.replace("\\", "\\\\").replace("\"", "\\\""));
        Arbitrary<Check> check = Combinators.combine(scheme, number, form, noise).as((s, n, f, x) -> {
            String document = switch (f) {
                case 0 -> "\"document\":{\"type\":\"" + s + "\",\"number\":\"" + n + "\",\"country\":\"CHN\"}";
                case 1 -> "\"document\":{\"scheme\":\"" + s + "\",\"value\":\"" + n + "\",\"issuingCountry\":\"CHN\"}";
                case 2 -> "\"document\":{\"number\":\"" + n + "\",\"type\":\"" + s + "\",\"country\":null}";
                default -> "\"nested\":{\"document\":{\"type\":\"PASSPORT\",\"number\":\"decoy\"}}";
            };
            String json = "{\"passengerRef\":\"" + x + "\", " + document + ",\"name\":\"" + x
                    + "\",\"mode\":\"AIR\",\"tags\":[{\"document\":{\"number\":\"decoy\"}}]}";
            return f == 3 ? new Check(json, "", "") : new Check(json, s, n);
        });
        return check.list().ofMinSize(1).ofMaxSize(30);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
