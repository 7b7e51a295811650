package org.kurultai.fund;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.kurultai.platform.PdfPages;
import org.kurultai.shared.CsvText;

/**
 * The annual financial report for the SOC as files: a PDF (A4 pages set by {@link PdfPages}, as the lists of
 * participants are) and a CSV (RFC 4180; a text cell a spreadsheet would take for a formula is written after an
 * apostrophe, as the open data does; amounts are plain decimals with a point).
 */
final class FundAnnualReport {

	private FundAnnualReport() {
	}

	static byte[] pdf(FundStatements.AnnualReport report, Function<String, String> text, Locale locale) {
		var currency = " " + report.currency();
		try (var pdf = new PDDocument()) {
			var title = text.apply("fund.report.title") + " " + report.year();
			var pages = new PdfPages(pdf, 1.35f, number -> title + " — " + number);
			try {
				pages.block(null, title, 16, 0);
				pages.gap(8);
				pages.block(text.apply("fund.report.opening"), amount(report.opening().netAssets()) + currency, 11, 0);
				pages.gap(10);
				pages.block(null, text.apply("fund.report.contributions"), 13, 0);
				for (var row : report.contributors()) {
					pages.block(row.label(), amount(row.first()) + currency + " / " + text.apply("fund.report.receivedShort") + " "
							+ amount(row.second()) + currency, 10, 12);
				}
				pages.block(text.apply("fund.report.total"), amount(report.contributions()) + currency + " / "
						+ text.apply("fund.report.receivedShort") + " " + amount(report.received()) + currency, 10, 12);
				pages.gap(10);
				pages.block(null, text.apply("fund.report.projects"), 13, 0);
				for (var row : report.projects()) {
					pages.block(text.apply("fund.report.project") + " " + row.label(), text.apply("fund.report.allocatedShort") + " "
							+ amount(row.first()) + currency + "; " + text.apply("fund.report.disbursedShort") + " " + amount(row.second()) + currency
							+ "; " + text.apply("fund.report.returnedShort") + " " + amount(row.third()) + currency, 10, 12);
				}
				pages.gap(10);
				pages.block(text.apply("fund.report.bankCharges"), amount(report.bankCharges()) + currency, 11, 0);
				pages.block(text.apply("fund.report.exchangeDifferences"), amount(report.exchangeDifferences()) + currency, 11, 0);
				pages.gap(8);
				pages.block(text.apply("fund.report.closing"), amount(report.closing().netAssets()) + currency, 11, 0);
				pages.block(text.apply("fund.balance.cash"), amount(report.closing().cash()) + currency, 10, 12);
				pages.block(text.apply("fund.balance.receivable"), amount(report.closing().receivable()) + currency, 10, 12);
				pages.block(text.apply("fund.balance.allocated"), amount(report.closing().allocatedUndisbursed()) + currency, 10, 12);
				pages.block(text.apply("fund.balance.unallocated"), amount(report.closing().unallocated()) + currency, 10, 12);
			}
			finally {
				pages.finish();
			}
			var information = pdf.getDocumentInformation();
			information.setTitle(title);
			information.setCreator("Kurultai");
			information.setProducer("Kurultai");
			pdf.getDocumentCatalog().setLanguage(locale.getLanguage());
			var out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException failed) {
			throw new UncheckedIOException("Could not render the Fund's annual report as PDF", failed);
		}
	}

	/** The report's figures, one per row: section, label, amount, currency. */
	static String csv(FundStatements.AnnualReport report) {
		var csv = new StringBuilder();
		row(csv, "section", "item", "amount", "currency");
		var c = report.currency();
		row(csv, "opening", "net_assets", amount(report.opening().netAssets()), c);
		for (var row : report.contributors()) {
			row(csv, "contribution", text(row.label()), amount(row.first()), c);
			row(csv, "received", text(row.label()), amount(row.second()), c);
		}
		row(csv, "contributions", "total", amount(report.contributions()), c);
		row(csv, "received", "total", amount(report.received()), c);
		for (var row : report.projects()) {
			row(csv, "allocation", "project " + row.label(), amount(row.first()), c);
			row(csv, "disbursement", "project " + row.label(), amount(row.second()), c);
			row(csv, "return", "project " + row.label(), amount(row.third()), c);
		}
		row(csv, "allocations", "total", amount(report.allocated()), c);
		row(csv, "disbursements", "total", amount(report.disbursed()), c);
		row(csv, "returns", "total", amount(report.returned()), c);
		row(csv, "bank_charges", "total", amount(report.bankCharges()), c);
		row(csv, "exchange_differences", "total", amount(report.exchangeDifferences()), c);
		row(csv, "closing", "net_assets", amount(report.closing().netAssets()), c);
		row(csv, "closing", "cash", amount(report.closing().cash()), c);
		row(csv, "closing", "pledges_receivable", amount(report.closing().receivable()), c);
		row(csv, "closing", "allocated_undisbursed", amount(report.closing().allocatedUndisbursed()), c);
		row(csv, "closing", "unallocated", amount(report.closing().unallocated()), c);
		return csv.toString();
	}

	private static String amount(BigDecimal amount) {
		return amount.setScale(2).toPlainString();
	}

	/** A text cell: after an apostrophe when a spreadsheet would take it for a formula. */
	static String text(String value) {
		return CsvText.safe(value);
	}

	private static void row(StringBuilder csv, String... fields) {
		CsvText.row(csv, fields);
	}
}
