package org.kurultai.fund;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's invariants on its pure parts ({@link Postings}, {@link Books}): every entry balances, the trial balance's
 * debits equal its credits after any sequence of movements (a seeded random walk), a reversal restores every balance
 * exactly, and a foreign receipt's rounding leaves the entry balanced with the remainder in exchange differences.
 */
class LedgerInvariantsTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 2);
	final Postings postings = new Postings("USD");

	private static BigDecimal usd(String amount) {
		return new BigDecimal(amount);
	}

	@Test
	void aForeignReceiptIsRoundedHalfEvenAndStillBalances() {
		// 987.65 EUR net at 1.0837 = 1070.316... → 1070.32; charges 12.35 at 1.0837 = 13.383... → 13.38; gross 1000.00 → 1083.70
		var lines = postings.receipt(1, null, "EUR", usd("1000.00"), usd("12.35"), new BigDecimal("1.0837"), Earmark.GENERAL, null, null);
		assertThat(Postings.balanced(lines)).isTrue();
		assertThat(lines).extracting(LedgerLine::account).containsExactly(LedgerAccount.CASH, LedgerAccount.BANK_CHARGES, LedgerAccount.CONTRIBUTIONS);
		// a rate where the parts round away from the whole: 0.05 + 0.05 at 0.5 → 0.02 + 0.02 (half-even), the whole 0.10 → 0.05
		var odd = postings.receipt(1, null, "EUR", usd("0.10"), usd("0.05"), new BigDecimal("0.5"), Earmark.GENERAL, null, null);
		assertThat(Postings.balanced(odd)).isTrue();
		assertThat(odd).extracting(LedgerLine::account).contains(LedgerAccount.EXCHANGE_DIFFERENCES);
		assertThat(odd.get(0).amount()).isEqualByComparingTo("0.02");
		assertThat(odd.stream().filter(l -> l.account() == LedgerAccount.EXCHANGE_DIFFERENCES).findFirst().orElseThrow().amount())
				.isEqualByComparingTo("0.01");
		assertThat(Money.convert(usd("0.25"), new BigDecimal("0.1"))).isEqualByComparingTo("0.02");
		assertThat(Money.convert(usd("0.35"), new BigDecimal("0.1"))).isEqualByComparingTo("0.04");
	}

	@Test
	void aReceiptAgainstAPledgeAtAnotherRatePostsTheDifference() {
		var pledge = postings.pledge(7, 3, "EUR", usd("1000.00"), new BigDecimal("1.10"), Earmark.GENERAL);
		var receipt = postings.receipt(7, 3L, "EUR", usd("1000.00"), Money.ZERO, new BigDecimal("1.05"), Earmark.GENERAL, usd("1100.00"),
				new BigDecimal("1.10"));
		assertThat(Postings.balanced(pledge)).isTrue();
		assertThat(Postings.balanced(receipt)).isTrue();
		var books = new Books(List.of()).with(1, DAY, EntryKind.PLEDGE, false, pledge).with(2, DAY, EntryKind.RECEIPT, false, receipt);
		assertThat(books.outstanding(3)).isEqualByComparingTo("0");
		assertThat(books.receivable(3)).isEqualByComparingTo("0");
		assertThat(books.balance(LedgerAccount.CASH)).isEqualByComparingTo("1050.00");
		assertThat(books.balance(LedgerAccount.EXCHANGE_DIFFERENCES)).isEqualByComparingTo("50.00");
		assertThat(books.balance().netAssets()).isEqualByComparingTo("1050.00");
	}

	@Test
	void aDisbursementDrawsOnItsEarmarksAndTheAllocation() {
		var books = new Books(List.of())
				.with(1, DAY, EntryKind.CONTRIBUTION, false,
						postings.receipt(1, null, "USD", usd("300.00"), Money.ZERO, BigDecimal.ONE, Earmark.project(9), null, null))
				.with(2, DAY, EntryKind.CONTRIBUTION, false,
						postings.receipt(2, null, "USD", usd("500.00"), Money.ZERO, BigDecimal.ONE, Earmark.GENERAL, null, null))
				.with(3, DAY, EntryKind.CONTRIBUTION, false,
						postings.receipt(2, null, "USD", usd("400.00"), Money.ZERO, BigDecimal.ONE, Earmark.project(8), null, null))
				.with(4, DAY, EntryKind.ALLOCATION, false, postings.allocation(9, usd("1000.00")));
		assertThat(books.availableTo(9, null)).isEqualByComparingTo("800.00");
		var paid = books.with(5, DAY, EntryKind.DISBURSEMENT, false, postings.disbursement(9, usd("600.00"),
				List.of(new Postings.Drawn(Earmark.project(9), usd("300.00")), new Postings.Drawn(Earmark.GENERAL, usd("300.00")))));
		assertThat(paid.violations()).isEmpty();
		assertThat(paid.project(9)).isEqualTo(new FundLedger.ProjectMoney(usd("1000.00"), usd("600.00"), usd("0.00"), usd("400.00")));
		assertThat(paid.cash(Earmark.project(8))).isEqualByComparingTo("400.00");
		// contributions 1200, allocated 1000: 200 unallocated, whatever was paid out of the allocation
		assertThat(paid.balance().unallocated()).isEqualByComparingTo("200.00");
		var over = paid.with(6, DAY, EntryKind.DISBURSEMENT, false, postings.disbursement(9, usd("500.00"),
				List.of(new Postings.Drawn(Earmark.GENERAL, usd("500.00")))));
		assertThat(over.violations()).anyMatch(v -> v.startsWith("cash general")).anyMatch(v -> v.startsWith("project 9 undisbursed"));
	}

	/** A random walk of movements: after each, every entry balances, debits equal credits, the books hold; then all reversed. */
	@Test
	void theTrialBalanceSumsToZeroAfterAnySequenceAndReversalsRestoreIt() {
		var random = new Random(20221013L);
		var books = new Books(List.of());
		var entries = new ArrayList<List<LedgerLine>>();
		var kinds = new ArrayList<EntryKind>();
		var day = DAY;
		long id = 0;
		long pledges = 0;
		var snapshots = new ArrayList<Books>();
		for (int step = 0; step < 400; step++) {
			day = day.plusDays(random.nextInt(3));
			var amount = BigDecimal.valueOf(1 + random.nextInt(100_000), 2);
			var rate = BigDecimal.valueOf(1 + random.nextInt(2_000_000), 6);
			long project = 1 + random.nextInt(4);
			List<LedgerLine> lines;
			EntryKind kind;
			switch (random.nextInt(7)) {
				case 0 -> {
					kind = EntryKind.PLEDGE;
					lines = postings.pledge(1 + random.nextInt(5), ++pledges, "EUR", amount, rate, Earmark.GENERAL);
				}
				case 1 -> {
					kind = EntryKind.RECEIPT;
					long pledge = pledges == 0 ? 0 : 1 + random.nextInt((int) pledges);
					var outstanding = pledge == 0 ? Money.ZERO : books.outstanding(pledge);
					if (outstanding.signum() <= 0) {
						continue;
					}
					var part = amount.min(outstanding);
					var pledgeRate = books.lines().stream().filter(p -> Long.valueOf(pledge).equals(p.line().pledge())).findFirst().orElseThrow()
							.line().rate();
					var receivable = part.compareTo(outstanding) == 0 ? books.receivable(pledge) : Money.convert(part, pledgeRate);
					var charges = part.compareTo(new BigDecimal("1.00")) > 0 ? BigDecimal.valueOf(random.nextInt(100), 2) : Money.ZERO;
					lines = postings.receipt(1, pledge, "EUR", part, charges, rate, Earmark.GENERAL, receivable, pledgeRate);
				}
				case 2 -> {
					kind = EntryKind.CONTRIBUTION;
					var earmark = random.nextBoolean() ? Earmark.GENERAL : Earmark.project(project);
					lines = postings.receipt(1 + random.nextInt(5), null, random.nextBoolean() ? "USD" : "KZT", amount, Money.ZERO,
							rate, earmark, null, null);
				}
				case 3 -> {
					kind = EntryKind.ALLOCATION;
					lines = postings.allocation(project, amount);
				}
				case 4 -> {
					kind = EntryKind.DISBURSEMENT;
					var money = books.project(project);
					var possible = amount.min(money.undisbursed()).min(books.availableTo(project, null));
					if (possible.signum() <= 0) {
						continue;
					}
					var own = books.cash(Earmark.project(project)).max(Money.ZERO).min(possible);
					var drawn = new ArrayList<Postings.Drawn>();
					if (own.signum() > 0) {
						drawn.add(new Postings.Drawn(Earmark.project(project), own));
					}
					if (possible.subtract(own).signum() > 0) {
						drawn.add(new Postings.Drawn(Earmark.GENERAL, possible.subtract(own)));
					}
					lines = postings.disbursement(project, possible, drawn);
				}
				case 5 -> {
					kind = EntryKind.RETURN;
					var money = books.project(project);
					var returnable = money.disbursed().subtract(money.returned()).min(amount);
					if (returnable.signum() <= 0) {
						continue;
					}
					lines = postings.returned(project, returnable);
				}
				default -> {
					kind = EntryKind.BANK_CHARGE;
					var charge = amount.min(books.cash(Earmark.GENERAL));
					if (charge.signum() <= 0) {
						continue;
					}
					lines = postings.bankCharge("USD", charge, BigDecimal.ONE);
				}
			}
			assertThat(Postings.balanced(lines)).as("entry %s %s", kind, lines).isTrue();
			snapshots.add(books);
			books = books.with(++id, day, kind, false, lines);
			entries.add(lines);
			kinds.add(kind);
			assertThat(books.total()).isEqualByComparingTo("0");
			var trial = books.trialBalance(day, "USD");
			assertThat(trial.debits()).isEqualByComparingTo(trial.credits());
			assertThat(books.violations()).as("after %s", kind).isEmpty();
			var balance = books.balance();
			assertThat(balance.netAssets()).isEqualByComparingTo(balance.cash().add(balance.receivable()));
		}
		assertThat(entries).hasSizeGreaterThan(150);
		assertThat(kinds).contains(EntryKind.PLEDGE, EntryKind.RECEIPT, EntryKind.CONTRIBUTION, EntryKind.ALLOCATION, EntryKind.DISBURSEMENT,
				EntryKind.RETURN, EntryKind.BANK_CHARGE);
		// reversing the last entries, one by one, restores the books as they were before each, account by account
		for (int back = entries.size() - 1; back >= entries.size() - 60; back--) {
			var reversal = Postings.reversal(entries.get(back));
			assertThat(Postings.balanced(reversal)).isTrue();
			var restored = books.with(++id, day, kinds.get(back), true, reversal);
			var before = snapshots.get(back);
			for (var account : LedgerAccount.values()) {
				assertThat(restored.balance(account)).as("%s after reversing %s", account, kinds.get(back)).isEqualByComparingTo(before.balance(account));
			}
			for (long project = 1; project <= 4; project++) {
				assertThat(restored.project(project).undisbursed()).isEqualByComparingTo(before.project(project).undisbursed());
			}
			books = restored;
		}
	}

	@Test
	void aTrialBalanceAtADayCountsTheEntriesUpToItInclusive() {
		var books = new Books(List.of())
				.with(1, DAY, EntryKind.CONTRIBUTION, false, postings.receipt(1, null, "USD", usd("100.00"), Money.ZERO, BigDecimal.ONE, Earmark.GENERAL, null, null))
				.with(2, DAY.plusDays(1), EntryKind.CONTRIBUTION, false,
						postings.receipt(1, null, "USD", usd("50.00"), Money.ZERO, BigDecimal.ONE, Earmark.GENERAL, null, null));
		assertThat(books.trialBalance(DAY, "USD").debits()).isEqualByComparingTo("100.00");
		assertThat(books.trialBalance(DAY.plusDays(1), "USD").debits()).isEqualByComparingTo("150.00");
		assertThat(books.trialBalance(DAY.minusDays(1), "USD").debits()).isEqualByComparingTo("0");
	}

	/** No floating point in the Fund's code: money and rates are BigDecimal. */
	@Test
	void theFundHasNoFloatingPoint() throws Exception {
		var floating = Pattern.compile("\\b(double|float|Double|Float)\\b(?!-entry)");
		try (var files = Files.walk(Path.of("src/main/java/org/kurultai/fund"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				assertThat(floating.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
			}
		}
	}
}
