package credit.platform.sanctions.enforcement.domain;

/**
 * The capacity in which a person is bound by a measure on a company: for a listed company the same
 * restrictions bind its legal representative, principal, directly responsible persons and actual
 * controller (docs/domain.md, "Who a company's listing binds").
 */
public enum Role {
    LEGAL_REPRESENTATIVE("legal representative"),
    PRINCIPAL("principal"),
    DIRECTLY_RESPONSIBLE_PERSON("directly responsible person"),
    ACTUAL_CONTROLLER("actual controller");

    private final String words;

    Role(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
