package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A rate the Secretariat recorded: units of the Fund's currency for one unit of {@code currency} on {@code day}, with its source. */
public record ExchangeRate(String currency, LocalDate day, BigDecimal rate, String source, Instant recordedAt, String recordedBy) {
}
