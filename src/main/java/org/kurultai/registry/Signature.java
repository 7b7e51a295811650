package org.kurultai.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/**
 * A participant's signature of a founding document. {@code inferred} marks a date the sources do
 * not give, inferred from an admission that required the signature.
 */
public record Signature(String document, LocalDate signedOn, boolean inferred, Sources sources, @Nullable String note) {
}
