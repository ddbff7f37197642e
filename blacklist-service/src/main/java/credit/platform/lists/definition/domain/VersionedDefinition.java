package credit.platform.lists.definition.domain;

import java.time.Instant;

/**
 * A list definition as stored: version 1 as seeded, +1 per edit by a platform admin.
 *
 * @param editedBy the admin client of the last edit; {@code null} while the seed's rules apply
 */
public record VersionedDefinition(ListDefinition definition, long version, String editedBy, Instant editedAt) {
}
