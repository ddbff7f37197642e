package credit.platform.sanctions.enforcement.adapter.remote;

import credit.platform.common.grpc.RemoteCalls;
import credit.platform.sanctions.enforcement.domain.BoundPerson;
import credit.platform.sanctions.enforcement.domain.DirectoryUnavailableException;
import credit.platform.sanctions.enforcement.domain.Role;
import credit.platform.sanctions.enforcement.domain.SubjectDirectory;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.ListRelationshipsRequest;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.Relationship;
import credit.registry.v1.RelationshipDirection;
import credit.registry.v1.RelationshipType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registry over gRPC, asked when a record is indexed and when a subject it holds changes:
 * {@code GetSubject} for every identifier of the listed subject (passports bound to the resident ID are
 * among them) and {@code ListRelationships(company, INCOMING, legal representative / principal /
 * directly responsible person / actual controller, all periods)} for the persons a company's record
 * binds (from_subject_id holds the role in to_subject_id), past, current and future.
 */
@Component
class GrpcSubjectDirectory implements SubjectDirectory {

    private static final Logger log = LoggerFactory.getLogger(GrpcSubjectDirectory.class);
    static final String GET_SUBJECT = "registry-get-subject";
    static final String RELATIONSHIPS = "registry-relationships";

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final RemoteCalls calls;

    GrpcSubjectDirectory(RegistryServiceGrpc.RegistryServiceBlockingStub registry, RemoteCalls calls) {
        this.registry = registry;
        this.calls = calls;
    }

    @Override
    public List<SubjectKey> identifiersOf(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            return List.of();
        }
        GetSubjectRequest request = GetSubjectRequest.newBuilder().setSubjectId(subjectId).build();
        try {
            return calls.idempotent(GET_SUBJECT, d -> registry.withDeadline(d).getSubject(request))
                    .getSubject().getIdentifiersList().stream()
                    .map(ProtoMapping::key).flatMap(Optional::stream).toList();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return List.of();
            }
            throw new DirectoryUnavailableException("registry GetSubject failed: " + e.getStatus().getCode(), e);
        }
    }

    @Override
    public List<BoundPerson> personsBoundBy(String companySubjectId) {
        ListRelationshipsRequest request = ListRelationshipsRequest.newBuilder()
                .setSubjectId(companySubjectId)
                .setDirection(RelationshipDirection.RELATIONSHIP_DIRECTION_INCOMING)
                .addTypes(RelationshipType.RELATIONSHIP_TYPE_LEGAL_REPRESENTATIVE)
                .addTypes(RelationshipType.RELATIONSHIP_TYPE_PRINCIPAL)
                .addTypes(RelationshipType.RELATIONSHIP_TYPE_DIRECTLY_RESPONSIBLE_PERSON)
                .addTypes(RelationshipType.RELATIONSHIP_TYPE_ACTUAL_CONTROLLER)
                .setAllPeriods(true)
                .build();
        List<Relationship> relationships;
        try {
            relationships = calls.idempotent(RELATIONSHIPS, d -> registry.withDeadline(d).listRelationships(request))
                    .getRelationshipsList();
        } catch (StatusRuntimeException e) {
            switch (e.getStatus().getCode()) {
                case NOT_FOUND:
                    return List.of();
                case UNIMPLEMENTED:
                    // A registry without relationships yet: the company's own record is enforced; its
                    // representatives are not bound until the registry can name them.
                    log.warn("Registry does not implement ListRelationships; company records bind no persons");
                    return List.of();
                default:
                    throw new DirectoryUnavailableException("registry ListRelationships failed: "
                            + e.getStatus().getCode(), e);
            }
        }
        List<BoundPerson> persons = new ArrayList<>();
        for (Relationship r : relationships) {
            Role role = switch (r.getType()) {
                case RELATIONSHIP_TYPE_LEGAL_REPRESENTATIVE -> Role.LEGAL_REPRESENTATIVE;
                case RELATIONSHIP_TYPE_PRINCIPAL -> Role.PRINCIPAL;
                case RELATIONSHIP_TYPE_DIRECTLY_RESPONSIBLE_PERSON -> Role.DIRECTLY_RESPONSIBLE_PERSON;
                case RELATIONSHIP_TYPE_ACTUAL_CONTROLLER -> Role.ACTUAL_CONTROLLER;
                default -> null;
            };
            if (role == null || !r.getToSubjectId().equals(companySubjectId)) {
                continue;
            }
            List<SubjectKey> keys = identifiersOf(r.getFromSubjectId());
            if (!keys.isEmpty()) {
                persons.add(new BoundPerson(role, r.getFromSubjectId(), keys,
                        r.hasValidFrom() ? ProtoMapping.instant(r.getValidFrom()) : null,
                        r.hasValidUntil() ? ProtoMapping.instant(r.getValidUntil()) : null));
            }
        }
        return persons;
    }
}
