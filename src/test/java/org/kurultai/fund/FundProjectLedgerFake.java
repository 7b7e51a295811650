package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY, until the ledger (branch fund-money) is merged: an in-memory FundLedger with the contract's refusals
 * (over the undisbursed allocation), serialized by a lock, with an unlimited cash balance.
 */
@Component
class FundProjectLedgerFake implements FundLedger {

	private final Map<Long, BigDecimal[]> money = new HashMap<>();
	private final Map<Long, Long> allocations = new HashMap<>();
	private final AtomicLong entries = new AtomicLong();

	@Override
	public synchronized long allocate(long project, BigDecimal amount, long decision, LocalDate on) {
		var first = allocations.get(project);
		if (first != null) {
			return first;
		}
		long id = entries.incrementAndGet();
		allocations.put(project, id);
		of(project)[0] = amount;
		return id;
	}

	@Override
	public synchronized long disburse(long project, @Nullable String area, long tranche, BigDecimal amount, LocalDate on, String reference) {
		var m = of(project);
		if (m[1].add(amount).subtract(m[2]).compareTo(m[0]) > 0) {
			throw new Over();
		}
		m[1] = m[1].add(amount);
		return entries.incrementAndGet();
	}

	@Override
	public synchronized long returnUnspent(long project, BigDecimal amount, LocalDate on, String reference) {
		var m = of(project);
		m[2] = m[2].add(amount);
		return entries.incrementAndGet();
	}

	@Override
	public synchronized ProjectMoney project(long project) {
		var m = of(project);
		return new ProjectMoney(m[0], m[1], m[2], m[0].subtract(m[1]).add(m[2]));
	}

	private BigDecimal[] of(long project) {
		return money.computeIfAbsent(project, p -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
	}

	static class Over extends RuleViolation {

		Over() {
			super("problem.fund.project.tranchesTotal", "x", "y");
		}

		@Override
		public String rule() {
			return "fake-over";
		}
	}
}
