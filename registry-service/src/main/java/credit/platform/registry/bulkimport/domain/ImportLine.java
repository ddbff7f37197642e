package credit.platform.registry.bulkimport.domain;

import credit.platform.registry.subject.domain.SubjectDraft;
import credit.platform.registry.subject.domain.SubjectDraft.IdentifierDraft;

/** One line of an import file, read but not yet validated. */
public sealed interface ImportLine {

    /** A line with its number in the file (1-based, counting header and blank lines). */
    record Numbered(long number, ImportLine line) {
    }

    /** A subject to register (or find, when an identifier is already registered). */
    record SubjectLine(SubjectDraft subject) implements ImportLine {
    }

    /** A relationship between two subjects named by an identifier each; days as ISO strings. */
    record RelationshipLine(String type, IdentifierDraft from, IdentifierDraft to, String validFrom, String validTo,
            int shareBasisPoints) implements ImportLine {
    }

    /** A permit of the subject named by {@code holder}. */
    record PermitLine(IdentifierDraft holder, String type, String issuer, String number, String validFrom,
            String validTo, String status) implements ImportLine {
    }

    /** A line that could not be read (bad JSON, wrong CSV column count). */
    record Unreadable(String rule, String message) implements ImportLine {
    }
}
