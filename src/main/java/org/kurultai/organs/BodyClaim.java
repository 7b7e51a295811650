package org.kurultai.organs;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/** A claim about a body that the sources disagree on, kept beside the one the forum follows. */
public record BodyClaim(String topic, String value, Sources sources, @Nullable String note) {
}
