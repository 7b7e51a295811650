package org.kurultai.fund;

import java.time.LocalDate;

/**
 * A line as the books read it: with its entry's id, value date and kind ({@code kind}: for a reversal, the kind of the
 * entry it reverses, so that a reversed disbursement counts against the disbursements).
 */
public record Posted(long entry, LocalDate valueDate, EntryKind kind, boolean reversal, LedgerLine line) {
}
