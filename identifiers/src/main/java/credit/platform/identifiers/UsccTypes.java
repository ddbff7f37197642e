package credit.platform.identifiers;

import java.util.Map;
import java.util.Set;

/**
 * GB 32100-2015 Annex: registration-authority code (position 1) and the organisation-type codes
 * (position 2) each authority may issue.
 */
public final class UsccTypes {

    /** Authority → permitted type codes. */
    static final Map<Character, String> TABLE = Map.ofEntries(
            Map.entry('1', "1239"),  // staffing authority: organ of state, public institution, mass organisation, other
            Map.entry('2', "19"),    // foreign affairs: resident foreign press, other
            Map.entry('3', "123459"), // justice: law firm, notary, legal service, forensic, arbitration, other
            Map.entry('4', "19"),    // culture: foreign cultural centre, other
            Map.entry('5', "1239"),  // civil affairs: social organisation, private non-enterprise unit, foundation, other
            Map.entry('6', "129"),   // tourism: foreign / HK-Macao-Taiwan tourism offices, other
            Map.entry('7', "129"),   // religious affairs: venues, colleges, other
            Map.entry('8', "19"),    // trade unions: grassroots union, other
            Map.entry('9', "123"),   // market regulation: enterprise, individual business, farmers' cooperative
            Map.entry('A', "19"),    // Central Military Commission: military public institution, other
            Map.entry('N', "1239"),  // agriculture: collective economic organisations (group, village, township), other
            Map.entry('Y', "1"));    // other registration authorities

    private UsccTypes() {
    }

    public static boolean permitted(char authority, char type) {
        String types = TABLE.get(authority);
        return types != null && types.indexOf(type) >= 0;
    }

    public static Set<Character> authorities() {
        return TABLE.keySet();
    }

    public static String typesOf(char authority) {
        return TABLE.getOrDefault(authority, "");
    }
}
