package org.kurultai.platform.backup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused or failed restore stops the start with its reason, not a stack trace. */
class BackupFailureAnalyzer extends AbstractFailureAnalyzer<BackupFailure> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BackupFailure cause) {
		return new FailureAnalysis(cause.getMessage(), "Nothing was changed in the database. See the README's section on backups.", cause);
	}
}
