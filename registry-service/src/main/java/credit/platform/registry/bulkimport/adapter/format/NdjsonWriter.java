package credit.platform.registry.bulkimport.adapter.format;

import credit.platform.registry.bulkimport.domain.ImportLine;
import credit.platform.registry.subject.domain.SubjectDraft.IdentifierDraft;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes import lines as NDJSON (the generator's file output; the inverse of {@link ImportFormats#ndjson}). */
public final class NdjsonWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NdjsonWriter() {
    }

    public static String line(ImportLine line) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (line) {
            case ImportLine.SubjectLine s -> {
                m.put("kind", s.subject().kind());
                m.put("identifiers", s.subject().identifiers().stream().map(NdjsonWriter::identifier).toList());
                m.put("name", s.subject().name());
                m.put("latinName", s.subject().latinName());
                m.put("registrationRegion", s.subject().registrationRegion());
            }
            case ImportLine.RelationshipLine r -> {
                m.put("record", "relationship");
                m.put("type", r.type());
                m.put("from", identifier(r.from()));
                m.put("to", identifier(r.to()));
                m.put("validFrom", r.validFrom());
                m.put("validTo", r.validTo());
                if (r.shareBasisPoints() != 0) {
                    m.put("shareBasisPoints", r.shareBasisPoints());
                }
            }
            case ImportLine.PermitLine p -> {
                m.put("record", "permit");
                m.put("holder", identifier(p.holder()));
                m.put("type", p.type());
                m.put("issuer", p.issuer());
                m.put("number", p.number());
                m.put("validFrom", p.validFrom());
                m.put("validTo", p.validTo());
                m.put("status", p.status());
            }
            case ImportLine.Unreadable u -> throw new IllegalArgumentException("nothing to write");
        }
        return JSON.writeValueAsString(m);
    }

    private static Map<String, Object> identifier(IdentifierDraft i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", i.scheme());
        m.put("value", i.value());
        if (i.issuingCountry() != null) {
            m.put("issuingCountry", i.issuingCountry());
        }
        return m;
    }

}
