package org.kurultai.platform.backup;

/** A backup or restore that was refused or failed; its message says why, for the operator. */
public class BackupFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public BackupFailure(String message) {
		super(message);
	}

	public BackupFailure(String message, Throwable cause) {
		super(message, cause);
	}
}
