package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A pledge as recorded: what is still to be received is read from the books ({@link Books#outstanding}). */
public record Pledge(long id, long contributor, String currency, BigDecimal amount, LocalDate pledgedOn, Earmark earmark, String reference) {
}
