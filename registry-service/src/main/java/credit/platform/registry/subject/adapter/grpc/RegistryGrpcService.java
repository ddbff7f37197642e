package credit.platform.registry.subject.adapter.grpc;

import com.google.protobuf.Timestamp;
import credit.common.v1.SubjectKind;
import credit.common.v1.FeedCaughtUp;
import credit.common.v1.FeedResnapshotRequired;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.feed.server.FeedEntry;
import credit.platform.feed.server.FeedWatch;
import credit.platform.registry.subject.adapter.feed.RegistryFeed;
import credit.platform.common.web.FieldViolation;
import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import credit.platform.identifiers.InvalidIdentifierException;
import credit.platform.registry.permit.domain.Permit;
import credit.platform.registry.permit.domain.PermitService;
import credit.platform.registry.permit.domain.PermitStatus;
import credit.platform.registry.relationship.domain.Direction;
import credit.platform.registry.relationship.domain.Relationship;
import credit.platform.registry.relationship.domain.RelationshipService;
import credit.platform.registry.relationship.domain.RelationshipType;
import credit.platform.registry.subject.domain.IdentifierTakenException;
import credit.platform.registry.subject.domain.NewSubject;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectNotFoundException;
import credit.platform.registry.subject.domain.SubjectService;
import credit.registry.v1.BatchResolveIdentifiersRequest;
import credit.registry.v1.BatchResolveIdentifiersResponse;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.GetSubjectResponse;
import credit.registry.v1.ListPermitsRequest;
import credit.registry.v1.ListPermitsResponse;
import credit.registry.v1.ListRelationshipsRequest;
import credit.registry.v1.ListRelationshipsResponse;
import credit.registry.v1.RegisterSubjectRequest;
import credit.registry.v1.RegisterSubjectResponse;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.ResolveIdentifierRequest;
import credit.registry.v1.ResolveIdentifierResponse;
import credit.registry.v1.ResolvedIdentifier;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.SubjectStatus;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * gRPC for the other services: get, resolve (one or many), register-or-get, relationships as of a
 * day, permits, change feed.
 */
@Service
class RegistryGrpcService extends RegistryServiceGrpc.RegistryServiceImplBase {

    static final int MAX_BATCH = 1000;

    private final SubjectService subjects;
    private final RelationshipService relationships;
    private final PermitService permits;
    private final Clock clock;
    private final FeedWatch<WatchSubjectChangesResponse> watch;

    RegistryGrpcService(SubjectService subjects, RelationshipService relationships, PermitService permits, Clock clock,
            RegistryFeed feed) {
        this.subjects = subjects;
        this.relationships = relationships;
        this.permits = permits;
        this.clock = clock;
        this.watch = new FeedWatch<>(feed.log(), new FeedWatch.Messages<>() {
            @Override
            public WatchSubjectChangesResponse change(FeedEntry entry) {
                return toProto(entry);
            }

            @Override
            public WatchSubjectChangesResponse resnapshotRequired(long oldestRetainedSequence) {
                return WatchSubjectChangesResponse.newBuilder().setResnapshotRequired(FeedResnapshotRequired.newBuilder()
                        .setOldestRetainedSequence(oldestRetainedSequence)).build();
            }

            @Override
            public WatchSubjectChangesResponse caughtUp(long head) {
                return WatchSubjectChangesResponse.newBuilder().setCaughtUp(FeedCaughtUp.newBuilder().setHeadSequence(head))
                        .build();
            }
        }, FeedWatch.Settings.DEFAULT);
    }

    @Override
    public void getSubject(GetSubjectRequest request, StreamObserver<GetSubjectResponse> response) {
        respond(response, () -> GetSubjectResponse.newBuilder().setSubject(toProto(subjects.get(request.getSubjectId()))).build());
    }

    @Override
    public void resolveIdentifier(ResolveIdentifierRequest request, StreamObserver<ResolveIdentifierResponse> response) {
        respond(response, () -> ResolveIdentifierResponse.newBuilder()
                .setSubject(toProto(subjects.resolve(identifier(request.getIdentifier(), "identifier"))))
                .build());
    }

