package credit.platform.gateway.grpcproxy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import credit.common.v1.Identifier;
import credit.platform.gateway.audit.domain.TravelAnswer;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.BatchCheckTravelResponse;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.TravelCheckServiceGrpc;

/**
 * Reads the travel checks passing through one proxied call, for the audit: the documents of the
 * requests, in order, and the decisions of the answers, which come in request order (one answer
 * per request; a batch answers its checks in order). The bytes are forwarded unchanged whether or
 * not they could be read here. Not thread-safe: one per call, used under the call's lock.
 */
final class TravelAnswerReader {

    private static final String BATCH = TravelCheckServiceGrpc.getBatchCheckTravelMethod().getFullMethodName();

    private final boolean batch;
    private final Deque<List<Identifier>> pending = new ArrayDeque<>();

    TravelAnswerReader(String fullMethodName) {
        this.batch = fullMethodName.equals(BATCH);
    }

    /**
     * Notes the documents a request message asks about; returns how many checks it holds, or -1 when the
     * message is not one of the method's request type (the caller refuses it: the service would fail on it).
     */
    int request(byte[] message) {
        try {
            List<Identifier> documents;
            if (batch) {
                documents = BatchCheckTravelRequest.parseFrom(message).getChecksList().stream()
                        .map(CheckTravelRequest::getDocument).toList();
            } else {
                documents = List.of(CheckTravelRequest.parseFrom(message).getDocument());
            }
            pending.add(documents);
            return documents.size();
        } catch (InvalidProtocolBufferException e) {
            pending.add(List.of()); // never forwarded; should an answer come anyway, it has no known document
            return -1;
        }
    }

    /** The decisions of an answer message, each with the document of the request it answers. */
    List<TravelAnswer> answer(byte[] message) {
        List<Identifier> documents = pending.isEmpty() ? List.of() : pending.poll();
        List<CheckTravelResponse> results;
        try {
            results = batch ? BatchCheckTravelResponse.parseFrom(message).getResultsList()
                    : List.of(CheckTravelResponse.parseFrom(message));
        } catch (InvalidProtocolBufferException e) {
            return List.of();
        }
        List<TravelAnswer> answers = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            Identifier document = i < documents.size() ? documents.get(i) : Identifier.getDefaultInstance();
            answers.add(new TravelAnswer(scheme(document), document.getValue(), document.getIssuingCountry(),
                    results.get(i).getDecision() == Decision.DECISION_DENY));
        }
        return answers;
    }

    /** {@code IDENTIFIER_SCHEME_RESIDENT_ID} → {@code RESIDENT_ID}, as the REST API names schemes. */
    private static String scheme(Identifier document) {
        String name = document.getScheme().name();
        return name.startsWith("IDENTIFIER_SCHEME_") ? name.substring("IDENTIFIER_SCHEME_".length()) : name;
    }
}
