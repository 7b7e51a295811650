package org.kurultai.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An entry of the ledger as written: what it records, its value date, its documents, its lines; never changed. */
public record LedgerEntry(long id, EntryKind kind, LocalDate valueDate, String reference, @Nullable Long contributor, @Nullable Long pledge,
		@Nullable Long project, @Nullable Long tranche, @Nullable Long decision, @Nullable Long reverses, Instant recordedAt, String recordedBy,
		List<LedgerLine> lines) {
}
