package credit.platform.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GB/T 2260 administrative division codes, present and past (see {@code divisions.SOURCE.md} next to
 * the data): {@code divisions.csv} holds the 2,978 current county-level codes,
 * {@code divisions-history.csv} every other code published since 1980 — retired prefectures and
 * counties (Laiwu {@code 3712}, Chaohu {@code 3414}, Turpan {@code 6521}, Hami {@code 6522}, the
 * former counties of Beijing {@code 1102xx}, …) included.
 *
 * <p><b>Rule: reject only what never existed.</b> A resident ID keeps the address code it was issued
 * under for life, and a USCC keeps its division code, so a code is accepted when it is, or was, a
 * division: a listed code (current or historical, any level), or a prefecture ({@code PPCC00}) or
 * province ({@code PP0000}) of one. The issue date of a number is not known (only the birth date),
 * so no code is judged by its years. Resident IDs also accept the address codes of residence permits
 * for Hong Kong, Macao and Taiwan residents ({@code 810000}, {@code 820000}, {@code 830000}).
 */
public final class Divisions {

    /** Address codes of residence permits for Hong Kong, Macao and Taiwan residents (国办发〔2018〕81号). */
    public static final Map<String, String> RESIDENCE_PERMIT_CODES = Map.of(
            "810000", "Hong Kong residents", "820000", "Macao residents", "830000", "Taiwan residents");

    private static final Divisions INSTANCE = load();

    private final List<String> counties;
    private final Set<String> current;
    private final Map<String, Historical> historical;
    private final Set<String> provinces = new HashSet<>();
    private final Set<String> prefectures = new HashSet<>();

    /** A code of the historical table: its level and the years it was introduced and retired ({@code 0}: still in use). */
    public record Historical(String code, String name, String level, String status, int introduced, int retired) {
    }

    private Divisions(List<String> counties, Map<String, Historical> historical) {
        this.counties = List.copyOf(counties);
        this.current = new HashSet<>(counties);
        this.historical = Map.copyOf(historical);
        for (String c : counties) {
            known(c);
        }
        for (String c : historical.keySet()) {
            known(c);
        }
    }

    private void known(String code) {
        provinces.add(code.substring(0, 2));
        if (!code.substring(2, 4).equals("00")) {
            prefectures.add(code.substring(0, 4));
        }
    }

    public static Divisions gbt2260() {
        return INSTANCE;
    }

    /** Every current county-level code, in file order (for generators). */
    public List<String> counties() {
        return Collections.unmodifiableList(counties);
    }

    /** A current county-level code. */
    public boolean isCounty(String code) {
        return current.contains(code);
    }

    /** The historical entry of a code no longer (or not only) in the current table; null when there is none. */
    public Historical historical(String code) {
        return historical.get(code);
    }

    /** Every code of the historical table (for tests and generators). */
    public Set<String> historicalCodes() {
        return historical.keySet();
    }

    /**
     * Why {@code code} is not a division code, or null when it is one.
     *
     * @param allowNational accept {@code 100000} (the national level, used by USCCs of central bodies)
     */
    public String problem(String code, boolean allowNational) {
        if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return code + " is not six digits";
        }
        if (allowNational && code.equals("100000")) {
            return null;
        }
        if (current.contains(code) || historical.containsKey(code)) {
            return null;
        }
        String province = code.substring(0, 2);
        if (!provinces.contains(province)) {
            return "no province " + province + " has ever been in GB/T 2260";
        }
        String prefecture = code.substring(2, 4);
        String county = code.substring(4, 6);
        if (prefecture.equals("00")) {
            return county.equals("00") ? null : "county part " + county + " without a prefecture";
        }
        if (!prefectures.contains(code.substring(0, 4))) {
            return "no prefecture " + code.substring(0, 4) + " has ever been in GB/T 2260";
        }
        return county.equals("00") ? null : "no county " + code + " has ever been in GB/T 2260";
    }

    /**
     * Why {@code code} is not the address code of a resident identity number, or null when it is one:
     * a division that exists or existed, or a residence-permit code ({@link #RESIDENCE_PERMIT_CODES}).
     */
    public String addressProblem(String code) {
        return RESIDENCE_PERMIT_CODES.containsKey(code) ? null : problem(code, false);
    }

    private static Divisions load() {
        List<String> counties = new ArrayList<>();
        for (String[] row : rows("divisions.csv")) {
            counties.add(row[0].strip());
        }
        Map<String, Historical> historical = new HashMap<>();
        for (String[] row : rows("divisions-history.csv")) {
            historical.putIfAbsent(row[0].strip(), new Historical(row[0].strip(), row[1], row[2], row[3],
                    year(row[4]), year(row[5])));
        }
        return new Divisions(counties, historical);
    }

    private static int year(String s) {
        return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = Divisions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the identifiers library");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
