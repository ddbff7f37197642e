package credit.platform.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GB/T 2260 administrative division codes (resource {@code divisions.csv}, 2,978 county-level
 * codes; see {@code divisions.SOURCE.md}). A code is accepted when it is a listed county, or a
 * prefecture ({@code PPCC00}) or province ({@code PP0000}) of a listed county. Codes whose county
 * part is not listed but whose prefecture is are accepted too: counties are renumbered over the
 * years and people keep the resident ID issued under a retired code, so the check is "real
 * province and prefecture", not "county still exists".
 */
public final class Divisions {

    private static final Divisions INSTANCE = load();

    private final List<String> counties;
    private final Set<String> countySet;
    private final Set<String> provinces = new HashSet<>();
    private final Set<String> prefectures = new HashSet<>();

    private Divisions(List<String> counties) {
        this.counties = List.copyOf(counties);
        this.countySet = new HashSet<>(counties);
        for (String c : counties) {
            provinces.add(c.substring(0, 2));
            prefectures.add(c.substring(0, 4));
        }
    }

    public static Divisions gbt2260() {
        return INSTANCE;
    }

    /** Every listed county-level code, in file order (for generators). */
    public List<String> counties() {
        return Collections.unmodifiableList(counties);
    }

    public boolean isCounty(String code) {
        return countySet.contains(code);
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
        String province = code.substring(0, 2);
        if (!provinces.contains(province)) {
            return "no province " + province + " in GB/T 2260";
        }
        String prefecture = code.substring(2, 4);
        String county = code.substring(4, 6);
        if (prefecture.equals("00")) {
            return county.equals("00") ? null : "county part " + county + " without a prefecture";
        }
        if (!prefectures.contains(code.substring(0, 4))) {
            return "no prefecture " + code.substring(0, 4) + " in GB/T 2260";
        }
        return null;
    }

    private static Divisions load() {
        try (InputStream in = Divisions.class.getResourceAsStream("divisions.csv")) {
            if (in == null) {
                throw new IllegalStateException("divisions.csv missing from the identifiers library");
            }
            List<String> codes = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    codes.add(line.substring(0, line.indexOf(',')).strip());
                }
            }
            return new Divisions(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
