package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A project's text as its State submitted it (one revision): title in English (and Russian), purpose under the
 * Declaration on Principles Guiding Relations among the CICA Member States (1999) and the Almaty Act (2002), the
 * Catalogue's priority area where it applies, implementing States and partners, duration, the budget by line, the
 * amount requested of the Fund and the co-financing, and, where the requested amount is not the budget's total less
 * the co-financing, why.
 */
public record ProjectContent(String titleEn, @Nullable String titleRu, String purpose, @Nullable String area, List<String> implementingStates,
		@Nullable String partners, LocalDate start, LocalDate end, List<BudgetLine> budget, BigDecimal requested, BigDecimal cofinancing,
		@Nullable String explanation) {

	public ProjectContent {
		implementingStates = List.copyOf(implementingStates);
		budget = List.copyOf(budget);
	}

	/** One line of the budget. */
	public record BudgetLine(String description, BigDecimal amount) {
	}

	/** The budget's total. */
	public BigDecimal total() {
		return budget.stream().map(BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The title in a language (Russian when given, else English). */
	public String title(String language) {
		return "ru".equals(language) && titleRu != null ? titleRu : titleEn;
	}
}