    @Override
    public void batchResolveIdentifiers(BatchResolveIdentifiersRequest request,
            StreamObserver<BatchResolveIdentifiersResponse> response) {
        respond(response, () -> {
            if (request.getIdentifiersCount() > MAX_BATCH) {
                throw GrpcStatuses.invalidArgument(List.of(new FieldViolation("identifiers", "max-size",
                        "at most " + MAX_BATCH + " identifiers per batch")));
            }
            List<Identifier> parsed = new ArrayList<>();
            for (int i = 0; i < request.getIdentifiersCount(); i++) {
                parsed.add(identifier(request.getIdentifiers(i), "identifiers[" + i + "]"));
            }
            List<Optional<Subject>> found = subjects.resolveAll(parsed);
            BatchResolveIdentifiersResponse.Builder b = BatchResolveIdentifiersResponse.newBuilder();
            for (int i = 0; i < parsed.size(); i++) {
                ResolvedIdentifier.Builder r = ResolvedIdentifier.newBuilder().setIdentifier(toProto(parsed.get(i)));
                found.get(i).ifPresent(s -> r.setSubject(toProto(s)));
                b.addResults(r);
            }
            return b.build();
        });
    }

    @Override
    public void registerSubject(RegisterSubjectRequest request, StreamObserver<RegisterSubjectResponse> response) {
        respond(response, () -> {
            var kind = switch (request.getKind()) {
                case SUBJECT_KIND_PERSON -> credit.platform.registry.subject.domain.SubjectKind.PERSON;
                case SUBJECT_KIND_LEGAL_ENTITY -> credit.platform.registry.subject.domain.SubjectKind.LEGAL_ENTITY;
                case SUBJECT_KIND_GOVERNMENT_BODY -> credit.platform.registry.subject.domain.SubjectKind.GOVERNMENT_BODY;
                default -> throw GrpcStatuses.invalidArgument(List.of(
                        new FieldViolation("kind", "required", "the subject kind is required")));
            };
            if (request.getName().isBlank()) {
                throw GrpcStatuses.invalidArgument(List.of(new FieldViolation("name", "required", "the name is required")));
            }
            Identifier identifier = identifier(request.getIdentifier(), "identifier");
            NewSubject draft = new NewSubject(kind, List.of(identifier), request.getName().strip(), "", "",
                    request.hasBirthDate() ? Instant.ofEpochSecond(request.getBirthDate().getSeconds())
                            .atZone(RelationshipService.ZONE).toLocalDate() : null);
            List<credit.platform.registry.subject.domain.Violation> birth =
                    draft.birthDateProblems(credit.platform.identifiers.ChinaTime.today(clock));
            if (!birth.isEmpty()) {
                throw GrpcStatuses.invalidArgument(birth.stream()
                        .map(v -> new FieldViolation("birth_date", v.rule(), v.message())).toList());
            }
            var outcome = subjects.registerOrGet(draft, "grpc");
            return RegisterSubjectResponse.newBuilder()
                    .setSubject(toProto(outcome.subject()))
                    .setCreated(outcome.created())
                    .build();
        });
    }

