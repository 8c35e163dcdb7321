package io.covenant.upload;

/** Why a row of an upload was not stored: its row number in the file, the column and value at fault, the reason. */
public record RowError(int rowNumber, String column, String value, String reason) {}
