package credit.platform.lists.record.domain;

import java.util.Optional;

/** Who is who (port; the registry-service gRPC client implements it). */
public interface SubjectDirectory {

    /**
     * The registry's subject holding the identifier, if any (nothing is written).
     *
     * @throws RegistryUnavailableException when the registry cannot be reached in time
     */
    Optional<RegisteredSubject> find(SubjectIdentifier identifier);

    /**
     * The registry's subject holding the identifier, registered first when nobody holds it (with the
     * birth date given, for a person). Idempotent.
     *
     * @throws SubjectRejectedException    when the registry rejects the identifier or name
     * @throws RegistryUnavailableException when the registry cannot be reached in time
     */
    RegisteredSubject registerOrGet(NamedSubject subject);

    /**
     * The registry's subject holding the identifier, if any (a signed-in person or company asking for
     * their own records). Reads only.
     *
     * @throws RegistryUnavailableException when the registry cannot be reached in time
     */
    java.util.Optional<String> holderOf(SubjectIdentifier identifier);
}
