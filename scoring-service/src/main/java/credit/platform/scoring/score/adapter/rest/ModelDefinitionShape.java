package credit.platform.scoring.score.adapter.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shape of a scoring model definition as {@code POST /api/v1/scores/models} takes it, for the API
 * description only: the controller reads the body as a map and {@code ModelDefinition.parse} checks it
 * (its javadoc is the authority; same shape as the YAML seeds in {@code models/}).
 */
@Schema(name = "ScoringModelDefinition", description = "A scoring model version: rules over list records and "
        + "permits, grade bands. Checked field by field on publication; stored versions never change.")
record ModelDefinitionShape(
        @Schema(example = "corporate-compliance") String id,
        @Schema(example = "3") int version,
        @Schema(allowableValues = {"PERSON", "LEGAL_ENTITY", "GOVERNMENT_BODY"}, example = "LEGAL_ENTITY") String subjectKind,
        @Schema(example = "national") String jurisdiction,
        @Schema(description = "ISO instant or date (Asia/Shanghai); absent = now", example = "2026-07-01")
        String effectiveFrom,
        boolean defaultForKind,
        @Schema(example = "1000") long basePoints,
        List<Rule> rules,
        List<Band> bands) {

    /** A list rule ({@code list} or {@code listKind}) or a permit rule ({@code permit}). */
    record Rule(@Schema(example = "spc-dishonest") String id, @Schema(example = "spc-dishonest-debtors") String list,
            @Schema(allowableValues = {"BLACK", "RED", "IRREGULARITY", "WATCH", "PENALTY"}) String listKind,
            String ground, @Schema(example = "-100") Long pointsPerRecord, @Schema(example = "200") Long cap,
            String description, Decay decay, Via via, Permit permit, Long pointsPerPermit) {
    }

    record Decay(@Schema(example = "365") int fullDays, @Schema(example = "730") int fadeDays) {
    }

    record Via(@Schema(example = "LEGAL_REPRESENTATIVE") String type,
            @Schema(allowableValues = {"OUTGOING", "INCOMING"}) String direction) {
    }

    record Permit(@Schema(example = "FOOD_BUSINESS") String kind,
            @Schema(allowableValues = {"EXPIRED", "MISSING"}) String condition) {
    }

    record Band(@Schema(example = "A") String grade, @Schema(description = "absent for the lowest band", example = "950")
            Long minPoints) {
    }
}
