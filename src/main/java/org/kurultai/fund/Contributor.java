package org.kurultai.fund;

import org.jspecify.annotations.Nullable;

/** A contributor: a participant of the registry (by its code) or anyone else by name and country (ISO 3166-1 alpha-2). */
public record Contributor(long id, ContributorKind kind, @Nullable String participant, @Nullable String name, @Nullable String country) {
}
