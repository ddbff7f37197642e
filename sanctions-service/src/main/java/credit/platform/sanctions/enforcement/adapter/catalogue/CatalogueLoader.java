package credit.platform.sanctions.enforcement.adapter.catalogue;

import credit.platform.sanctions.enforcement.domain.JointSanctionRule;
import credit.platform.sanctions.enforcement.domain.Measure;
import credit.platform.sanctions.enforcement.domain.MeasureKind;
import credit.platform.sanctions.enforcement.domain.SanctionCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the versioned catalogue of measures and joint-sanction rules ({@code sanctions/catalogue.json}). */
public final class CatalogueLoader {

    public static final String DEFAULT = "sanctions/catalogue.json";

    private CatalogueLoader() {
    }

    public static SanctionCatalogue fromClasspath(String resource) {
        try (InputStream in = CatalogueLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalogue " + resource + " not on the classpath");
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SanctionCatalogue parse(JsonNode root) {
        List<Measure> measures = new ArrayList<>();
        for (JsonNode m : root.get("measures")) {
            List<Measure.Bar> bars = new ArrayList<>();
            if (m.has("bars")) {
                for (JsonNode b : m.get("bars")) {
                    bars.add(new Measure.Bar(b.get("mode").asString(), strings(b, "trains"), strings(b, "seats")));
                }
            }
            measures.add(new Measure(m.get("code").asString(), MeasureKind.valueOf(m.get("kind").asString()),
                    m.get("description").asString(), m.get("legalBasis").asString(), bars));
        }
        List<JointSanctionRule> rules = new ArrayList<>();
        for (JsonNode r : root.get("rules")) {
            List<String> codes = new ArrayList<>();
            r.get("measures").forEach(c -> codes.add(c.asString()));
            List<String> signatories = new ArrayList<>();
            if (r.has("signatories")) {
                r.get("signatories").forEach(s -> signatories.add(s.asString()));
            }
            rules.add(new JointSanctionRule(r.get("id").asString(), text(r, "listId"), text(r, "listKind"),
                    r.get("reasonCode").asString(), codes,
                    text(r, "maxDuration") == null ? null : Period.parse(text(r, "maxDuration")),
                    signatories, r.get("appeal").asString(), r.get("legalBasis").asString(), text(r, "modelId"),
                    grades(r)));
        }
        return new SanctionCatalogue(root.get("version").asString(), measures, rules);
    }

    /**
     * The grades that trigger a grade rule: {@code gradeScale} (best first) cut at
     * {@code gradeAtOrBelow} (that grade and every worse one) or {@code gradeAtOrAbove} (that grade and
     * every better one).
     */
    static List<String> grades(JsonNode rule) {
        if (text(rule, "modelId") == null) {
            return List.of();
        }
        List<String> scale = new ArrayList<>();
        if (rule.has("gradeScale")) {
            rule.get("gradeScale").forEach(g -> scale.add(g.asString()));
        }
        String below = text(rule, "gradeAtOrBelow");
        String above = text(rule, "gradeAtOrAbove");
        String bound = below != null ? below : above;
        int at = scale.indexOf(bound);
        if (bound == null || at < 0) {
            throw new IllegalArgumentException("grade rule " + text(rule, "id")
                    + " needs gradeAtOrBelow or gradeAtOrAbove, one of its gradeScale " + scale);
        }
        return below != null ? List.copyOf(scale.subList(at, scale.size())) : List.copyOf(scale.subList(0, at + 1));
    }

    private static Set<String> strings(JsonNode node, String field) {
        Set<String> out = new LinkedHashSet<>();
        if (node.has(field)) {
            node.get(field).forEach(v -> out.add(v.asString()));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
