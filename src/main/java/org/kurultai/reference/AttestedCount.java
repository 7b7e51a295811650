package org.kurultai.reference;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A count a source states on a day ("18 members after the 2006 summit"). The forum never stores
 * counts; these are kept to compare with the counts derived from the status periods.
 */
public record AttestedCount(LocalDate asOf, String status, String kind, int count, boolean followed,
		@Nullable List<String> sources, @Nullable String note) {
}
