package credit.platform.systemtests;

/** Valid 18-digit resident identity numbers (GB 11643: ISO 7064 MOD 11-2 check character). */
final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIds() {
    }

    /** @param first17 region (6), birth date yyyyMMdd (8) and sequence (3) */
    static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }
}
