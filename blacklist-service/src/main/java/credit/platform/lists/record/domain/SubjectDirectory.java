package credit.platform.lists.record.domain;

/** Who is who (port; the registry-service gRPC client implements it). */
public interface SubjectDirectory {

    /**
     * The registry's subject holding the identifier, registered first when nobody holds it.
     * Idempotent.
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
