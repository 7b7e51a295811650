package org.kurultai.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.InvalidRequest;

/**
 * Exact money: amounts are {@link BigDecimal}s of scale 2; a foreign amount becomes the Fund's by multiplying by the
 * recorded rate and rounding half-even to the cent ({@link #ROUNDING}); rates have ten decimals at most.
 */
public final class Money {

	/** The rounding of every conversion to the Fund's currency: half-even (banker's rounding), to the cent. */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
	public static final BigDecimal ZERO = new BigDecimal("0.00");
	/** The largest amount a line holds (numeric(19,2)). */
	static final BigDecimal MAX = new BigDecimal("99999999999999999.99");
	private static final Pattern RATE = Pattern.compile("\\d{1,9}(\\.\\d{1,10})?");
	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private Money() {
	}

	/** The Fund-currency value of an amount at a rate: half-even to the cent. */
	public static BigDecimal convert(BigDecimal original, BigDecimal rate) {
		return original.multiply(rate).setScale(2, ROUNDING);
	}

	/** The largest amount a person may type (the projects' columns hold numeric(18,2); the ledger's lines more). */
	static final BigDecimal MAX_TYPED = new BigDecimal("1000000000000");
	/** How an amount is typed: digits, an optional sign (refused below, by its own message), a decimal point. */
	private static final Pattern TYPED = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	/**
	 * The one reading of an amount typed by a person, in the Fund's currency or a contribution's: digits with at most two
	 * decimals and a decimal point, commas between thousands allowed ({@code 12,500.00}); positive, or zero where
	 * {@code zeroAllowed}; at most {@link #MAX_TYPED}. Every refusal names {@code field} and says what is wrong: no amount,
	 * not a number, not positive, more than two decimals, too large.
	 */
	public static BigDecimal amount(@Nullable String typed, String field, boolean zeroAllowed) {
		if (typed == null || typed.isBlank()) {
			throw InvalidRequest.of(field, "problem.fund.amountNeeded");
		}
		var shown = shorten(typed.strip());
		var text = typed.strip().replace(",", "");
		if (!TYPED.matcher(text).matches()) {
			throw InvalidRequest.of(field, "problem.fund.amountUnreadable", shown);
		}
		var amount = new BigDecimal(text);
		if (amount.signum() < 0 || (amount.signum() == 0 && !zeroAllowed)) {
			throw InvalidRequest.of(field, zeroAllowed ? "problem.fund.amountNegative" : "problem.fund.amountPositive", shown);
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw InvalidRequest.of(field, "problem.fund.amountCents", shown);
		}
		if (amount.compareTo(MAX_TYPED) > 0) {
			throw InvalidRequest.of(field, "problem.fund.amountTooLarge", MAX_TYPED.toPlainString());
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** A positive amount of at most two decimals, as typed ({@code 1234.50}): {@link #amount(String, String, boolean)}. */
	public static BigDecimal amount(@Nullable String typed, String field) {
		return amount(typed, field, false);
	}

	private static String shorten(String typed) {
		var clean = typed.replaceAll("\\p{Cc}", "?");
		return clean.length() <= 40 ? clean : clean.substring(0, 39) + "\u2026";
	}

	/** An amount given as a number: positive, two decimals at most. */
	public static BigDecimal positive(@Nullable BigDecimal amount, String field) {
		if (amount == null) {
			throw InvalidRequest.of(field, "problem.fund.amountNeeded");
		}
		if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX) > 0) {
			throw InvalidRequest.of(field, "problem.fund.amountInvalid", amount.toPlainString());
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** An optional amount (bank charges): zero when not given. */
	public static BigDecimal optional(@Nullable String typed, String field) {
		return typed == null || typed.isBlank() ? ZERO : amount(typed, field);
	}

	/** A positive exchange rate with at most ten decimals. */
	public static BigDecimal rate(@Nullable String typed, String field) {
		if (typed == null || typed.isBlank()) {
			throw InvalidRequest.of(field, "problem.fund.rateNeeded");
		}
		var text = typed.strip();
		if (!RATE.matcher(text).matches() || new BigDecimal(text).signum() <= 0) {
			throw InvalidRequest.of(field, "problem.fund.rateInvalid", text);
		}
		return new BigDecimal(text);
	}

	/** An ISO 4217 code (three capital letters). */
	public static String currency(@Nullable String typed, String field) {
		if (typed == null || typed.isBlank()) {
			throw InvalidRequest.of(field, "problem.fund.currencyNeeded");
		}
		var code = typed.strip().toUpperCase(java.util.Locale.ROOT);
		if (!CURRENCY.matcher(code).matches()) {
			throw InvalidRequest.of(field, "problem.fund.currencyInvalid", typed.strip());
		}
		return code;
	}
}