    @Override
    public void listRelationships(ListRelationshipsRequest request, StreamObserver<ListRelationshipsResponse> response) {
        respond(response, () -> {
            if (request.getSubjectId().isBlank()) {
                throw GrpcStatuses.invalidArgument(List.of(new FieldViolation("subject_id", "required",
                        "subject_id is required")));
            }
            Direction direction = switch (request.getDirection()) {
                case RELATIONSHIP_DIRECTION_OUTGOING -> Direction.OUTGOING;
                case RELATIONSHIP_DIRECTION_INCOMING -> Direction.INCOMING;
                default -> Direction.BOTH;
            };
            Set<RelationshipType> types = EnumSet.noneOf(RelationshipType.class);
            for (credit.registry.v1.RelationshipType t : request.getTypesList()) {
                if (t == credit.registry.v1.RelationshipType.RELATIONSHIP_TYPE_UNSPECIFIED
                        || t == credit.registry.v1.RelationshipType.UNRECOGNIZED) {
                    throw GrpcStatuses.invalidArgument(List.of(new FieldViolation("types", "enum",
                            "types must name relationship types")));
                }
                types.add(RelationshipType.valueOf(t.name().substring("RELATIONSHIP_TYPE_".length())));
            }
            LocalDate asOf = request.hasAsOf()
                    ? Instant.ofEpochSecond(request.getAsOf().getSeconds(), request.getAsOf().getNanos())
                            .atZone(RelationshipService.ZONE).toLocalDate()
                    : null;
            ListRelationshipsResponse.Builder b = ListRelationshipsResponse.newBuilder();
            (request.getAllPeriods() ? relationships.allPeriods(request.getSubjectId(), direction, types)
                    : relationships.list(request.getSubjectId(), direction, types, asOf))
                    .forEach(r -> b.addRelationships(toProto(r)));
            return b.build();
        });
    }

    @Override
    public void listPermits(ListPermitsRequest request, StreamObserver<ListPermitsResponse> response) {
        respond(response, () -> {
            if (request.getSubjectId().isBlank()) {
                throw GrpcStatuses.invalidArgument(List.of(new FieldViolation("subject_id", "required",
                        "subject_id is required")));
            }
            LocalDate today = permits.today();
            ListPermitsResponse.Builder b = ListPermitsResponse.newBuilder();
            permits.all(request.getSubjectId()).forEach(p -> b.addPermits(toProto(p, today)));
            return b.build();
        });
    }

    /** The change feed (platform change-feed component): every change after the consumer's position. */
    @Override
    public void watchSubjectChanges(WatchSubjectChangesRequest request,
            StreamObserver<WatchSubjectChangesResponse> response) {
        watch.serve(request.getFromSequence(), request.getCaughtUpMarkers(), response);
    }

    /** Ends every watch cleanly before the gRPC server stops, so consumers reconnect elsewhere at once. */
    @EventListener(ContextClosedEvent.class)
    void closeWatches() {
        watch.close();
    }

    static WatchSubjectChangesResponse toProto(FeedEntry e) {
        String kind = e.body().getString("kind");
        WatchSubjectChangesResponse.Builder b = WatchSubjectChangesResponse.newBuilder()
                .setSequence(e.sequence()).setSubjectId(e.key())
                .setOccurredAt(timestamp(e.occurredAt()))
                .setKind(kind == null || kind.equals(RegistryFeed.Kind.SUBJECT.name())
                        ? SubjectChangeKind.SUBJECT_CHANGE_KIND_SUBJECT
                        : kind.equals(RegistryFeed.Kind.PERMIT.name()) ? SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT
                        : SubjectChangeKind.SUBJECT_CHANGE_KIND_RELATIONSHIP);
        String permitId = e.body().getString("permitId");
        if (permitId != null) {
            b.setPermitId(permitId);
        }
        String relationshipId = e.body().getString("relationshipId");
        if (relationshipId != null) {
            b.setRelationshipId(relationshipId);
        }
        Number version = (Number) e.body().get("subjectVersion");
        if (version != null) {
            b.setSubjectVersion(version.longValue());
        }
        return b.build();
    }

    private Identifier identifier(credit.common.v1.Identifier id, String field) {
        IdentifierScheme scheme = switch (id.getScheme()) {
            case IDENTIFIER_SCHEME_RESIDENT_ID -> IdentifierScheme.RESIDENT_ID;
            case IDENTIFIER_SCHEME_USCC -> IdentifierScheme.USCC;
            case IDENTIFIER_SCHEME_PASSPORT -> IdentifierScheme.PASSPORT;
            case IDENTIFIER_SCHEME_FOREIGN_PERMANENT_RESIDENT_ID -> IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID;
            default -> throw GrpcStatuses.invalidArgument(List.of(
                    new FieldViolation(field + ".scheme", "required", "the identifier scheme is required")));
        };
        try {
            return Identifiers.parse(scheme, id.getValue(), id.getIssuingCountry(), clock);
        } catch (InvalidIdentifierException e) {
            throw GrpcStatuses.invalidArgument(List.of(new FieldViolation(
                    field + ("issuingCountry".equals(e.field()) ? ".issuing_country" : ".value"), e.rule(),
                    e.getMessage())));
        }
    }

