package credit.platform.benchmarks.frontdoor;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.platform.identifiers.SyntheticIdentifiers;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.ServiceClass;
import credit.sanctions.v1.TravelMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The passengers of a run: valid synthetic resident IDs of people who are on no list (every answer
 * ALLOW, as almost every real check is), economy flights; the same passengers for REST and gRPC.
 */
final class Passengers {

    final String[] residentIds;
    final CheckTravelRequest[] grpc;
    final byte[][] json;

    Passengers(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        residentIds = new String[n];
        grpc = new CheckTravelRequest[n];
        json = new byte[n][];
        for (int i = 0; i < n; i++) {
            residentIds[i] = SyntheticIdentifiers.residentId(random, LocalDate.of(2004, 1, 1));
            grpc[i] = grpc(i, residentIds[i]);
            json[i] = checkJson(i, residentIds[i]).getBytes(StandardCharsets.UTF_8);
        }
    }

    static CheckTravelRequest grpc(int i, String residentId) {
        return CheckTravelRequest.newBuilder().setPassengerRef("P" + i)
                .setDocument(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                        .setValue(residentId))
                .setMode(TravelMode.TRAVEL_MODE_AIR).setServiceClass(ServiceClass.SERVICE_CLASS_AIR_ECONOMY).build();
    }

    static String checkJson(int i, String residentId) {
        return "{\"passengerRef\":\"P" + i + "\",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + residentId
                + "\"},\"mode\":\"AIR\",\"seatClass\":\"ECONOMY\"}";
    }

    /** A whole train: {@code size} checks (passengers repeat when fewer than {@code size}). */
    String batchJson(int size, boolean selfContainedReceipts) {
        StringBuilder b = new StringBuilder(size * 130).append("{\"checks\":[");
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ",").append(checkJson(i, residentIds[i % residentIds.length]));
        }
        return b.append("],\"selfContainedReceipts\":").append(selfContainedReceipts).append('}').toString();
    }

    BatchCheckTravelRequest grpcBatch(int size, boolean selfContainedReceipts) {
        BatchCheckTravelRequest.Builder b = BatchCheckTravelRequest.newBuilder()
                .setSelfContainedReceipts(selfContainedReceipts);
        for (int i = 0; i < size; i++) {
            b.addChecks(grpc(i, residentIds[i % residentIds.length]));
        }
        return b.build();
    }
}
