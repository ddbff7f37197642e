package credit.platform.sanctions.travel.adapter.mongo;

import credit.platform.sanctions.travel.domain.DecisionLog;
import credit.platform.sanctions.travel.domain.DecisionLogEntry;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The decision log, collection {@code travel_decisions}: one document per DENY, keyed by its
 * decision id (a single-document insert): time, client, reasons (code, measure, list, record,
 * capacity), trip and index sequence — never the passenger's name or document number; the document
 * only as {@code documentRef}, an HMAC-SHA256 under {@code credit.sanctions.decision-log.fingerprint-key}.
 */
@Repository
class MongoDecisionLog implements DecisionLog {

    static final String DECISIONS = "travel_decisions";

    private final MongoTemplate mongo;
    private final byte[] fingerprintKey;

    MongoDecisionLog(MongoTemplate mongo,
            @org.springframework.beans.factory.annotation.Value("${credit.sanctions.decision-log.fingerprint-key:dev-only-decision-log-fingerprint-key}")
            String fingerprintKey) {
        this.mongo = mongo;
        this.fingerprintKey = fingerprintKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** HMAC-SHA256 of the document under this service's key: finds a person's denials, reveals no number. */
    String documentRef(credit.platform.sanctions.enforcement.domain.SubjectKey key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(fingerprintKey, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal((key.scheme() + ":" + key.country() + ":" + key.value())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public java.util.List<DecisionLogEntry> denialsOf(
            java.util.List<credit.platform.sanctions.enforcement.domain.SubjectKey> documents, int limit) {
        if (documents.isEmpty()) {
            return java.util.List.of();
        }
        var query = org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("documentRef")
                                .in(documents.stream().map(this::documentRef).distinct().toList()))
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "decidedAt"))
                .limit(limit);
        return mongo.find(query, Document.class, DECISIONS).stream().map(d -> new DecisionLogEntry(d.getString("_id"),
                d.getDate("decidedAt").toInstant(), d.getString("client"),
                d.getList("reasons", Document.class).stream().map(r -> new credit.platform.sanctions.travel.domain.Reason(
                        r.getString("code"), r.getString("measure"), r.getString("authority"), r.getString("recordId"),
                        null, r.getString("capacity"), r.getString("listId"))).toList(),
                credit.platform.sanctions.travel.domain.TravelMode.valueOf(d.getString("mode")),
                credit.platform.sanctions.travel.domain.ServiceClass.valueOf(d.getString("serviceClass")),
                d.getString("trainNumber"), d.getDate("travelAt").toInstant(), d.get("indexSequence", Number.class).longValue()))
                .toList();
    }

    @Override
    public void append(DecisionLogEntry e) {
        mongo.insert(new Document("_id", e.decisionId())
                .append("decidedAt", Date.from(e.decidedAt()))
                .append("decision", "DENY")
                .append("client", e.client())
                .append("reasons", e.reasons().stream().map(r -> new Document("code", r.code())
                        .append("measure", r.measure())
                        .append("listId", r.listId())
                        .append("recordId", r.recordRef())
                        .append("authority", r.authority())
                        .append("capacity", r.capacity())).toList())
                .append("mode", e.mode().name())
                .append("serviceClass", e.serviceClass().name())
                .append("trainNumber", e.trainNumber())
                .append("travelAt", Date.from(e.travelAt()))
                .append("indexSequence", e.indexSequence())
                .append("documentRef", e.document() == null ? null : documentRef(e.document())), DECISIONS);
    }
}