    static credit.common.v1.Identifier toProto(Identifier i) {
        return credit.common.v1.Identifier.newBuilder()
                .setScheme(credit.common.v1.IdentifierScheme.valueOf("IDENTIFIER_SCHEME_" + i.scheme().name()))
                .setValue(i.value())
                .setIssuingCountry(i.issuingCountry())
                .build();
    }

    static credit.registry.v1.Subject toProto(Subject s) {
        credit.registry.v1.Subject.Builder b = credit.registry.v1.Subject.newBuilder()
                .setSubjectId(s.id())
                .setKind(SubjectKind.valueOf("SUBJECT_KIND_" + s.kind().name()))
                .setName(s.name())
                .setLatinName(s.latinName())
                .setStatus(SubjectStatus.valueOf("SUBJECT_STATUS_" + s.status().name()))
                .setRegistrationRegion(s.registrationRegion())
                .setFlaggedForReview(s.flaggedForReview())
                .setVersion(s.version())
                .setCreatedAt(timestamp(s.createdAt()));
        s.identifiers().forEach(i -> b.addIdentifiers(toProto(i)));
        if (s.birthDate() != null) {
            b.setBirthDate(timestamp(s.birthDate().atStartOfDay(RelationshipService.ZONE).toInstant()));
        }
        return b.build();
    }

    /** Days become instants at the start of the day in Asia/Shanghai; valid_until is exclusive (the day after the last). */
    static credit.registry.v1.Relationship toProto(Relationship r) {
        credit.registry.v1.Relationship.Builder b = credit.registry.v1.Relationship.newBuilder()
                .setRelationshipId(r.id())
                .setType(credit.registry.v1.RelationshipType.valueOf("RELATIONSHIP_TYPE_" + r.type().name()))
                .setFromSubjectId(r.fromSubjectId())
                .setToSubjectId(r.toSubjectId())
                .setValidFrom(timestamp(r.validFrom().atStartOfDay(RelationshipService.ZONE).toInstant()))
                .setShareBasisPoints(r.shareBasisPoints());
        if (r.validTo() != null) {
            b.setValidUntil(timestamp(r.validTo().plusDays(1).atStartOfDay(RelationshipService.ZONE).toInstant()));
        }
        return b.build();
    }

    /**
     * Days become instants at the start of the day in Asia/Shanghai; valid_until is exclusive (the
     * day after the last). The recorded status is sent; {@code expired} says whether it lapsed by today.
     */
    static credit.registry.v1.Permit toProto(Permit p, LocalDate today) {
        credit.registry.v1.Permit.Builder b = credit.registry.v1.Permit.newBuilder()
                .setPermitId(p.id())
                .setSubjectId(p.subjectId())
                .setType(p.type())
                .setNumber(p.number())
                .setIssuingAuthority(p.issuer())
                .setValidFrom(timestamp(p.validFrom().atStartOfDay(RelationshipService.ZONE).toInstant()))
                .setStatus(switch (p.status()) {
                    case VALID, EXPIRED -> credit.registry.v1.PermitStatus.PERMIT_STATUS_VALID;
                    case SUSPENDED -> credit.registry.v1.PermitStatus.PERMIT_STATUS_SUSPENDED;
                    case REVOKED -> credit.registry.v1.PermitStatus.PERMIT_STATUS_REVOKED;
                })
                .setExpired(p.statusOn(today) == PermitStatus.EXPIRED);
        if (p.validTo() != null) {
            b.setValidUntil(timestamp(p.validTo().plusDays(1).atStartOfDay(RelationshipService.ZONE).toInstant()));
        }
        return b.build();
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static <T> void respond(StreamObserver<T> response, java.util.function.Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (SubjectNotFoundException e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (IdentifierTakenException e) {
            response.onError(Status.ALREADY_EXISTS.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (io.grpc.StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
