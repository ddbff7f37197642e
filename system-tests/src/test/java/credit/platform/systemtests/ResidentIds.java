package credit.platform.systemtests;

import credit.platform.identifiers.Identifiers;

/** Valid 18-digit resident identity numbers, check character from the identifier kernel. */
final class ResidentIds {

    private ResidentIds() {
    }

    /** @param first17 region (6), birth date yyyyMMdd (8) and sequence (3) */
    static String withCheckCharacter(String first17) {
        return first17 + Identifiers.residentCheckCharacter(first17);
    }
}
